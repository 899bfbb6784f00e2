import { strict as assert } from 'assert';
import fc from 'fast-check';
import { atoms, atomsByRegex, atomNorms, scanAtoms } from '../../../src/core/text/words';
import { terms } from '../../../src/core/search/terms';
import { Vocabulary } from '../../../src/core/search/vocabulary';

const scanned = (s: string) => { const out: [number, number][] = []; scanAtoms(s, (a, b) => out.push([a, b])); return out; };
/** Letters of every class the scanner knows, separators, digits, marks and astral characters. */
const TRICKY = fc.constantFrom(...'aAbBsSyY1 _-.éÉ\u0301ǅ²日İſ😀𐐨\uD800'.split(/(?:)/u));

describe('atom scanner', () => {
  it('splits identifiers, acronyms and digits like the regular expression', () => {
    for (const s of ['HTTPServer', 'LoRA', 'maxTokenCount', 'invoke_model_with_response_stream', 'f1 score', 'ÉcoleNormale', '日本語abc', 'x²y', 'ǅemal']) {
      assert.deepEqual(scanned(s), atomsByRegex(s), s);
    }
    assert.deepEqual(atoms('maxTokenCount').map((a) => a.norm), ['max', 'token', 'count']);
    assert.deepEqual(atomNorms('HTTPServer LoRA'), ['http', 'server', 'lo', 'ra']);
  });

  it('agrees with the regular expression on random text, astral characters included', () => {
    const same = (s: string) => assert.deepEqual(scanned(s), atomsByRegex(s), JSON.stringify(s));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), same), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: TRICKY, maxLength: 30 }), same), { numRuns: 3000 });
  });
});

describe('indexing terms straight from the text', () => {
  /** The words the indexer's fast path takes from a text, in order. */
  function indexed(text: string): string[] {
    const v = new Vocabulary(4);
    const out: string[] = [];
    scanAtoms(text, (s, e) => { const id = v.internAtom(text, s, e); if (id >= 0) out.push(v.words[id]); });
    return out;
  }

  it('finds the same terms as terms() (plurals, stop words, one-letter atoms, non-ASCII)', () => {
    const text = 'The Embeddings of POLICIES and glasses: HTTPS, top_p, a B 7 façades Ünïcödé İstanbul';
    assert.deepEqual(indexed(text), terms(text));
  });

  it('finds the same terms as terms() on random text', () => {
    fc.assert(fc.property(fc.string({ unit: TRICKY, maxLength: 40 }), (s) => assert.deepEqual(indexed(s), terms(s))), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => assert.deepEqual(indexed(s), terms(s))), { numRuns: 2000 });
  });

  it('numbers each word once however it is written', () => {
    const v = new Vocabulary(4);
    const text = 'Policies policy POLICY';
    const ids: number[] = [];
    scanAtoms(text, (s, e) => ids.push(v.internAtom(text, s, e)));
    assert.equal(new Set(ids).size, 1);
    assert.equal(v.words[ids[0]], 'policy');
  });
});
