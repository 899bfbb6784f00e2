/**
 * Orphans: cards with review history whose source is gone (a note card whose text changed, a
 * glossary entry removed, a note file deleted). Their history stays in storage untouched, so a
 * card that comes back (an undone edit, a file restored) carries on where it was.
 */
import type { StudyCard } from '../cards/types';
import type { ReviewBook } from './book';

export interface Orphan { id: string; reviews: number; front?: string; lastReview?: number }

export function findOrphans(book: ReviewBook, deck: readonly StudyCard[], options: { ignoreUserCards?: boolean } = {}): Orphan[] {
  const live = new Set(deck.map((c) => c.id));
  // An old version whose history a live card took over is not lost (srs/adopt.ts).
  for (const c of deck) { const from = book.get(c.id)?.o; if (from) live.add(from); }
  const counts = new Map<string, number>();
  for (const e of book.log) counts.set(e.c, (counts.get(e.c) ?? 0) + 1);
  const ids = new Set([...book.cardIds, ...counts.keys()]);
  const out: Orphan[] = [];
  for (const id of ids) {
    if (live.has(id) || (options.ignoreUserCards && id.startsWith('u:'))) continue;
    const s = book.get(id);
    // A copy taken over from a card that is live again (the edit was undone) has lost nothing.
    if (s?.o && live.has(s.o) && !counts.has(id)) continue;
    out.push({ id, reviews: counts.get(id) ?? 0, front: s?.f, lastReview: s?.lr });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
