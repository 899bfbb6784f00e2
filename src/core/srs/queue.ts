/** What a review session shows, in order: due cards first (most overdue first), then new cards up to today's allowance. */
import type { StudyCard } from '../cards/types';
import { isDue, isNew, type ReviewBook } from './book';

export function dueCards(cards: readonly StudyCard[], book: ReviewBook, now: Date): StudyCard[] {
  return cards
    .filter((c) => isDue(book.get(c.id), now))
    .sort((a, b) => book.get(a.id)!.due - book.get(b.id)!.due);
}

export function newCards(cards: readonly StudyCard[], book: ReviewBook): StudyCard[] {
  return cards.filter((c) => isNew(book.get(c.id)));
}

/** New cards still allowed today under the daily limit. */
export function newAllowance(book: ReviewBook, now: Date, limit: number): number {
  return Math.max(0, limit - book.newIntroducedToday(now));
}

export interface DeckCounts { due: number; fresh: number; newToday: number; learning: number; total: number }

/** Counts for a deck: due now, new cards available today (within the limit), total. */
export function deckCounts(cards: readonly StudyCard[], book: ReviewBook, now: Date, newLimit: number): DeckCounts {
  let due = 0;
  let fresh = 0;
  let learning = 0;
  for (const c of cards) {
    const s = book.get(c.id);
    if (isNew(s)) fresh++;
    else if (isDue(s, now)) due++;
    if (s && (s.st === 1 || s.st === 3)) learning++;
  }
  return { due, fresh, newToday: Math.min(fresh, newAllowance(book, now, newLimit)), learning, total: cards.length };
}
