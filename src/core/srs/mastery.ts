/**
 * Card mastery of an exam domain, the one definition the Exams tree, the status bar and the
 * statistics view all use:
 *
 *   mastery = (sum over the domain's cards of the FSRS probability of recalling the card now)
 *             / (number of cards in the domain)
 *
 * A card never studied counts 0, so mastery grows with coverage as well as with memory, and it
 * falls as reviews go overdue. It is undefined while no card of the domain has been studied.
 */
import { parseTaskRef } from '../content/bundle';
import type { StudyCard } from '../cards/types';
import { isNew, type ReviewBook } from './book';
import type { Scheduler } from './scheduler';

export interface Mastery { value: number | undefined; cards: number; studied: number }

export function masteryOf(cards: readonly StudyCard[], book: ReviewBook, scheduler: Scheduler, now: Date): Mastery {
  let sum = 0;
  let studied = 0;
  for (const c of cards) {
    const s = book.get(c.id);
    if (isNew(s)) continue;
    studied++;
    sum += scheduler.retrievability(s, now);
  }
  return { value: studied && cards.length ? sum / cards.length : undefined, cards: cards.length, studied };
}

/** Cards grouped by `exam:domain` (a card taught under several tasks counts in each of their domains once). */
export function cardsByDomain(cards: readonly StudyCard[]): Map<string, StudyCard[]> {
  const out = new Map<string, StudyCard[]>();
  for (const c of cards) {
    const keys = new Set(c.tasks.map((t) => parseTaskRef(t)).filter((r) => !!r).map((r) => `${r!.exam}:${r!.domain}`));
    for (const k of keys) {
      const list = out.get(k) ?? [];
      list.push(c);
      out.set(k, list);
    }
  }
  return out;
}
