import * as assert from 'node:assert/strict';
import { fsrs, generatorParameters, createEmptyCard, Rating as R, State } from 'ts-fsrs';
import { Scheduler, parseSteps } from '../../../src/core/srs/scheduler';
import { ReviewBook, isDue } from '../../../src/core/srs/book';
import { formatInterval } from '../../../src/core/srs/interval';
import type { StoredCard } from '../../../src/core/srs/schema';
import { MONDAY_9AM, TestClock } from './builders';

const DAY = 86_400_000;

describe('srs/scheduler: the ts-fsrs glue with a fixed clock', () => {
  const options = { desiredRetention: 0.9, learningSteps: ['1m', '10m'], fuzz: false };

  it('a new card graded Good three times moves out exactly as FSRS schedules it', () => {
    const clock = new TestClock(MONDAY_9AM);
    const s = new Scheduler(options);
    const direct = fsrs(generatorParameters({ request_retention: 0.9, learning_steps: ['1m', '10m'], enable_fuzz: false }));
    let mine: StoredCard | undefined;
    let theirs = createEmptyCard(clock.now());
    const dues: number[] = [];
    for (let i = 0; i < 3; i++) {
      const now = clock.now();
      mine = s.grade('c1', mine, 3, now).next;
      theirs = direct.next(theirs, now, R.Good).card;
      assert.equal(mine.due, theirs.due.getTime(), `review ${i + 1}: due`);
      assert.equal(mine.s, theirs.stability);
      assert.equal(mine.st, theirs.state);
      dues.push(mine.due - now.getTime());
      clock.set(new Date(mine.due));
    }
    // Step 1m -> 10m, then graduation to days, then a longer interval: the card is moving out.
    assert.equal(dues[0], 10 * 60_000, 'first Good goes to the 10 minute step');
    assert.ok(dues[1] >= DAY, 'second Good graduates to at least a day');
    assert.ok(dues[2] > dues[1] * 2, `third Good more than doubles the interval (${dues[1] / DAY}d -> ${dues[2] / DAY}d)`);
    assert.equal(mine!.st, State.Review);
    assert.equal(mine!.reps, 3);
  });

  it('Again brings a review card back within minutes, as a lapse in relearning', () => {
    const clock = new TestClock(MONDAY_9AM);
    const s = new Scheduler(options);
    let c: StoredCard | undefined;
    for (let i = 0; i < 3; i++) { c = s.grade('c1', c, 3, clock.now()).next; clock.set(new Date(c.due)); }
    assert.equal(c!.st, State.Review);
    const { next, entry } = s.grade('c1', c, 1, clock.now());
    assert.equal(next.st, State.Relearning);
    assert.equal(next.lapses, 1);
    assert.ok(next.due - clock.now().getTime() <= 10 * 60_000, 'back within the relearning step');
    assert.equal(entry.r, 1);
    assert.equal(entry.st, State.Review, 'the log keeps the state before the grade');
    assert.equal(entry.at, clock.now().getTime());
    assert.equal(isDue(next, clock.now()), false);
    clock.minutes(10);
    assert.equal(isDue(next, clock.now()), true, 'due again ten minutes later');
  });

  it('previews one interval per grade, growing from Again to Easy', () => {
    const s = new Scheduler(options);
    const labels = s.previewLabels(undefined, MONDAY_9AM);
    assert.deepEqual([labels[1], labels[2], labels[3]], ['1m', '6m', '10m']);
    assert.match(labels[4], /^\d+d$/);
    const p = s.preview(undefined, MONDAY_9AM);
    assert.ok(p[1].due < p[2].due && p[2].due < p[3].due && p[3].due < p[4].due);
  });

  it('a higher desired retention gives shorter intervals', () => {
    const clock = new TestClock(MONDAY_9AM);
    const low = new Scheduler({ ...options, desiredRetention: 0.8 });
    const high = new Scheduler({ ...options, desiredRetention: 0.97 });
    let a: StoredCard | undefined;
    let b: StoredCard | undefined;
    for (let i = 0; i < 3; i++) {
      const now = clock.now();
      a = low.grade('x', a, 3, now).next;
      b = high.grade('x', b, 3, now).next;
      clock.set(new Date(Math.max(a.due, b.due)));
    }
    assert.ok(a!.sd > b!.sd, `0.80 -> ${a!.sd}d, 0.97 -> ${b!.sd}d`);
  });

  it('learning steps come from the setting; unreadable steps fall back to the default', () => {
    assert.deepEqual(parseSteps(['5m', 'x', '1h', '-3m', '2d']), ['5m', '1h', '2d']);
    assert.deepEqual(new Scheduler({ ...options, learningSteps: ['5m'] }).previewLabels(undefined, MONDAY_9AM)[1], '5m');
    assert.deepEqual(new Scheduler({ ...options, learningSteps: ['nonsense'] }).steps, ['1m', '10m']);
    assert.deepEqual(new Scheduler({ ...options, learningSteps: [] }).steps, []);
  });

  it('retrievability is 0 for a new card and decays after a review', () => {
    const s = new Scheduler(options);
    assert.equal(s.retrievability(undefined, MONDAY_9AM), 0);
    const c = s.grade('c', undefined, 4, MONDAY_9AM).next;
    const soon = s.retrievability(c, new Date(MONDAY_9AM.getTime() + DAY));
    const later = s.retrievability(c, new Date(MONDAY_9AM.getTime() + 30 * DAY));
    assert.ok(soon > 0.9 && later < soon, `${soon} then ${later}`);
  });

  it('counts new cards introduced during the current study day only', () => {
    const clock = new TestClock(MONDAY_9AM);
    const s = new Scheduler(options);
    const book = new ReviewBook();
    for (const id of ['a', 'b']) { const r = s.grade(id, undefined, 3, clock.now()); book.record(id, r.next, r.entry); }
    const again = s.grade('a', book.get('a'), 3, clock.now());
    book.record('a', again.next, again.entry);
    assert.equal(book.newIntroducedToday(clock.now()), 2);
    clock.days(1);
    assert.equal(book.newIntroducedToday(clock.now()), 0);
  });
});

describe('srs/interval', () => {
  it('formats intervals the way the buttons show them', () => {
    assert.equal(formatInterval(30_000), '<1m');
    assert.equal(formatInterval(10 * 60_000), '10m');
    assert.equal(formatInterval(90 * 60_000), '1.5h');
    assert.equal(formatInterval(3 * DAY), '3d');
    assert.equal(formatInterval(75 * DAY), '2.5mo');
    assert.equal(formatInterval(800 * DAY), '2.2y');
  });
});
