/**
 * The score of a finished attempt as the real exam reports it: a scaled score with pass or fail,
 * the raw percentage beside it, and how each domain went. Unanswered questions score zero; every
 * question type is all-or-nothing (see scoring.ts).
 */
import type { Exam, Question } from '../content/schema';
import { domainOf } from './draw';
import { isAnswered } from './responses';
import { isCorrect, scaledScore } from './scoring';
import type { EndedBy, FinishedAttempt } from './session';
import { timeUsedMs } from './session';

export interface DomainResult {
  domain: number;
  name: string;
  correct: number;
  total: number;
  /** correct / total, 0 when the attempt had no question of the domain. */
  fraction: number;
  /** Below the pass mark's raw fraction: needs work. */
  weak: boolean;
}

export interface QuestionOutcome { id: string; domain: number; answered: boolean; correct: boolean }

export interface ExamResult {
  total: number;
  answered: number;
  correct: number;
  fraction: number;
  scaled: number;
  passingScore: number;
  /** The raw fraction at which the estimate reaches the pass mark. */
  passFraction: number;
  passed: boolean;
  /** Domains of the exam that had questions in the attempt, in exam order. */
  domains: DomainResult[];
  outcomes: QuestionOutcome[];
  timeUsedMs: number;
  timeLimitMs?: number;
  endedBy: EndedBy;
}

/** One line for the learner on what the scaled score is (and is not). */
export function scoreExplanation(exam: Exam): string {
  const pct = Math.round(passFraction(exam) * 100);
  return `An estimate: AWS does not publish how it scales scores, so your raw percentage is mapped linearly onto ${exam.scoreMin}-${exam.scoreMax}; the pass mark of ${exam.passingScore} falls at about ${pct}% correct.`;
}

/** The raw fraction that maps onto the exam's pass mark. */
export function passFraction(exam: Exam): number {
  return (exam.passingScore - exam.scoreMin) / (exam.scoreMax - exam.scoreMin);
}

export function scoreAttempt(a: FinishedAttempt, exam: Exam, questionById: (id: string) => Question | undefined): ExamResult {
  const questions = a.questionIds.map(questionById).filter((q): q is Question => !!q);
  const outcomes = questions.map((q) => ({
    id: q.id, domain: domainOf(q), answered: isAnswered(q, a.responses[q.id]), correct: isCorrect(q, a.responses[q.id]),
  }));
  const correct = outcomes.filter((o) => o.correct).length;
  const fraction = outcomes.length ? correct / outcomes.length : 0;
  const pass = passFraction(exam);
  const scaled = scaledScore(fraction, exam.scoreMin, exam.scoreMax);
  const domains = exam.domains
    .map((d) => {
      const mine = outcomes.filter((o) => o.domain === d.number);
      const right = mine.filter((o) => o.correct).length;
      const f = mine.length ? right / mine.length : 0;
      return { domain: d.number, name: d.name, correct: right, total: mine.length, fraction: f, weak: f < pass };
    })
    .filter((d) => d.total > 0);
  return {
    total: outcomes.length, answered: outcomes.filter((o) => o.answered).length, correct, fraction, scaled,
    passingScore: exam.passingScore, passFraction: pass, passed: scaled >= exam.passingScore, domains, outcomes,
    timeUsedMs: timeUsedMs(a), timeLimitMs: a.timeLimitMs, endedBy: a.endedBy,
  };
}
