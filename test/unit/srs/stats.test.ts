import * as assert from 'node:assert/strict';
import { ReviewBook } from '../../../src/core/srs/book';
import { studyDayKey, studyDayStart } from '../../../src/core/srs/day';
import { cardsByDomain, masteryOf } from '../../../src/core/srs/mastery';
import { Scheduler, type Rating } from '../../../src/core/srs/scheduler';
import { dueForecast, reviewsPerDay, streak, trueRetention } from '../../../src/core/srs/stats';
import { findOrphans } from '../../../src/core/srs/orphans';
import { MONDAY_9AM, TestClock, card } from './builders';

const scheduler = new Scheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'], fuzz: false });

function grade(book: ReviewBook, id: string, r: Rating, at: Date): void {
  const g = scheduler.grade(id, book.get(id), r, at);
  book.record(id, g.next, g.entry);
}

describe('srs/stats: the numbers behind the statistics view', () => {
  it('a study day starts at 4 am local time', () => {
    assert.equal(studyDayKey(new Date(2025, 0, 7, 3, 59)), '2025-01-06');
    assert.equal(studyDayKey(new Date(2025, 0, 7, 4, 0)), '2025-01-07');
    assert.equal(studyDayStart(new Date(2025, 0, 7, 1, 0)).getDate(), 6);
  });

  it('counts reviews per study day, oldest first, today last', () => {
    const book = new ReviewBook();
    const clock = new TestClock(MONDAY_9AM);
    grade(book, 'a', 3, clock.now());
    clock.days(2);
    grade(book, 'b', 3, clock.now());
    grade(book, 'c', 3, clock.now());
    const r = reviewsPerDay(book.log, clock.now(), 7);
    assert.equal(r.start, '2025-01-02');
    assert.deepEqual(r.counts, [0, 0, 0, 0, 1, 0, 2]);
  });

  it('forecasts due cards per day with overdue cards today', () => {
    const book = new ReviewBook();
    const clock = new TestClock(MONDAY_9AM);
    const cards = ['a', 'b', 'c'].map((id) => card(id));
    grade(book, 'a', 4, clock.now()); // easy: days out
    grade(book, 'b', 1, clock.now()); // learning: due in a minute, today
    const f = dueForecast(cards, book, clock.now(), 30);
    assert.equal(f.length, 30);
    assert.equal(f.reduce((s, n) => s + n, 0), 2, 'new cards are not forecast');
    assert.equal(f[0], 1, 'the learning card comes back later today');
    const days = Math.round((book.get('a')!.due - clock.now().getTime()) / 86_400_000);
    assert.equal(f[days - 1] + f[days] + (f[days + 1] ?? 0), 1, `card a forecast around day ${days}`);
    clock.days(60);
    assert.equal(dueForecast(cards, book, clock.now(), 30)[0], 2, 'overdue cards land on today');
  });

  it('true retention counts only reviews of graduated cards', () => {
    const book = new ReviewBook();
    const clock = new TestClock(MONDAY_9AM);
    grade(book, 'a', 1, clock.now()); // learning step: ignored
    for (const r of [3, 3] as Rating[]) { clock.set(new Date(book.get('a')!.due)); grade(book, 'a', r, clock.now()); }
    assert.equal(book.get('a')!.st, 2);
    for (const r of [3, 1] as Rating[]) { clock.set(new Date(book.get('a')!.due)); grade(book, 'a', r, clock.now()); }
    assert.deepEqual(trueRetention(book.log), { passed: 1, total: 2, rate: 0.5 });
  });

  it('a streak counts study days in a row up to today or yesterday', () => {
    const book = new ReviewBook();
    const clock = new TestClock(MONDAY_9AM);
    for (let i = 0; i < 3; i++) { grade(book, `c${i}`, 3, clock.now()); clock.days(1); }
    assert.equal(streak(book.log, clock.now()), 3, 'nothing yet today: yesterday still counts');
    clock.days(1);
    assert.equal(streak(book.log, clock.now()), 0);
  });

  it('mastery is mean recall probability over all the domain\'s cards, unseen cards counting 0', () => {
    const cards = [card('a'), card('b'), card('c', { tasks: ['aif-c01:1.1'] }), card('d')];
    const book = new ReviewBook();
    const now = MONDAY_9AM;
    const domain3 = cardsByDomain(cards).get('aif-c01:3')!;
    assert.equal(domain3.length, 3);
    assert.equal(masteryOf(domain3, book, scheduler, now).value, undefined, 'undefined before any review');
    grade(book, 'a', 4, now);
    const m = masteryOf(domain3, book, scheduler, new Date(now.getTime() + 60_000));
    assert.equal(m.studied, 1);
    assert.ok(m.value! > 0.3 && m.value! <= 1 / 3, `one of three cards, just reviewed: ${m.value}`);
    const later = masteryOf(domain3, book, scheduler, new Date(now.getTime() + 90 * 86_400_000)).value!;
    assert.ok(later < m.value!, 'mastery falls as memory fades');
  });

  it('reports orphans with their review counts', () => {
    const book = new ReviewBook();
    grade(book, 'n:gone', 3, MONDAY_9AM);
    grade(book, 'u:mine', 3, MONDAY_9AM);
    grade(book, 'n:here', 3, MONDAY_9AM);
    assert.deepEqual(findOrphans(book, [card('n:here')]).map((o) => [o.id, o.reviews]), [['n:gone', 1], ['u:mine', 1]]);
    assert.deepEqual(findOrphans(book, [card('n:here')], { ignoreUserCards: true }).map((o) => o.id), ['n:gone']);
  });
});
