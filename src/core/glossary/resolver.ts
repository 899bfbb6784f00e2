/**
 * Finds the glossary term under a cursor, the way a hover does. All aliases are normalised once into
 * a map from key to entry, so a lookup touches only the few atom windows around the cursor and never
 * scans the glossary.
 */
import { atoms, keysOf, type Atom } from '../text/words';

export interface Resolvable { id: string; term: string; aliases: readonly string[] }

export interface TermMatch<E> { entry: E; start: number; end: number; text: string }

/** Longest term, in atoms, that the resolver looks for. */
const MAX_ATOMS = 8;
/** Lines are cut to this many characters each side of the cursor before tokenising. */
const WINDOW = 200;
/** Between two atoms of one term, only these separators may stand (nothing, a space, `_`, `-`, `.`, `/`). */
const JOINER = /^(?:|[ _\-./]|\s)$/;

export class GlossaryResolver<E extends Resolvable> {
  private readonly byKey = new Map<string, E>();
  private readonly byId = new Map<string, E>();
  private maxAtoms = 1;

  constructor(entries: readonly E[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      for (const form of [e.term, ...e.aliases]) {
        for (const key of keysOf(form)) {
          if (!this.byKey.has(key)) this.byKey.set(key, e);
          this.maxAtoms = Math.min(MAX_ATOMS, Math.max(this.maxAtoms, key.split(' ').length));
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
    if (col < 0 || col > line.length) return undefined;
    const from = Math.max(0, col - WINDOW);
    const slice = line.slice(from, col + WINDOW);
    const local = col - from;
    const as = atoms(slice);
    const at = as.findIndex((a) => a.start <= local && local < a.end);
    const hit = at >= 0 ? at : as.findIndex((a) => a.end === local);
    if (hit < 0) return undefined;
    const best = this.bestWindow(slice, as, hit);
    if (!best) return undefined;
    return { entry: best.entry, start: best.start + from, end: best.end + from, text: slice.slice(best.start, best.end) };
  }

  private bestWindow(line: string, as: Atom[], hit: number): { entry: E; start: number; end: number } | undefined {
    let best: { entry: E; start: number; end: number; len: number } | undefined;
    const lo = Math.max(0, hit - this.maxAtoms + 1);
    for (let i = lo; i <= hit; i++) {
      for (let j = Math.max(hit, i); j < Math.min(as.length, i + this.maxAtoms); j++) {
        if (j > i && !JOINER.test(line.slice(as[j - 1].end, as[j].start))) break;
        const len = as[j].end - as[i].start;
        if (best && len <= best.len) continue;
        const entry = this.match(line, as, i, j);
        if (entry) best = { entry, start: as[i].start, end: as[j].end, len };
      }
    }
    return best;
  }

  private match(line: string, as: Atom[], i: number, j: number): E | undefined {
    const split = as.slice(i, j + 1).map((a) => a.norm).join(' ');
    const e = this.byKey.get(split);
    if (e) return e;
    // Whole-word form: only when the window starts and ends on word boundaries.
    const startsWord = i === 0 || as[i - 1].word !== as[i].word;
    const endsWord = j === as.length - 1 || as[j + 1].word !== as[j].word;
    if (!startsWord || !endsWord) return undefined;
    const whole = keysOf(line.slice(as[i].start, as[j].end));
    return whole.length > 1 ? this.byKey.get(whole[1]) : undefined;
  }
}
