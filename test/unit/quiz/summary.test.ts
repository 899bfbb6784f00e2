import * as assert from 'node:assert/strict';
import { quizSummary } from '../../../src/features/quiz/quickPickText';

describe('quick quiz summary', () => {
  it('scores a finished quiz against the pass mark', () => {
    assert.equal(quizSummary({ answered: 10, correct: 7, total: 10 }, 700), 'Quiz finished: 7 of 10 correct (70%). On track for a pass.');
    assert.equal(quizSummary({ answered: 10, correct: 7, total: 10 }, 720), 'Quiz finished: 7 of 10 correct (70%). Keep going: review the domains you missed.');
  });

  it('gives the partial score of a quiz left part-way, saying how far the learner got', () => {
    assert.equal(quizSummary({ answered: 3, correct: 1, total: 10 }, 700),
      'Quiz stopped after 3 of 10 questions: 1 of 3 correct (33%). Keep going: review the domains you missed.');
  });
});
