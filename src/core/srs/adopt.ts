/**
 * Edited cards keep their history. A card's id hashes its text, so fixing a typo in an answer
 * (in the learner's notes, or in a bundled note in a new version) makes a new card, and the old
 * one's history becomes an orphan. Here a card with no state takes over the state of the one orphan
 * with the same front (as stored: `f`, the shortened front) and the same kind (bundled note `n:`,
 * learner's note `u:`). The orphan's own state and reviews stay as they were, so nothing is lost
 * or counted twice, and undoing the edit finds the old card where it was. A front shared by
 * several orphans or several new cards is ambiguous and left alone.
 */
import type { StudyCard } from '../cards/types';
import type { ReviewBook } from './book';
import { findOrphans } from './orphans';
import { frontExcerpt } from './scheduler';

const KINDS = ['n:', 'u:'];

/** Adopts what can be adopted; returns the pairs, new id first. */
export function adoptEditedCards(book: ReviewBook, deck: readonly StudyCard[], options: { ignoreUserCards?: boolean } = {}): [string, string][] {
  const kindOf = (id: string) => KINDS.find((k) => id.startsWith(k));
  const orphansByFront = new Map<string, string[]>();
  for (const o of findOrphans(book, deck, options)) {
    const kind = kindOf(o.id);
    if (!kind || !o.front || !book.get(o.id)) continue;
    push(orphansByFront, `${kind}\u0000${o.front}`, o.id);
  }
  if (!orphansByFront.size) return [];
  const newByFront = new Map<string, string[]>();
  for (const c of deck) {
    const kind = kindOf(c.id);
    if (kind && !book.get(c.id)) push(newByFront, `${kind}\u0000${frontExcerpt(c.front)}`, c.id);
  }
  const adopted: [string, string][] = [];
  for (const [key, olds] of orphansByFront) {
    const news = newByFront.get(key);
    if (olds.length === 1 && news?.length === 1 && book.adopt(news[0], olds[0])) adopted.push([news[0], olds[0]]);
  }
  return adopted;
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
