import * as assert from 'node:assert/strict';
import { ReviewBook } from '../../../src/core/srs/book';
import { Scheduler } from '../../../src/core/srs/scheduler';
import { ReviewSession, type SessionMode } from '../../../src/core/srs/session';
import { deckCounts } from '../../../src/core/srs/queue';
import { outlook } from '../../../src/core/srs/stats';
import type { StudyCard } from '../../../src/core/cards/types';
import { MONDAY_9AM, TestClock, card } from './builders';

const scheduler = new Scheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'], fuzz: false });

function setup(n: number, mode: SessionMode = 'review', newLimit = 20) {
  const clock = new TestClock(MONDAY_9AM);
  const cards = Array.from({ length: n }, (_, i) => card(`c${i}`));
  const book = new ReviewBook();
  const session = () => new ReviewSession(cards, book, scheduler, clock.now, { mode, newLimit });
  return { clock, cards, book, session };
}

/** Studies cards to Review state with a few Goods spread over days. */
function graduate(book: ReviewBook, clock: TestClock, cards: StudyCard[]): void {
  for (const c of cards) {
    let s = book.get(c.id);
    const t = clock.now();
    for (let i = 0; i < 2; i++) {
      const r = scheduler.grade(c.id, s, 3, new Date(t.getTime() + i * 600_000));
      book.record(c.id, r.next, r.entry);
      s = r.next;
    }
  }
}

describe('srs/session: a review sitting', () => {
  it('shows due cards first (most overdue first), then new cards up to the daily limit', () => {
    const { clock, cards, book } = setup(10, 'review', 3);
    graduate(book, clock, [cards[5], cards[7]]);
    // c7 due earlier than c5: make c5 due later by pushing its due date.
    book.toData().cards.c5.due = book.get('c7')!.due + 3_600_000;
    clock.days(10);
    const s = new ReviewSession(cards, book, scheduler, clock.now, { mode: 'review', newLimit: 3 });
    const shown: string[] = [];
    for (let c = s.current(); c; c = s.current()) { shown.push(c.id); s.grade(4); }
    assert.deepEqual(shown, ['c7', 'c5', 'c0', 'c1', 'c2']);
  });

  it('never introduces more new cards in a day than the limit, across sessions', () => {
    const { clock, book, session } = setup(10, 'review', 4);
    let s = session();
    for (let i = 0; i < 2; i++) s.grade(4);
    s = session();
    let n = 0;
    for (let c = s.current(); c; c = s.current()) { s.grade(4); n++; }
    assert.equal(n, 2, 'the second session only gets what is left of the limit');
    clock.days(1);
    assert.equal(deckCounts(setup(10).cards, book, clock.now(), 4).newToday, 4);
  });

  it('brings a card graded Again back within the session, and finishes once it is learnt', () => {
    const { clock, session, book } = setup(1);
    const s = session();
    assert.equal(s.current()?.id, 'c0');
    s.grade(1);
    assert.equal(s.current()?.id, 'c0', 'shown again (learn ahead) since nothing else is left');
    clock.minutes(1);
    s.grade(3);
    clock.minutes(10);
    assert.equal(s.current()?.id, 'c0');
    s.grade(3);
    assert.equal(s.current(), undefined);
    assert.equal(book.log.length, 3);
    assert.equal(book.get('c0')!.st, 2);
    assert.deepEqual(s.stats.byRating, [1, 0, 2, 0]);
    assert.equal(s.stats.again, 1);
    assert.equal(s.stats.newStudied, 1);
  });

  it('undo puts the card state and the log back exactly as they were', () => {
    const { clock, session, book } = setup(3);
    const s = session();
    s.grade(3);
    const before = JSON.stringify(book.toData());
    clock.minutes(1);
    const second = s.current()!;
    s.grade(1);
    assert.equal(book.log.length, 2);
    assert.ok(s.canUndo);
    const back = s.undo();
    assert.equal(back?.id, second.id);
    assert.equal(s.current()?.id, second.id, 'the undone card is on screen again');
    assert.equal(JSON.stringify(book.toData().cards), JSON.stringify(JSON.parse(before).cards));
    assert.equal(book.log.length, 1);
    assert.equal(s.stats.reviewed, 1);
    s.undo();
    assert.equal(book.log.length, 0);
    assert.equal(book.get('c0'), undefined, 'a new card becomes new again');
    assert.equal(s.undo(), undefined, 'nothing left to undo');
  });

  it('cram mode shows every card and leaves the schedule untouched', () => {
    const { clock, cards, book } = setup(4);
    graduate(book, clock, [cards[0], cards[1]]);
    const before = JSON.stringify(book.toData());
    clock.minutes(30);
    const s = new ReviewSession(cards, book, scheduler, clock.now, { mode: 'cram', newLimit: 0 });
    assert.deepEqual(s.previews(), { 1: 'again', 2: 'done', 3: 'done', 4: 'done' });
    const seen: string[] = [];
    let again = true;
    for (let c = s.current(); c; c = s.current()) {
      seen.push(c.id);
      s.grade(again ? 1 : 3);
      again = false;
    }
    assert.equal(seen.length, 5, 'four cards plus the one graded Again once');
    assert.deepEqual([...new Set(seen)].sort(), ['c0', 'c1', 'c2', 'c3']);
    assert.equal(JSON.stringify(book.toData()), before);
  });

  it('can add new cards beyond the limit when the learner asks', () => {
    const { session } = setup(10, 'review', 2);
    const s = session();
    s.grade(4); s.grade(4);
    assert.equal(s.current(), undefined);
    assert.equal(s.addNew(5), 5);
    assert.equal(s.remaining().fresh, 5);
  });

  it('outlook says what comes back later today and tomorrow', () => {
    const { clock, cards, book, session } = setup(3);
    const s = session();
    s.grade(1); // c0 -> learning, back in a minute
    s.grade(4); // c1 -> review, days out
    const o = outlook(cards, book, clock.now());
    assert.equal(o.learningLater, 1);
    assert.equal(o.nextLearningAt, clock.now().getTime() + 60_000);
    assert.equal(o.dueNow, 0);
  });
});
