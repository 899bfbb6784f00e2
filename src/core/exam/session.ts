/**
 * One mock exam attempt as plain data, and the steps a learner takes through it. Every step
 * returns a new attempt, so the host can store each one as it happens. Time is wall-clock: an
 * attempt has a start and a limit, never a running counter, so it keeps running while the panel
 * is hidden or the editor is closed, and ends at its deadline wherever the learner is.
 */
import type { Exam, Question } from '../content/schema';
import { isExamMode, type ExamMode, type ExamPlan } from './modes';
import { isValidResponse, parseResponse } from './responses';
import type { Response } from './scoring';

export interface Attempt {
  v: 1;
  id: string;
  exam: string;
  mode: ExamMode;
  /** Domain practice: the domain. */
  domain?: number;
  seed: number;
  questionIds: string[];
  /** Responses by question id; a question without one is unanswered. */
  responses: Record<string, Response>;
  flagged: string[];
  /** Questions whose answer was shown (feedback 'each'); their responses are locked. */
  checked: string[];
  /** Index of the question on screen. */
  current: number;
  /** Epoch milliseconds. */
  startedAt: number;
  timeLimitMs?: number;
  feedback: 'each' | 'end';
  /**
   * The number of the last step applied (pages number their steps, counting on from this). A step
   * numbered at or below it was applied already: a page replaying it, say from a stale saved state
   * after a window reload, must not undo what came after it.
   */
  seq?: number;
}

export type EndedBy = 'submit' | 'time';

export interface FinishedAttempt extends Attempt {
  finishedAt: number;
  endedBy: EndedBy;
}

export interface NewAttempt {
  id: string;
  exam: Exam;
  plan: ExamPlan;
  questions: readonly Question[];
  seed: number;
  now: number;
  domain?: number;
}

export function createAttempt(n: NewAttempt): Attempt {
  return {
    v: 1, id: n.id, exam: n.exam.id, mode: n.plan.mode, domain: n.domain, seed: n.seed,
    questionIds: n.questions.map((q) => q.id), responses: {}, flagged: [], checked: [], current: 0,
    startedAt: n.now, timeLimitMs: n.plan.timeLimitMs, feedback: n.plan.feedback,
  };
}

/** Records (or clears, with undefined) a response. Unknown questions, invalid responses and checked questions leave the attempt as it was. */
export function setResponse(a: Attempt, q: Question, r: Response | undefined): Attempt {
  if (!a.questionIds.includes(q.id) || a.checked.includes(q.id)) return a;
  if (r && !isValidResponse(q, r)) return a;
  const responses = { ...a.responses };
  if (r) responses[q.id] = r;
  else delete responses[q.id];
  return { ...a, responses };
}

export function setFlag(a: Attempt, questionId: string, flagged: boolean): Attempt {
  if (!a.questionIds.includes(questionId)) return a;
  const rest = a.flagged.filter((id) => id !== questionId);
  return { ...a, flagged: flagged ? [...rest, questionId] : rest };
}

export function goTo(a: Attempt, index: number): Attempt {
  const current = Math.min(Math.max(0, Math.trunc(index)), Math.max(0, a.questionIds.length - 1));
  return current === a.current ? a : { ...a, current };
}

/** Shows the answer of an answered question in a practice attempt, locking its response. */
export function check(a: Attempt, questionId: string): Attempt {
  if (a.feedback !== 'each' || !a.responses[questionId] || a.checked.includes(questionId)) return a;
  return { ...a, checked: [...a.checked, questionId] };
}

/** Whether a step numbered `seq` was applied already (unnumbered steps never were). */
export function isReplayed(a: Attempt, seq: number | undefined): boolean {
  return seq !== undefined && seq <= (a.seq ?? 0);
}

/**
 * Applies a numbered step: `change`, then the step's number, so it is never applied twice.
 * `changed` says whether the learner's attempt changed (not just its step number).
 */
export function applyStep(a: Attempt, seq: number | undefined, change: (a: Attempt) => Attempt): { attempt: Attempt; changed: boolean; replayed: boolean } {
  if (isReplayed(a, seq)) return { attempt: a, changed: false, replayed: true };
  const next = change(a);
  return { attempt: seq === undefined ? next : { ...next, seq }, changed: next !== a, replayed: false };
}

export function deadline(a: Attempt): number | undefined {
  return a.timeLimitMs === undefined ? undefined : a.startedAt + a.timeLimitMs;
}

/** Milliseconds left at `now`, never below zero; undefined when untimed. */
export function remainingMs(a: Attempt, now: number): number | undefined {
  const end = deadline(a);
  return end === undefined ? undefined : Math.max(0, end - now);
}

export function isExpired(a: Attempt, now: number): boolean {
  return remainingMs(a, now) === 0;
}

/**
 * Ends the attempt. Past the deadline it ended at the deadline, by time, whatever the learner
 * did since (an exam left overnight reports its real limit, not the night).
 */
export function finish(a: Attempt, now: number, endedBy: EndedBy = 'submit'): FinishedAttempt {
  const end = deadline(a);
  if (end !== undefined && now >= end) return { ...a, finishedAt: end, endedBy: 'time' };
  return { ...a, finishedAt: Math.max(a.startedAt, now), endedBy };
}

export function timeUsedMs(a: FinishedAttempt): number {
  return Math.max(0, a.finishedAt - a.startedAt);
}

/** Drops questions the bank no longer has (a content update), with their responses and flags. */
export function withKnownQuestions(a: Attempt, known: (id: string) => boolean): { attempt: Attempt; dropped: string[] } {
  const dropped = a.questionIds.filter((id) => !known(id));
  if (!dropped.length) return { attempt: a, dropped };
  const keep = (id: string) => !dropped.includes(id);
  const questionIds = a.questionIds.filter(keep);
  const responses = Object.fromEntries(Object.entries(a.responses).filter(([id]) => keep(id)));
  // Stay on the question on screen; if it went, on the one that followed it.
  const before = a.questionIds.slice(0, a.current).filter(keep).length;
  const current = Math.min(before, Math.max(0, questionIds.length - 1));
  return { attempt: { ...a, questionIds, responses, flagged: a.flagged.filter(keep), checked: a.checked.filter(keep), current }, dropped };
}

/** Reads a stored attempt; undefined (with the reason) when it is not one. */
export function parseAttempt(x: unknown): { attempt?: Attempt; error?: string } {
  if (!x || typeof x !== 'object') return { error: 'not an object' };
  const o = x as Record<string, unknown>;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length < 200;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const strings = (v: unknown) => Array.isArray(v) && v.every(str);
  if (o.v !== 1) return { error: `unknown version ${String(o.v)}` };
  if (!str(o.id) || !str(o.exam) || !isExamMode(o.mode)) return { error: 'missing id, exam or mode' };
  if (!strings(o.questionIds) || !strings(o.flagged) || !strings(o.checked)) return { error: 'question lists are malformed' };
  if (!num(o.seed) || !num(o.current) || !num(o.startedAt)) return { error: 'seed, position or start time is malformed' };
  if (o.timeLimitMs !== undefined && !(num(o.timeLimitMs) && (o.timeLimitMs as number) > 0)) return { error: 'time limit is malformed' };
  if (o.domain !== undefined && !num(o.domain)) return { error: 'domain is malformed' };
  if (o.feedback !== 'each' && o.feedback !== 'end') return { error: 'feedback mode is malformed' };
  if (o.seq !== undefined && !(Number.isSafeInteger(o.seq) && (o.seq as number) >= 0)) return { error: 'step number is malformed' };
  const ids = o.questionIds as string[];
  if (new Set(ids).size !== ids.length) return { error: 'a question appears twice' };
  if (!o.responses || typeof o.responses !== 'object' || Array.isArray(o.responses)) return { error: 'responses are malformed' };
  const responses: Record<string, Response> = {};
  for (const [id, raw] of Object.entries(o.responses as Record<string, unknown>)) {
    const r = parseResponse(raw);
    if (!r || !ids.includes(id)) return { error: `response to ${id} is malformed` };
    responses[id] = r;
  }
  const attempt: Attempt = {
    v: 1, id: o.id as string, exam: o.exam as string, mode: o.mode, domain: o.domain as number | undefined,
    seed: o.seed as number, questionIds: [...ids], responses, flagged: [...(o.flagged as string[])],
    checked: [...(o.checked as string[])], current: Math.max(0, Math.min(ids.length - 1, Math.trunc(o.current as number))),
    startedAt: o.startedAt as number, timeLimitMs: o.timeLimitMs as number | undefined, feedback: o.feedback,
    ...(o.seq === undefined ? {} : { seq: o.seq as number }),
  };
  return { attempt };
}

/** Reads a stored finished attempt (history). */
export function parseFinishedAttempt(x: unknown): { attempt?: FinishedAttempt; error?: string } {
  const { attempt, error } = parseAttempt(x);
  if (!attempt) return { error };
  const o = x as Record<string, unknown>;
  if (typeof o.finishedAt !== 'number' || !Number.isFinite(o.finishedAt) || o.finishedAt < attempt.startedAt) return { error: 'finish time is malformed' };
  if (o.endedBy !== 'submit' && o.endedBy !== 'time') return { error: 'end reason is malformed' };
  return { attempt: { ...attempt, finishedAt: o.finishedAt, endedBy: o.endedBy } };
}
