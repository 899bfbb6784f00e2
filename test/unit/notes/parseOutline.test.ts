import { strict as assert } from 'assert';
import { OutlineTracker, outlineLine, scanNumbering } from '../../../src/core/notes/outline';
import { parseNote } from '../../../src/core/notes/parse';

const outline = (...blocks: string[]) => blocks.join('\n\n') + '\n';

describe('notes/outline numbering', () => {
  it('reads every numbering style found in exported study guides', () => {
    const cases: [string, number[], string][] = [
      ['1. Fundamentals of AI and ML', [1], '1. Fundamentals of AI and ML'],
      ['1. 1. Explain basic AI concepts and terminologies.', [1, 1], '1. 1. Explain basic AI concepts and terminologies'],
      ['1.1.1 Concepts', [1, 1, 1], '1.1.1 Concepts'],
      ['2.1. Explain the basic concepts.', [2, 1], '2.1. Explain the basic concepts'],
      ['3.1.2. Understanding the effect of inference parameters.', [3, 1, 2], '3.1.2. Understanding the effect of inference parameters'],
      ['4.1.7, Describe tools to detect bias.', [4, 1, 7], '4.1.7, Describe tools to detect bias'],
      ['1.2.3.1 SL Techniques', [1, 2, 3, 1], '1.2.3.1 SL Techniques'],
    ];
    for (const [line, nums, title] of cases) assert.deepEqual(outlineLine(line), { nums, title }, line);
  });

  it('rejects lines that only start with digits', () => {
    for (const line of ['2021-09-09 49.71N 82.16W', '3.14 is pi', '1.5 million users', '1 apple', '12345. Too long a number',
      '1. **Source Stage:** stored in GitHub', '1.1', '1.', `1. ${'Long '.repeat(30)}`, '1.\tTabbed', 'x1. Not numbered']) {
      assert.equal(outlineLine(line), undefined, line);
    }
  });

  it('scans `1. 1.` as two levels but `1. 2 cups` as one', () => {
    assert.deepEqual(scanNumbering('1. 1. X')?.nums, [1, 1]);
    assert.deepEqual(scanNumbering('1. 2 cups')?.nums, [1]);
  });

  it('accepts numbering that continues the outline and rejects list items', () => {
    const t = new OutlineTracker();
    const seq: [number[], boolean][] = [
      [[1], true], [[1, 1], true], [[1, 1, 1], true], [[1, 1, 2], true], [[1], false], [[2], false], [[3], false],
      [[1, 2], true], [[1, 2, 3, 1], true], [[2], true], [[2, 1], true], [[2, 1, 12], false], [[2, 1, 1], true], [[2, 1, 1], true], [[9], false], [[3], true],
    ];
    seq.forEach(([nums, ok], k) => assert.equal(t.accept(nums), ok, `step ${k}: ${nums.join('.')}`));
  });
});

describe('notes/parseNote: numbered outline text', () => {
  const text = outline(
    '', 'Exam Notes for Practice', '1. Fundamentals', ' ', '1. 1. Explain basic concepts.', '1.1.1 Concepts',
    'Body about concepts.', '1.1.2 Steps', 'Collect your data like this:\n1. Collect data\n2. Clean data\n3. Train the model',
    '1. Loose item one', '2. Loose item two', 'Closing prose.', '1.2.3.1 Deep Jump', 'Deep body.',
    '2. Generative AI', '2.1. Explain things.', '3.1.2. Understanding the effect of inference parameters on model responses.',
    'Temperature controls randomness.', '4.1.7, Describe tools to detect and monitor bias.', 'Clarify and Model Monitor.',
  );
  const n = parseNote('guide.txt', text);

  it('is detected as an outline with a document title', () => {
    assert.equal(n.format, 'outline');
    assert.equal(n.title, 'Exam Notes for Practice');
  });

  it('sets the level from the numbering depth and skips list items', () => {
    assert.deepEqual(n.sections.map((s) => [s.level, s.title]), [
      [1, 'Exam Notes for Practice'], [1, '1. Fundamentals'], [2, '1. 1. Explain basic concepts'], [3, '1.1.1 Concepts'],
      [3, '1.1.2 Steps'], [4, '1.2.3.1 Deep Jump'], [1, '2. Generative AI'], [2, '2.1. Explain things'],
      [3, '3.1.2. Understanding the effect of inference parameters on model responses'],
      [3, '4.1.7, Describe tools to detect and monitor bias'],
    ]);
  });

  it('keeps list items and prose in the section body', () => {
    const steps = n.sections.find((s) => s.title === '1.1.2 Steps');
    assert.match(steps?.body ?? '', /1\. Collect data[\s\S]*1\. Loose item one[\s\S]*2\. Loose item two[\s\S]*Closing prose\./);
    const temp = n.sections.find((s) => s.title.startsWith('3.1.2.'));
    assert.match(temp?.body ?? '', /Temperature/);
  });

  it('builds breadcrumbs from the numbering', () => {
    const deep = n.sections.find((s) => s.title === '1.1.1 Concepts');
    assert.deepEqual(deep?.path, ['1. Fundamentals', '1. 1. Explain basic concepts', '1.1.1 Concepts']);
    assert.equal(deep?.slug, '111-concepts');
  });

  it('does not treat a plain text with one or two numbered lines as an outline', () => {
    const p = parseNote('list.txt', 'Steps\n\n1. Collect data\n\n2. Clean data\n\n3. Train\n');
    assert.notEqual(p.format, 'outline');
    assert.deepEqual(p.sections.map((s) => s.title), ['Steps']);
  });
});
