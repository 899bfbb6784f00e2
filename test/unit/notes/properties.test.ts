import { strict as assert } from 'assert';
import fc from 'fast-check';
import { extractCards } from '../../../src/core/notes/cards';
import { parseNote } from '../../../src/core/notes/parse';
import type { ParsedNote } from '../../../src/core/notes/types';

/** Lines that exercise every rule of the parser: headings of each shape, fences, card syntax. */
const trickyLine = fc.oneof(
  fc.constantFrom(
    '', ' ', '---', '===', '```', '~~~', '```js', '?', '??', '# Title', '## Title', '###### Deep', '#', '# ', 'Title',
    'Setext', '1. Top', '1. 1. Sub', '1.1.1 Leaf', '2. Next', '3.1.2. Third level.', '4.1.7, Comma style', '1.2.3.1 Four',
    'Transformer Architecture', 'Bedrock Guardrails', '┌──┐', '│ Box Title │', '└──┘', '- bullet', '  • dot', 'a\tb\tc',
    'Q::A', 'Q:::A', '::', ':::', 'a::b::c', 'std::vector', 'arn:aws:iam::1:role/x', '==hidden==', '==a== ==b==',
    '`code::span`', 'title: x', 'tags: [a, b]', '- item', 'x == y', '\uFEFF# bom', '$$x$$', '![](a.png)',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('::', ':::', '==', '`', '#', '. ', '\t'), fc.string({ maxLength: 10 })).map((p) => p.join('')),
);
const newline = fc.constantFrom('\n', '\r\n', '\r');
const trickyText = fc.array(fc.tuple(trickyLine, newline), { maxLength: 60 }).map((ls) => ls.flat().join(''));
const fileName = fc.constantFrom('n.md', 'notes/a b.txt', 'C:\\x\\y.markdown', 'plain', '.hidden.md');
const anyText = fc.oneof(trickyText, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }));

function lineCount(text: string): number { return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length; }

function checkInvariants(n: ParsedNote, text: string): void {
  const lines = lineCount(text);
  let previous = 0;
  for (const s of n.sections) {
    assert.ok(s.line >= 1 && s.line <= lines && s.endLine >= s.line && s.endLine <= lines, `lines ${s.line}-${s.endLine} of ${lines}`);
    assert.ok(s.line > previous, 'sections in line order');
    previous = s.line;
    assert.equal(s.path[s.path.length - 1], s.title);
    assert.equal(s.id, `${n.file}#${s.slug}`);
  }
  assert.equal(new Set(n.sections.map((s) => s.slug)).size, n.sections.length, 'slugs unique');
  assert.equal(new Set(n.cards.map((c) => c.id)).size, n.cards.length, 'card ids unique');
  for (const c of n.cards) {
    assert.ok(c.line >= 1 && c.line <= lines);
    assert.ok(c.front.trim() !== '' && c.back.trim() !== '', 'cards have both sides');
  }
  assert.ok(n.title.length > 0 || n.file === '');
}

describe('notes/parseNote properties', () => {
  it('never throws on random unicode and keeps its invariants', () => {
    fc.assert(fc.property(fileName, anyText, (file, text) => {
      const n = parseNote(file, text);
      assert.deepEqual(n.warnings.filter((w) => w.message.includes('failed')), []);
      checkInvariants(n, text);
    }), { numRuns: 400 });
  });

  it('never throws on mixes of heading-like lines, fences and card syntax, with any line ends', () => {
    fc.assert(fc.property(fileName, trickyText, (file, text) => {
      checkInvariants(parseNote(file, text), text);
    }), { numRuns: 600 });
  });

  it('gives the same result for LF, CRLF and CR line ends', () => {
    fc.assert(fc.property(fc.array(trickyLine.filter((l) => !/[\r\n]/.test(l)), { maxLength: 40 }), (ls) => {
      const lf = parseNote('n.md', ls.join('\n'));
      assert.deepEqual(parseNote('n.md', ls.join('\r\n')), lf);
      assert.deepEqual(parseNote('n.md', ls.join('\r')), lf);
    }), { numRuns: 300 });
  });

  it('parseNote fills cards exactly as extractCards does with the note\'s sections', () => {
    fc.assert(fc.property(fileName, trickyText, (file, text) => {
      const parsed = parseNote(file, text);
      assert.deepEqual(extractCards(file, text, parsed.sections), parsed.cards);
    }), { numRuns: 300 });
  });

  it('turns an unexpected failure into a warning naming the file and line', () => {
    const hostile = { toString() { throw new Error('boom'); } };
    const n = parseNote('notes/bad.md', hostile as unknown as string);
    assert.deepEqual(n.warnings, [{ file: 'notes/bad.md', line: 1, message: 'parse failed: boom' }]);
    assert.deepEqual([n.title, n.sections, n.cards], ['bad', [], []]);
  });

  it('survives inputs that are not strings at all', () => {
    for (const bad of [undefined, null, 42, {}, ['a']] as unknown[]) {
      const n = parseNote('x.md', bad as string);
      assert.ok(Array.isArray(n.sections));
    }
  });

  // Speed is measured by `npm run bench`, never asserted here: these inputs only prove that large
  // and pathological notes parse completely (no throw, no hang, sane structure).
  it('parses a 100 KB note and pathological lines completely', function () {
    const prose = 'Amazon Bedrock gives access to foundation models through one API, billed per input and output token. ';
    const block = `## Section Title\n\n${prose.repeat(6)}\n\n- a bullet about ==provisioned throughput==\n- What is RAG?::Retrieval augmented generation\n\n`
      + '```python\n# code, not a heading\nclient.invoke_model(body=body)\n```\n\n| Mode | Unit |\n|---|---|\n| On-demand | Token |\n\n';
    const note = block.repeat(Math.ceil(100_000 / block.length));
    const parsed = parseNote('big.md', note);
    assert.equal(parsed.sections.filter((x) => x.title === 'Section Title').length, Math.ceil(100_000 / block.length));
    checkInvariants(parsed, note);
    const nasty = ['a::'.repeat(40_000), '`'.repeat(3) + ' ``'.repeat(30_000), '==a== '.repeat(20_000), ' '.repeat(100_000) + 'x',
      '#'.repeat(3) + ' '.repeat(100_000) + 'x', '1.'.repeat(50_000), '┌' + '─'.repeat(100_000), 'Title Line\n\n'.repeat(10_000)];
    for (const text of nasty) checkInvariants(parseNote('nasty.txt', text), text);
  });
});
