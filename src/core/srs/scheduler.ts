/**
 * The glue between stored card states and ts-fsrs, which does all of the scheduling: desired
 * retention and learning steps come from the settings, every grade goes through `FSRS.next`, and
 * the grade buttons' intervals come from `FSRS.repeat`.
 */
import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS, type Grade, type ReviewLog, type StepUnit } from 'ts-fsrs';
import { formatInterval } from './interval';
import type { ReviewEntry, StoredCard } from './schema';

export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export interface SchedulerOptions {
  /** Probability of recall FSRS aims for at the due date (0.7..0.99). */
  desiredRetention: number;
  /** Learning steps such as ['1m', '10m']; unreadable steps are ignored. */
  learningSteps: readonly string[];
  maximumIntervalDays?: number;
  /** Spread due dates a little so cards learnt together do not stay together (default on). */
  fuzz?: boolean;
}

export const DEFAULT_STEPS: StepUnit[] = ['1m', '10m'];
const FRONT_EXCERPT = 120;

export class Scheduler {
  private _f: FSRS | undefined;
  readonly steps: StepUnit[];

  constructor(readonly options: SchedulerOptions) {
    const parsed = parseSteps(options.learningSteps);
    this.steps = parsed.length || options.learningSteps.length === 0 ? parsed : DEFAULT_STEPS;
  }

  /** ts-fsrs, set up on first use: a scheduler is made at activation, and ts-fsrs loads only when a card is scheduled. */
  private get f(): FSRS {
    return (this._f ??= fsrs(generatorParameters({
      request_retention: Math.min(0.99, Math.max(0.7, this.options.desiredRetention)),
      maximum_interval: this.options.maximumIntervalDays ?? 36500,
      enable_fuzz: this.options.fuzz ?? true,
      learning_steps: this.steps,
    })));
  }

  /** The state each grade would give the card now. */
  preview(card: StoredCard | undefined, now: Date): Record<Rating, StoredCard> {
    const p = this.f.repeat(toFsrs(card, now), now);
    return { 1: fromFsrs(p[1].card, card?.f), 2: fromFsrs(p[2].card, card?.f), 3: fromFsrs(p[3].card, card?.f), 4: fromFsrs(p[4].card, card?.f) };
  }

  /** Interval labels for the four grade buttons. */
  previewLabels(card: StoredCard | undefined, now: Date): Record<Rating, string> {
    const p = this.preview(card, now);
    const label = (r: Rating) => formatInterval(p[r].due - now.getTime());
    return { 1: label(1), 2: label(2), 3: label(3), 4: label(4) };
  }

  /** Grades a card: its next state and the log entry of this review. */
  grade(cardId: string, card: StoredCard | undefined, rating: Rating, now: Date, extra: { front?: string; ms?: number } = {}): { next: StoredCard; entry: ReviewEntry } {
    const r = this.f.next(toFsrs(card, now), now, rating as Grade);
    const front = extra.front !== undefined ? frontExcerpt(extra.front) : card?.f;
    const next = fromFsrs(r.card, front);
    if (card?.o) next.o = card.o;
    return { next, entry: entryFromLog(cardId, r.log, extra.ms) };
  }

  /** FSRS probability of recalling the card now (0 for a card never studied). */
  retrievability(card: StoredCard | undefined, now: Date): number {
    if (!card || card.st === 0) return 0;
    return this.f.get_retrievability(toFsrs(card, now), now, false);
  }
}

export function parseSteps(steps: readonly string[]): StepUnit[] {
  return steps.map((s) => String(s).trim()).filter((s): s is StepUnit => /^\d+(\.\d+)?[mhd]$/.test(s) && parseFloat(s) > 0);
}

export function toFsrs(card: StoredCard | undefined, now: Date): Card {
  if (!card) return createEmptyCard(now);
  return {
    due: new Date(card.due), stability: card.s, difficulty: card.d, elapsed_days: card.ed, scheduled_days: card.sd,
    learning_steps: card.ls, reps: card.reps, lapses: card.lapses, state: card.st,
    last_review: card.lr !== undefined ? new Date(card.lr) : undefined,
  };
}

export function fromFsrs(c: Card, front?: string): StoredCard {
  const out: StoredCard = {
    due: c.due.getTime(), s: c.stability, d: c.difficulty, ed: c.elapsed_days, sd: c.scheduled_days,
    ls: c.learning_steps, reps: c.reps, lapses: c.lapses, st: c.state as StoredCard['st'],
  };
  if (c.last_review) out.lr = new Date(c.last_review).getTime();
  if (front) out.f = front;
  return out;
}

function entryFromLog(cardId: string, log: ReviewLog, ms?: number): ReviewEntry {
  const e: ReviewEntry = {
    c: cardId, r: log.rating as Rating, at: log.review.getTime(), st: log.state as ReviewEntry['st'], due: log.due.getTime(),
    s: log.stability, d: log.difficulty, ed: log.elapsed_days, sd: log.scheduled_days, ls: log.learning_steps,
  };
  if (ms !== undefined) e.ms = Math.max(0, Math.round(ms));
  return e;
}

/** The front as a card's state stores it (`f`): whitespace runs as one space, at most 120 characters. */
export function frontExcerpt(front: string): string {
  const flat = front.replace(/\s+/g, ' ').trim();
  return flat.length > FRONT_EXCERPT ? `${flat.slice(0, FRONT_EXCERPT - 1)}…` : flat;
}
