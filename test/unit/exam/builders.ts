/** Test-data builders: a small exam blueprint and a question bank of any shape. */
import type { Exam, Question, QuestionType } from '../../../src/core/content/schema';

export function exam(overrides: Partial<Exam> = {}): Exam {
  return {
    id: 'aif-c01', code: 'AIF-C01', name: 'Test exam', questions: 65, scored: 50, unscored: 15, minutes: 90,
    scoreMin: 100, scoreMax: 1000, passingScore: 700, questionTypes: ['single', 'multiple', 'ordering', 'matching'],
    domains: [
      { number: 1, name: 'One', weight: 20, tasks: [{ id: '1.1', title: 'Task one' }] },
      { number: 2, name: 'Two', weight: 24, tasks: [{ id: '2.1', title: 'Task two' }] },
      { number: 3, name: 'Three', weight: 28, tasks: [{ id: '3.1', title: 'Task three' }] },
      { number: 4, name: 'Four', weight: 14, tasks: [{ id: '4.1', title: 'Task four' }] },
      { number: 5, name: 'Five', weight: 14, tasks: [{ id: '5.1', title: 'Task five' }] },
    ],
    ...overrides,
  };
}

/** One question of a type, in a domain, numbered n; its key is fixed and known. */
export function question(type: QuestionType, domain: number, n: number, examId: 'aif-c01' | 'mla-c01' = 'aif-c01'): Question {
  const prefix = examId === 'aif-c01' ? 'aif' : 'mla';
  const base = {
    id: `${prefix}-d${domain}-${String(n).padStart(3, '0')}`, exam: examId, task: `${domain}.1`, type,
    difficulty: 'medium' as const, explanation: 'Because the key says so, in enough words.', note: 'some-note#a-section',
  };
  const opts = (k: number) => 'abcdefgh'.slice(0, k).split('').map((id) => ({ id, text: `Option ${id}`, why: `Why ${id} is so.` }));
  switch (type) {
    case 'single': return { ...base, stem: 'Which one option is right here?', options: opts(4), answer: ['b'] };
    case 'multiple': return { ...base, stem: 'Which options are right? (Select TWO.)', options: opts(5), answer: ['a', 'c'] };
    case 'ordering': return { ...base, stem: 'Put these steps in the right order.', options: opts(4).map(({ id, text }) => ({ id, text })), answer: ['c', 'a', 'd', 'b'] };
    case 'matching': return {
      ...base, stem: 'Match each item to the thing it is.', options: opts(3).map(({ id, text }) => ({ id, text })), answer: [],
      targets: [{ id: 'p', text: 'P' }, { id: 'q', text: 'Q' }, { id: 'r', text: 'R' }, { id: 's', text: 'S' }], matches: { a: 'q', b: 's', c: 'p' },
    };
  }
}

/** `perDomain[d-1]` questions in each domain, cycling through the four types. */
export function bank(perDomain: number[], examId: 'aif-c01' | 'mla-c01' = 'aif-c01'): Question[] {
  const types: QuestionType[] = ['single', 'multiple', 'ordering', 'matching'];
  return perDomain.flatMap((count, i) => Array.from({ length: count }, (_, n) => question(types[n % 4], i + 1, n + 1, examId)));
}
