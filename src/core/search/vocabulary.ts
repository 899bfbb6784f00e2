/**
 * The index's words: each word has a number, a live document frequency, and two ways to be found
 * from what a learner types: completion of a prefix (a sorted list, with words new since the last
 * sort kept aside until a search needs them) and fuzzy matching with fuse.js over the words that
 * share the typed word's first letter. A bucket's fuse.js index is made from its words the first
 * time a word of that letter is looked up fuzzily (nothing of it is stored in content.json) and
 * grows word by word afterwards (`Fuse#add`), so a new word never forces a rebuild. Words whose
 * documents are all gone keep their number but count as absent.
 */
import Fuse, { type FuseIndex } from 'fuse.js';
import { TermTable, atomForm } from '../text/termTable';
import { isStopword, keepTerm } from './terms';

/** Words starting with one letter and, once needed, a fuse.js index over them. */
interface Bucket { words: string[]; fuse?: Fuse<string> }

const FUSE_OPTIONS = { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 2 } as const;
/** What `Fuse.parseIndex` takes: the form `FuseIndex#toJSON` gives. */
type IndexData = Parameters<typeof Fuse.parseIndex>[0];
/** New words wait unsorted until there are this many, or a completion is asked for. */
const PENDING_MAX = 4096;

export interface FuzzyMatch { term: string; score: number }

export class Vocabulary {
  private readonly table = new TermTable();
  readonly words: string[] = this.table.words;
  /** Live documents per word. */
  df = new Int32Array(1024);
  /** Words that are never search terms (stop words), so the indexer skips them by number. */
  private stop = new Uint8Array(1024);
  private sorted: string[] = [];
  private pending: string[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private readonly fuzzyMinLength: number;

  constructor(fuzzyMinLength: number) { this.fuzzyMinLength = fuzzyMinLength; }

  get count(): number { return this.words.length; }

  /** The word's number, if any document holds it now. */
  live(word: string): number | undefined {
    const id = this.table.find(word);
    return id >= 0 && this.df[id] > 0 ? id : undefined;
  }

  /**
   * The number of the search term that the atom `text[start, end)` stands for, added if new; -1 when
   * the atom is no search term (a stop word). The same terms as `terms()` finds.
   */
  internAtom(text: string, start: number, end: number): number {
    let id = this.table.findAtom(text, start, end);
    if (id === -1) id = this.intern(this.table.normalForm(text, start));
    else if (id === -2) {
      const form = atomForm(text, start, end);
      if (!keepTerm(form)) return -1;
      id = this.intern(form);
    }
    return this.stop[id] ? -1 : id;
  }

  /** The word's number, adding it if new (to the fuzzy buckets too). */
  intern(word: string): number {
    const known = this.table.find(word);
    if (known >= 0) return known;
    // A flat copy: a slice of a long text would keep the whole text alive as a table key.
    const own = word.length >= 13 ? (word + ' ').slice(0, -1) : word;
    const id = this.table.add(own);
    if (id >= this.df.length) { this.df = grow(this.df, id + 1); this.stop = grow(this.stop, id + 1); }
    if (isStopword(own)) { this.stop[id] = 1; return id; }
    this.pending.push(own);
    if (this.pending.length >= PENDING_MAX) this.mergePending();
    if (own.length >= this.fuzzyMinLength) this.addFuzzy(own);
    return id;
  }

  /** Up to `max` live words that start with `prefix`, shortest first, then alphabetical. */
  completions(prefix: string, max: number): string[] {
    if (this.pending.length) this.mergePending();
    const sorted = this.sorted;
    let lo = 0, hi = sorted.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < prefix) lo = mid + 1; else hi = mid; }
    const found: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i].startsWith(prefix); i++) {
      if (this.live(sorted[i]) !== undefined) found.push(sorted[i]);
    }
    if (found.length > max) found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    return found.length > max ? found.slice(0, max) : found;
  }

  /** Live words spelt like `word` (same first letter), best first. */
  fuzzy(word: string, limit: number): FuzzyMatch[] {
    const fuse = this.bucketFuse(word[0]);
    if (!fuse) return [];
    const out: FuzzyMatch[] = [];
    for (const r of fuse.search(word, { limit })) {
      if (this.live(r.item) !== undefined) out.push({ term: r.item, score: r.score ?? 0.5 });
    }
    return out;
  }

  private mergePending(): void {
    const fresh = this.pending.sort();
    this.pending = [];
    const old = this.sorted;
    if (!old.length) { this.sorted = fresh; return; }
    const out = new Array<string>(old.length + fresh.length);
    let i = 0, j = 0, k = 0;
    while (i < old.length && j < fresh.length) out[k++] = old[i] < fresh[j] ? old[i++] : fresh[j++];
    while (i < old.length) out[k++] = old[i++];
    while (j < fresh.length) out[k++] = fresh[j++];
    this.sorted = out;
  }

  private addFuzzy(word: string): void {
    const letter = word[0];
    const b = this.buckets.get(letter);
    if (!b) { this.buckets.set(letter, { words: [word] }); return; }
    if (b.fuse) b.fuse.add(word);
    else b.words.push(word);
  }

  /** Misspellings rarely change the first letter: fuzzy matching looks only at words sharing it. */
  private bucketFuse(letter: string): Fuse<string> | undefined {
    const b = this.buckets.get(letter);
    if (!b) return undefined;
    // Fuse keeps (and extends) the array it is given; the bucket shares it from here on.
    b.fuse ??= new Fuse(b.words, FUSE_OPTIONS, wordIndex(b.words));
    return b.fuse;
  }
}

/**
 * fuse.js's index of a list of words, made directly: a `{ v, i, n }` record per word, the field-length
 * norm `n` being 1 for any one-token string. `Fuse.createIndex([], words)` makes the same (a unit test
 * checks it on the bundled vocabulary, so a fuse.js release that changes the form fails there), but
 * tokenises every word to find that norm: 2 to 13 ms, cold, for the bundled content's largest letters.
 */
export function wordIndex(words: readonly string[]): FuseIndex<string> {
  const records = words.map((v, i) => ({ v, i, n: 1 }));
  return Fuse.parseIndex<string>({ keys: [], records } as unknown as IndexData);
}

export function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, min: number): T {
  let size = Math.max(16, a.length);
  while (size < min) size *= 2;
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}
