/**
 * Runs mock exam attempts in the extension host, with or without a panel open: starts them from a
 * seeded draw, applies each step and stores it at once, ends them at the deadline by wall clock
 * (a timer while the editor runs; on next use after it was closed), and moves finished attempts
 * into the history and their answers into the answer log. Steps run one at a time, in order.
 */
import { randomInt, randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { Exam, Question } from '../../core/content/schema';
import { domainOf, drawQuestions } from '../../core/exam/draw';
import { historyEntry, recentQuestionIds, type HistoryEntry } from '../../core/exam/history';
import { planExam, type ExamMode } from '../../core/exam/modes';
import { isAnswered } from '../../core/exam/responses';
import { scoreAttempt } from '../../core/exam/results';
import type { Response } from '../../core/exam/scoring';
import * as session from '../../core/exam/session';
import type { Attempt } from '../../core/exam/session';
import { missedQuestions } from '../../core/progress/answers';
import type { AnswerStore } from '../../vscode/adapters/answerStore';
import type { ExamStore } from '../../vscode/adapters/examStore';
import type { Services } from '../../vscode/services';
import { ViewBuilder } from './views';

export interface StartRequest { exam: string; mode: ExamMode; domain?: number; seed?: number }

/** How many recent attempts' questions a new draw avoids while the bank allows. */
const AVOID_ATTEMPTS = 3;
/** setTimeout's ceiling (about 24.8 days); longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type StartOutcome =
  | { ok: true; attempt: Attempt }
  | { ok: false; reason: string };

export class MockExamController implements vscode.Disposable {
  /** Wall clock; tests may replace it. */
  clock: () => number = () => Date.now();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly finished = new vscode.EventEmitter<HistoryEntry>();
  /** An attempt ended (submitted, or its time ran out). */
  readonly onDidFinish = this.finished.event;
  private builder: ViewBuilder | undefined;
  private questionIndex: Map<string, Question> | undefined;

  constructor(private readonly services: Services, readonly store: ExamStore, private readonly answers: AnswerStore) {}

  /** The views of the loaded content (loads it on first use). */
  async views(): Promise<ViewBuilder> {
    if (this.builder) return this.builder;
    const core = await this.services.content.core();
    const byId = (this.questionIndex = new Map(core.content.questions.map((q) => [q.id, q])));
    const notes = new Map(core.content.notes.map((n) => [n.id, n]));
    return (this.builder = new ViewBuilder({ exams: core.content.exams, question: (id) => byId.get(id), note: (id) => notes.get(id) }));
  }

  inProgress(): Attempt | undefined {
    return this.store.inProgress();
  }

  /** How many questions a mode can draw for an exam (a domain's bank, the learner's mistakes). */
  async available(exam: Exam, mode: ExamMode, domain?: number): Promise<number> {
    await this.views();
    const bank = this.bankOf(exam);
    if (mode === 'domain') return bank.filter((q) => domainOf(q) === domain).length;
    if (mode === 'retry') return this.mistakes(exam).length;
    return bank.length;
  }

  /** Starts an attempt. Any attempt in progress must have been finished first. */
  start(req: StartRequest): Promise<StartOutcome> {
    return this.serial(async () => {
      if (this.store.inProgress()) return { ok: false, reason: 'A mock exam is already in progress.' };
      const views = await this.views();
      const exam = views.exam(req.exam);
      if (!exam) return { ok: false, reason: `"${req.exam}" is not an exam of this extension.` };
      const bank = this.bankOf(exam);
      const mistakes = req.mode === 'retry' ? new Set(this.mistakes(exam)) : undefined;
      const pool = req.mode === 'domain' ? bank.filter((q) => domainOf(q) === req.domain) : mistakes ? bank.filter((q) => mistakes.has(q.id)) : bank;
      if (!pool.length) return { ok: false, reason: emptyReason(exam, req) };
      const plan = planExam(exam, req.mode, pool.length);
      const seed = req.seed ?? randomInt(2 ** 31 - 1);
      const avoid = recentQuestionIds(this.store.entries(), exam.id, AVOID_ATTEMPTS);
      const questions = drawQuestions(exam, bank, { count: plan.count, seed, avoid, domain: req.mode === 'domain' ? req.domain : undefined, only: mistakes });
      const attempt = session.createAttempt({ id: randomUUID(), exam, plan, questions, seed, now: this.clock(), domain: req.mode === 'domain' ? req.domain : undefined });
      await this.store.save(attempt);
      this.arm();
      return { ok: true, attempt };
    });
  }

  /**
   * The attempt in progress, reconciled with the content (questions a content update removed are
   * dropped) and ended if its time ran out. `finished` is the history entry when it just ended.
   */
  resume(): Promise<{ attempt?: Attempt; finished?: HistoryEntry; dropped: string[] }> {
    return this.serial(async () => {
      let attempt = this.store.inProgress();
      if (!attempt) return { dropped: [] };
      await this.views();
      const { attempt: known, dropped } = session.withKnownQuestions(attempt, (id) => this.questionIndex!.has(id));
      if (dropped.length) {
        this.services.log.warn(`Dropped ${dropped.length} question(s) no longer in the content from the mock exam in progress: ${dropped.join(', ')}`);
        attempt = known;
        await this.store.save(attempt);
      }
      if (session.isExpired(attempt, this.clock()) || !attempt.questionIds.length) {
        return { finished: await this.end(attempt, 'time'), dropped };
      }
      this.arm();
      return { attempt, dropped };
    });
  }

  answer(attemptId: string, questionId: string, response: Response | null, seq?: number): Promise<Step> {
    return this.step(attemptId, seq, (a) => {
      const q = this.questionIndex!.get(questionId);
      return q ? session.setResponse(a, q, response ?? undefined) : a;
    });
  }

  flag(attemptId: string, questionId: string, flagged: boolean, seq?: number): Promise<Step> {
    return this.step(attemptId, seq, (a) => session.setFlag(a, questionId, flagged));
  }

  navigate(attemptId: string, index: number, seq?: number): Promise<Step> {
    return this.step(attemptId, seq, (a) => session.goTo(a, index));
  }

  /** Practice: shows the answer to an answered question and locks it. */
  check(attemptId: string, questionId: string): Promise<Step> {
    return this.step(attemptId, undefined, (a) => session.check(a, questionId));
  }

  submit(attemptId: string): Promise<HistoryEntry | undefined> {
    return this.serial(async () => {
      const a = this.store.inProgress();
      if (!a || a.id !== attemptId) return undefined;
      return this.end(a, 'submit');
    });
  }

  /** Ends the attempt in progress if its time ran out (the timer, or the next use after a restart). */
  finishIfExpired(): Promise<HistoryEntry | undefined> {
    return this.serial(async () => {
      const a = this.store.inProgress();
      if (!a || !session.isExpired(a, this.clock())) { this.arm(); return undefined; }
      return this.end(a, 'time');
    });
  }

  /** Sets the timer for the deadline of the attempt in progress (or clears it). */
  arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const a = this.store.inProgress();
    const left = a && session.remainingMs(a, this.clock());
    if (left === undefined) return;
    this.timer = setTimeout(() => void this.finishIfExpired(), Math.min(MAX_TIMER_MS, left + 250));
  }

  /**
   * Applies a step to the attempt in progress; past the deadline, ends it instead. A numbered step
   * the attempt has applied already is a replay (a page re-sending what it had not heard back
   * about, or restoring a saved state older than the attempt) and changes nothing.
   */
  private step(attemptId: string, seq: number | undefined, change: (a: Attempt) => Attempt): Promise<Step> {
    return this.serial(async () => {
      const a = this.store.inProgress();
      if (!a || a.id !== attemptId) return { kind: 'stale' };
      await this.views();
      if (session.isExpired(a, this.clock())) return { kind: 'finished', entry: await this.end(a, 'time') };
      const { attempt: next, changed, replayed } = session.applyStep(a, seq, change);
      if (replayed) {
        this.services.log.info(`Mock exam: step ${seq} was applied already (the attempt is at step ${a.seq ?? 0}); ignored.`);
        return { kind: 'replayed' };
      }
      if (next !== a) await this.store.save(next);
      return { kind: 'ok', attempt: next, changed };
    });
  }

  private async end(a: Attempt, endedBy: session.EndedBy): Promise<HistoryEntry> {
    const views = await this.views();
    const exam = views.exam(a.exam);
    const done = session.finish(a, this.clock(), endedBy);
    const result = exam
      ? scoreAttempt(done, exam, (id) => this.questionIndex!.get(id))
      : undefined;
    const entry = result
      ? historyEntry(done, result)
      : { attempt: done, score: { total: 0, correct: 0, scaled: 0, passingScore: 0, passed: false, domains: [] } };
    await this.store.complete(entry);
    this.arm();
    const records = done.questionIds
      .map((id) => this.questionIndex!.get(id))
      .filter((q): q is Question => !!q && isAnswered(q, done.responses[q.id]))
      .map((q) => ({ questionId: q.id, exam: q.exam, task: q.task, correct: result?.outcomes.find((o) => o.id === q.id)?.correct ?? false, at: done.finishedAt, source: 'exam' as const }));
    if (records.length) await this.answers.add(...records);
    this.finished.fire(entry);
    return entry;
  }

  private bankOf(exam: Exam): Question[] {
    return [...this.questionIndex!.values()].filter((q) => q.exam === exam.id);
  }

  private mistakes(exam: Exam): string[] {
    return missedQuestions(this.answers.all().filter((r) => r.exam === exam.id)).filter((id) => this.questionIndex!.has(id));
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.finished.dispose();
  }
}

export type Step =
  | { kind: 'ok'; attempt: Attempt; changed: boolean }
  | { kind: 'finished'; entry: HistoryEntry }
  | { kind: 'stale' }
  /** A numbered step the attempt had applied already: nothing to do. */
  | { kind: 'replayed' };

function emptyReason(exam: Exam, req: StartRequest): string {
  if (req.mode === 'retry') return `No mistakes to retry for ${exam.code} yet: every question you answered wrong in a quiz or exam comes back here.`;
  if (req.mode === 'domain') return `There are no ${exam.code} questions for domain ${req.domain ?? '?'} yet.`;
  return `There are no ${exam.code} questions yet.`;
}
