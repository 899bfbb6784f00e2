/**
 * Headings in plain text that has no markup at all: short Title Case lines standing alone
 * (`Transformer Architecture`, `Bedrock Guardrails`). Most short lines are not headings, so a
 * title line must start with a letter or digit, end without sentence punctuation, hold no
 * arrows, formulas, tabs or box-drawing characters, and be mostly capitalised words.
 */
import { isBlank } from './lines';

const MAX_CHARS = 70;
const MAX_WORDS = 10;
const MIN_CAPITALISED = 0.6;
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into of on or per the to vs vs. via with & + / - –'.split(' '),
);
/** Arrows, math and diagram characters: such lines are flows or formulas, not titles. */
const NOT_IN_TITLES = /[\t=≈×÷←-⇿∀-⋿─-╿▀-▟|`<>{}]|\$\$|https?:/u;
const BULLET = /^([-*+•◦▪‣]\s|\d+[.)]\s)/u;

/** The shape of a stand-alone title: short, capitalised, no terminal period, no diagram. */
export function isTitleShaped(line: string, maxChars = MAX_CHARS): boolean {
  if (line.length === 0 || line.length > maxChars || /^\s/.test(line)) return false;
  const t = line.trim();
  if (!/^[\p{L}\p{N}]/u.test(t) || BULLET.test(t) || NOT_IN_TITLES.test(t)) return false;
  if (/[.,;:!…]$/.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length <= MAX_WORDS && capitalisedShare(words) >= MIN_CAPITALISED;
}

function capitalisedShare(words: string[]): number {
  let significant = 0;
  let capitalised = 0;
  for (const w of words) {
    if (SMALL_WORDS.has(w.toLowerCase())) continue;
    const first = /[\p{L}\p{N}]/u.exec(w)?.[0];
    if (first === undefined) continue;
    significant++;
    if (first !== first.toLowerCase() || /\p{N}|\p{Lo}/u.test(first)) capitalised++;
  }
  return significant === 0 ? 0 : capitalised / significant;
}

/**
 * A title line stands after a blank line and before a blank line, a bullet, a table row, or a
 * sentence. A run of short unpunctuated lines (a table pasted without its tabs) is no title.
 */
export function isTitleLine(line: string, previous: string | undefined, next: string | undefined): boolean {
  if (!isBlank(previous) || !isTitleShaped(line)) return false;
  if (isBlank(next)) return true;
  const n = (next as string).trim();
  if (BULLET.test(n) || n.includes('\t')) return true;
  return /[.!?:]$/.test(n) && n.split(/\s+/).length >= 4;
}

/** Box-drawing diagrams (┌─┐ │ └─┘): lines from a top-left corner to its bottom-left corner are body. */
export class BoxTracker {
  private column = -1;

  /** Feed every line in order; returns true while the line belongs to a diagram. */
  inBox(line: string): boolean {
    const col = firstNonSpace(line);
    if (this.column >= 0) {
      if (col < 0) { this.column = -1; return false; }
      if (col === this.column && /[└╚╰]/u.test(line[col])) this.column = -1;
      return true;
    }
    if (col >= 0 && /[┌╔╭]/u.test(line[col])) { this.column = col; return true; }
    return col >= 0 && /[─-╿]/u.test(line);
  }
}

function firstNonSpace(line: string): number {
  for (let i = 0; i < line.length; i++) if (line[i] !== ' ' && line[i] !== '\t') return i;
  return -1;
}
