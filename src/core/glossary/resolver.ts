/**
 * Finds the glossary term under a cursor, the way a hover does. All aliases are normalised once
 * into a trie over atom numbers, so a lookup reads only the few atoms around the cursor (a window
 * as wide as the longest alias can be written) and never scans the glossary. A hover allocates
 * almost nothing: atoms are numbered straight from the line (see TermTable) into reused arrays.
 */
import { keysOf, normAtom, scanAtoms } from '../text/words';
import { TermTable } from '../text/termTable';

export interface Resolvable { id: string; term: string; aliases: readonly string[] }

export interface TermMatch<E> { entry: E; start: number; end: number; text: string }

/** Longest term, in atoms, that the resolver looks for. */
const MAX_ATOMS = 8;

/** A trie node: the next atom's number -> node; the entry whose key ends here. One shape for all nodes. */
class Node<E> {
  next: Map<number, Node<E>> | undefined = undefined;
  entry: E | undefined = undefined;
}

/** Candidate windows are compared by length, then start, then split-atom form before whole words. */
interface Best<E> { entry: E; start: number; end: number; whole: boolean }

export class GlossaryResolver<E extends Resolvable> {
  private readonly byKey = new Map<string, E>();
  private readonly byId = new Map<string, E>();
  private readonly table = new TermTable();
  private readonly partIds = new Map<string, number>();
  private readonly root = new Node<E>();
  private maxAtoms = 1;
  /** Longest written form of any key, in characters: each atom may carry a plural ending and a separator. */
  private maxSpan = 1;
  // Scratch, reused by every resolve(): atoms of the window and the words they form.
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private ids = new Int32Array(64);
  private wordOf = new Int32Array(64);
  private count = 0;
  private scanText = '';
  private best: Best<E> | undefined;
  private readonly collect = (start: number, end: number): void => {
    const k = this.count;
    if (k >= this.starts.length) this.growScratch();
    const word = k > 0 && this.ends[k - 1] === start ? this.wordOf[k - 1] : (k > 0 ? this.wordOf[k - 1] + 1 : 0);
    this.starts[k] = start;
    this.ends[k] = end;
    this.wordOf[k] = word;
    this.ids[k] = this.atomId(this.scanText, start, end);
    this.count = k + 1;
  };

  constructor(entries: readonly E[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const form of [e.term, ...e.aliases]) {
        for (const key of keysOf(form)) {
          if (!this.byKey.has(key)) this.byKey.set(key, e);
          this.addKey(key, e);
        }
      }
    }
  }

  get size(): number { return this.byId.size; }
  get(id: string): E | undefined { return this.byId.get(id); }

  /** The entry a written form names exactly (case, separators and plurals aside). */
  lookup(text: string): E | undefined {
    for (const key of keysOf(text)) {
      const e = this.byKey.get(key);
      if (e) return e;
    }
    return undefined;
  }

  /** The longest term that covers `col` (0-based) in `line`, or undefined. */
  resolve(line: string, col: number): TermMatch<E> | undefined {
    if (!(col >= 0 && col <= line.length)) return undefined;
    // A term that covers the cursor lies within maxSpan of it; an atom cut at the window's edge
    // would make any window through it longer than that, so it never matches.
    const from = Math.max(0, col - this.maxSpan);
    const to = Math.min(line.length, col + this.maxSpan);
    const slice = from === 0 && to === line.length ? line : line.slice(from, to);
    this.count = 0;
    this.scanText = slice;
    scanAtoms(slice, this.collect);
    this.scanText = '';
    const hit = this.hitAtom(col - from);
    if (hit < 0) return undefined;
    const best = this.bestWindow(slice, hit);
    if (!best) return undefined;
    return { entry: best.entry, start: best.start + from, end: best.end + from, text: slice.slice(best.start, best.end) };
  }

  private addKey(key: string, e: E): void {
    const parts = key.split(' ');
    let node = this.root;
    for (const part of parts) {
      // A Map first: at activation this runs once, cold, where native hashing beats the table's.
      let id = this.partIds.get(part);
      if (id === undefined) { id = this.table.add(part); this.partIds.set(part, id); }
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) { child = new Node<E>(); node.next.set(id, child); }
      node = child;
    }
    node.entry ??= e;
    this.maxAtoms = Math.min(MAX_ATOMS, Math.max(this.maxAtoms, parts.length));
    this.maxSpan = Math.max(this.maxSpan, key.length + 3 * parts.length + 2);
  }

  /** The number of an atom's normal form, or -1 when no key uses it. */
  private atomId(text: string, start: number, end: number): number {
    const id = this.table.findAtom(text, start, end);
    return id === -2 ? this.table.find(normAtom(text.slice(start, end))) : id;
  }

  /** The atom under the cursor, or the one just before it. */
  private hitAtom(local: number): number {
    for (let k = 0; k < this.count; k++) if (this.starts[k] <= local && local < this.ends[k]) return k;
    for (let k = 0; k < this.count; k++) if (this.ends[k] === local) return k;
    return -1;
  }

  private bestWindow(line: string, hit: number): Best<E> | undefined {
    this.best = undefined;
    const lo = Math.max(0, hit - this.maxAtoms + 1);
    for (let i = lo; i <= hit; i++) {
      const limit = Math.min(this.count, i + this.maxAtoms);
      // Split form: atom after atom.
      let node: Node<E> | undefined = this.root;
      for (let j = i; j < limit && node; j++) {
        if (j > i && !joins(line, this.ends[j - 1], this.starts[j])) break;
        node = this.ids[j] >= 0 ? node.next?.get(this.ids[j]) : undefined;
        if (node?.entry && j >= hit) this.consider(node.entry, i, j, false);
      }
      // Whole-word form: word after word, only from a word's first atom to a word's last.
      if (i > 0 && this.wordOf[i - 1] === this.wordOf[i]) continue;
      node = this.root;
      for (let j = i; j < limit && node; j++) {
        if (j > i && !joins(line, this.ends[j - 1], this.starts[j])) break;
        if (j + 1 < this.count && this.wordOf[j + 1] === this.wordOf[j]) continue;
        const first = this.firstOfWord(j);
        const id = first === j ? this.ids[j] : this.atomId(line, this.starts[first], this.ends[j]);
        node = id >= 0 ? node.next?.get(id) : undefined;
        if (node?.entry && j >= hit) this.consider(node.entry, i, j, true);
      }
    }
    return this.best;
  }

  private consider(entry: E, i: number, j: number, whole: boolean): void {
    const start = this.starts[i], end = this.ends[j];
    if (!this.best || isBetter(start, end, whole, this.best)) this.best = { entry, start, end, whole };
  }

  private firstOfWord(j: number): number {
    let k = j;
    while (k > 0 && this.wordOf[k - 1] === this.wordOf[j]) k--;
    return k;
  }

  private growScratch(): void {
    const size = this.starts.length * 2;
    const grow = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.ids = grow(this.ids);
    this.wordOf = grow(this.wordOf);
  }
}

function isBetter<E>(start: number, end: number, whole: boolean, best: Best<E>): boolean {
  const len = end - start, bestLen = best.end - best.start;
  if (len !== bestLen) return len > bestLen;
  if (start !== best.start) return start < best.start;
  return !whole && best.whole;
}

/** Between two atoms of one term only these may stand: nothing, or one space, `_`, `-`, `.`, `/` or other white space. */
function joins(line: string, end: number, start: number): boolean {
  if (start === end) return true;
  if (start - end !== 1) return false;
  const c = line.charCodeAt(end);
  return c === 32 || c === 95 || c === 45 || c === 46 || c === 47 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff ||
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
