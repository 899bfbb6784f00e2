import { strict as assert } from 'assert';
import { parseNote } from '../../../src/core/notes/parse';
import type { ParsedNote } from '../../../src/core/notes/types';

const titles = (n: ParsedNote) => n.sections.map((s) => s.title);
const section = (n: ParsedNote, title: string) => {
  const s = n.sections.find((x) => x.title === title);
  assert.ok(s, `no section "${title}" in ${JSON.stringify(titles(n))}`);
  return s;
};

describe('notes/parseNote: markdown', () => {
  it('reads ATX headings at levels 1-6 with breadcrumbs, lines and bodies', () => {
    const n = parseNote('notes/a.md', '# One\nintro\n## Two\nbody two\n### Three ###\n#### Four\n##### Five\n###### Six\n####### Seven is text\n');
    assert.equal(n.format, 'markdown');
    assert.deepEqual(n.sections.map((s) => [s.level, s.title, s.line, s.endLine]), [
      [1, 'One', 1, 2], [2, 'Two', 3, 4], [3, 'Three', 5, 5], [4, 'Four', 6, 6], [5, 'Five', 7, 7], [6, 'Six', 8, 10],
    ]);
    assert.deepEqual(section(n, 'Four').path, ['One', 'Two', 'Three', 'Four']);
    assert.equal(section(n, 'Six').body, '####### Seven is text');
    assert.equal(section(n, 'Two').body, 'body two');
  });

  it('closes sibling and deeper headings in the breadcrumb', () => {
    const n = parseNote('a.md', '# A\n### Deep\n## B\n# C\n## D');
    assert.deepEqual(n.sections.map((s) => s.path.join(' > ')), ['A', 'A > Deep', 'A > B', 'C', 'C > D']);
  });

  it('does not read `#` inside fenced code as a heading, and keeps code in the body', () => {
    const n = parseNote('a.md', '# Real\n```bash\n# comment\n```\n~~~\n## also code\n~~~\n#hashtag is text\n');
    assert.deepEqual(titles(n), ['Real']);
    assert.match(n.sections[0].body, /# comment[\s\S]*## also code[\s\S]*#hashtag/);
  });

  it('warns about an unclosed fence and reads the rest as code', () => {
    const n = parseNote('a.md', '# Top\n```\n# inside\n');
    assert.deepEqual(titles(n), ['Top']);
    assert.deepEqual(n.warnings.map((w) => [w.file, w.line]), [['a.md', 2]]);
  });

  it('reads setext headings but not a `---` rule after a paragraph or a bullet', () => {
    const n = parseNote('a.md', 'Big Title\n=========\n\nSmaller One\n---\n\nA sentence that ends.\n---\n\n- a bullet\n---\n\nfirst line\nsecond line\n---\n');
    assert.deepEqual(n.sections.map((s) => [s.level, s.title, s.line]), [[1, 'Big Title', 1], [2, 'Smaller One', 4]]);
    assert.match(section(n, 'Smaller One').body, /A sentence that ends\.\n---/);
  });

  it('reads front matter: scalars, quoted values, flow lists and dash lists', () => {
    const n = parseNote('a.md', '---\ntitle: "Bedrock: Basics"\ntags: [aws, "ml"]\naliases:\n  - one\n  - two\nempty:\n# a comment\n---\n# Heading\n');
    assert.deepEqual(n.frontMatter, { title: 'Bedrock: Basics', tags: ['aws', 'ml'], aliases: ['one', 'two'], empty: '' });
    assert.equal(n.title, 'Bedrock: Basics');
    assert.deepEqual(n.warnings, []);
    assert.equal(section(n, 'Heading').line, 10);
  });

  it('ignores unsupported front matter with a warning naming the line', () => {
    const n = parseNote('x.md', '---\nok: yes\nnested:\n  child: 1\nblock: |\n  text\n  more\nnot a pair\n---\nbody');
    assert.equal(n.frontMatter.ok, 'yes');
    assert.deepEqual(n.warnings.map((w) => w.line), [4, 5, 8]);
    assert.ok(n.warnings.every((w) => w.file === 'x.md' && w.message.length > 0));
  });

  it('treats an unclosed `---` block as text, with a warning', () => {
    const n = parseNote('a.md', '---\ntitle: nope\n# Heading');
    assert.deepEqual(n.frontMatter, {});
    assert.deepEqual(n.sections.map((s) => [s.level, s.title, s.slug]), [[0, 'Heading', 'heading'], [1, 'Heading', 'heading-1']]);
    assert.equal(n.sections[0].body, '---\ntitle: nope');
    assert.equal(n.warnings.length, 1);
  });

  it('takes the title from front matter, then the first level-1 heading, then the file name', () => {
    assert.equal(parseNote('n.md', '---\ntitle: FM\n---\n# H1').title, 'FM');
    assert.equal(parseNote('n.md', '## Two\n# One\n# Later').title, 'One');
    assert.equal(parseNote('dir/sub/my note.v2.md', '## Only two').title, 'my note.v2');
    assert.equal(parseNote('C:\\notes\\win.md', 'text').title, 'win');
  });

  it('makes text before the first heading a preamble section at line 1', () => {
    const n = parseNote('notes/p.md', '---\ntitle: Intro Note\n---\nSome words first.\n\n# Main\nbody');
    assert.deepEqual(n.sections[0], {
      id: 'notes/p.md#intro-note', title: 'Intro Note', level: 0, path: ['Intro Note'], file: 'notes/p.md',
      line: 1, endLine: 5, body: 'Some words first.', slug: 'intro-note',
    });
    assert.equal(parseNote('p.md', '\n\n# Main').sections.length, 1, 'no preamble for blank lines');
  });

  it('slugs GitHub style and makes duplicates unique', () => {
    const n = parseNote('s.md', '# Hello, World!\n# Hello World\n# Hello World\n# Amazon Q `#exam-tip`\n# C++ & C#\n# Ünïcödé Straße\n# !!!\n# hello-world-1');
    assert.deepEqual(n.sections.map((s) => s.slug), [
      'hello-world', 'hello-world-1', 'hello-world-2', 'amazon-q-exam-tip', 'c--c', 'ünïcödé-straße', 'section', 'hello-world-1-1',
    ]);
    assert.equal(n.sections[0].id, 's.md#hello-world');
  });

  it('keeps tables, images, formulas and lists in the body text', () => {
    const body = '| a | b |\n|---|---|\n| 1 | 2 |\n\n![](assets/x.png)\n\n$$E = mc^2$$\n\n- item\n  - nested';
    assert.equal(section(parseNote('a.md', `# T\n\n${body}\n\n`), 'T').body, body);
  });

  it('handles CRLF, CR and a BOM with the same lines as LF', () => {
    const lf = parseNote('a.md', '# A\nx\n\n## B\ny\n');
    const crlf = parseNote('a.md', '\uFEFF# A\r\nx\r\n\r\n## B\r\ny\r\n');
    const cr = parseNote('a.md', '# A\rx\r\r## B\ry\r');
    assert.deepEqual(crlf, lf);
    assert.deepEqual(cr, lf);
  });
});
