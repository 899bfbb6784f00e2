import * as assert from 'node:assert/strict';
import { drawQuestions, domainOf } from '../../../src/core/exam/draw';
import { scopeFromNode, taskQuestionIds } from '../../../src/features/quiz/scope';
import { content } from '../../helpers/content';

describe('quiz scope from an Exams tree node', () => {
  const c = content();
  const bank = c.questions.map((q) => q.question);
  const aif = c.exams.find((e) => e.id === 'aif-c01')!;
  const taskNode = { kind: 'task', exam: aif, domain: 2, task: { id: '2.1', title: 'Explain the basic concepts of generative AI' } };

  it('keeps the task statement of a task node, not only its domain', () => {
    assert.deepEqual(scopeFromNode(taskNode), { exam: 'aif-c01', domain: 2, task: '2.1' });
    assert.deepEqual(scopeFromNode({ kind: 'domain', exam: aif, domain: { number: 3 } }), { exam: 'aif-c01', domain: 3 });
    assert.deepEqual(scopeFromNode({ kind: 'exam', exam: aif }), { exam: 'aif-c01' });
    assert.deepEqual(scopeFromNode({ kind: 'note', noteId: 'genai-core-concepts' }), { noteId: 'genai-core-concepts' });
    assert.deepEqual(scopeFromNode(undefined), {});
  });

  it('draws a task quiz from that task statement only', () => {
    const domain2 = bank.filter((q) => q.exam === 'aif-c01' && domainOf(q) === 2);
    assert.ok(new Set(domain2.map((q) => q.task)).size > 1, 'the domain has other tasks to leave out');
    const scope = scopeFromNode(taskNode);
    const only = taskQuestionIds(scope, bank);
    const drawn = drawQuestions(aif, bank, { count: 20, seed: 7, domain: scope.domain, only });
    assert.ok(drawn.length > 0);
    assert.deepEqual([...new Set(drawn.map((q) => q.task))], ['2.1']);
    assert.equal(taskQuestionIds({ exam: 'aif-c01', domain: 2 }, bank), undefined, 'a domain scope is not narrowed');
  });
});
