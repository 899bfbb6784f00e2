import { strict as assert } from 'assert';
import fc from 'fast-check';
import { SearchIndex, type SearchDoc } from '../../../src/core/search/index';

function doc(id: string, title: string, body: string, file = `${id}.md`, source: SearchDoc['source'] = 'notes'): SearchDoc {
  return { id, title, path: ['Notes', title], file, line: 1, body, source };
}

const seedDocs = [
  { id: 'seed#1', title: 'Temperature', path: ['Notes', 'Temperature'], file: 'seed.md', line: 1, body: 'Sampling randomness; guardrails too.', source: 'bundled' as const },
];
/** The index as written to content.json and read back, given back its documents as StudyCore does. */
function roundTrip(idx: SearchIndex): SearchIndex {
  return SearchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())), idx.documents());
}
function seeded(): SearchIndex {
  const idx = new SearchIndex();
  idx.setFile('seed.md', seedDocs);
  return idx;
}

describe('search index internals: removal, renumbering, serialised forms', () => {
  it('keeps document frequencies right through many replacements of one file', () => {
    const idx = new SearchIndex();
    for (let i = 0; i < 50; i++) idx.setFile(`f${i}.md`, [doc(`d${i}`, `Topic ${i}`, 'shared words about embeddings')]);
    for (let round = 0; round < 20; round++) idx.setFile('f0.md', [doc(`d0-${round}`, 'Topic zero', `embeddings round${round}`)]);
    assert.equal(idx.size, 50);
    assert.equal(idx.search('embeddings', { limit: 100 }).length, 50);
    assert.equal(idx.search('round19')[0]?.id, 'd0-19');
    assert.ok(!idx.search('round3 embeddings', { limit: 100 }).some((r) => r.id === 'd0-3'));
  });

  it('replaces a loaded file after stop words have been seen (words without postings)', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'What is RAG', 'It is the retrieval of the chunks.')]);
    const again = roundTrip(idx);
    again.setFile('b.md', [doc('b', 'Which of these', 'Those are the ones.')]);
    again.setFile('a.md', [doc('a', 'What is RAG now', 'It is still the retrieval of chunks.')]);
    assert.equal(again.search('retrieval')[0].title, 'What is RAG now');
  });

  it('renumbers its documents when the numbers run out, with the same results', () => {
    const idx = new SearchIndex({ maxDocNumber: 64 });
    const plain = new SearchIndex();
    idx.setFile('stop.md', [doc('stop', 'The and of', 'which is what')]);
    plain.setFile('stop.md', [doc('stop', 'The and of', 'which is what')]);
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 12; i++) {
        const docs = [doc(`d${i}`, `Note ${i} round ${round}`, `temperature sampling ${i % 3 ? 'guardrails' : 'chunking'}`, `f${i}.md`)];
        idx.setFile(`f${i}.md`, docs);
        plain.setFile(`f${i}.md`, docs);
      }
    }
    assert.equal(idx.size, 13);
    assert.deepEqual(idx.search('guardrails chunking'), plain.search('guardrails chunking'));
    idx.removeFile('f1.md');
    assert.equal(idx.search('guardrails', { limit: 50 }).length, 7);
  });

  it('serialises only live documents and words, and removes loaded documents', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Vector stores', 'OpenSearch Serverless holds embeddings.')]);
    idx.setFile('b.md', [doc('b', 'Quokkas', 'Marsupials only.')]);
    idx.removeFile('b.md');
    const json = idx.toJSON();
    assert.equal(json.docCount, 1);
    assert.deepEqual(idx.documents().map((d) => d.id), ['a']);
    assert.ok(!json.terms.includes('quokka'));
    const again = SearchIndex.fromJSON(JSON.parse(JSON.stringify(json)), idx.documents());
    again.setFile('c.md', [doc('c', 'More vector stores', 'The Aurora pgvector holds these embeddings too.')]);
    again.removeFile('a.md');
    assert.deepEqual(again.search('embeddings').map((r) => r.id), ['c']);
    assert.deepEqual(again.files, ['c.md']);
  });

  it('reads the older serialised form by indexing its documents again', () => {
    const docs = [doc('a', 'Chunking', 'Split documents before embedding.', 'a.md'), doc('g', 'Chunking', 'Glossary entry.', 'glossary', 'glossary')];
    const idx = SearchIndex.fromJSON({ version: 4 }, docs);
    assert.equal(idx.size, 2);
    assert.deepEqual(idx.search('chunking', { source: ['glossary'] }).map((r) => r.id), ['g']);
  });

  it('indexes the given documents again when they are not as many as the serialised index numbered', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Chunking', 'Split documents before embedding.')]);
    const json = JSON.parse(JSON.stringify(idx.toJSON()));
    const docs = [...idx.documents(), doc('b', 'Quokkas', 'Marsupials only.')];
    const again = SearchIndex.fromJSON(json, docs);
    assert.equal(again.size, 2);
    assert.equal(again.search('marsupials')[0]?.id, 'b');
    assert.equal(again.search('chunking')[0]?.id, 'a');
  });

  it('filters by source and breaks ties by the order documents came in', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Same', 'identical text')]);
    idx.setFile('b.md', [doc('b', 'Same', 'identical text')]);
    idx.setFile('glossary', [doc('g', 'Same', 'identical text', 'glossary', 'glossary')]);
    assert.deepEqual(idx.search('identical').map((r) => r.id), ['a', 'b', 'g']);
    assert.deepEqual(idx.search('identical', { source: ['glossary'] }).map((r) => r.id), ['g']);
    assert.deepEqual(idx.search('identical', { limit: 1 }).map((r) => r.id), ['a']);
  });

  it('after random replacements and removals, equals an index built from the files left (property)', () => {
    const words = ['temperature', 'TopP', 'guardrails', 'the', 'SageMaker', 'f1', 'policies', 'embedding', 'chunk', 'RAG'];
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(5), fc.array(fc.nat(words.length - 1), { maxLength: 12 }), fc.boolean()), { maxLength: 30 }), (ops) => {
      const idx = roundTrip(seeded());
      const files = new Map<string, SearchDoc[]>([['seed.md', seedDocs]]);
      for (const [f, ws, remove] of ops) {
        const file = `f${f}.md`;
        if (remove) { idx.removeFile(file); files.delete(file); continue; }
        const docs = [doc(`${file}#1`, ws.slice(0, 2).map((w) => words[w]).join(' '), ws.map((w) => words[w]).join(' '), file)];
        idx.setFile(file, docs);
        files.set(file, docs);
      }
      const fresh = new SearchIndex();
      for (const [file, docs] of files) fresh.setFile(file, docs);
      const a = idx.toJSON(), b = fresh.toJSON();
      assert.deepEqual(Object.fromEntries(a.terms.map((t, i) => [t, a.postings[i].length])), Object.fromEntries(b.terms.map((t, i) => [t, b.postings[i].length])));
      // Ties may be ordered differently (document numbers differ): compare ids with their scores.
      const scored = (i: SearchIndex, q: string) => i.search(q, { limit: 50 }).map((r) => `${r.id} ${r.score}`).sort();
      for (const q of ['temperature', 'sagemaker policy', 'f1 rag']) assert.deepEqual(scored(idx, q), scored(fresh, q));
    }), { numRuns: 200 });
  });
});
