/**
 * Every finished attempt, kept for good: the attempt itself (so it can be reviewed again) and the
 * score it got when it was taken (so a later content update does not rewrite the past). Entries
 * are append-only; an unreadable entry is dropped on load and counted, never fatal.
 */
import type { ExamMode } from './modes';
import type { ExamResult } from './results';
import { parseFinishedAttempt, type FinishedAttempt } from './session';

export interface DomainScore { domain: number; correct: number; total: number }

export interface ScoreSummary {
  total: number;
  correct: number;
  scaled: number;
  passingScore: number;
  passed: boolean;
  domains: DomainScore[];
}

export interface HistoryEntry {
  attempt: FinishedAttempt;
  score: ScoreSummary;
}

export function historyEntry(attempt: FinishedAttempt, r: ExamResult): HistoryEntry {
  return {
    attempt,
    score: {
      total: r.total, correct: r.correct, scaled: r.scaled, passingScore: r.passingScore, passed: r.passed,
      domains: r.domains.map((d) => ({ domain: d.domain, correct: d.correct, total: d.total })),
    },
  };
}

/** Adds an entry unless an entry with its attempt id is already there (a retried write). */
export function appendEntry(entries: readonly HistoryEntry[], e: HistoryEntry): HistoryEntry[] {
  return entries.some((x) => x.attempt.id === e.attempt.id) ? [...entries] : [...entries, e];
}

/** Reads a stored history, keeping every valid entry; reports how many were dropped. */
export function readHistory(raw: unknown): { entries: HistoryEntry[]; dropped: number } {
  if (raw === undefined) return { entries: [], dropped: 0 };
  if (!Array.isArray(raw)) return { entries: [], dropped: 1 };
  const entries: HistoryEntry[] = [];
  for (const item of raw) {
    const e = parseEntry(item);
    if (e) entries.push(e);
  }
  return { entries, dropped: raw.length - entries.length };
}

function parseEntry(x: unknown): HistoryEntry | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const { attempt } = parseFinishedAttempt(o.attempt);
  const score = parseScore(o.score);
  return attempt && score ? { attempt, score } : undefined;
}

function parseScore(x: unknown): ScoreSummary | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (!int(o.total) || !int(o.correct) || !int(o.scaled) || !int(o.passingScore) || typeof o.passed !== 'boolean') return undefined;
  if (!Array.isArray(o.domains)) return undefined;
  const domains = o.domains.filter((d): d is DomainScore => !!d && typeof d === 'object' && int(d.domain) && int(d.correct) && int(d.total));
  if (domains.length !== o.domains.length) return undefined;
  return { total: o.total, correct: o.correct, scaled: o.scaled, passingScore: o.passingScore, passed: o.passed, domains };
}

/** Question ids of the last `attempts` attempts at an exam, to avoid in the next draw. */
export function recentQuestionIds(entries: readonly HistoryEntry[], exam: string, attempts = 3): Set<string> {
  const mine = entries.filter((e) => e.attempt.exam === exam).sort((a, b) => a.attempt.finishedAt - b.attempt.finishedAt);
  return new Set(mine.slice(-attempts).flatMap((e) => e.attempt.questionIds));
}

export interface TrendPoint { id: string; at: number; scaled: number; passed: boolean; mode: ExamMode }

/** Scaled scores of an exam's attempts over time, oldest first. */
export function trend(entries: readonly HistoryEntry[], exam: string): TrendPoint[] {
  return entries
    .filter((e) => e.attempt.exam === exam)
    .map((e) => ({ id: e.attempt.id, at: e.attempt.finishedAt, scaled: e.score.scaled, passed: e.score.passed, mode: e.attempt.mode }))
    .sort((a, b) => a.at - b.at);
}
