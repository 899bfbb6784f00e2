/**
 * Markdown headings: ATX (`# Title` to `###### Title`) and setext (a one-line paragraph underlined
 * with `===` or `---`). Parsed by hand rather than with one regex so long lines cannot backtrack.
 */
import { isBlank, isRuleLine } from './lines';

export interface AtxHeading { level: number; title: string }

export function atxHeading(line: string): AtxHeading | undefined {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  let level = 0;
  while (line[i + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  const after = line[i + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return undefined;
  const title = stripClosingHashes(line.slice(i + level).trim());
  return title === '' ? undefined : { level, title };
}

/** `Title ##` -> `Title`; a closing run of `#` must follow a space (`C#` keeps its hash). */
function stripClosingHashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '#') end--;
  if (end === s.length) return s;
  if (end === 0) return '';
  return s[end - 1] === ' ' || s[end - 1] === '\t' ? s.slice(0, end).trim() : s;
}

/** 1 for `===`, 2 for `---` underlines (up to 3 spaces of indent), else 0. */
export function setextUnderline(line: string): 0 | 1 | 2 {
  if (line.startsWith('    ') || !isRuleLine(line)) return 0;
  const t = line.trim();
  if (t.includes(' ') || t.includes('\t')) return 0;
  if (t[0] === '=') return 1;
  return t[0] === '-' ? 2 : 0;
}

/** Most lines are sentences; setext titles are one short line that is not a list item or quote. */
export function canBeSetextTitle(line: string, previous: string | undefined): boolean {
  if (!isBlank(previous)) return false;
  const t = line.trim();
  if (t === '' || t.length > 120 || line.startsWith('    ')) return false;
  if (/^([-*+•>|#]|\d+[.)])(\s|$)/.test(t) || isRuleLine(t)) return false;
  return !/[.,;:]$/.test(t);
}
