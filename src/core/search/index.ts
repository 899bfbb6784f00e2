/**
 * Full-text search over note sections and glossary entries.
 *
 * Ranking is BM25 over an inverted index whose term frequencies weight titles above breadcrumbs
 * above bodies. fuse.js matches misspelt query words against the index's vocabulary (a few thousand
 * short words, not whole note bodies, so a fuzzy pass costs little at any corpus size), and its
 * vocabulary index is prepared at build time for the bundled content. Files are added, replaced and
 * removed one at a time.
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

/** The serialisable form, written at build time for the bundled content. */
export interface SearchIndexJSON {
  version: 1;
  docs: SearchDoc[];
  vocab: string[];
  vocabIndex: ReturnType<ReturnType<typeof Fuse.createIndex>['toJSON']>;
}

export class SearchIndex {
  private docs: (SearchDoc | undefined)[] = [];
  private docTerms: (Map<string, number> | undefined)[] = [];
  private docLen: number[] = [];
  private totalLen = 0;
  private live = 0;
  private readonly byFile = new Map<string, number[]>();
  private readonly postings = new Map<string, Map<number, number>>();
  private vocab: string[] = [];
  private vocabSet = new Set<string>();
  private sortedVocab: string[] | undefined;
  private fuse: Fuse<string> | undefined;

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
    const scores = new Map<number, { score: number; matched: number }>();
    const avgLen = this.live ? this.totalLen / this.live : 1;
    expanded.forEach((alts) => {
      const seen = new Map<number, number>();
      for (const { term, weight } of alts) {
        const post = this.postings.get(term);
        if (!post) continue;
        const idf = Math.log(1 + (this.live - post.size + 0.5) / (post.size + 0.5));
        for (const [doc, tf] of post) {
          const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * this.docLen[doc] / avgLen));
          const s = idf * norm * weight;
          if (s > (seen.get(doc) ?? 0)) seen.set(doc, s);
        }
      }
      for (const [doc, s] of seen) {
        const cur = scores.get(doc) ?? { score: 0, matched: 0 };
        cur.score += s;
        cur.matched++;
        scores.set(doc, cur);
      }
    });
    const wanted = options.source ? new Set(options.source) : undefined;
    const ranked: { doc: SearchDoc; score: number }[] = [];
    for (const [n, { score, matched }] of scores) {
      const doc = this.docs[n];
      if (!doc || (wanted && !wanted.has(doc.source))) continue;
      // Matching every query word counts for more than matching one word many times.
      const coverage = matched / qTerms.length;
      ranked.push({ doc, score: score * (0.5 + coverage * coverage) });
    }
    ranked.sort((a, b) => b.score - a.score);
    const top = ranked.slice(0, limit);
    const best = top[0]?.score || 1;
    const snippetTerms = expanded.flat().map((e) => e.term);
    return top.map(({ doc, score }) => ({
      id: doc.id,
      title: doc.title,
      breadcrumb: doc.path.join(' › '),
      file: doc.file,
      line: doc.line,
      snippet: snippet(doc.body, snippetTerms),
      score: Math.round((score / best) * 1000) / 1000,
      source: doc.source,
    }));
  }

  toJSON(): SearchIndexJSON {
    this.compactVocab();
    return {
      version: 1,
      docs: this.docs.filter((d): d is SearchDoc => !!d),
      vocab: this.vocab,
      vocabIndex: Fuse.createIndex([], this.vocab).toJSON(),
    };
  }

  static fromJSON(json: SearchIndexJSON): SearchIndex {
    const index = new SearchIndex();
    const byFile = new Map<string, SearchDoc[]>();
    for (const d of json.docs) {
      const list = byFile.get(d.file) ?? [];
      list.push(d);
      byFile.set(d.file, list);
    }
    for (const [file, docs] of byFile) index.setFile(file, docs);
    index.fuse = new Fuse(json.vocab, FUSE_OPTIONS, Fuse.parseIndex<string>(json.vocabIndex));
    index.vocab = [...json.vocab];
    index.vocabSet = new Set(json.vocab);
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
      let post = this.postings.get(t);
      if (!post) { post = new Map(); this.postings.set(t, post); }
      post.set(n, f);
      if (!this.vocabSet.has(t)) this.addVocab(t);
    }
    this.docs.push(doc);
    this.docTerms.push(tf);
    this.docLen.push(len);
    this.totalLen += len;
    this.live++;
    return n;
  }

  private removeDoc(n: number): void {
    const tf = this.docTerms[n];
    if (!tf) return;
    for (const t of tf.keys()) {
      const post = this.postings.get(t);
      post?.delete(n);
      if (post && post.size === 0) this.postings.delete(t);
    }
    this.totalLen -= this.docLen[n];
    this.docs[n] = undefined;
    this.docTerms[n] = undefined;
    this.live--;
  }

  private addVocab(t: string): void {
    this.vocabSet.add(t);
    this.vocab.push(t);
    this.sortedVocab = undefined;
    this.fuse?.add(t);
  }

  /** Drops vocabulary words no live doc uses any more (before serialising). */
  private compactVocab(): void {
    this.vocab = this.vocab.filter((t) => this.postings.has(t));
    this.vocabSet = new Set(this.vocab);
    this.sortedVocab = undefined;
    this.fuse = undefined;
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
      for (const r of this.vocabFuse().search(term, { limit: MAX_EXPANSIONS })) {
        if (!this.postings.has(r.item)) continue;
        out.push({ term: r.item, weight: 0.8 * (1 - (r.score ?? 0.5)) });
      }
    }
    return out;
  }

  private completions(prefix: string): string[] {
    const sorted = (this.sortedVocab ??= [...this.vocabSet].sort());
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < prefix) lo = mid + 1; else hi = mid; }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && out.length < MAX_EXPANSIONS && sorted[i].startsWith(prefix); i++) {
      if (this.postings.has(sorted[i])) out.push(sorted[i]);
    }
    return out;
  }

  private vocabFuse(): Fuse<string> {
    return (this.fuse ??= new Fuse(this.vocab, FUSE_OPTIONS));
  }
}

const FUSE_OPTIONS = { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 } as const;
