/**
 * Merges two copies of review progress (the synced globalState copy and the local file, or the
 * learner's data and an imported file) without losing a review: the log is the union of both
 * (one entry per card and time), and each card keeps the state of its most recent review.
 */
import { SCHEMA_VERSION, entryKey, type ReviewData, type StoredCard } from './schema';

export interface MergeReport { addedReviews: number; updatedCards: number }

export function mergeReviewData(base: ReviewData, other: ReviewData): { data: ReviewData; report: MergeReport } {
  const byKey = new Map(base.log.map((e) => [entryKey(e), e]));
  let addedReviews = 0;
  for (const e of other.log) {
    const k = entryKey(e);
    if (!byKey.has(k)) { byKey.set(k, e); addedReviews++; }
  }
  const cards: Record<string, StoredCard> = { ...base.cards };
  let updatedCards = 0;
  for (const [id, card] of Object.entries(other.cards)) {
    const mine = cards[id];
    if (!mine || isNewer(card, mine)) { cards[id] = card; updatedCards++; }
  }
  const log = [...byKey.values()].sort((a, b) => a.at - b.at);
  return {
    data: { schema: SCHEMA_VERSION, cards, log, updatedAt: Math.max(base.updatedAt, other.updatedAt) },
    report: { addedReviews, updatedCards },
  };
}

/** Later last review wins; on a tie the copy with more repetitions has seen more. */
function isNewer(a: StoredCard, b: StoredCard): boolean {
  const la = a.lr ?? -1;
  const lb = b.lr ?? -1;
  return la !== lb ? la > lb : a.reps > b.reps;
}

/** Two copies hold the same progress (same reviews, same card states). */
export function sameProgress(a: ReviewData, b: ReviewData): boolean {
  if (a.log.length !== b.log.length) return false;
  if (a.stamp && a.stamp === b.stamp) return true;
  const ka = Object.keys(a.cards);
  if (ka.length !== Object.keys(b.cards).length) return false;
  const keys = new Set(a.log.map(entryKey));
  if (!b.log.every((e) => keys.has(entryKey(e)))) return false;
  return ka.every((id) => b.cards[id] && JSON.stringify(a.cards[id]) === JSON.stringify(b.cards[id]));
}
