import * as assert from 'node:assert/strict';
import type { Question } from '../../../src/core/content/schema';
import { planExam } from '../../../src/core/exam/modes';
import { isAnswered, keyResponse } from '../../../src/core/exam/responses';
import { passFraction, scoreAttempt, scoreExplanation } from '../../../src/core/exam/results';
import { isCorrect, type Response } from '../../../src/core/exam/scoring';
import { createAttempt, finish, setResponse, type Attempt } from '../../../src/core/exam/session';
import { bank, exam, question } from './builders';

const T0 = Date.UTC(2025, 10, 1, 9, 0, 0);

describe('scoring each question type', () => {
  it('single choice: only the key', () => {
    const q = question('single', 1, 1);
    assert.equal(isCorrect(q, { type: 'single', choice: 'b' }), true);
    assert.equal(isCorrect(q, { type: 'single', choice: 'a' }), false);
    assert.equal(isCorrect(q, undefined), false);
  });

  it('multiple response: exactly the key set, in any order', () => {
    const q = question('multiple', 1, 2);
    assert.equal(isCorrect(q, { type: 'multiple', choices: ['c', 'a'] }), true);
    assert.equal(isCorrect(q, { type: 'multiple', choices: ['a'] }), false, 'one of two');
    assert.equal(isCorrect(q, { type: 'multiple', choices: ['a', 'c', 'd'] }), false, 'one too many');
  });

  it('ordering: all-or-nothing, one swap is wrong', () => {
    const q = question('ordering', 1, 3);
    assert.equal(isCorrect(q, { type: 'ordering', order: ['c', 'a', 'd', 'b'] }), true);
    assert.equal(isCorrect(q, { type: 'ordering', order: ['c', 'a', 'b', 'd'] }), false);
  });

  it('matching: all-or-nothing, every pair right', () => {
    const q = question('matching', 1, 4);
    assert.equal(isCorrect(q, { type: 'matching', pairs: { a: 'q', b: 's', c: 'p' } }), true);
    assert.equal(isCorrect(q, { type: 'matching', pairs: { a: 'q', b: 's', c: 'r' } }), false, 'one pair wrong');
    assert.equal(isCorrect(q, { type: 'matching', pairs: { a: 'q', b: 's' } }), false, 'one item unmatched');
  });

  it('the key, as a response, scores as correct for every type', () => {
    for (const q of bank([4])) assert.equal(isCorrect(q, keyResponse(q)), true, q.type);
  });

  it('counts a question as answered only when its control is complete', () => {
    const [s, m, o, t] = bank([4]);
    assert.equal(isAnswered(s, { type: 'single', choice: 'a' }), true);
    assert.equal(isAnswered(m, { type: 'multiple', choices: [] }), false);
    assert.equal(isAnswered(m, { type: 'multiple', choices: ['a'] }), true);
    assert.equal(isAnswered(o, { type: 'ordering', order: ['a', 'b', 'c', 'd'] }), true);
    assert.equal(isAnswered(t, { type: 'matching', pairs: { a: 'p', b: 'q' } }), false);
    assert.equal(isAnswered(t, { type: 'matching', pairs: { a: 'p', b: 'q', c: 'r' } }), true);
  });
});

describe('scoring an attempt', () => {
  const e = exam();
  const qs = bank([4, 4, 4, 4, 4]);
  const byId = (id: string): Question | undefined => qs.find((q) => q.id === id);
  const answer = (a: Attempt, q: Question, r: Response) => setResponse(a, q, r);
  const start = () => createAttempt({ id: 'x', exam: e, plan: planExam(e, 'full'), questions: qs, seed: 1, now: T0 });

  it('maps the raw fraction onto 100-1000 with pass or fail at the exam mark', () => {
    assert.ok(Math.abs(passFraction(e) - 2 / 3) < 1e-9);
    assert.ok(Math.abs(passFraction(exam({ passingScore: 720 })) - 620 / 900) < 1e-9);
    assert.match(scoreExplanation(e), /not publish/);
    assert.match(scoreExplanation(e), /67%/);

    // Everything right in domains 1-4 (16 of 20 = 80%), nothing in domain 5.
    let a = start();
    for (const q of qs.filter((q) => q.task[0] !== '5')) a = answer(a, q, keyResponse(q));
    const r = scoreAttempt(finish(a, T0 + 60_000), e, byId);
    assert.equal(r.correct, 16);
    assert.equal(r.total, 20);
    assert.equal(r.answered, 16);
    assert.equal(r.scaled, 820);
    assert.equal(r.passed, true);
    assert.deepEqual(r.domains.map((d) => [d.domain, d.correct, d.total, d.weak]), [[1, 4, 4, false], [2, 4, 4, false], [3, 4, 4, false], [4, 4, 4, false], [5, 0, 4, true]]);
    assert.equal(r.timeUsedMs, 60_000);
  });

  it('fails below the mark, and calls out the weak domains', () => {
    let a = start();
    // 13 of 20 = 65% -> 685: a fail at 700.
    for (const q of qs.slice(0, 13)) a = answer(a, q, keyResponse(q));
    const r = scoreAttempt(finish(a, T0 + 1000), e, byId);
    assert.equal(r.scaled, 685);
    assert.equal(r.passed, false);
    assert.deepEqual(r.domains.filter((d) => d.weak).map((d) => d.domain), [4, 5]);
  });

  it('scores unanswered and partly right ordering and matching questions as wrong', () => {
    let a = start();
    const ordering = qs.find((q) => q.type === 'ordering')!;
    const matching = qs.find((q) => q.type === 'matching')!;
    a = answer(a, ordering, { type: 'ordering', order: ['c', 'a', 'b', 'd'] });
    a = answer(a, matching, { type: 'matching', pairs: { a: 'q', b: 's', c: 'r' } });
    const r = scoreAttempt(finish(a, T0), e, byId);
    assert.equal(r.correct, 0);
    assert.equal(r.scaled, 100);
    assert.equal(r.answered, 2);
  });

  it('scores only questions the bank still has', () => {
    let a = start();
    for (const q of qs) a = answer(a, q, keyResponse(q));
    const r = scoreAttempt(finish(a, T0), e, (id) => (id === qs[0].id ? undefined : byId(id)));
    assert.equal(r.total, 19);
    assert.equal(r.scaled, 1000);
  });

  it('omits domains the attempt had no question of (domain practice)', () => {
    const d2 = qs.filter((q) => q.task[0] === '2');
    const a = createAttempt({ id: 'p', exam: e, plan: planExam(e, 'domain', 4), questions: d2, seed: 1, now: T0, domain: 2 });
    const r = scoreAttempt(finish(answer(a, d2[0], keyResponse(d2[0])), T0), e, byId);
    assert.deepEqual(r.domains.map((d) => d.domain), [2]);
    assert.equal(r.correct, 1);
  });
});
