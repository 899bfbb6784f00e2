import { strict as assert } from 'assert';
import { SearchIndex, type SearchDoc } from '../../../src/core/search/index';
import { queryWords, isFrameWord } from '../../../src/core/search/terms';
import { editDistance } from '../../../src/core/text/editDistance';
import { HELD_OUT, QUERIES } from '../../../scripts/bench/queries';
import { content } from '../../helpers/content';

function doc(id: string, title: string, body: string): SearchDoc {
  return { id, title, path: ['Notes', title], file: `${id}.md`, line: 1, body, source: 'notes' };
}

describe('search quality: words, spellings and question frames', () => {
  it('matches a camelCase or letter-digit word typed as one word, and the other way round', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'SageMaker Pipelines', 'Steps of a workflow.')]);
    idx.setFile('b.md', [doc('b', 'Code', "boto3.client('sagemaker') is called once here.")]);
    idx.setFile('c.md', [doc('c', 'F1 score', 'Harmonic mean of precision and recall.')]);
    idx.setFile('d.md', [doc('d', 'Scoring jobs', 'A large set of records is scored offline, score after score.')]);
    assert.equal(idx.search('sagemaker pipelines')[0].id, 'a');
    assert.equal(idx.search('SageMaker')[0].id, 'a');
    assert.equal(idx.search('f1 score')[0].id, 'c');
  });

  it('prefers the nearest spelling of a misspelt word (a swap beats a different ending)', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Guarding automatic retraining', 'Guarding the pipeline.')]);
    idx.setFile('b.md', [doc('b', 'Content policies', 'A guardrail blocks harmful content.')]);
    assert.equal(idx.search('guardrials')[0].id, 'b');
  });

  it('gives a question-framing verb little weight', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Cost levers that work', 'Prompt caching, batch, and RAG instead of fine-tuning.')]);
    idx.setFile('b.md', [doc('b', 'RAG', 'Retrieval augmented generation: RAG grounds answers in your documents. RAG retrieves chunks.')]);
    for (const t of ['Temperature', 'Top P', 'Guardrails', 'Embeddings', 'Chunking', 'Agents']) idx.setFile(`${t}.md`, [doc(t, t, `Notes on ${t}.`)]);
    assert.equal(idx.search('how does RAG work')[0].id, 'b');
    assert.equal(isFrameWord('work', 'how does RAG work'), true);
    assert.equal(isFrameWord('work', 'work breakdown'), false);
  });

  it('splits a query into words with their atoms and whole form', () => {
    assert.deepEqual(queryWords('SageMaker f1 the top_p'), [
      { whole: 'sagemaker', atoms: ['sage', 'maker'] },
      { whole: 'f1', atoms: ['f', '1'] },
      { whole: undefined, atoms: ['top'] },
      { whole: undefined, atoms: ['p'] },
    ]);
  });

  it('measures edit distance with swaps, and stops early past the bound', () => {
    assert.equal(editDistance('guardrial', 'guardrail', 3), 1);
    assert.equal(editDistance('temprature', 'temperature', 3), 1);
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
    assert.equal(editDistance('abc', 'abcdefgh', 2), 3);
    assert.equal(editDistance('', 'ab', 2), 2);
  });
});

describe('benchmark answer keys', () => {
  it('name only notes and glossary entries that exist', () => {
    const c = content();
    const known = new Set([...c.notes.map((n) => n.id), ...c.glossary.map((g) => `glossary:${g.entry.id}`)]);
    const missing = [...QUERIES, ...HELD_OUT].flatMap(([q, answers]) => answers.filter((a) => !known.has(a)).map((a) => `${q}: ${a}`));
    assert.deepEqual(missing, []);
  });
});
