/** The numbers the statistics view draws, computed on the host from the stored progress. */
import { isDue } from '../../core/srs/book';
import { studyDayKey, studyDayStart } from '../../core/srs/day';
import { dueForecast, reviewsPerDay, streak, trueRetention } from '../../core/srs/stats';
import type { StatsModel } from '../../protocol/stats';
import type { FlashcardService } from '../flashcards/cardService';

/** A year of history in the heatmap (52 weeks). */
export const HEATMAP_DAYS = 52 * 7;
const DAY = 86_400_000;

export function statsModel(service: FlashcardService, desiredRetention: number): StatsModel {
  const now = service.now();
  const book = service.book;
  const cards = service.allCards;
  const log = book.log;
  const today = studyDayStart(now).getTime();
  const todays = log.filter((e) => e.at >= today);
  const orphans = service.orphans();
  const core = service.core!;
  return {
    today: studyDayKey(now),
    heatmap: reviewsPerDay(log, now, HEATMAP_DAYS),
    forecast: dueForecast(cards, book, now, 30),
    retention: [
      { label: 'Last 7 days', since: now.getTime() - 7 * DAY },
      { label: 'Last 30 days', since: now.getTime() - 30 * DAY },
      { label: 'All time', since: 0 },
    ].map(({ label, since }) => { const r = trueRetention(log, since); return { label, passed: r.passed, total: r.total, rate: r.rate ?? null }; }),
    desiredRetention,
    exams: core.content.exams.map((exam) => ({
      id: exam.id, code: exam.code, name: exam.name,
      domains: exam.domains.map((d) => {
        const m = service.domainMastery(exam.id, d.number);
        const due = service.domainCards(exam.id, d.number).filter((c) => isDue(book.get(c.id), now)).length;
        return { number: d.number, name: d.name, weight: d.weight, mastery: m.value ?? null, cards: m.cards, studied: m.studied, due };
      }),
    })),
    totals: {
      cards: cards.length,
      studied: cards.filter((c) => { const s = book.get(c.id); return s && s.st !== 0; }).length,
      dueNow: cards.filter((c) => isDue(book.get(c.id), now)).length,
      learning: cards.filter((c) => { const s = book.get(c.id); return s?.st === 1 || s?.st === 3; }).length,
      reviews: log.length,
      reviewsToday: todays.length,
      timeTodayMs: todays.reduce((s, e) => s + (e.ms ?? 0), 0),
      streak: streak(log, now),
      orphans: orphans.length,
      orphanReviews: orphans.reduce((s, o) => s + o.reviews, 0),
    },
  };
}
