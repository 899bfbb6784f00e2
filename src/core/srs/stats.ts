/** Numbers behind the statistics view: reviews per day, the due forecast, true retention, streaks. */
import type { StudyCard } from '../cards/types';
import { isDue, isNew, type ReviewBook } from './book';
import { addDays, nextStudyDayStart, studyDayKey, studyDayStart } from './day';
import type { ReviewEntry } from './schema';

export interface DailyCounts { start: string; counts: number[] }

/** Reviews on each of the last `days` study days, oldest first; the last is today. */
export function reviewsPerDay(log: readonly ReviewEntry[], now: Date, days: number): DailyCounts {
  const today = studyDayStart(now);
  const keys = Array.from({ length: days }, (_, i) => studyDayKey(addDays(today, i - days + 1)));
  const index = new Map(keys.map((k, i) => [k, i]));
  const counts = new Array<number>(days).fill(0);
  for (const e of log) {
    const i = index.get(studyDayKey(e.at));
    if (i !== undefined) counts[i]++;
  }
  return { start: keys[0], counts };
}

/** Cards due on each of the next `days` study days; index 0 is today and includes overdue cards. */
export function dueForecast(cards: readonly StudyCard[], book: ReviewBook, now: Date, days: number): number[] {
  const out = new Array<number>(days).fill(0);
  const bounds = Array.from({ length: days }, (_, i) => addDays(nextStudyDayStart(now), i).getTime());
  for (const c of cards) {
    const s = book.get(c.id);
    if (isNew(s)) continue;
    if (isDue(s, now)) { out[0]++; continue; }
    const i = bounds.findIndex((b) => s!.due < b);
    if (i >= 0) out[i]++;
  }
  return out;
}

export interface Retention { passed: number; total: number; rate: number | undefined }

/**
 * True retention: of the reviews of cards that had graduated (state Review before the grade),
 * the share recalled (anything but Again). Learning steps do not count: they test short-term memory.
 */
export function trueRetention(log: readonly ReviewEntry[], since = 0): Retention {
  let passed = 0;
  let total = 0;
  for (const e of log) {
    if (e.at < since || e.st !== 2) continue;
    total++;
    if (e.r > 1) passed++;
  }
  return { passed, total, rate: total ? passed / total : undefined };
}

/** Consecutive study days with at least one review, ending today (or yesterday, if today has none yet). */
export function streak(log: readonly ReviewEntry[], now: Date): number {
  const days = new Set(log.map((e) => studyDayKey(e.at)));
  let d = studyDayStart(now);
  if (!days.has(studyDayKey(d))) d = addDays(d, -1);
  let n = 0;
  while (days.has(studyDayKey(d))) { n++; d = addDays(d, -1); }
  return n;
}

export interface Outlook {
  /** Cards of the deck due now. */
  dueNow: number;
  /** (Re)learning cards coming back later today, and the earliest. */
  learningLater: number;
  nextLearningAt?: number;
  /** Review cards due on the next study day. */
  dueTomorrow: number;
  /** Earliest due time among studied cards not due now. */
  nextDueAt?: number;
}

/** What is due next in a deck, for the end of a session and the empty state. */
export function outlook(cards: readonly StudyCard[], book: ReviewBook, now: Date): Outlook {
  const tomorrowEnd = addDays(nextStudyDayStart(now), 1).getTime();
  const o: Outlook = { dueNow: 0, learningLater: 0, dueTomorrow: 0 };
  for (const c of cards) {
    const s = book.get(c.id);
    if (isNew(s)) continue;
    if (isDue(s, now)) { o.dueNow++; continue; }
    o.nextDueAt = Math.min(o.nextDueAt ?? Infinity, s!.due);
    if (s!.st === 1 || s!.st === 3) {
      if (s!.due < nextStudyDayStart(now).getTime()) { o.learningLater++; o.nextLearningAt = Math.min(o.nextLearningAt ?? Infinity, s!.due); }
    } else if (s!.due < tomorrowEnd) o.dueTomorrow++;
  }
  return o;
}
