/**
 * A believable review history for the screenshots: six weeks of evening sessions over the
 * bundled AIF-C01 cards (a few days skipped), graded with a fixed random sequence and scheduled by
 * the real core, ending yesterday. Written as an exported review log, so the check imports it
 * through the product's own Import command.
 */
import { buildBundle } from '../../scripts/buildContent';
import { buildDeck } from '../../src/core/cards/deck';
import { cardsInScope } from '../../src/core/cards/scope';
import { seededRng } from '../../src/core/exam/random';
import { ReviewBook } from '../../src/core/srs/book';
import { Scheduler, type Rating } from '../../src/core/srs/scheduler';
import { ReviewSession } from '../../src/core/srs/session';
import { CONTENT_DIR } from '../helpers/content';

export function reviewHistory(days = 42, today = new Date()): object {
  const deck = cardsInScope(buildDeck(buildBundle(CONTENT_DIR)), { kind: 'exam', exam: 'aif-c01' });
  const book = new ReviewBook();
  const scheduler = new Scheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'] });
  const rng = seededRng(42);
  let t = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days, 19, 30);
  const clock = () => new Date(t.getTime());
  for (let day = 0; day < days; day++) {
    t = new Date(today.getFullYear(), today.getMonth(), today.getDate() - days + day, 18 + Math.floor(rng() * 4), Math.floor(rng() * 60));
    if (rng() < 0.15) continue;
    const session = new ReviewSession(deck, book, scheduler, clock, { mode: 'review', newLimit: 14 });
    for (let c = session.current(); c; c = session.current()) {
      const x = rng();
      const rating: Rating = x < 0.11 ? 1 : x < 0.2 ? 2 : x < 0.93 ? 3 : 4;
      session.grade(rating);
      t = new Date(t.getTime() + 8_000 + Math.floor(rng() * 20_000));
    }
  }
  return { format: 'aws-ml-study/review-log', exportedAt: new Date().toISOString(), ...book.toData() };
}
