import * as assert from 'node:assert/strict';
import { buildDeck, userCardId } from '../../../src/core/cards/deck';
import { clozeBack, maskTerm } from '../../../src/core/cards/faces';
import { cardsInScope, scopeTitle, asDeckScope } from '../../../src/core/cards/scope';
import { toAnkiTsv, oneLine } from '../../../src/core/cards/anki';
import { createMarkdown } from '../../../src/core/render/markdown';
import type { ParsedNote } from '../../../src/core/notes/types';
import type { Exam } from '../../../src/core/content/schema';
import { bundle, entry, note, noteCard } from '../srs/builders';

const content = bundle(
  [
    note('bedrock-api', ['aif-c01:3.1', 'mla-c01:3.2'], [
      noteCard('aaa', 'basic', 'What does Converse unify?', 'The request shape across models.'),
      noteCard('bbb', 'reversed', 'top_p', 'Nucleus sampling'),
      noteCard('ccc', 'cloze', 'The runtime endpoint is [...].', 'bedrock-runtime'),
    ]),
  ],
  [
    entry('amazon-bedrock', 'service', { term: 'Amazon Bedrock', aliases: ['Bedrock'], definition: 'Amazon Bedrock is a managed service that offers foundation models through one API; Bedrock also hosts agents.', note: 'bedrock-api#overview' }),
    entry('top-p', 'parameter', { term: 'top_p', definition: 'Sampling cut-off: only the most likely tokens whose probabilities add up to p are kept.' }),
  ],
);

describe('cards/deck: building the flashcards', () => {
  const deck = buildDeck(content);
  const byId = new Map(deck.map((c) => [c.id, c]));

  it('makes stable ids for every source and direction', () => {
    assert.deepEqual(deck.map((c) => c.id), ['n:aaa', 'n:bbb', 'n:bbb:rev', 'n:ccc', 'g:amazon-bedrock', 'g:amazon-bedrock:rev', 'g:top-p']);
  });

  it('studies reversed note cards both ways and shows a cloze answer in its sentence', () => {
    assert.equal(byId.get('n:bbb:rev')!.front, 'Nucleus sampling');
    assert.equal(byId.get('n:bbb:rev')!.back, 'top_p');
    assert.equal(byId.get('n:ccc')!.front, 'The runtime endpoint is [...].');
    assert.equal(byId.get('n:ccc')!.back, 'The runtime endpoint is **bedrock-runtime**.');
    assert.equal(clozeBack('no marker', 'x'), 'x');
  });

  it('asks a glossary term both ways only for kinds where the definition identifies it, masking the term', () => {
    const rev = byId.get('g:amazon-bedrock:rev')!;
    assert.match(rev.front, /^Which service is this\?/);
    assert.doesNotMatch(rev.front, /Bedrock/i, 'the term and its aliases are masked');
    assert.match(rev.back, /\*\*Amazon Bedrock\*\*/);
    assert.equal(byId.has('g:top-p:rev'), false, 'parameters are not reversed');
    assert.equal(byId.get('g:top-p')!.front, 'What is **top\\_p**?');
  });

  it('puts glossary cards under the exam tasks of the note they are anchored in', () => {
    const g = byId.get('g:amazon-bedrock')!;
    assert.deepEqual(g.tasks, ['aif-c01:3.1', 'mla-c01:3.2']);
    assert.equal(g.noteId, 'bedrock-api');
    assert.equal(g.slug, 'overview');
    assert.deepEqual(byId.get('g:top-p')!.tasks, []);
  });

  it('masks whole words only, any case', () => {
    assert.equal(maskTerm('LoRA adapters; lora rank; flora', ['LoRA']), '\\_\\_\\_ adapters; \\_\\_\\_ rank; flora');
  });

  it('selects cards by scope', () => {
    const ids = (s: unknown) => cardsInScope(deck, asDeckScope(s)!).map((c) => c.id);
    assert.equal(ids({ kind: 'all' }).length, deck.length);
    assert.deepEqual(ids({ kind: 'domain', exam: 'mla-c01', domain: 3 }), ['n:aaa', 'n:bbb', 'n:bbb:rev', 'n:ccc', 'g:amazon-bedrock', 'g:amazon-bedrock:rev']);
    assert.deepEqual(ids({ kind: 'task', exam: 'aif-c01', task: '3.2' }), []);
    assert.deepEqual(ids({ kind: 'term', entryId: 'top-p' }), ['g:top-p']);
    assert.equal(ids({ kind: 'note', noteId: 'bedrock-api' }).length, 6);
    assert.deepEqual(ids({ kind: 'myNotes' }), []);
    assert.equal(asDeckScope({ kind: 'domain', exam: 'aif-c01', domain: '3' }), undefined, 'untrusted input is checked');
    assert.equal(asDeckScope('all'), undefined);
  });

  it('names scopes the way a learner reads them', () => {
    const exams = [{ id: 'aif-c01', code: 'AIF-C01', domains: [{ number: 3, name: 'Applications of Foundation Models', weight: 28, tasks: [{ id: '3.1', title: 'Design' }] }] }] as unknown as Exam[];
    assert.equal(scopeTitle({ kind: 'domain', exam: 'aif-c01', domain: 3 }, { exams }), 'AIF-C01 · Domain 3: Applications of Foundation Models');
    assert.equal(scopeTitle({ kind: 'task', exam: 'aif-c01', task: '3.1' }, { exams }), 'AIF-C01 · Task 3.1: Design');
  });
});

describe('cards/deck: the learner\'s own cards', () => {
  const parsed = (file: string): ParsedNote => ({
    file, title: 'Mine', frontMatter: {}, sections: [], warnings: [], format: 'markdown',
    cards: [
      { id: 'x1', kind: 'basic', front: 'Q', back: 'A', file, line: 3 },
      { id: 'x2', kind: 'basic', front: 'Q', back: 'A', file, line: 9 },
      { id: 'x3', kind: 'reversed', front: 'L', back: 'R', file, line: 12 },
    ],
  });

  it('ids depend on the workspace-relative path and the text, not the machine', () => {
    const a = buildDeck(bundle([]), [{ note: parsed('/home/ana/ws/notes/a.md'), relPath: 'notes/a.md' }]);
    const b = buildDeck(bundle([]), [{ note: parsed('C:\\Users\\ana\\ws\\notes\\a.md'), relPath: 'notes\\a.md' }]);
    assert.deepEqual(a.map((c) => c.id), b.map((c) => c.id));
    assert.equal(new Set(a.map((c) => c.id)).size, 4, 'identical cards in one file get distinct ids');
    assert.ok(a.every((c) => c.source === 'user' && c.id.startsWith('u:')));
    assert.ok(a[3].id.endsWith(':rev'));
    assert.equal(a[0].line, 3);
    assert.notEqual(userCardId('notes/a.md', 'Q', 'A', new Map()), userCardId('notes/b.md', 'Q', 'A', new Map()));
  });
});

describe('cards/faces: rendering', () => {
  it('renders a multiline card with a table and code, and escapes raw HTML', () => {
    const md = createMarkdown();
    const [c] = buildDeck(bundle([note('x', [], [noteCard('m1', 'multiline', 'Which API?\n\n| API | Streams |\n|---|---|\n| Converse | no |', '```python\nclient.converse(modelId=m)\n```\n<script>alert(1)</script>')])]));
    const front = md.render(c.front);
    const back = md.render(c.back);
    assert.match(front, /<table>[\s\S]*<td>Converse<\/td>/);
    assert.match(back, /<pre><code class="language-python">client.converse/);
    assert.doesNotMatch(back, /<script>/);
    assert.match(back, /&lt;script&gt;/);
  });
});

describe('cards/anki: tab-separated export', () => {
  const md = createMarkdown();
  const tsv = toAnkiTsv(buildDeck(content), { deck: 'AWS ML Study::AIF-C01', render: (s) => md.render(s) });
  const lines = tsv.trimEnd().split('\n');

  it('starts with the headers Anki reads and has one line per card with four fields', () => {
    assert.deepEqual(lines.slice(0, 7), ['#separator:tab', '#html:true', '#notetype:Basic', '#deck:AWS ML Study::AIF-C01', '#guid column:1', '#tags column:4', '#columns:GUID\tFront\tBack\tTags']);
    const rows = lines.slice(7);
    assert.equal(rows.length, 7);
    for (const r of rows) assert.equal(r.split('\t').length, 4, r);
  });

  it('renders markdown to HTML on one line and tags exam, domain and task', () => {
    const row = lines.find((l) => l.startsWith('aws-ml-study:n:ccc\t'))!.split('\t');
    assert.equal(row[2], '<p>The runtime endpoint is <strong>bedrock-runtime</strong>.</p>');
    assert.match(row[3], /AIF-C01::domain-3::task-3\.1/);
    assert.match(row[3], /MLA-C01::domain-3::task-3\.2/);
    assert.equal(oneLine('<pre><code>a\nb\n</code></pre>\n<p>x</p>\n'), '<pre><code>a<br>b<br></code></pre> <p>x</p>');
  });
});
