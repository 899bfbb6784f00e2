/**
 * The four kinds of mock exam and what each asks of the learner: how many questions, how long,
 * and whether the answer is shown after each question or only at the end.
 */
import type { Exam } from '../content/schema';

export type ExamMode = 'full' | 'domain' | 'quick' | 'retry';
export const EXAM_MODES: readonly ExamMode[] = ['full', 'domain', 'quick', 'retry'];

/** Questions in a quick set and, at most, in a domain practice. */
export const QUICK_SET_LENGTH = 20;
export const DOMAIN_PRACTICE_LENGTH = 20;

export interface ExamPlan {
  mode: ExamMode;
  count: number;
  /** Undefined for untimed practice. */
  timeLimitMs?: number;
  /** 'each': the answer is shown once the learner checks a question; 'end': only in the review. */
  feedback: 'each' | 'end';
}

export const MODE_LABELS: Record<ExamMode, string> = {
  full: 'Full exam',
  domain: 'Domain practice',
  quick: 'Quick set',
  retry: 'Retry mistakes',
};

export function isExamMode(x: unknown): x is ExamMode {
  return typeof x === 'string' && (EXAM_MODES as readonly string[]).includes(x);
}

/**
 * The plan for a mode. Timed modes keep the real exam's pace (its minutes per question);
 * `available` caps the count where the pool is smaller (a domain, or the learner's mistakes).
 */
export function planExam(exam: Exam, mode: ExamMode, available = Infinity): ExamPlan {
  switch (mode) {
    case 'full': return { mode, count: exam.questions, timeLimitMs: minutes(exam.minutes), feedback: 'end' };
    case 'quick': return { mode, count: QUICK_SET_LENGTH, timeLimitMs: pacedLimit(exam, QUICK_SET_LENGTH), feedback: 'end' };
    case 'domain': return { mode, count: Math.min(DOMAIN_PRACTICE_LENGTH, available), feedback: 'each' };
    case 'retry': {
      const count = Math.min(exam.questions, available);
      return { mode, count, timeLimitMs: pacedLimit(exam, count), feedback: 'end' };
    }
  }
}

/** Time for `count` questions at the real exam's pace, rounded to whole minutes (at least one). */
export function pacedLimit(exam: Exam, count: number): number {
  return minutes(Math.max(1, Math.round((exam.minutes * count) / exam.questions)));
}

function minutes(n: number): number {
  return n * 60_000;
}
