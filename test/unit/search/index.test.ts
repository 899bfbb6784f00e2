import { strict as assert } from 'assert';
import { SearchIndex, type SearchDoc } from '../../../src/core/search/index';
import { glossaryDocs, noteDocs } from '../../../src/core/search/docs';
import { respellingNotice } from '../../../src/core/search/respelling';
import { content } from '../../helpers/content';

function doc(id: string, title: string, body: string, file = `${id}.md`): SearchDoc {
  return { id, title, path: ['Notes', title], file, line: 1, body, source: 'notes' };
}

describe('search index mechanics', () => {
  it('weights titles above bodies', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Chunking strategies', 'How documents are split before embedding.')]);
    idx.setFile('b.md', [doc('b', 'Vector stores', 'Chunking is mentioned here once, in passing.')]);
    assert.equal(idx.search('chunking')[0].id, 'a');
  });

  it('finds misspelt words and completes the last word', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Temperature', 'Sampling randomness of the next token.')]);
    idx.setFile('b.md', [doc('b', 'Guardrails', 'Filters for harmful content and denied topics.')]);
    assert.equal(idx.search('temprature')[0]?.id, 'a');
    assert.equal(idx.search('guardrials')[0]?.id, 'b');
    assert.equal(idx.search('guard')[0]?.id, 'b');
  });

  it('says which query words it respelt and which nothing holds, in the words the learner typed', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Guardrails', 'Filters for harmful content and denied topics.')]);
    idx.setFile('b.md', [doc('b', 'Knowledge bases', 'Plug a vector store into Bedrock.')]);
    assert.deepEqual(idx.respellings('Guardrials denied topics'), [{ word: 'Guardrials', as: 'guardrail' }]);
    assert.deepEqual(idx.respellings('xyzzy plugh'), [{ word: 'xyzzy', as: undefined }, { word: 'plugh', as: 'plug' }]);
    assert.deepEqual(idx.respellings('guardrails denied topics'), [], 'every word is indexed');
    assert.deepEqual(idx.respellings('denied top'), [], 'a last word being typed is not a misspelling');
    assert.deepEqual(idx.respellings('the of'), [], 'stop words are not search words');
  });

  it('turns respellings into one line', () => {
    assert.equal(respellingNotice([]), undefined);
    assert.equal(respellingNotice([{ word: 'xyzzy' }, { word: 'plugh', as: 'plug' }]), 'Showing results for "plug" instead of "plugh"; nothing mentions "xyzzy"');
    assert.equal(respellingNotice([{ word: 'Bedrok', as: 'bedrock' }, { word: 'knowlege', as: 'knowledge' }]), 'Showing results for "bedrock", "knowledge" instead of "Bedrok", "knowlege"');
    assert.equal(respellingNotice([{ word: 'xyzzy' }, { word: 'frobozz' }]), 'Nothing mentions "xyzzy" or "frobozz"');
  });

  it('adds, replaces and removes files one at a time', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Alpha topic', 'zebra')]);
    idx.setFile('b.md', [doc('b', 'Beta topic', 'giraffe')]);
    assert.equal(idx.size, 2);
    idx.setFile('a.md', [doc('a2', 'Alpha topic', 'okapi')]);
    assert.equal(idx.search('zebra').length, 0);
    assert.equal(idx.search('okapi')[0].id, 'a2');
    idx.removeFile('b.md');
    assert.equal(idx.search('giraffe').length, 0);
    assert.equal(idx.size, 1);
  });

  it('round-trips through JSON with the same results', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'Provisioned Throughput', 'Reserved model units for steady traffic.')]);
    idx.setFile('b.md', [doc('b', 'On-demand pricing', 'Pay per input and output token.')]);
    const again = SearchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())), idx.documents());
    assert.deepEqual(again.search('provisoned throughput'), idx.search('provisoned throughput'));
  });

  it('returns a snippet around the match and the breadcrumb', () => {
    const idx = new SearchIndex();
    const body = 'Intro words. '.repeat(40) + 'The contextual grounding check compares a response with its source. ' + 'More words. '.repeat(40);
    idx.setFile('a.md', [doc('a', 'Guardrails', body)]);
    const [r] = idx.search('grounding');
    assert.match(r.snippet, /grounding check/);
    assert.ok(r.snippet.length <= 170, `snippet length ${r.snippet.length}`);
    assert.equal(r.breadcrumb, 'Notes › Guardrails');
  });

  it('ignores queries of only small words', () => {
    const idx = new SearchIndex();
    idx.setFile('a.md', [doc('a', 'What is it', 'the and of')]);
    assert.deepEqual(idx.search('what is the'), []);
  });
});

describe('search ranking on the bundled content', () => {
  const c = content();
  const idx = new SearchIndex();
  for (const n of c.notes) idx.setFile(n.file, noteDocs(n.parsed, 'bundled'));
  idx.setFile('glossary', glossaryDocs(c.glossary.map((g) => g.entry)));

  /** A query and the note ids (or glossary ids) of which one must be in the top 3. */
  const CASES: [string, string[]][] = [
    ['what does top p do', ['bedrock-inference-parameters', 'glossary:top-p']],
    ['how do I stop the model making things up', ['genai-capabilities-and-limits', 'glossary:hallucination', 'bedrock-guardrails']],
    ['when should I buy provisioned throughput', ['genai-bedrock-models-and-pricing', 'glossary:provisioned-throughput']],
    ['temprature', ['bedrock-inference-parameters', 'glossary:temperature']],
    ['self atention', ['genai-transformers-and-attention', 'glossary:self-attention']],
    ['chunking strategies for knowledge bases', ['bedrock-rag-and-knowledge-bases', 'glossary:chunking']],
    ['batch inference discount', ['genai-bedrock-models-and-pricing', 'glossary:batch-inference']],
    ['guardrials denied topics', ['bedrock-guardrails', 'glossary:denied-topics']],
    ['LoRA fine tuning', ['fm-customization', 'glossary:lora']],
    ['precision vs recall', ['ml-metrics', 'glossary:precision', 'glossary:recall']],
  ];
  for (const [query, wanted] of CASES) {
    it(`"${query}" finds ${wanted[0]} in the top 3`, () => {
      const top = idx.search(query, { limit: 3 });
      const ids = top.map((r) => (r.source === 'glossary' ? r.id : r.id.split('#')[0].replace(/^notes\//, '').replace(/\.md$/, '')));
      assert.ok(ids.some((id) => wanted.includes(id)), `top 3 for "${query}": ${top.map((r) => r.id).join(', ')}`);
    });
  }
});

describe('single letters are search terms', () => {
  it('tells "top p" from "top k"', () => {
    const idx = new SearchIndex();
    idx.setFile('k.md', [doc('k', 'Top-k', 'Keeps the k most likely tokens.')]);
    idx.setFile('p.md', [doc('p', 'Top-p', 'Keeps the smallest set whose probabilities add up to p.')]);
    assert.equal(idx.search('top p')[0].id, 'p');
    assert.equal(idx.search('top_k')[0].id, 'k');
  });
});
