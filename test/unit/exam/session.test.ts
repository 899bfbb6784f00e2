import * as assert from 'node:assert/strict';
import { planExam } from '../../../src/core/exam/modes';
import {
  applyStep, check, createAttempt, isReplayed, finish, goTo, isExpired, parseAttempt, parseFinishedAttempt, remainingMs, setFlag, setResponse,
  timeUsedMs, withKnownQuestions, type Attempt,
} from '../../../src/core/exam/session';
import { bank, exam } from './builders';

const MIN = 60_000;
const T0 = Date.UTC(2025, 10, 1, 9, 0, 0);

describe('exam session', () => {
  const e = exam();
  const qs = bank([4, 4, 4, 4, 4]);
  const [single, multiple, ordering, matching] = qs;
  const full = (): Attempt => createAttempt({ id: 'a1', exam: e, plan: planExam(e, 'full'), questions: qs, seed: 9, now: T0 });

  describe('plans', () => {
    it('times a full exam at the exam length and a quick set at the same pace', () => {
      assert.equal(planExam(e, 'full').count, 65);
      assert.equal(planExam(e, 'full').timeLimitMs, 90 * MIN);
      assert.equal(planExam(exam({ minutes: 130 }), 'full').timeLimitMs, 130 * MIN);
      // 20 of 65 questions at 90 minutes: 27.7 -> 28 minutes; at 130 minutes: 40.
      assert.equal(planExam(e, 'quick').count, 20);
      assert.equal(planExam(e, 'quick').timeLimitMs, 28 * MIN);
      assert.equal(planExam(exam({ minutes: 130 }), 'quick').timeLimitMs, 40 * MIN);
    });

    it('leaves domain practice untimed with feedback after each question', () => {
      const p = planExam(e, 'domain', 12);
      assert.equal(p.timeLimitMs, undefined);
      assert.equal(p.feedback, 'each');
      assert.equal(p.count, 12);
      assert.equal(planExam(e, 'domain', 50).count, 20);
    });

    it('times "retry mistakes" by the number of mistakes, at least a minute', () => {
      assert.equal(planExam(e, 'retry', 13).count, 13);
      assert.equal(planExam(e, 'retry', 13).timeLimitMs, 18 * MIN);
      assert.equal(planExam(e, 'retry', 1).timeLimitMs, 1 * MIN);
      assert.equal(planExam(e, 'retry', 500).count, 65);
    });
  });

  describe('answers, flags and navigation', () => {
    it('records a valid response of each type and ignores invalid ones', () => {
      let a = full();
      a = setResponse(a, single, { type: 'single', choice: 'c' });
      a = setResponse(a, multiple, { type: 'multiple', choices: ['a', 'b'] });
      a = setResponse(a, ordering, { type: 'ordering', order: ['a', 'b', 'c', 'd'] });
      a = setResponse(a, matching, { type: 'matching', pairs: { a: 'p' } });
      assert.equal(Object.keys(a.responses).length, 4);
      const before = a;
      assert.equal(setResponse(a, single, { type: 'single', choice: 'z' }), before, 'unknown option');
      assert.equal(setResponse(a, single, { type: 'multiple', choices: ['a'] }), before, 'wrong type');
      assert.equal(setResponse(a, ordering, { type: 'ordering', order: ['a', 'a', 'b', 'c'] }), before, 'not a permutation');
      assert.equal(setResponse(a, matching, { type: 'matching', pairs: { a: 'x' } }), before, 'unknown target');
      assert.equal(setResponse(a, multiple, { type: 'multiple', choices: ['a', 'a'] }), before, 'repeated choice');
      a = setResponse(a, single, undefined);
      assert.equal(a.responses[single.id], undefined, 'cleared');
    });

    it('flags and unflags, and clamps navigation to the questions', () => {
      let a = setFlag(full(), qs[3].id, true);
      a = setFlag(a, qs[5].id, true);
      a = setFlag(a, qs[3].id, false);
      assert.deepEqual(a.flagged, [qs[5].id]);
      assert.equal(setFlag(a, 'nope', true), a);
      assert.equal(goTo(a, 7).current, 7);
      assert.equal(goTo(a, 99).current, qs.length - 1);
      assert.equal(goTo(a, -3).current, 0);
    });

    it('locks a checked practice answer', () => {
      const plan = planExam(e, 'domain', 2);
      let a = createAttempt({ id: 'p', exam: e, plan, questions: qs.slice(0, 2), seed: 1, now: T0, domain: 1 });
      assert.equal(check(a, single.id), a, 'nothing to check before an answer');
      a = setResponse(a, single, { type: 'single', choice: 'a' });
      a = check(a, single.id);
      assert.deepEqual(a.checked, [single.id]);
      assert.equal(setResponse(a, single, { type: 'single', choice: 'b' }).responses[single.id]?.type, 'single');
      assert.deepEqual(setResponse(a, single, { type: 'single', choice: 'b' }).responses[single.id], { type: 'single', choice: 'a' });
      const exam = setResponse(full(), single, { type: 'single', choice: 'a' });
      assert.equal(check(exam, single.id), exam, 'exam mode never reveals');
    });
  });

  describe('numbered steps', () => {
    // A page re-sends steps it has not heard are saved; after a window reload its saved state can
    // be older than the attempt. A replayed step must not undo the steps that came after it.
    const partial = (a: Attempt) => setResponse(a, matching, { type: 'matching', pairs: { a: 'q' } });
    const whole = (a: Attempt) => setResponse(a, matching, { type: 'matching', pairs: { a: 'q', b: 's', c: 'p' } });

    it('applies each step once, in the order numbered', () => {
      let a = full();
      assert.equal(isReplayed(a, 1), false);
      a = applyStep(a, 1, partial).attempt;
      a = applyStep(a, 2, whole).attempt;
      assert.equal(a.seq, 2);
      const replay = applyStep(a, 1, partial);
      assert.equal(replay.replayed, true);
      assert.equal(replay.attempt, a, 'a replay leaves the attempt as it was');
      assert.deepEqual(a.responses[matching.id], { type: 'matching', pairs: { a: 'q', b: 's', c: 'p' } });
      assert.equal(applyStep(a, 2, partial).replayed, true, 'the same number twice is a replay');
    });

    it('records the number even when the step changes nothing, and says so', () => {
      const a = applyStep(full(), 4, (x) => goTo(x, 0));
      assert.equal(a.changed, false);
      assert.equal(a.attempt.seq, 4);
      const b = applyStep(a.attempt, 5, (x) => goTo(x, 3));
      assert.equal(b.changed, true);
      assert.equal(b.attempt.current, 3);
    });

    it('always applies unnumbered steps (older pages, host-side steps)', () => {
      const a = applyStep(full(), 7, whole).attempt;
      const b = applyStep(a, undefined, (x) => setFlag(x, single.id, true));
      assert.equal(b.replayed, false);
      assert.deepEqual(b.attempt.flagged, [single.id]);
      assert.equal(b.attempt.seq, 7);
    });

    it('keeps the number through storage and rejects a malformed one', () => {
      const a = applyStep(full(), 12, whole).attempt;
      assert.equal(parseAttempt(JSON.parse(JSON.stringify(a))).attempt?.seq, 12);
      assert.equal(parseAttempt(JSON.parse(JSON.stringify(full()))).attempt?.seq, undefined, 'attempts stored before numbering still read');
      for (const seq of [-1, 1.5, 'x']) assert.match(parseAttempt({ ...JSON.parse(JSON.stringify(a)), seq }).error ?? '', /step number/);
    });
  });

  describe('timing by wall clock', () => {
    it('counts down from the start, whatever happened in between', () => {
      const a = full();
      assert.equal(remainingMs(a, T0), 90 * MIN);
      assert.equal(remainingMs(a, T0 + 30 * MIN), 60 * MIN);
      // The panel closed at 30 minutes, the editor restarted at 75: 15 minutes are left, not 60.
      const reloaded = parseAttempt(JSON.parse(JSON.stringify(a))).attempt!;
      assert.equal(remainingMs(reloaded, T0 + 75 * MIN), 15 * MIN);
      assert.equal(isExpired(reloaded, T0 + 75 * MIN), false);
      assert.equal(isExpired(reloaded, T0 + 90 * MIN), true);
      assert.equal(remainingMs(reloaded, T0 + 500 * MIN), 0);
    });

    it('ends a submitted exam when submitted', () => {
      const f = finish(full(), T0 + 42 * MIN);
      assert.equal(f.endedBy, 'submit');
      assert.equal(timeUsedMs(f), 42 * MIN);
    });

    it('ends an expired exam at its deadline, by time, even when found much later', () => {
      const f = finish(full(), T0 + 26 * 60 * MIN, 'submit');
      assert.equal(f.endedBy, 'time');
      assert.equal(f.finishedAt, T0 + 90 * MIN);
      assert.equal(timeUsedMs(f), 90 * MIN);
    });

    it('never expires an untimed practice', () => {
      const a = createAttempt({ id: 'p', exam: e, plan: planExam(e, 'domain', 2), questions: qs.slice(0, 2), seed: 1, now: T0 });
      assert.equal(remainingMs(a, T0 + 1e9), undefined);
      assert.equal(isExpired(a, T0 + 1e9), false);
      assert.equal(finish(a, T0 + 5 * MIN).endedBy, 'submit');
    });
  });

  describe('stored state', () => {
    it('round-trips through JSON', () => {
      let a = setResponse(full(), matching, { type: 'matching', pairs: { a: 'q', b: 's' } });
      a = goTo(setFlag(a, matching.id, true), 3);
      assert.deepEqual(parseAttempt(JSON.parse(JSON.stringify(a))).attempt, a);
      const f = finish(a, T0 + MIN);
      assert.deepEqual(parseFinishedAttempt(JSON.parse(JSON.stringify(f))).attempt, f);
    });

    it('rejects what is not an attempt, saying why', () => {
      const good = JSON.parse(JSON.stringify(full())) as Record<string, unknown>;
      const cases: Array<[unknown, RegExp]> = [
        [null, /not an object/],
        ['{"v":1}', /not an object/],
        [{ ...good, v: 2 }, /version/],
        [{ ...good, mode: 'marathon' }, /mode/],
        [{ ...good, questionIds: [1, 2] }, /question lists/],
        [{ ...good, questionIds: ['x', 'x'] }, /twice/],
        [{ ...good, startedAt: 'yesterday' }, /start time/],
        [{ ...good, timeLimitMs: -5 }, /time limit/],
        [{ ...good, responses: { [qs[0].id]: { type: 'single', choice: 7 } } }, /response/],
        [{ ...good, responses: { 'not-in-exam': { type: 'single', choice: 'a' } } }, /response/],
      ];
      for (const [raw, why] of cases) assert.match(parseAttempt(raw).error ?? '', why, JSON.stringify(raw).slice(0, 80));
      assert.match(parseFinishedAttempt(good).error ?? '', /finish time/);
    });

    it('drops questions a content update removed, with their responses', () => {
      let a = setResponse(full(), single, { type: 'single', choice: 'b' });
      a = goTo(setFlag(a, qs[9].id, true), 9);
      const { attempt, dropped } = withKnownQuestions(a, (id) => id !== single.id && id !== qs[9].id);
      assert.deepEqual(dropped, [single.id, qs[9].id]);
      assert.equal(attempt.questionIds.length, 18);
      assert.deepEqual(attempt.responses, {});
      assert.deepEqual(attempt.flagged, []);
      assert.equal(attempt.questionIds[attempt.current], qs[10].id, 'on the question that followed the removed one');
      const kept = withKnownQuestions(goTo(a, 12), (id) => id !== single.id).attempt;
      assert.equal(kept.questionIds[kept.current], qs[12].id, 'still on the same question');
    });
  });
});
