/**
 * Numbers for the index's words, in an open-addressing hash table that can look a word up straight
 * from the text it was read in: the atom `text[start, end)` is lower-cased, stripped of a plural
 * and hashed character by character, so a word already known costs no string at all. This is the
 * indexer's inner loop; a word seen for the first time (or any atom outside ASCII) takes the
 * string path, and both paths normalise exactly as {@link normAtom} does.
 */
import { normAtom } from './words';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Whether `word` starts with the lower-cased ASCII `text[start, stop)` (lengths are checked by the caller). */
function sameAtom(word: string, text: string, start: number, stop: number): boolean {
  for (let i = start, k = 0; i < stop; i++, k++) {
    const c = text.charCodeAt(i);
    if (word.charCodeAt(k) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return true;
}

export class TermTable {
  readonly words: string[] = [];
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  private mask = 2047;
  // Where the last atom's normal form ends in the text, and whether a `y` follows (`ies` -> `y`).
  private normEnd = 0;
  private normY = false;

  get count(): number { return this.words.length; }

  /** The word's number, or -1. */
  find(word: string): number {
    const h = hashString(word);
    const { slots, hashes, words, mask } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[i];
      if (id < 0) return -1;
      if (hashes[id] === h && words[id] === word) return id;
    }
  }

  /** Adds a word known to be absent; returns its number. */
  add(word: string): number {
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.hashes.length) {
      const bigger = new Int32Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    const h = hashString(word);
    this.hashes[id] = h;
    if ((id + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id, h);
    return id;
  }

  /**
   * The number of the normal form of the atom `text[start, end)`: -1 if that form is not in the
   * table yet, -2 if the atom holds characters outside ASCII (use {@link normAtom} and {@link find}).
   * After a -1, {@link normalForm} gives the form to add.
   */
  findAtom(text: string, start: number, end: number): number {
    // Plural stripping as `stripPlural` does it, on ASCII: the form ends at `stop`, plus `y` for `ies`.
    let stop = end;
    let y = false;
    if (end - start > 3 && (text.charCodeAt(end - 1) | 32) === 115) {
      const prev = text.charCodeAt(end - 2) | 32;
      if (prev !== 115 && prev !== 117 && prev !== 105) {
        if (end - start > 4 && prev === 101 && (text.charCodeAt(end - 3) | 32) === 105) { stop = end - 3; y = true; }
        else stop = end - 1;
      }
    }
    let h = FNV_OFFSET;
    for (let i = start; i < stop; i++) {
      let c = text.charCodeAt(i);
      if (c >= 128) return -2;
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (y) h = Math.imul(h ^ 121, FNV_PRIME);
    this.normEnd = stop;
    this.normY = y;
    const len = stop - start + (y ? 1 : 0);
    const { slots, hashes, words, mask } = this;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = slots[i];
      if (id < 0) return -1;
      if (hashes[id] === h && words[id].length === len && sameAtom(words[id], text, start, stop)) return id;
    }
  }

  /** The normal form of the atom last passed to {@link findAtom}. */
  normalForm(text: string, start: number): string {
    const base = text.slice(start, this.normEnd).toLowerCase();
    return this.normY ? base + 'y' : base;
  }

  private place(id: number, h: number): void {
    const { slots, mask } = this;
    let i = h & mask;
    while (slots[i] >= 0) i = (i + 1) & mask;
    slots[i] = id;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.words.length; id++) this.place(id, this.hashes[id]);
  }
}

/** The normal form of an atom by the string path (non-ASCII atoms). */
export function atomForm(text: string, start: number, end: number): string {
  return normAtom(text.slice(start, end));
}
