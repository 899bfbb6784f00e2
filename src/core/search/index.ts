/**
 * Full-text search over note sections and glossary entries.
 *
 * Ranking is BM25 over an inverted index whose term frequencies weight titles above breadcrumbs
 * above bodies. fuse.js matches misspelt query words against the index's vocabulary (the words
 * sharing the query word's first letter, not whole note bodies, so a fuzzy pass costs little at
 * any corpus size). The postings of the bundled content are prepared at build time. Files are
 * added, replaced and removed one at a time.
 *
 * Memory and speed at 10,000 notes come from keeping the per-document state flat: words are
 * numbered once, a posting is one small integer (document number and weighted term frequency),
 * counting a document's terms and scoring a query use scratch arrays reused across calls, and a
 * removed document is only marked dead (its postings are swept once they are mostly dead).
 */
import { isFrameWord, queryWords } from './terms';
import { editDistance } from '../text/editDistance';
import { normAtom, scanAtoms } from '../text/words';
import { snippet } from './snippet';
import { Vocabulary, grow } from './vocabulary';
import { TopK } from './topK';

export interface SearchDoc {
  id: string;
  title: string;
  /** Breadcrumb: ancestor titles, then the doc's own title. */
  path: string[];
  file: string;
  line: number;
  body: string;
  source: 'bundled' | 'notes' | 'glossary';
}

export interface SearchResult {
  id: string;
  title: string;
  breadcrumb: string;
  file: string;
  line: number;
  snippet: string;
  score: number;
  source: SearchDoc['source'];
}

/** A query word the index does not hold, and the near spelling searched for instead (if any). */
export interface Respelling { word: string; as?: string }

export interface SearchOptions { limit?: number; source?: SearchDoc['source'][] }

/**
 * Titles above breadcrumbs above bodies. These and B come from a small grid (title 3/4/6,
 * B 0.4/0.6/0.75, K1 0.9/1.2/1.6) scored by hit@3 on the 50 benchmark queries; among the settings
 * that tied there, this one was also best on the 20 held-out queries. The landscape is flat (one
 * query either way), so they are a choice, not a fit.
 */
const FIELD_WEIGHT = { title: 3, path: 2, body: 1 };
const K1 = 1.2;
const B = 0.4;
const FUZZY_MIN_LENGTH = 4;
const PREFIX_MIN_LENGTH = 3;
const MAX_EXPANSIONS = 8;
/** Weights of the words a query word may stand for, relative to the word itself. */
const COMPLETION_WEIGHT = 0.6;
const KNOWN_COMPLETION_WEIGHT = 0.3;
const FUZZY_WEIGHT = 0.8;
const FUZZY_DECAY = 0.75;
const FRAME_WEIGHT = 0.3;
/** Near spellings fuse.js proposes before the edit distance ranks them. */
const FUZZY_CANDIDATES = 16;
/** A posting is `doc * TF_SCALE + min(tf, TF_MAX)`; it stays a small integer while doc < maxDocs. */
const TF_SCALE = 256;
const TF_MAX = 255;
const TF_SHIFT = 8;
/** Document numbers are never reused; past this many the index renumbers its live documents. */
const MAX_DOC_NUMBER = 2 ** 22;
const SOURCES: readonly SearchDoc['source'][] = ['bundled', 'notes', 'glossary'];

interface Expansion { id: number; term: string; weight: number }

/**
 * The serialisable form, written at build time for the bundled content. It holds no documents:
 * they are the bundle's note sections and glossary entries, which the caller gives back to
 * {@link SearchIndex.fromJSON} in the order {@link SearchIndex.documents} had. Nor does it hold the
 * fuzzy buckets: they are the terms, grouped by first letter in the order of `terms`.
 */
export interface SearchIndexJSON {
  version: 5;
  /** How many documents were numbered; `docLen[n]` and the postings' `doc` refer to the n-th given back. */
  docCount: number;
  docLen: number[];
  /** The vocabulary; `postings[i]` belongs to `terms[i]`. */
  terms: string[];
  /** Per term: `doc * 256 + weighted term frequency`, doc numbers ascending. */
  postings: number[][];
}

export class SearchIndex {
  private docs: (SearchDoc | undefined)[] = [];
  private docLen = new Int32Array(256);
  private alive = new Uint8Array(256);
  private sourceOf = new Uint8Array(256);
  private totalLen = 0;
  private live = 0;
  private readonly byFile = new Map<string, number[]>();
  private readonly vocab = new Vocabulary(FUZZY_MIN_LENGTH);
  private lists: number[][] = [];
  private readonly maxDocNumber: number;

  // Scratch state of addDoc: weighted frequency per term number, and the terms seen in this doc.
  private tfScratch = new Int32Array(1024);
  private seen = new Int32Array(256);
  private seenCount = 0;
  private fieldWeight = 1;
  private fieldText = '';
  // The word (run of touching atoms) being read: a word of several atoms is also counted whole.
  private wordStart = -1;
  private wordEnd = -1;
  private wordParts = 0;
  private readonly countAtom = (start: number, end: number): void => {
    if (start !== this.wordEnd) this.endWord(start);
    this.wordEnd = end;
    this.wordParts++;
    this.countTerm(this.vocab.internAtom(this.fieldText, start, end));
  };
  private countTerm(id: number): void {
    if (id < 0) return;
    if (id >= this.tfScratch.length) this.tfScratch = grow(this.tfScratch, id + 1);
    if (this.tfScratch[id] === 0) {
      if (this.seenCount >= this.seen.length) this.seen = grow(this.seen, this.seenCount + 1);
      this.seen[this.seenCount++] = id;
    }
    this.tfScratch[id] += this.fieldWeight;
  }

  /** Counts the word just read whole (`SageMaker` -> `sagemaker`, `F1` -> `f1`) if it had several atoms; starts the next. */
  private endWord(nextStart: number): void {
    if (this.wordParts > 1) this.countTerm(this.vocab.internAtom(this.fieldText, this.wordStart, this.wordEnd));
    this.wordStart = nextStart;
    this.wordParts = 0;
  }

  // Scratch state of search, one slot per document number.
  private acc = new Float64Array(0);
  private best = new Float64Array(0);
  /** Summed importance of the query words a document matches. */
  private covered = new Float64Array(0);
  private termHits = new Int32Array(0);
  private allHits = new Int32Array(0);

  constructor(options: { maxDocNumber?: number } = {}) {
    this.maxDocNumber = Math.min(options.maxDocNumber ?? MAX_DOC_NUMBER, MAX_DOC_NUMBER);
  }

  get size(): number { return this.live; }
  get files(): string[] { return [...this.byFile.keys()]; }

  /** Adds the docs of one file, replacing whatever that file had before. */
  setFile(file: string, docs: readonly SearchDoc[]): void {
    this.removeFile(file);
    this.addToFile(file, docs);
  }

  /** Adds more docs to a file, keeping those it has: a very large file can be indexed in parts. */
  addToFile(file: string, docs: readonly SearchDoc[]): void {
    if (docs.length === 0) return;
    if (this.docs.length + docs.length > this.maxDocNumber) this.renumber();
    let nums = this.byFile.get(file);
    if (!nums) { nums = []; this.byFile.set(file, nums); }
    for (const doc of docs) nums.push(this.addDoc(doc));
  }

  removeFile(file: string): void {
    const nums = this.byFile.get(file);
    if (!nums) return;
    for (const n of nums) this.removeDoc(n);
    this.byFile.delete(file);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 20;
    const qTerms = this.queryTerms(query);
    if (qTerms.length === 0 || this.live === 0) return [];
    const expanded = qTerms.map((t, i) => this.expand(t, i === qTerms.length - 1));
    // How much each query word matters when counting the words a document covers: its rarity; and
    // for a verb that only frames a question ("how does RAG work": the topic is RAG), nothing: it
    // scores a little but does not make a document "cover more of the question".
    const frames = qTerms.map((t) => qTerms.length > 1 && isFrameWord(t, query));
    const importance = qTerms.map((_, i) => {
      if (frames[i]) return 0;
      return expanded[i].length ? Math.max(...expanded[i].map((e) => this.idf(e.id))) : this.idf(-1);
    });
    frames.forEach((frame, i) => { if (frame) for (const a of expanded[i]) a.weight *= FRAME_WEIGHT; });
    const hits = this.accumulate(expanded, importance);
    const top = this.rank(hits, importance.reduce((a, b) => a + b, 0), limit, options.source);
    const bestScore = top[0]?.score || 1;
    const snippetTerms = expanded.flat().map((e) => e.term);
    return top.map(({ doc: n, score }) => {
      const doc = this.docs[n]!;
      return {
        id: doc.id,
        title: doc.title,
        breadcrumb: doc.path.join(' › '),
        file: doc.file,
        line: doc.line,
        snippet: snippet(doc.body, snippetTerms),
        score: Math.round((score / bestScore) * 1000) / 1000,
        source: doc.source,
      };
    });
  }

  /**
   * The query words no indexed text holds, each with the near spelling searched for instead, or
   * none when nothing is spelt like it: what a results list should admit ("showing results for
   * plugs", "no note mentions xyzzy"). A last word that starts indexed words is being typed, not
   * misspelt, and is left out.
   */
  respellings(query: string): Respelling[] {
    const qTerms = this.queryTerms(query);
    // The words as typed ("guardrials", not the term "guardrial"); an unknown term is always one atom.
    const typed = new Map<string, string>();
    scanAtoms(query, (start, end) => { const w = query.slice(start, end); if (!typed.has(normAtom(w))) typed.set(normAtom(w), w); });
    const out: Respelling[] = [];
    qTerms.forEach((term, i) => {
      if (this.vocab.live(term) !== undefined) return;
      if (i === qTerms.length - 1 && term.length >= PREFIX_MIN_LENGTH && this.vocab.completions(term, 1).length) return;
      const near = term.length >= FUZZY_MIN_LENGTH ? this.nearSpellings(term, []) : [];
      out.push({ word: typed.get(term) ?? term, as: near[0]?.term });
    });
    return out;
  }

  /** The live documents, numbered as {@link toJSON} numbers them. */
  documents(): SearchDoc[] {
    const out: SearchDoc[] = [];
    this.docs.forEach((d, n) => { if (d && this.alive[n]) out.push(d); });
    return out;
  }

  /** The index without its documents' text (see {@link SearchIndexJSON}); {@link documents} are the documents. */
  toJSON(): SearchIndexJSON {
    const renum = new Int32Array(this.docs.length).fill(-1);
    const docLen: number[] = [];
    this.docs.forEach((d, n) => {
      if (!d || !this.alive[n]) return;
      renum[n] = docLen.length;
      docLen.push(this.docLen[n]);
    });
    const termList: string[] = [];
    const postings: number[][] = [];
    const df = this.vocab.df;
    for (let id = 0; id < this.vocab.count; id++) {
      if (df[id] <= 0) continue;
      termList.push(this.vocab.words[id]);
      const out: number[] = [];
      for (const e of this.lists[id]) {
        const to = renum[e >> TF_SHIFT];
        if (to >= 0) out.push(to * TF_SCALE + (e & TF_MAX));
      }
      postings.push(out);
    }
    return { version: 5, docCount: docLen.length, docLen, terms: termList, postings };
  }

  /**
   * The index written by {@link toJSON}, given back its documents (`docs[n]` is document n). An
   * older form, or documents that do not fit it, are indexed again instead.
   */
  static fromJSON(json: SearchIndexJSON | { version: number }, docs: readonly SearchDoc[]): SearchIndex {
    // Another version may have numbered or split words differently: index its documents again.
    if (json.version !== 5 || (json as SearchIndexJSON).docCount !== docs.length) return SearchIndex.of(docs);
    const j = json as SearchIndexJSON;
    const index = new SearchIndex();
    index.ensureDocCapacity(docs.length);
    docs.forEach((doc, n) => {
      index.docs.push(doc);
      index.docLen[n] = j.docLen[n];
      index.alive[n] = 1;
      index.sourceOf[n] = SOURCES.indexOf(doc.source);
      index.totalLen += j.docLen[n];
      const list = index.byFile.get(doc.file);
      if (list) list.push(n); else index.byFile.set(doc.file, [n]);
    });
    index.live = docs.length;
    j.terms.forEach((term, i) => {
      const id = index.vocab.intern(term);
      index.lists[id] = j.postings[i];
      index.vocab.df[id] = j.postings[i].length;
    });
    return index;
  }

  /** An index of these documents, numbered in their order, each in its file (`doc.file`). */
  static of(docs: readonly SearchDoc[]): SearchIndex {
    const index = new SearchIndex();
    for (const d of docs) index.addToFile(d.file, [d]);
    return index;
  }

  private addDoc(doc: SearchDoc): number {
    const n = this.docs.length;
    this.ensureDocCapacity(n + 1);
    this.countDoc(doc);
    let len = 0;
    for (let k = 0; k < this.seenCount; k++) {
      const id = this.seen[k];
      const f = this.tfScratch[id];
      this.tfScratch[id] = 0;
      len += f;
      const list = this.lists[id];
      const posting = n * TF_SCALE + (f > TF_MAX ? TF_MAX : f);
      if (list) list.push(posting); else this.lists[id] = [posting];
      this.vocab.df[id]++;
    }
    this.docs.push(doc);
    this.docLen[n] = len;
    this.alive[n] = 1;
    this.sourceOf[n] = SOURCES.indexOf(doc.source);
    this.totalLen += len;
    this.live++;
    return n;
  }

  /** Counts a document's weighted terms into the scratch state (seen, tfScratch). */
  private countDoc(doc: SearchDoc): void {
    this.seenCount = 0;
    this.countField(doc.title, FIELD_WEIGHT.title);
    for (let i = 0; i < doc.path.length - 1; i++) this.countField(doc.path[i], FIELD_WEIGHT.path);
    this.countField(doc.body, FIELD_WEIGHT.body);
  }

  private countField(text: string, weight: number): void {
    this.fieldText = text;
    this.fieldWeight = weight;
    this.wordStart = this.wordEnd = -1;
    this.wordParts = 0;
    scanAtoms(text, this.countAtom);
    this.endWord(-1);
    this.fieldText = '';
  }

  /**
   * Marks a document dead and takes it out of the document frequencies. Its terms come from
   * scanning its own text again, as when it was added: keeping a term list per document would
   * cost as much memory as the postings themselves.
   */
  private removeDoc(n: number): void {
    const doc = this.docs[n];
    if (!doc || !this.alive[n]) return;
    this.alive[n] = 0;
    this.countDoc(doc);
    const df = this.vocab.df;
    for (let k = 0; k < this.seenCount; k++) {
      const id = this.seen[k];
      this.tfScratch[id] = 0;
      df[id]--;
      const list = this.lists[id];
      if (df[id] <= 0) { df[id] = 0; list.length = 0; }
      // Dead postings are skipped by search; sweep a list once most of it is dead.
      else if (list.length <= 16 || (list.length - df[id]) * 2 > list.length) this.sweep(list);
    }
    this.totalLen -= this.docLen[n];
    this.docs[n] = undefined;
    this.live--;
  }

  private sweep(list: number[]): void {
    let k = 0;
    for (let i = 0; i < list.length; i++) if (this.alive[list[i] >> TF_SHIFT]) list[k++] = list[i];
    list.length = k;
  }

  /** Gives live documents the numbers 0..live-1 again, so postings stay small integers. */
  private renumber(): void {
    const renum = new Int32Array(this.docs.length).fill(-1);
    const docs: SearchDoc[] = [];
    const docLen = new Int32Array(Math.max(256, this.live));
    const sourceOf = new Uint8Array(docLen.length);
    this.docs.forEach((d, n) => {
      if (!d || !this.alive[n]) return;
      renum[n] = docs.length;
      docLen[docs.length] = this.docLen[n];
      sourceOf[docs.length] = this.sourceOf[n];
      docs.push(d);
    });
    for (const list of this.lists) {
      if (!list) continue;
      let k = 0;
      for (const e of list) { const to = renum[e >> TF_SHIFT]; if (to >= 0) list[k++] = to * TF_SCALE + (e & TF_MAX); }
      list.length = k;
    }
    for (const [file, nums] of this.byFile) this.byFile.set(file, nums.map((n) => renum[n]).filter((n) => n >= 0));
    this.docs = docs;
    this.docLen = docLen;
    this.sourceOf = sourceOf;
    this.alive = new Uint8Array(docLen.length).fill(1, 0, docs.length);
  }

  private ensureDocCapacity(n: number): void {
    if (n <= this.docLen.length) return;
    this.docLen = grow(this.docLen, n);
    this.alive = grow(this.alive, n);
    this.sourceOf = grow(this.sourceOf, n);
  }

  /** Sums, per document, each query word's best BM25 score over its expansions; returns the documents touched. */
  private idf(id: number): number {
    const n = id >= 0 ? this.vocab.df[id] : 0;
    return Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
  }

  private accumulate(expanded: Expansion[][], importance: number[]): { docs: Int32Array; count: number } {
    const cap = this.docs.length;
    if (this.acc.length < cap) {
      const size = Math.max(cap, this.acc.length * 2);
      this.acc = new Float64Array(size);
      this.best = new Float64Array(size);
      this.covered = new Float64Array(size);
      this.termHits = new Int32Array(size);
      this.allHits = new Int32Array(size);
    }
    const { acc, best, covered, termHits, allHits, alive, docLen } = this;
    const avgLen = this.live ? this.totalLen / this.live : 1;
    let nAll = 0;
    for (let q = 0; q < expanded.length; q++) {
      const alts = expanded[q];
      let nTerm = 0;
      for (const { id, weight } of alts) {
        const list = this.lists[id];
        const w = this.idf(id) * weight * (K1 + 1);
        for (let i = 0; i < list.length; i++) {
          const e = list[i];
          const doc = e >> TF_SHIFT;
          if (!alive[doc]) continue;
          const tf = e & TF_MAX;
          const s = (w * tf) / (tf + K1 * (1 - B + (B * docLen[doc]) / avgLen));
          const prev = best[doc];
          if (prev === 0) termHits[nTerm++] = doc;
          if (s > prev) best[doc] = s;
        }
      }
      for (let k = 0; k < nTerm; k++) {
        const doc = termHits[k];
        if (acc[doc] === 0) allHits[nAll++] = doc;
        covered[doc] += importance[q];
        acc[doc] += best[doc];
        best[doc] = 0;
      }
    }
    return { docs: allHits, count: nAll };
  }

  /** The best `limit` documents; clears the scratch scores as it goes. */
  private rank(hits: { docs: Int32Array; count: number }, totalImportance: number, limit: number, sources?: SearchDoc['source'][]): { doc: number; score: number }[] {
    let mask = 0;
    for (const s of sources ?? SOURCES) mask |= 1 << SOURCES.indexOf(s);
    const top = new TopK(limit);
    const { acc, covered, sourceOf } = this;
    for (let k = 0; k < hits.count; k++) {
      const doc = hits.docs[k];
      // Matching every query word counts for more than matching one word many times.
      const coverage = totalImportance > 0 ? covered[doc] / totalImportance : 1;
      const score = acc[doc] * (0.5 + coverage * coverage);
      acc[doc] = 0;
      covered[doc] = 0;
      if (mask & (1 << sourceOf[doc])) top.push(doc, score);
    }
    return top.sorted();
  }

  /** Query terms: a word of several atoms counts whole when the index knows it so (`SageMaker`), else atom by atom. */
  private queryTerms(query: string): string[] {
    const out = new Set<string>();
    for (const w of queryWords(query)) {
      if (w.whole && this.vocab.live(w.whole) !== undefined) out.add(w.whole);
      else for (const a of w.atoms) out.add(a);
    }
    return [...out];
  }

  /** A query word, and the indexed words it may stand for: itself, completions, near spellings. */
  private expand(term: string, isLast: boolean): Expansion[] {
    const out: Expansion[] = [];
    const self = this.vocab.live(term);
    if (self !== undefined) out.push({ id: self, term, weight: 1 });
    if (isLast && term.length >= PREFIX_MIN_LENGTH) {
      // A complete word may still be the start of a longer one, but less likely than when it is no word.
      const weight = self === undefined ? COMPLETION_WEIGHT : KNOWN_COMPLETION_WEIGHT;
      for (const t of this.vocab.completions(term, MAX_EXPANSIONS + 1).filter((c) => c !== term).slice(0, MAX_EXPANSIONS)) {
        out.push({ id: this.vocab.live(t)!, term: t, weight });
      }
    }
    if (self === undefined && term.length >= FUZZY_MIN_LENGTH) out.push(...this.nearSpellings(term, out));
    return out;
  }

  /**
   * Words spelt like `term`: fuse.js proposes them from the vocabulary, and the edit distance ranks
   * them, so `guardrials` stands for `guardrail` (one swap) and not for `guarding`.
   */
  private nearSpellings(term: string, taken: Expansion[]): Expansion[] {
    const max = term.length <= 5 ? 1 : term.length <= 8 ? 2 : 3;
    const found: { term: string; d: number }[] = [];
    for (const m of this.vocab.fuzzy(term, FUZZY_CANDIDATES)) {
      if (taken.some((e) => e.term === m.term)) continue;
      const d = editDistance(term, m.term, max);
      if (d <= max) found.push({ term: m.term, d });
    }
    const nearest = Math.min(...found.map((f) => f.d));
    return found
      .filter((f) => f.d <= nearest + 1)
      .sort((a, b) => a.d - b.d)
      .slice(0, MAX_EXPANSIONS)
      .map((f) => ({ id: this.vocab.live(f.term)!, term: f.term, weight: FUZZY_WEIGHT * FUZZY_DECAY ** (f.d - 1) }));
  }
}
