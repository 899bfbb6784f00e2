/**
 * Which shape a note has, decided once per file from cheap per-line signals: markdown headings,
 * numbered outline headings, or tab-separated table rows; plain text otherwise.
 */
import { isBlank } from './lines';
import { atxHeading, canBeSetextTitle, setextUnderline } from './markdownHeadings';
import { outlineLine } from './outline';
import type { NoteFormat } from './types';

const MARKDOWN_EXT = /\.(md|markdown|mdx|mdown|mkd)$/i;
const MIN_OUTLINE_HEADINGS = 2;
const MIN_TABLE_ROWS = 3;
const MIN_TABLE_SHARE = 0.3;

export interface FormatInput {
  file: string;
  lines: string[];
  /** First line after front matter. */
  start: number;
  code: boolean[];
  hasFrontMatter: boolean;
}

export function detectFormat(input: FormatInput): NoteFormat {
  if (input.hasFrontMatter || MARKDOWN_EXT.test(input.file)) return 'markdown';
  const s = countSignals(input);
  if (s.markdown > 0) return 'markdown';
  if (s.outline >= MIN_OUTLINE_HEADINGS) return 'outline';
  if (s.tableRows >= MIN_TABLE_ROWS && s.tableRows >= MIN_TABLE_SHARE * s.nonBlank) return 'table';
  return 'plain';
}

interface Signals { markdown: number; outline: number; tableRows: number; nonBlank: number }

function countSignals({ lines, start, code }: FormatInput): Signals {
  const s: Signals = { markdown: 0, outline: 0, tableRows: 0, nonBlank: 0 };
  for (let i = start; i < lines.length; i++) {
    const line = lines[i];
    if (code[i] || isBlank(line)) continue;
    s.nonBlank++;
    const previous = i > start ? lines[i - 1] : undefined;
    if (atxHeading(line) || (setextUnderline(line) === 1 && i > start && canBeSetextTitle(lines[i - 1], i - 1 > start ? lines[i - 2] : undefined))) s.markdown++;
    else if (isBlank(previous) && (outlineLine(line)?.nums.length ?? 0) >= 2) s.outline++;
    else if (isTableRow(line)) s.tableRows++;
  }
  return s;
}

/** Two or more non-empty cells separated by tabs. */
export function isTableRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  let cells = 0;
  for (const cell of line.split('\t')) if (cell.trim() !== '') cells++;
  return cells >= 2;
}
