/**
 * The mock exam page's unconfirmed steps (src/webview/mockExam/pending.ts): which ones it sends
 * again against a view from the host, and how it numbers the next one.
 */
import * as assert from 'node:assert/strict';
import type { ExamView, StepMessage } from '../../../src/protocol/mockExam';
import { nextSeq, reconcile } from '../../../src/webview/mockExam/pending';

function view(seq: number, o: Partial<ExamView> = {}): ExamView {
  return {
    attemptId: 'a1', exam: 'aif-c01', examCode: 'AIF-C01', examName: 'AI Practitioner', modeLabel: 'Full exam', feedback: 'end',
    questions: ['q1', 'q2', 'q3'].map((id, i) => ({ id, number: i + 1, type: 'matching', domain: 1, task: '1.1', stemHtml: '<p>?</p>', options: [], pick: 0 })),
    responses: { q1: { type: 'matching', pairs: { a: 'p', b: 'q' } } }, flagged: [], checked: [], current: 1, startedAt: 0, now: 0, seq, ...o,
  };
}

const partialQ1: StepMessage = { type: 'answer', attemptId: 'a1', questionId: 'q1', response: { type: 'matching', pairs: { a: 'p' } }, seq: 10 };
const toQ3: StepMessage = { type: 'navigate', attemptId: 'a1', index: 2, seq: 11 };
const flagQ2: StepMessage = { type: 'flag', attemptId: 'a1', questionId: 'q2', flagged: true, seq: 12 };

describe('mock exam page: unconfirmed steps', () => {
  it('drops steps the attempt has applied already, however old the saved state', () => {
    // The reload race: the page came back with a state saved while step 10 (half a matching answer)
    // was on its way; the host has since applied steps up to 40. Step 10 must not come back.
    const r = reconcile(view(40), [partialQ1, toQ3, flagQ2]);
    assert.deepEqual(r.pending, []);
    assert.deepEqual(r.view.responses.q1, { type: 'matching', pairs: { a: 'p', b: 'q' } });
    assert.equal(r.view.current, 1);
    assert.deepEqual(r.view.flagged, []);
  });

  it('applies and keeps the steps numbered after the attempt, in order', () => {
    const r = reconcile(view(10), [partialQ1, toQ3, flagQ2]);
    assert.deepEqual(r.pending.map((p) => p.seq), [11, 12]);
    assert.equal(r.view.current, 2);
    assert.deepEqual(r.view.flagged, ['q2']);
    assert.deepEqual(r.view.responses.q1, { type: 'matching', pairs: { a: 'p', b: 'q' } }, 'step 10 was applied by the host');
    const all = reconcile(view(9), [partialQ1, { type: 'answer', attemptId: 'a1', questionId: 'q1', response: null, seq: 13 }]);
    assert.equal(all.view.responses.q1, undefined, 'a cleared answer stays cleared');
  });

  it('forgets steps of another attempt and unnumbered ones', () => {
    const other: StepMessage = { ...flagQ2, attemptId: 'a0', seq: 99 };
    const unnumbered: StepMessage = { type: 'navigate', attemptId: 'a1', index: 0 };
    assert.deepEqual(reconcile(view(0), [other, unnumbered]).pending, []);
  });

  it('clamps a replayed navigation to the questions there are', () => {
    assert.equal(reconcile(view(0), [{ type: 'navigate', attemptId: 'a1', index: 50, seq: 1 }]).view.current, 2);
  });

  it('numbers the next step after the attempt and after anything the page sent', () => {
    assert.equal(nextSeq(0), 1);
    assert.equal(nextSeq(3, view(40)), 41, 'a new page (closed and reopened) counts on from the attempt');
    assert.equal(nextSeq(50, view(40)), 51);
    assert.equal(nextSeq(0, undefined, [partialQ1, flagQ2]), 13);
  });
});
