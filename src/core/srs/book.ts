/**
 * The learner's review progress in memory: card states and the review log. Everything that
 * changes progress goes through here, so the host can persist after each change.
 */
import { emptyReviewData, entryKey, type ReviewData, type ReviewEntry, type StoredCard } from './schema';
import { nextStudyDayStart, studyDayStart } from './day';

export class ReviewBook {
  private data: ReviewData;

  constructor(data: ReviewData = emptyReviewData()) {
    this.data = data;
  }

  get(cardId: string): StoredCard | undefined {
    return Object.prototype.hasOwnProperty.call(this.data.cards, cardId) ? this.data.cards[cardId] : undefined;
  }

  get log(): readonly ReviewEntry[] { return this.data.log; }
  get cardIds(): string[] { return Object.keys(this.data.cards); }
  get size(): number { return Object.keys(this.data.cards).length; }

  /** Stores a graded card's new state and its review. */
  record(cardId: string, next: StoredCard, entry: ReviewEntry): void {
    this.data.cards[cardId] = next;
    this.data.log.push(entry);
    this.data.updatedAt = Math.max(this.data.updatedAt, entry.at);
  }

  /**
   * Gives a card with no state a copy of another card's state, marked with that card's id (`o`):
   * an edited card takes over the history of its old version. The old state and its reviews stay.
   */
  adopt(cardId: string, fromId: string): boolean {
    const from = this.get(fromId);
    if (!from || this.get(cardId)) return false;
    this.data.cards[cardId] = { ...from, o: fromId };
    return true;
  }

  /** Takes a review back: its log entry goes and the card returns to its earlier state. */
  revert(cardId: string, previous: StoredCard | undefined, entry: ReviewEntry, now: number): void {
    const key = entryKey(entry);
    for (let i = this.data.log.length - 1; i >= 0; i--) {
      if (entryKey(this.data.log[i]) === key) { this.data.log.splice(i, 1); break; }
    }
    if (previous) this.data.cards[cardId] = previous;
    else delete this.data.cards[cardId];
    this.data.updatedAt = Math.max(this.data.updatedAt, now);
  }

  /** Cards seen for the first time during the study day of `now`. */
  newIntroducedToday(now: Date): number {
    const from = studyDayStart(now).getTime();
    const ids = new Set<string>();
    for (let i = this.data.log.length - 1; i >= 0 && this.data.log[i].at >= from; i--) {
      if (this.data.log[i].st === 0) ids.add(this.data.log[i].c);
    }
    return ids.size;
  }

  /** Replaces everything, e.g. after merging an import. */
  replace(data: ReviewData): void { this.data = data; }

  /** The data to persist (the live object: serialise it, do not keep it). */
  toData(): ReviewData { return this.data; }
}

/** Whether a studied card should be reviewed now: review cards by study day, (re)learning cards to the minute. */
export function isDue(card: StoredCard | undefined, now: Date): boolean {
  if (!card || card.st === 0) return false;
  if (card.st === 2) return card.due < nextStudyDayStart(now).getTime();
  return card.due <= now.getTime();
}

export function isNew(card: StoredCard | undefined): boolean {
  return !card || card.st === 0;
}
