/**
 * One sitting of flashcard review over a deck. Review mode grades through the scheduler and
 * records every grade in the book; cards that go back to (re)learning return within the session
 * when due (or up to 20 minutes early when nothing else is left). Cram mode shows every card of
 * the deck, weakest first, and never touches the schedule. The last grades can be undone.
 */
import type { StudyCard } from '../cards/types';
import { isNew, type ReviewBook } from './book';
import { dueCards, newAllowance, newCards } from './queue';
import type { Rating, Scheduler } from './scheduler';
import type { ReviewEntry, StoredCard } from './schema';

export type SessionMode = 'review' | 'cram';

export interface SessionOptions {
  mode: SessionMode;
  /** New cards per study day (the setting). */
  newLimit: number;
  learnAheadMs?: number;
  /** Time spent on one card counts up to this much (someone walked away). */
  maxAnswerMs?: number;
}

export interface SessionStats {
  reviewed: number;
  again: number;
  newStudied: number;
  timeMs: number;
  byRating: [number, number, number, number];
}

export interface GradeOutcome { card: StudyCard; rating: Rating; next?: StoredCard; entry?: ReviewEntry }

interface UndoStep {
  card: StudyCard;
  rating: Rating;
  previous?: StoredCard;
  entry?: ReviewEntry;
  queue: string[];
  learning: [string, number][];
  stats: SessionStats;
}

const DEFAULT_LEARN_AHEAD = 20 * 60_000;
const DEFAULT_MAX_ANSWER = 120_000;
/** In cram mode a card graded Again comes back after this many others. */
const CRAM_AGAIN_GAP = 3;
const UNDO_DEPTH = 50;

export class ReviewSession {
  private queue: string[];
  private readonly learning = new Map<string, number>();
  private readonly byId: Map<string, StudyCard>;
  private cur: { id: string; shownAt: number } | undefined;
  private readonly undoStack: UndoStep[] = [];
  private _stats: SessionStats = { reviewed: 0, again: 0, newStudied: 0, timeMs: 0, byRating: [0, 0, 0, 0] };
  readonly startedAt: number;

  constructor(
    private readonly cards: readonly StudyCard[],
    private readonly book: ReviewBook,
    private readonly scheduler: Scheduler,
    private readonly clock: () => Date,
    readonly options: SessionOptions,
  ) {
    this.byId = new Map(cards.map((c) => [c.id, c]));
    const now = clock();
    this.startedAt = now.getTime();
    this.queue = options.mode === 'cram' ? this.cramOrder(now) : this.reviewOrder(now);
  }

  get mode(): SessionMode { return this.options.mode; }
  get stats(): SessionStats { return { ...this._stats, byRating: [...this._stats.byRating] }; }
  get canUndo(): boolean { return this.undoStack.length > 0; }
  get deckSize(): number { return this.cards.length; }

  /** The card to show now, or undefined when the session has nothing left. */
  current(): StudyCard | undefined {
    const now = this.clock().getTime();
    if (this.cur && (this.queue.includes(this.cur.id) || this.learning.has(this.cur.id))) {
      // A learning card that has come due goes before the card on screen only once that card is graded.
      return this.byId.get(this.cur.id);
    }
    const id = this.pick(now);
    this.cur = id ? { id, shownAt: now } : undefined;
    return id ? this.byId.get(id) : undefined;
  }

  /** Interval labels for the grade buttons of the current card. */
  previews(): Record<Rating, string> | undefined {
    const card = this.current();
    if (!card) return undefined;
    if (this.mode === 'cram') return { 1: 'again', 2: 'done', 3: 'done', 4: 'done' };
    return this.scheduler.previewLabels(this.book.get(card.id), this.clock());
  }

  grade(rating: Rating): GradeOutcome | undefined {
    const card = this.current();
    if (!card || !this.cur) return undefined;
    const now = this.clock();
    const ms = Math.min(Math.max(0, now.getTime() - this.cur.shownAt), this.options.maxAnswerMs ?? DEFAULT_MAX_ANSWER);
    const previous = this.book.get(card.id);
    const step: UndoStep = { card, rating, previous, queue: [...this.queue], learning: [...this.learning], stats: this.stats };
    const outcome: GradeOutcome = { card, rating };
    this.remove(card.id);
    if (this.mode === 'cram') {
      if (rating === 1) this.queue.splice(Math.min(CRAM_AGAIN_GAP, this.queue.length), 0, card.id);
    } else {
      const { next, entry } = this.scheduler.grade(card.id, previous, rating, now, { front: card.front, ms });
      this.book.record(card.id, next, entry);
      if (next.st === 1 || next.st === 3) this.learning.set(card.id, next.due);
      Object.assign(outcome, { next, entry });
      step.entry = entry;
      if (isNew(previous)) this._stats.newStudied++;
    }
    this._stats.reviewed++;
    if (rating === 1) this._stats.again++;
    this._stats.byRating[rating - 1]++;
    this._stats.timeMs += ms;
    this.undoStack.push(step);
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    this.cur = undefined;
    return outcome;
  }

  /** Takes back the last grade; that card is shown again. Returns it, or undefined when there is nothing to undo. */
  undo(): StudyCard | undefined {
    const step = this.undoStack.pop();
    if (!step) return undefined;
    const now = this.clock().getTime();
    if (step.entry) this.book.revert(step.card.id, step.previous, step.entry, now);
    this.queue = step.queue;
    this.learning.clear();
    for (const [id, due] of step.learning) this.learning.set(id, due);
    this._stats = step.stats;
    if (!this.queue.includes(step.card.id) && !this.learning.has(step.card.id)) this.queue.unshift(step.card.id);
    this.cur = { id: step.card.id, shownAt: now };
    return step.card;
  }

  /** Adds up to `n` more new cards beyond today's limit (the learner asked for them). */
  addNew(n: number): number {
    const waiting = new Set([...this.queue, ...this.learning.keys()]);
    const extra = newCards(this.cards, this.book).filter((c) => !waiting.has(c.id)).slice(0, Math.max(0, n));
    this.queue.push(...extra.map((c) => c.id));
    return extra.length;
  }

  /** Cards still waiting in this session. */
  remaining(): { due: number; fresh: number; learning: number } {
    let fresh = 0;
    for (const id of this.queue) if (this.mode === 'review' && isNew(this.book.get(id))) fresh++;
    return { due: this.queue.length - fresh, fresh, learning: this.learning.size };
  }

  /** The earliest time a (re)learning card of this session comes back, if any. */
  nextLearningDue(): number | undefined {
    return this.learning.size ? Math.min(...this.learning.values()) : undefined;
  }

  private pick(now: number): string | undefined {
    const learningOrder = [...this.learning].sort((a, b) => a[1] - b[1]);
    const ready = learningOrder.find(([, due]) => due <= now);
    if (ready) return ready[0];
    if (this.queue.length) return this.queue[0];
    const soon = learningOrder.find(([, due]) => due <= now + (this.options.learnAheadMs ?? DEFAULT_LEARN_AHEAD));
    return soon?.[0];
  }

  private remove(id: string): void {
    const i = this.queue.indexOf(id);
    if (i >= 0) this.queue.splice(i, 1);
    this.learning.delete(id);
  }

  private reviewOrder(now: Date): string[] {
    const due = dueCards(this.cards, this.book, now);
    const learningNow = due.filter((c) => this.book.get(c.id)!.st !== 2);
    const fresh = newCards(this.cards, this.book).slice(0, newAllowance(this.book, now, this.options.newLimit));
    // (Re)learning cards due later today come back through the learning list, not the queue.
    for (const c of this.cards) {
      const s = this.book.get(c.id);
      if (s && (s.st === 1 || s.st === 3) && !learningNow.includes(c)) this.learning.set(c.id, s.due);
    }
    return [...due.map((c) => c.id), ...fresh.map((c) => c.id)];
  }

  /** Every card: due first, then studied cards from the least to the best remembered, then new ones. */
  private cramOrder(now: Date): string[] {
    const due = dueCards(this.cards, this.book, now);
    const dueIds = new Set(due.map((c) => c.id));
    const studied = this.cards
      .filter((c) => !dueIds.has(c.id) && !isNew(this.book.get(c.id)))
      .map((c) => ({ id: c.id, r: this.scheduler.retrievability(this.book.get(c.id), now) }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.id);
    return [...due.map((c) => c.id), ...studied, ...newCards(this.cards, this.book).map((c) => c.id)];
  }
}
