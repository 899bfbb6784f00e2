import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { domainOf, domainQuota, drawQuestions } from '../../../src/core/exam/draw';
import { content } from '../../helpers/content';
import { bank, exam } from './builders';

describe('exam draw', () => {
  const e = exam();
  const big = bank([40, 40, 40, 40, 40]);

  it('splits 65 questions by the domain weights (largest remainder)', () => {
    // 65 x 20/24/28/14/14 % = 13, 15.6, 18.2, 9.1, 9.1 -> 13, 16, 18, 9, 9
    assert.deepEqual([...domainQuota(e, 65).entries()], [[1, 13], [2, 16], [3, 18], [4, 9], [5, 9]]);
    assert.equal([...domainQuota(e, 20).values()].reduce((a, b) => a + b, 0), 20);
  });

  it('draws every full exam to the quota, over many seeds', () => {
    const quota = domainQuota(e, 65);
    for (let seed = 1; seed <= 200; seed++) {
      const drawn = drawQuestions(e, big, { count: 65, seed });
      const counts = new Map<number, number>();
      for (const q of drawn) counts.set(domainOf(q), (counts.get(domainOf(q)) ?? 0) + 1);
      assert.deepEqual([...counts.entries()].sort((a, b) => a[0] - b[0]), [...quota.entries()], `seed ${seed}`);
    }
  });

  it('is reproducible from a seed and differs between seeds', () => {
    const ids = (seed: number) => drawQuestions(e, big, { count: 65, seed }).map((q) => q.id);
    assert.deepEqual(ids(42), ids(42));
    assert.notDeepEqual(ids(42), ids(43));
  });

  it('never repeats a question, whatever the bank and the count', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 5, maxLength: 5 }),
      fc.integer({ min: 1, max: 80 }), fc.integer(), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      (sizes, count, seed, domain) => {
        const drawn = drawQuestions(e, bank(sizes), { count, seed, domain });
        const ids = drawn.map((q) => q.id);
        assert.equal(new Set(ids).size, ids.length);
        const available = domain === undefined ? sizes.reduce((a, b) => a + b, 0) : sizes[domain - 1];
        assert.equal(ids.length, Math.min(count, available));
        if (domain !== undefined) assert.ok(drawn.every((q) => domainOf(q) === domain));
      }));
  });

  it('fills from other domains when one domain is short, keeping 65 questions', () => {
    const drawn = drawQuestions(e, bank([40, 40, 3, 40, 40]), { count: 65, seed: 7 });
    assert.equal(drawn.length, 65);
    assert.equal(drawn.filter((q) => domainOf(q) === 3).length, 3);
  });

  it('avoids recently seen questions while the bank allows, and uses them only when it must', () => {
    const first = drawQuestions(e, big, { count: 65, seed: 1 });
    const second = drawQuestions(e, big, { count: 65, seed: 2, avoid: new Set(first.map((q) => q.id)) });
    assert.equal(second.filter((q) => first.some((f) => f.id === q.id)).length, 0);
    // Domain 1 holds 15 questions and 10 were seen: its quota of 13 takes all 5 fresh ones, then 8 seen.
    const small = bank([15, 40, 40, 40, 40]);
    const seen = new Set(small.filter((q) => domainOf(q) === 1).slice(0, 10).map((q) => q.id));
    const third = drawQuestions(e, small, { count: 65, seed: 3, avoid: seen });
    const d1 = third.filter((q) => domainOf(q) === 1);
    assert.equal(d1.length, 13);
    assert.equal(d1.filter((q) => !seen.has(q.id)).length, 5, 'every fresh question is used before a seen one');
  });

  it('draws only the given questions for "retry mistakes"', () => {
    const only = new Set(big.slice(0, 7).map((q) => q.id));
    const drawn = drawQuestions(e, big, { count: 65, seed: 5, only });
    assert.deepEqual(new Set(drawn.map((q) => q.id)), only);
  });

  it('draws a full exam from the shipped bank for both exams without repeats', () => {
    const c = content();
    for (const ex of c.exams) {
      const questions = c.questions.map((q) => q.question);
      const drawn = drawQuestions(ex, questions, { count: ex.questions, seed: 11 });
      const own = questions.filter((q) => q.exam === ex.id).length;
      assert.equal(drawn.length, Math.min(ex.questions, own), ex.id);
      assert.equal(new Set(drawn.map((q) => q.id)).size, drawn.length);
      assert.ok(drawn.every((q) => q.exam === ex.id));
    }
  });
});
