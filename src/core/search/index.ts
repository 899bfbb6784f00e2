/**
 * Full-text search over note sections and glossary entries.
 *
 * Ranking is BM25 over an inverted index whose term frequencies weight titles above breadcrumbs
 * above bodies. fuse.js matches misspelt query words against the index's vocabulary (a few thousand
 * short words sharing the query word's first letter, not whole note bodies, so a fuzzy pass costs
 * little at any corpus size); those vocabulary indexes are prepared at build time for the bundled
 * content. Files are added, replaced and removed one at a time.
 */
import Fuse from 'fuse.js';
import { terms } from './terms';
import { snippet } from './snippet';

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

export interface SearchOptions { limit?: number; source?: SearchDoc['source'][] }

const FIELD_WEIGHT = { title: 4, path: 2, body: 1 };
const K1 = 1.2;
const B = 0.6;
const FUZZY_MIN_LENGTH = 4;
const PREFIX_MIN_LENGTH = 3;
const MAX_EXPANSIONS = 8;

interface Expansion { term: string; weight: number }

/** A term's postings: the docs it occurs in, with parallel weighted term frequencies. */
interface Posting { docs: number[]; tfs: number[] }

/** Words starting with one letter, and a fuse.js index over them built when first needed. */
interface Bucket { words: string[]; fuse?: Fuse<string>; prepared?: ReturnType<ReturnType<typeof Fuse.createIndex>['toJSON']> }

/** The serialisable form, written at build time for the bundled content. */
export interface SearchIndexJSON {
  version: 2;
  docs: SearchDoc[];
  docLen: number[];
  /** term -> [doc numbers, weighted term frequencies]. */
  postings: [string, number[], number[]][];
  /** First letter -> vocabulary words and their prepared fuse.js index. */
  buckets: [string, string[], ReturnType<ReturnType<typeof Fuse.createIndex>['toJSON']>][];
}

export class SearchIndex {
  private docs: (SearchDoc | undefined)[] = [];
  private docTerms: (string[] | undefined)[] = [];
  private docLen: number[] = [];
  private totalLen = 0;
  private live = 0;
  private readonly byFile = new Map<string, number[]>();
  private readonly postings = new Map<string, Posting>();
  private readonly buckets = new Map<string, Bucket>();
  private sortedVocab: string[] | undefined;

  get size(): number { return this.live; }
  get files(): string[] { return [...this.byFile.keys()]; }

  /** Adds the docs of one file, replacing whatever that file had before. */
  setFile(file: string, docs: readonly SearchDoc[]): void {
    this.removeFile(file);
    const nums: number[] = [];
    for (const doc of docs) nums.push(this.addDoc(doc));
    if (nums.length) this.byFile.set(file, nums);
  }

  removeFile(file: string): void {
    const nums = this.byFile.get(file);
    if (!nums) return;
    for (const n of nums) this.removeDoc(n);
    this.byFile.delete(file);
  }

  search(query: string, options: SearchOptions = {}): SearchResult[] {
    const limit = options.limit ?? 20;
    const qTerms = [...new Set(terms(query))];
    if (qTerms.length === 0) return [];
    const expanded = qTerms.map((t, i) => this.expand(t, i === qTerms.length - 1));
    const score = new Map<number, number>();
    const matched = new Map<number, number>();
    const avgLen = this.live ? this.totalLen / this.live : 1;
    for (const alts of expanded) {
      const best = new Map<number, number>();
      for (const { term, weight } of alts) {
        const post = this.postings.get(term);
        if (!post) continue;
        const n = post.docs.length;
        const idf = Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
        for (let i = 0; i < n; i++) {
          const doc = post.docs[i], tf = post.tfs[i];
          const s = idf * weight * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * this.docLen[doc] / avgLen));
          if (s > (best.get(doc) ?? 0)) best.set(doc, s);
        }
      }
      for (const [doc, s] of best) {
        score.set(doc, (score.get(doc) ?? 0) + s);
        matched.set(doc, (matched.get(doc) ?? 0) + 1);
      }
    }
    const wanted = options.source ? new Set(options.source) : undefined;
    const ranked: { doc: SearchDoc; score: number }[] = [];
    for (const [n, s] of score) {
      const doc = this.docs[n];
      if (!doc || (wanted && !wanted.has(doc.source))) continue;
      // Matching every query word counts for more than matching one word many times.
      const coverage = matched.get(n)! / qTerms.length;
      ranked.push({ doc, score: s * (0.5 + coverage * coverage) });
    }
    const top = topK(ranked, limit);
    const best = top[0]?.score || 1;
    const snippetTerms = expanded.flat().map((e) => e.term);
    return top.map(({ doc, score: sc }) => ({
      id: doc.id,
      title: doc.title,
      breadcrumb: doc.path.join(' › '),
      file: doc.file,
      line: doc.line,
      snippet: snippet(doc.body, snippetTerms),
      score: Math.round((sc / best) * 1000) / 1000,
      source: doc.source,
    }));
  }

  toJSON(): SearchIndexJSON {
    // Renumber live docs densely.
    const renum = new Map<number, number>();
    const docs: SearchDoc[] = [];
    const docLen: number[] = [];
    this.docs.forEach((d, n) => { if (d) { renum.set(n, docs.length); docs.push(d); docLen.push(this.docLen[n]); } });
    const postings: SearchIndexJSON['postings'] = [];
    for (const [term, p] of this.postings) postings.push([term, p.docs.map((d) => renum.get(d)!), p.tfs]);
    const buckets: SearchIndexJSON['buckets'] = [];
    for (const [letter, b] of this.buckets) {
      const words = b.words.filter((w) => this.postings.has(w));
      buckets.push([letter, words, Fuse.createIndex([], words).toJSON()]);
    }
    return { version: 2, docs, docLen, postings, buckets };
  }

  static fromJSON(json: SearchIndexJSON): SearchIndex {
    const index = new SearchIndex();
    json.docs.forEach((doc, n) => {
      index.docs.push(doc);
      index.docTerms.push([]);
      index.docLen.push(json.docLen[n]);
      index.totalLen += json.docLen[n];
      const list = index.byFile.get(doc.file) ?? [];
      list.push(n);
      index.byFile.set(doc.file, list);
    });
    index.live = json.docs.length;
    for (const [term, docs, tfs] of json.postings) {
      index.postings.set(term, { docs, tfs });
      for (const d of docs) index.docTerms[d]!.push(term);
    }
    for (const [letter, words, prepared] of json.buckets) index.buckets.set(letter, { words: [...words], prepared });
    return index;
  }

  private addDoc(doc: SearchDoc): number {
    const n = this.docs.length;
    const tf = new Map<string, number>();
    const add = (text: string, w: number) => { for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + w); };
    add(doc.title, FIELD_WEIGHT.title);
    add(doc.path.slice(0, -1).join(' '), FIELD_WEIGHT.path);
    add(doc.body, FIELD_WEIGHT.body);
    let len = 0;
    for (const [t, f] of tf) {
      len += f;
      const post = this.postings.get(t);
      if (post) { post.docs.push(n); post.tfs.push(f); }
      else { this.postings.set(t, { docs: [n], tfs: [f] }); this.addVocab(t); }
    }
    this.docs.push(doc);
    this.docTerms.push([...tf.keys()]);
    this.docLen.push(len);
    this.totalLen += len;
    this.live++;
    return n;
  }

  private removeDoc(n: number): void {
    const ts = this.docTerms[n];
    if (!ts) return;
    for (const t of ts) {
      const post = this.postings.get(t);
      if (!post) continue;
      const i = post.docs.indexOf(n);
      if (i >= 0) { post.docs.splice(i, 1); post.tfs.splice(i, 1); }
      if (post.docs.length === 0) this.postings.delete(t);
    }
    this.totalLen -= this.docLen[n];
    this.docs[n] = undefined;
    this.docTerms[n] = undefined;
    this.live--;
  }

  /** A word new to the index joins its letter's bucket; that bucket's fuzzy index is rebuilt on next use. */
  private addVocab(t: string): void {
    if (t.length < FUZZY_MIN_LENGTH) { this.sortedVocab = undefined; return; }
    const letter = t[0];
    let b = this.buckets.get(letter);
    if (!b) { b = { words: [] }; this.buckets.set(letter, b); }
    b.words.push(t);
    b.fuse = undefined;
    b.prepared = undefined;
    this.sortedVocab = undefined;
  }

  /** A query word, and the indexed words it may stand for: itself, completions, near spellings. */
  private expand(term: string, isLast: boolean): Expansion[] {
    const out: Expansion[] = [];
    const known = this.postings.has(term);
    if (known) out.push({ term, weight: 1 });
    if (isLast && term.length >= PREFIX_MIN_LENGTH) {
      for (const t of this.completions(term)) if (t !== term) out.push({ term: t, weight: 0.6 });
    }
    if (!known && term.length >= FUZZY_MIN_LENGTH) {
      const fuse = this.bucketFuse(term[0]);
      for (const r of fuse?.search(term, { limit: MAX_EXPANSIONS }) ?? []) {
        if (!this.postings.has(r.item)) continue;
        out.push({ term: r.item, weight: 0.8 * (1 - (r.score ?? 0.5)) });
      }
    }
    return out;
  }

  private completions(prefix: string): string[] {
    const sorted = (this.sortedVocab ??= [...this.postings.keys()].sort());
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < prefix) lo = mid + 1; else hi = mid; }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && out.length < MAX_EXPANSIONS && sorted[i].startsWith(prefix); i++) out.push(sorted[i]);
    return out;
  }

  /** Misspellings rarely change the first letter: fuzzy matching looks only at words sharing it. */
  private bucketFuse(letter: string): Fuse<string> | undefined {
    const b = this.buckets.get(letter);
    if (!b) return undefined;
    if (!b.fuse) {
      b.fuse = b.prepared
        ? new Fuse(b.words, FUSE_OPTIONS, Fuse.parseIndex<string>(b.prepared))
        : new Fuse(b.words, FUSE_OPTIONS);
    }
    return b.fuse;
  }
}

/** The k best by score, without sorting everything. */
function topK<T extends { score: number }>(items: T[], k: number): T[] {
  if (items.length <= k * 4) return items.sort((a, b) => b.score - a.score).slice(0, k);
  let threshold = -Infinity;
  let keep: T[] = [];
  for (const it of items) {
    if (it.score <= threshold) continue;
    keep.push(it);
    if (keep.length >= k * 4) {
      keep.sort((a, b) => b.score - a.score);
      keep = keep.slice(0, k);
      threshold = keep[k - 1].score;
    }
  }
  return keep.sort((a, b) => b.score - a.score).slice(0, k);
}

const FUSE_OPTIONS = { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 } as const;
