import { strict as assert } from 'assert';
import { detectFormat } from '../../../src/core/notes/format';
import { parseNote } from '../../../src/core/notes/parse';
import { BoxTracker, isTitleLine, isTitleShaped } from '../../../src/core/notes/titleLines';

const titles = (text: string, file = 'plain.txt') => parseNote(file, text).sections.map((s) => s.title);

describe('notes/title lines in plain text', () => {
  it('accepts short Title Case lines', () => {
    for (const t of ['Transformer Architecture', 'Self-Attention Mechanism', 'Bedrock Guardrails', 'Tokens & Tokenization',
      'Why RAG?', 'RAG (Retrieval-Augmented Generation)', 'Quick Reference: Bedrock vs SageMaker JumpStart', 'Embeddings']) {
      assert.ok(isTitleShaped(t), t);
    }
  });

  it('rejects sentences, labels, bullets, formulas, flows, diagrams and long lines', () => {
    for (const t of ['Fully managed service for accessing foundation models via API.', 'Setup:', 'Agent reasoning:',
      '• Bullet Point Here', '- Dash Item', '1. Numbered Item', 'Multi-Head = run multiple heads', 'Solution: Retrieve → Inject',
      '│  Tokenization │', '┌────┐', '  Indented Title', '\tTabbed Title', 'the lower case words here', 'What is inference today?',
      'Exam Domain: 2 — ML Model Development (26%) Task: Understand foundation models and Bedrock services',
      '"Quoted Start Line"', 'Parameter\tControls', '$$F_1 = 2PR$$', 'See https://Example.com']) {
      assert.ok(!isTitleShaped(t), t);
    }
  });

  it('needs a blank line before; after it a blank line, a bullet, a table row or a sentence', () => {
    assert.ok(isTitleLine('Key Facts', '', ''));
    assert.ok(isTitleLine('Key Facts', undefined, '- first fact'));
    assert.ok(isTitleLine('Key Facts', '', 'Name\tValue'));
    assert.ok(isTitleLine('Key Facts', '', 'Each fact below is worth remembering.'));
    assert.ok(!isTitleLine('Key Facts', 'text above', ''));
    assert.ok(!isTitleLine('TypeArchitectureExamplesUse Case', '', 'Encoder-onlyProcesses full inputBERTClassification'));
    assert.ok(!isTitleLine('Pre-trained Model (ImageNet)', '', '    ↓'));
  });

  it('tracks box-drawing diagrams from corner to corner', () => {
    const box = new BoxTracker();
    const lines = ['Before', '┌──┐', '│ Inside Title │', 'Loose Text Line', '└──┘', 'After', '──── rule ────'];
    assert.deepEqual(lines.map((l) => box.inBox(l)), [false, true, true, true, true, false, true]);
  });

  it('finds title-line sections and leaves everything else in bodies', () => {
    const text = 'Course Notes\n\nFirst Topic\n\nSome prose here.\n\n┌──────┐\n│ Boxed Title │\n│      │\n└──────┘\n\nSecond Topic\n\nShort Line\n    ↓\n  Next step\n\nTable Header Row\nCell oneCell two\n';
    const n = parseNote('n.txt', text);
    assert.equal(n.format, 'plain');
    assert.deepEqual(n.sections.map((s) => [s.level, s.title]), [[1, 'Course Notes'], [2, 'First Topic'], [2, 'Second Topic']]);
    assert.match(n.sections[1].body, /┌──────┐\n│ Boxed Title │/);
    assert.equal(n.title, 'Course Notes');
  });

  it('makes the whole of a text without headings one preamble section', () => {
    const n = parseNote('notes/scratch.txt', 'just some words.\nand more words.');
    assert.deepEqual(n.sections.map((s) => [s.title, s.level, s.line, s.endLine, s.body]), [['scratch', 0, 1, 2, 'just some words.\nand more words.']]);
  });

  it('returns no sections for empty or blank text', () => {
    assert.deepEqual(titles(''), []);
    assert.deepEqual(titles('\n\n   \n'), []);
  });
});

describe('notes/format detection', () => {
  const detect = (text: string, file = 'x.txt', hasFrontMatter = false) => {
    const lines = text.split('\n');
    return detectFormat({ file, lines, start: 0, code: lines.map(() => false), hasFrontMatter });
  };

  it('tells the four shapes apart', () => {
    assert.equal(detect('# Heading\ntext'), 'markdown');
    assert.equal(detect('Title\n=====\ntext'), 'markdown');
    assert.equal(detect('just text', 'x.md'), 'markdown');
    assert.equal(detect('just text', 'x.txt', true), 'markdown');
    assert.equal(detect('1. A\n\n1.1 B\n\ntext\n\n1.2 C\n'), 'outline');
    assert.equal(detect('Title\n\na\tb\nc\td\ne\tf\n'), 'table');
    assert.equal(detect('Title\n\nprose\n\nmore prose\n'), 'plain');
  });

  it('finds title-line headings in tab-separated table text', () => {
    const n = parseNote('t.txt', 'Reference Tables\n\nModels\nName\tUse\nTitan\tText\nClaude\tChat\n\nPrices\n\nMode\tUnit\nOn-demand\tToken\n');
    assert.equal(n.format, 'table');
    assert.deepEqual(n.sections.map((s) => s.title), ['Reference Tables', 'Models', 'Prices']);
    assert.equal(n.sections[1].body, 'Name\tUse\nTitan\tText\nClaude\tChat');
  });
});
