/** How many flashcards a note's card lines make, said the same way in the trees and the deck picker. */
import type { NoteCard } from '../notes/types';

/** Cards the decks hold for these card lines: a reversed (`:::`) line is studied both ways, so two. */
export function studyCardCount(cards: readonly Pick<NoteCard, 'kind'>[]): number {
  let n = 0;
  for (const c of cards) n += c.kind === 'reversed' ? 2 : 1;
  return n;
}

/** "1 card", "7 cards". */
export function cardsLabel(n: number): string {
  return `${n} card${n === 1 ? '' : 's'}`;
}
