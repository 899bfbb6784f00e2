/**
 * The prepared index in content.json holds no note or glossary text and no fuse.js indexes:
 * StudyCore gives it back its documents, made again from the bundle's notes and glossary, and the
 * fuzzy buckets are made from its terms. Restored that way it must answer exactly as an index built
 * fresh from the parsed notes, before and after the learner's own files come and go.
 */
import { strict as assert } from 'assert';
import Fuse from 'fuse.js';
import { buildBundle } from '../../../scripts/buildContent';
import { HELD_OUT, QUERIES } from '../../../scripts/bench/queries';
import type { ContentBundle } from '../../../src/core/content/bundle';
import { StudyCore } from '../../../src/core/study';
import { SearchIndex, type SearchOptions } from '../../../src/core/search/index';
import { glossaryDocs, noteDocs } from '../../../src/core/search/docs';
import { wordIndex } from '../../../src/core/search/vocabulary';
import { parseNote } from '../../../src/core/notes/parse';
import { CONTENT_DIR, content } from '../../helpers/content';

/** The bundled notes and glossary indexed file by file from the parsed notes, as the build did before the index dropped its text. */
function freshIndex(): SearchIndex {
  const c = content();
  const idx = new SearchIndex();
  for (const n of c.notes) idx.setFile(n.file, noteDocs(n.parsed, 'bundled'));
  idx.setFile('glossary', glossaryDocs(c.glossary.map((g) => g.entry)));
  return idx;
}

const QUERY_TEXTS = [...QUERIES, ...HELD_OUT].map(([q]) => q);
const OPTIONS: SearchOptions[] = [{}, { limit: 30 }, { limit: 10, source: ['glossary'] }, { limit: 10, source: ['bundled', 'notes'] }];

function sameAnswers(restored: SearchIndex, fresh: SearchIndex, queries: readonly string[]): void {
  for (const q of queries) {
    for (const o of OPTIONS) assert.deepEqual(restored.search(q, o), fresh.search(q, o), `"${q}" ${JSON.stringify(o)}`);
  }
}

describe('the prepared index of the bundled content (content.json)', function () {
  this.timeout(60_000);
  const bundle = buildBundle(CONTENT_DIR);
  const text = JSON.stringify(bundle);
  const restore = () => new StudyCore(JSON.parse(text) as ContentBundle).searchIndex;

  it('does not carry the text of note sections or glossary entries', () => {
    const search = JSON.stringify(bundle.search);
    const bodies = bundle.notes.flatMap((n) => n.sections.map((s) => s.body)).filter((b) => b.length > 80);
    assert.ok(bodies.length > 500, `${bodies.length} long section bodies`);
    for (const b of bodies) assert.ok(!search.includes(JSON.stringify(b).slice(1, 81)), `section text in the index: ${b.slice(0, 60)}`);
    for (const g of bundle.glossary) assert.ok(!search.includes(JSON.stringify(g.definition).slice(1, -1)), `glossary text in the index: ${g.id}`);
  });

  it('numbers as many documents as the bundle gives back', () => {
    const idx = restore();
    assert.equal(bundle.search.docCount, idx.size);
    assert.equal(idx.size, freshIndex().size);
  });

  it('answers the 50 benchmark and 20 held-out queries exactly as an index built fresh from the notes', () => {
    const restored = restore();
    const fresh = freshIndex();
    sameAnswers(restored, fresh, QUERY_TEXTS);
    // Not vacuous: the queries find bundled notes and glossary entries, with snippets.
    const top = restored.search('what does top p do', { limit: 30 });
    assert.ok(top.some((r) => r.source === 'bundled' && r.snippet.length > 20));
    assert.ok(top.some((r) => r.source === 'glossary'));
  });

  it('keeps answering as the fresh index while learner files are added, replaced and removed', () => {
    const restored = restore();
    const fresh = freshIndex();
    // A fuzzy lookup first, so the "g" words' fuse.js index exists and must grow with the learner's words.
    assert.deepEqual(restored.search('guardrials'), fresh.search('guardrials'));
    const mine = parseNote('/home/me/notes/bedrock.md', '# Quokka temperature\n\nMy notes on top p, guardrails and zanzibarish embeddings.\n\n## Wombat\n\nProvisioned throughput for wombats, gnarlybits.\n');
    const again = parseNote('/home/me/notes/bedrock.md', '# Quokka again\n\nOnly sagemaker clarify and okapiology now.\n');
    const queries = ['quokka', 'okapiology', 'zanzibarish', 'zanzibarsh', 'gnarlybts', 'wombat throughput', 'what does top p do', 'guardrials', 'sagemaker clarify bias', 'provisoned throughput'];
    for (const idx of [restored, fresh]) idx.setFile(mine.file, noteDocs(mine, 'notes'));
    assert.equal(restored.search('zanzibarish')[0]?.file, mine.file);
    assert.equal(restored.search('zanzibarsh')[0]?.file, mine.file);
    assert.equal(restored.search('gnarlybts')[0]?.file, mine.file);
    sameAnswers(restored, fresh, queries);
    for (const idx of [restored, fresh]) idx.setFile(again.file, noteDocs(again, 'notes'));
    assert.equal(restored.search('zanzibarish').length, 0);
    assert.equal(restored.search('okapiology')[0]?.file, again.file);
    sameAnswers(restored, fresh, queries);
    for (const idx of [restored, fresh]) idx.removeFile(again.file);
    assert.equal(restored.search('okapiology').length, 0);
    sameAnswers(restored, fresh, [...queries, ...QUERY_TEXTS.slice(0, 10)]);
  });

  it('makes each letter\'s fuse.js index as Fuse.createIndex would, for every word of the vocabulary', () => {
    const byLetter = new Map<string, string[]>();
    for (const t of bundle.search.terms.filter((w) => w.length >= 4)) {
      const list = byLetter.get(t[0]);
      if (list) list.push(t); else byLetter.set(t[0], [t]);
    }
    assert.ok(byLetter.size > 20 && (byLetter.get('s')?.length ?? 0) > 300);
    for (const [letter, words] of byLetter) assert.deepEqual(wordIndex(words).toJSON(), Fuse.createIndex([], words).toJSON(), letter);
  });
});
