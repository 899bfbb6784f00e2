/**
 * How terms are written in code and prose, reduced to comparable atoms: `top_p`, `topP`, `Top P`
 * and `TOP-P` all become the atoms ["top", "p"]. Both the glossary and the resolver use these
 * functions, so an alias and a cursor line are always normalised the same way.
 */

/** A run of letters and digits in the source line, with its columns (end exclusive). */
export interface Word { text: string; start: number; end: number }

/** A sub-word of an identifier (`maxTokenCount` -> max, token, count). */
export interface Atom { norm: string; start: number; end: number; word: number }

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits a line into words: runs of letters and digits. */
export function words(line: string): Word[] {
  const out: Word[] = [];
  for (const m of line.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Splits a word at camelCase and letter/digit boundaries: `LoraConfig` -> Lora, Config; `HTTPServer` -> HTTP, Server. */
export function splitCamel(word: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i < word.length; i++) {
    const prev = word[i - 1], cur = word[i], next = word[i + 1] ?? '';
    const lowerToUpper = isLower(prev) && isUpper(cur);
    const acronymEnd = isUpper(prev) && isUpper(cur) && isLower(next);
    const digitEdge = isDigit(prev) !== isDigit(cur);
    if (lowerToUpper || acronymEnd || digitEdge) { parts.push(word.slice(start, i)); start = i; }
  }
  parts.push(word.slice(start));
  return parts;
}

function isLower(c: string): boolean { return c !== c.toUpperCase() && c === c.toLowerCase(); }
function isUpper(c: string): boolean { return c !== c.toLowerCase() && c === c.toUpperCase(); }
function isDigit(c: string): boolean { return c >= '0' && c <= '9'; }

/** Lower-cases an atom and drops a plural `s` so `Embeddings` and `embedding` meet. */
export function normAtom(atom: string): string {
  const a = atom.toLowerCase();
  if (a.length > 3 && a.endsWith('s') && !a.endsWith('ss') && !a.endsWith('us') && !a.endsWith('is')) {
    return a.endsWith('ies') && a.length > 4 ? a.slice(0, -3) + 'y' : a.slice(0, -1);
  }
  return a;
}

/**
 * One pass over the line: camelCase humps, acronyms, digit runs and other letter runs. Atoms that
 * touch (no separator between them) belong to the same word.
 */
const ATOM = /\p{Lu}+(?![\p{Ll}\p{M}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{N}+|[\p{L}\p{M}]+/gu;

/** Splits a line into atoms, remembering which word each came from. */
export function atoms(line: string): Atom[] {
  const out: Atom[] = [];
  let word = -1;
  let lastEnd = -1;
  ATOM.lastIndex = 0;
  for (let m = ATOM.exec(line); m; m = ATOM.exec(line)) {
    const start = m.index;
    if (start !== lastEnd) word++;
    lastEnd = start + m[0].length;
    out.push({ norm: normAtom(m[0]), start, end: lastEnd, word });
  }
  return out;
}

/** Normalised atoms only, for indexing text (no positions kept). */
export function atomNorms(text: string): string[] {
  const out: string[] = [];
  ATOM.lastIndex = 0;
  for (let m = ATOM.exec(text); m; m = ATOM.exec(text)) out.push(normAtom(m[0]));
  return out;
}

/**
 * The keys under which a written form is known: the atoms joined by spaces, and the words joined
 * whole (so `LoRA`, split as Lo+RA, also meets `lora` in code).
 */
export function keysOf(text: string): string[] {
  const ws = words(text);
  if (ws.length === 0) return [];
  const split = atomNorms(text).join(' ');
  const whole = ws.map((w) => normAtom(w.text)).join(' ');
  return split === whole ? [split] : [split, whole];
}
