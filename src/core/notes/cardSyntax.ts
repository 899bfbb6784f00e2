/**
 * Obsidian Spaced Repetition syntax inside one line: the `::` / `:::` separator of an inline card
 * and the `==hidden==` spans of cloze cards. Lines arrive with inline code masked. The checks
 * keep prose and code that merely contain these characters (`std::vector`, ARNs, URLs, IPv6
 * addresses, `a == b`) from becoming cards.
 */

export interface Separator { at: number; length: 2 | 3 }

/** Longest run of non-space text around a separator that is still looked at; longer is a URL or code. */
const MAX_TOKEN = 100;

/** The first `::` (basic) or `:::` (reversed) run that separates real text, else undefined. */
export function findSeparator(masked: string): Separator | undefined {
  const first = masked.search(/\S/);
  const last = lastNonSpace(masked);
  for (let i = masked.indexOf('::'); i >= 0; i = masked.indexOf('::', i)) {
    let j = i;
    while (masked[j] === ':') j++;
    const length = j - i;
    if ((length === 2 || length === 3) && first < i && last >= j && separates(masked, i, j)) return { at: i, length };
    i = j;
  }
  return undefined;
}

function separates(masked: string, start: number, end: number): boolean {
  const left = tokenBefore(masked, start);
  const right = tokenAfter(masked, end);
  if (left === undefined || right === undefined || left.includes(':') || right.includes(':')) return false;
  return !looksLikeCodePath(left, right) && !looksLikeAddress(left, right);
}

function tokenBefore(s: string, end: number): string | undefined {
  let i = end;
  while (i > 0 && !isSpace(s[i - 1])) if (end - --i > MAX_TOKEN) return undefined;
  return s.slice(i, end);
}

function tokenAfter(s: string, start: number): string | undefined {
  let j = start;
  while (j < s.length && !isSpace(s[j])) if (++j - start > MAX_TOKEN) return undefined;
  return s.slice(start, j);
}

function lastNonSpace(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && isSpace(s[i])) i--;
  return i;
}

function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(c);
}

/** Namespaces that appear as `ns::name` in C++, Rust and friends. */
const NAMESPACES = new Set('std boost crate self super core alloc absl llvm cv torch Eigen Self'.split(' '));
/** CSS pseudo-elements: `p::first-line`, `a::before`. */
const PSEUDO_ELEMENTS = /^(before|after|placeholder|selection|marker|first-line|first-letter|backdrop|part|slotted|cue|file-selector-button)\b/;

/**
 * `std::vector`, `a::before`, `Vec::new()`, `HashMap::<K, V>`: scope resolution, not a question.
 * Flashcards such as `epoch::one pass over the data` look the same, so only known namespaces,
 * CSS pseudo-elements, and a call, generic or member access right after the name count as code.
 */
function looksLikeCodePath(left: string, right: string): boolean {
  if (!/^[A-Za-z_$][\w$.-]*$/.test(left) || !/^[A-Za-z_~<]/.test(right)) return false;
  if (NAMESPACES.has(left) || (/^[a-z.#*]/.test(left) && PSEUDO_ELEMENTS.test(right))) return true;
  return right[0] === '<' || /^[\w~]+(?:[(<;[]|\.\w)/.test(right);
}

/** `fe80::1`, `::1`, `10::20`: hexadecimal on both sides with a digit somewhere. */
function looksLikeAddress(left: string, right: string): boolean {
  const r = right.replace(/[.,;)\]]+$/, '');
  return /^[0-9a-fA-F]*$/.test(left) && /^[0-9a-fA-F]+$/.test(r) && /\d/.test(left + r);
}

/** A `==hidden==` span: columns of the opening and closing `==` runs. */
export interface Highlight { open: number; close: number }

/**
 * Highlight spans: runs of exactly two `=`, the text between not starting or ending with a space,
 * not glued to a word outside (`a==b or c==d` is code, not a highlight).
 */
export function findHighlights(masked: string): Highlight[] {
  const runs = equalsRuns(masked);
  const out: Highlight[] = [];
  for (let k = 0; k + 1 < runs.length; k++) {
    const open = runs[k];
    const close = runs[k + 1];
    if (isHighlight(masked, open, close)) { out.push({ open, close }); k++; }
  }
  return out;
}

function equalsRuns(s: string): number[] {
  const runs: number[] = [];
  for (let i = s.indexOf('=='); i >= 0; i = s.indexOf('==', i)) {
    let j = i;
    while (s[j] === '=') j++;
    if (j - i === 2) runs.push(i);
    i = j;
  }
  return runs;
}

function isHighlight(s: string, open: number, close: number): boolean {
  const inner = s.slice(open + 2, close);
  if (inner.trim() === '' || /^\s|\s$/.test(inner)) return false;
  return !isWordChar(s[open - 1]) && !isWordChar(s[close + 2]);
}

function isWordChar(c: string | undefined): boolean { return c !== undefined && /[\p{L}\p{N}_]/u.test(c); }
