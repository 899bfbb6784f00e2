/**
 * Numbered outline headings in plain text, as exported from study guides: `1. Fundamentals`,
 * `1. 1. Explain basic concepts.`, `1.1.1 Concepts`, `3.1.2. Understanding ...`, `4.1.7, Describe`.
 * The numbering depth is the level. Ordinary numbered lists inside a section are told apart by
 * shape (short line between blank lines) and by whether the numbering continues the outline.
 */

export interface OutlineLine { nums: number[]; title: string }

const MAX_LINE = 120;
const MAX_DEPTH = 6;
/** Highest number a level may start at when the outline skips ahead (`3.14 is pi` is no heading). */
const MAX_FRESH = 9;

/** The numbering and title of a line shaped like an outline heading, else undefined. */
export function outlineLine(line: string): OutlineLine | undefined {
  if (line.length > MAX_LINE || line.includes('\t')) return undefined;
  const scanned = scanNumbering(line);
  if (!scanned || scanned.nums.length > MAX_DEPTH) return undefined;
  const text = line.slice(scanned.textStart).trim();
  if (!/^[\p{Lu}\p{Lt}\p{Lo}\d"“(]/u.test(text)) return undefined;
  return { nums: scanned.nums, title: tidyTitle(line.trim()) };
}

/** A single trailing period is dropped from the title: `4. Guidelines for responsible AI.` */
function tidyTitle(t: string): string {
  return t.endsWith('.') && !t.endsWith('..') ? t.slice(0, -1) : t;
}

interface Numbering { nums: number[]; textStart: number }

/** `1. 1. X`, `1.1.1 X`, `2.1. X`, `4.1.7, X`: numbers of up to 3 digits; a lone number needs a dot. */
export function scanNumbering(line: string): Numbering | undefined {
  const nums: number[] = [];
  let i = 0;
  for (;;) {
    const end = digitsEnd(line, i);
    if (end < 0) return undefined;
    nums.push(Number(line.slice(i, end)));
    const c = line[end];
    if (c === ' ' || c === '\t') return nums.length >= 2 ? { nums, textStart: end } : undefined;
    if (c !== '.' && c !== ',') return undefined;
    const k = end + 1;
    if (c === '.' && isDigit(line[k])) { i = k; continue; }
    if (line[k] !== ' ') return undefined;
    if (c === '.' && continuesWithNumber(line, k + 1)) { i = k + 1; continue; }
    return { nums, textStart: k };
  }
}

/** After `1. `, is there another `1.`-style number (digits then `.` or `,` then a space or digit)? */
function continuesWithNumber(line: string, i: number): boolean {
  const end = digitsEnd(line, i);
  if (end < 0) return false;
  const c = line[end];
  return (c === '.' || c === ',') && (line[end + 1] === ' ' || isDigit(line[end + 1]));
}

function digitsEnd(line: string, i: number): number {
  let j = i;
  while (j - i < 4 && isDigit(line[j])) j++;
  return j === i || j - i > 3 ? -1 : j;
}

function isDigit(c: string | undefined): boolean { return c !== undefined && c >= '0' && c <= '9'; }

/**
 * Decides whether outline-shaped lines continue the outline seen so far. `2.` after `1.3.6.2`
 * continues it; `1. Collect data` inside section 1.2 does not, nor does the `2.` after that list item.
 */
export class OutlineTracker {
  private path: number[] = [];
  private listNext = -1;

  accept(nums: number[]): boolean {
    if (nums.length === 1 && nums[0] === this.listNext) { this.listNext++; return false; }
    const ok = this.path.length === 0 ? plausibleStart(nums) : continues(this.path, nums);
    if (ok) { this.path = nums.slice(); this.listNext = -1; }
    else if (nums.length === 1) this.listNext = nums[0] + 1;
    return ok;
  }
}

function plausibleStart(nums: number[]): boolean {
  return nums.length === 1 ? nums[0] <= 20 : nums.slice(1).every((n) => n <= MAX_FRESH);
}

function continues(path: number[], nums: number[]): boolean {
  let j = 0;
  while (j < nums.length && j < path.length && nums[j] === path[j]) j++;
  if (j === nums.length) return nums.length === path.length && nums.length >= 2;
  const freshTail = nums.slice(j + 1).every((n) => n <= MAX_FRESH);
  if (j >= path.length) return nums[j] <= MAX_FRESH && freshTail;
  return nums[j] > path[j] && nums[j] <= path[j] + 3 && freshTail;
}
