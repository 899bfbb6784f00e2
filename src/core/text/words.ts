/**
 * How terms are written in code and prose, reduced to comparable atoms: `top_p`, `topP`, `Top P`
 * and `TOP-P` all become the atoms ["top", "p"]. Both the glossary and the resolver use these
 * functions, so an alias and a cursor line are always normalised the same way.
 *
 * Atoms are found by a character-class scanner ({@link scanAtoms}) that allocates nothing: the
 * indexer runs it over every note body and the hover over every line it is asked about. It splits
 * exactly as the regular expression {@link ATOM} does (a property test holds the two together);
 * from a character outside the Basic Multilingual Plane on, the regular expression takes over.
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
  return stripPlural(atom.toLowerCase());
}

/** `embeddings` -> `embedding`, `policies` -> `policy`; `loss`, `bus`, `analysis` stay. Input is lower case. */
export function stripPlural(a: string): string {
  const n = a.length;
  if (n <= 3 || a.charCodeAt(n - 1) !== 115 /* s */) return a;
  const prev = a.charCodeAt(n - 2);
  if (prev === 115 /* s */ || prev === 117 /* u */ || prev === 105 /* i */) return a;
  if (n > 4 && prev === 101 /* e */ && a.charCodeAt(n - 3) === 105 /* i */) return a.slice(0, -3) + 'y';
  return a.slice(0, -1);
}

/**
 * The reference definition of an atom: camelCase humps, acronyms, digit runs and other letter runs.
 * Atoms that touch (no separator between them) belong to the same word.
 */
const ATOM = /\p{Lu}+(?![\p{Ll}\p{M}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{N}+|[\p{L}\p{M}]+/gu;

/** Character classes of the scanner: not part of an atom, upper case, lower case or mark, number, other letter, surrogate. */
const X = 0, U = 1, L = 2, N = 3, O = 4, S = 5;
const UNKNOWN = 255;
/** Classes of the BMP, filled in on first sight of each character. */
const CLASS = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return S;
  if (/\p{Lu}/u.test(ch)) return U;
  if (/[\p{Ll}\p{M}]/u.test(ch)) return L;
  if (/\p{N}/u.test(ch)) return N;
  if (/\p{L}/u.test(ch)) return O;
  return X;
}

function classOf(code: number): number {
  const c = CLASS[code];
  return c !== UNKNOWN ? c : (CLASS[code] = classify(String.fromCharCode(code)));
}
// ASCII directly (compiling the Unicode property expressions costs more than this table).
for (let code = 0; code < 128; code++) {
  CLASS[code] = code >= 65 && code <= 90 ? U : code >= 97 && code <= 122 ? L : code >= 48 && code <= 57 ? N : X;
}

/**
 * Calls `visit(start, end)` for each atom of `text`, in order. From the first character outside
 * the BMP on (a surrogate pair), the rest of the text is left to the regular expression.
 */
export function scanAtoms(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classOf(text.charCodeAt(i));
    if (c === X) { i++; continue; }
    const start = i;
    if (c === S) { regexAtoms(text, visit, start); return; }
    let j = i + 1;
    if (c === U) {
      while (j < n && classOf(text.charCodeAt(j)) === U) j++;
      if (j < n && classOf(text.charCodeAt(j)) === L) {
        // An acronym ends one letter before a capitalised word: HTTPServer -> HTTP, Server.
        if (j - i >= 2) { visit(start, j - 1); i = j - 1; continue; }
        while (j < n && classOf(text.charCodeAt(j)) === L) j++;
      }
    } else if (c === L || c === N) {
      while (j < n && classOf(text.charCodeAt(j)) === c) j++;
    } else {
      for (let k = j < n ? classOf(text.charCodeAt(j)) : X; k !== X && k !== N && k !== S; k = j < n ? classOf(text.charCodeAt(j)) : X) j++;
    }
    // The expression's look-ahead sees whole code points: next to a surrogate, let it decide.
    if (j < n && classOf(text.charCodeAt(j)) === S) { regexAtoms(text, visit, start); return; }
    visit(start, j);
    i = j;
  }
}

function regexAtoms(text: string, visit: (start: number, end: number) => void, from: number): void {
  ATOM.lastIndex = from;
  for (let m = ATOM.exec(text); m; m = ATOM.exec(text)) visit(m.index, m.index + m[0].length);
}

/** Atoms as the reference regular expression finds them (for tests of the scanner). */
export function atomsByRegex(line: string): [number, number][] {
  const out: [number, number][] = [];
  regexAtoms(line, (s, e) => out.push([s, e]), 0);
  return out;
}

/** Splits a line into atoms, remembering which word each came from. */
export function atoms(line: string): Atom[] {
  const out: Atom[] = [];
  let word = -1;
  let lastEnd = -1;
  scanAtoms(line, (start, end) => {
    if (start !== lastEnd) word++;
    lastEnd = end;
    out.push({ norm: normAtom(line.slice(start, end)), start, end, word });
  });
  return out;
}

/**
 * Normalised atoms only (no positions kept), for short texts: queries and glossary forms. It uses
 * the regular expression, whose compiled code is fast from the first call, where the scanner
 * would still be running in the interpreter (it pays off on long texts and repeated hovers).
 */
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
  let whole = '';
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) whole = whole ? `${whole} ${normAtom(m[0])}` : normAtom(m[0]);
  if (!whole) return [];
  const split = atomNorms(text).join(' ');
  return split === whole ? [split] : [split, whole];
}
