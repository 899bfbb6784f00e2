import * as assert from 'node:assert/strict';
import { appendEntry, historyEntry, readHistory, recentQuestionIds, trend, type HistoryEntry } from '../../../src/core/exam/history';
import { planExam, type ExamMode } from '../../../src/core/exam/modes';
import { keyResponse } from '../../../src/core/exam/responses';
import { scoreAttempt } from '../../../src/core/exam/results';
import { createAttempt, finish, setResponse } from '../../../src/core/exam/session';
import { bank, exam } from './builders';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 10, 1, 9, 0, 0);

describe('exam history', () => {
  const e = exam();
  const qs = bank([5, 5, 5, 5, 5]);
  function entry(id: string, day: number, right: number, mode: ExamMode = 'full', examId = 'aif-c01'): HistoryEntry {
    const picked = qs.slice(day % 5, (day % 5) + 10);
    let a = createAttempt({ id, exam: { ...e, id: examId as 'aif-c01' }, plan: planExam(e, mode, 10), questions: picked, seed: day, now: T0 + day * DAY });
    for (const q of picked.slice(0, right)) a = setResponse(a, q, keyResponse(q));
    const f = finish(a, T0 + day * DAY + 600_000);
    return historyEntry(f, scoreAttempt(f, e, (x) => qs.find((q) => q.id === x)));
  }

  it('keeps the score with the attempt and round-trips through JSON', () => {
    const h = [entry('a', 0, 7), entry('b', 1, 9)];
    assert.equal(h[0].score.correct, 7);
    assert.equal(h[0].score.scaled, 730);
    assert.equal(h[1].score.passed, true);
    const { entries, dropped } = readHistory(JSON.parse(JSON.stringify(h)));
    assert.equal(dropped, 0);
    assert.deepEqual(entries, h);
  });

  it('drops unreadable entries and keeps the rest', () => {
    const h = JSON.parse(JSON.stringify([entry('a', 0, 7), entry('b', 1, 9), entry('c', 2, 3)])) as Array<{ score: Record<string, unknown> }>;
    h[1].score.scaled = 'high';
    h.push(null as never, { attempt: 'x' } as never);
    const { entries, dropped } = readHistory(h);
    assert.deepEqual(entries.map((x) => x.attempt.id), ['a', 'c']);
    assert.equal(dropped, 3);
    assert.deepEqual(readHistory({ not: 'an array' }), { entries: [], dropped: 1 });
    assert.deepEqual(readHistory(undefined), { entries: [], dropped: 0 });
  });

  it('appends once per attempt, so a retried write does not double an attempt', () => {
    const a = entry('a', 0, 7);
    const once = appendEntry([], a);
    assert.equal(appendEntry(once, a).length, 1);
    assert.equal(appendEntry(once, entry('b', 1, 2)).length, 2);
  });

  it('lists the questions of the last attempts at an exam, to avoid next time', () => {
    const h = [entry('a', 0, 1), entry('b', 1, 1), entry('c', 2, 1), entry('m', 3, 1, 'full', 'mla-c01')];
    const recent = recentQuestionIds(h, 'aif-c01', 2);
    const expected = new Set([...h[1].attempt.questionIds, ...h[2].attempt.questionIds]);
    assert.deepEqual(recent, expected);
    assert.equal(recentQuestionIds(h, 'mla-c01', 3).size, 10);
  });

  it('draws the trend of one exam, oldest first', () => {
    const h = [entry('c', 4, 9), entry('a', 0, 3), entry('m', 2, 5, 'quick', 'mla-c01'), entry('b', 2, 7, 'quick')];
    assert.deepEqual(trend(h, 'aif-c01').map((p) => [p.id, p.scaled, p.passed, p.mode]), [['a', 370, false, 'full'], ['b', 730, true, 'quick'], ['c', 910, true, 'full']]);
  });
});
