import * as assert from 'node:assert/strict';
import { parseMockExamMessage, parseWebviewState } from '../../../src/protocol/mockExam';

describe('mock exam protocol: what the host accepts from the webview', () => {
  const attemptId = '0b3f6c1e-2d4a-4c1b-9d7e-5a1f2b3c4d5e';

  it('accepts every well-formed message', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'single', choice: 'b' } },
      { type: 'answer', attemptId, questionId: 'aif-d1-002', response: { type: 'multiple', choices: ['a', 'c'] } },
      { type: 'answer', attemptId, questionId: 'aif-d1-003', response: { type: 'ordering', order: ['c', 'a', 'b'] } },
      { type: 'answer', attemptId, questionId: 'aif-d1-004', response: { type: 'matching', pairs: { a: 'p', b: 'q' } } },
      { type: 'answer', attemptId, questionId: 'aif-d1-004', response: null },
      { type: 'flag', attemptId, questionId: 'aif-d1-004', flagged: true },
      { type: 'navigate', attemptId, index: 64 },
      { type: 'navigate', attemptId, index: 3, seq: 17 },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'single', choice: 'a' }, seq: 0 },
      { type: 'check', attemptId, questionId: 'aif-d1-004' },
      { type: 'submit', attemptId },
      { type: 'showResults', attemptId },
      { type: 'openNote', noteId: 'ml-concepts', slug: 'ai-ml-deep-learning-and-generative-ai' },
      { type: 'openNote', noteId: 'ml-concepts' },
      { type: 'reviewDomain', exam: 'aif-c01', domain: 3, how: 'flashcards' },
      { type: 'command', command: 'retryMistakes', exam: 'mla-c01' },
      { type: 'command', command: 'history' },
    ];
    for (const m of good) assert.deepEqual(parseMockExamMessage(m), m, JSON.stringify(m));
  });

  it('drops extra fields', () => {
    assert.deepEqual(parseMockExamMessage({ type: 'submit', attemptId, evil: '<script>' }), { type: 'submit', attemptId });
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null, 'ready', 42, [], {}, { type: 'nope' },
      { type: 'answer', attemptId, questionId: 'aif-d1-001' },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'single', choice: 'bb' } },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'single', choice: 1 } },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'multiple', choices: 'a' } },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'ordering', order: Array(9).fill('a') } },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'matching', pairs: [['a', 'p']] } },
      { type: 'answer', attemptId, questionId: 'aif-d1-001', response: { type: 'matching', pairs: { a: 'pq' } } },
      { type: 'answer', attemptId: '../../etc', questionId: 'aif-d1-001', response: null },
      { type: 'answer', attemptId, questionId: 'x'.repeat(200), response: null },
      { type: 'flag', attemptId, questionId: 'aif-d1-001', flagged: 'yes' },
      { type: 'navigate', attemptId, index: -1 },
      { type: 'navigate', attemptId, index: 1.5 },
      { type: 'navigate', attemptId, index: 1e9 },
      { type: 'navigate', attemptId, index: 2, seq: -1 },
      { type: 'flag', attemptId, questionId: 'aif-d1-001', flagged: true, seq: '7' },
      { type: 'openNote', noteId: 'ml-concepts', slug: 'Not A Slug' },
      { type: 'openNote', noteId: 'javascript:alert(1)' },
      { type: 'reviewDomain', exam: 'aif-c01', domain: 0, how: 'flashcards' },
      { type: 'reviewDomain', exam: 'aif-c01', domain: 2, how: 'shell' },
      { type: 'command', command: 'workbench.action.terminal.new' },
      { type: 'command', command: 'start', exam: 'a b' },
    ];
    for (const m of bad) assert.equal(parseMockExamMessage(m), undefined, JSON.stringify(m));
  });

  it('reads the saved webview state for the serializer, ignoring the unknown', () => {
    assert.deepEqual(parseWebviewState({ screen: 'review', attemptId }), { screen: 'review', attemptId });
    assert.deepEqual(parseWebviewState({ screen: 'exam', attemptId, pending: [{ type: 'navigate', attemptId, index: 2, seq: 4 }] }), { screen: 'exam', attemptId });
    assert.deepEqual(parseWebviewState({ screen: 'history', attemptId: 5 }), { screen: 'history', attemptId: undefined });
    assert.equal(parseWebviewState({ screen: 'settings' }), undefined);
    assert.equal(parseWebviewState(undefined), undefined);
  });
});
