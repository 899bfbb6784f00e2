/**
 * Finds the headings of a note in one pass over its lines, with the rules of its format:
 * markdown (ATX and setext), numbered outline, or title lines in plain and table text.
 * Lines inside fenced code are never headings.
 */
import { isBlank } from './lines';
import { atxHeading, canBeSetextTitle, setextUnderline } from './markdownHeadings';
import { OutlineTracker, outlineLine } from './outline';
import { BoxTracker, isTitleLine, isTitleShaped } from './titleLines';
import type { NoteFormat } from './types';

export interface Heading {
  /** 0-based index of the heading's (first) line. */
  index: number;
  level: number;
  title: string;
  /** Lines the heading occupies: 2 for setext (title and underline), else 1. */
  span: number;
}

export interface HeadingInput {
  lines: string[];
  start: number;
  code: boolean[];
  format: NoteFormat;
  /** Told the 0-based line being looked at, so a failure can be reported where it happened. */
  at?: (index: number) => void;
}

export function findHeadings(input: HeadingInput): Heading[] {
  if (input.format === 'markdown') return markdownHeadings(input);
  if (input.format === 'outline') return outlineHeadings(input);
  return titleLineHeadings(input);
}

function markdownHeadings({ lines, start, code, at }: HeadingInput): Heading[] {
  const out: Heading[] = [];
  for (let i = start; i < lines.length; i++) {
    at?.(i);
    if (code[i]) continue;
    const atx = atxHeading(lines[i]);
    if (atx) { out.push({ index: i, level: atx.level, title: atx.title, span: 1 }); continue; }
    const level = i + 1 < lines.length && !code[i + 1] ? setextUnderline(lines[i + 1]) : 0;
    if (level > 0 && canBeSetextTitle(lines[i], i > start ? lines[i - 1] : undefined)) {
      out.push({ index: i, level, title: lines[i].trim(), span: 2 });
      i++;
    }
  }
  return out;
}

function outlineHeadings({ lines, start, code, at }: HeadingInput): Heading[] {
  const out: Heading[] = [];
  const tracker = new OutlineTracker();
  const title = documentTitle(lines, start, code);
  if (title) out.push(title);
  for (let i = title ? title.index + 1 : start; i < lines.length; i++) {
    at?.(i);
    if (code[i] || (i > start && !isBlank(lines[i - 1]))) continue;
    const o = outlineLine(lines[i]);
    if (!o || (o.nums.length === 1 && !isBlank(lines[i + 1]))) continue;
    if (tracker.accept(o.nums)) out.push({ index: i, level: o.nums.length, title: o.title, span: 1 });
  }
  return out;
}

function titleLineHeadings({ lines, start, code, at }: HeadingInput): Heading[] {
  const out: Heading[] = [];
  const boxes = new BoxTracker();
  const title = documentTitle(lines, start, code);
  if (title) out.push(title);
  for (let i = start; i < lines.length; i++) {
    at?.(i);
    if (code[i] || boxes.inBox(lines[i]) || i === title?.index) continue;
    const previous = i > start ? lines[i - 1] : undefined;
    if (isTitleLine(lines[i], previous, lines[i + 1])) out.push({ index: i, level: 2, title: lines[i].trim(), span: 1 });
  }
  return out;
}

/** The first non-blank line of a plain or outline note, if it reads as the document's title. */
function documentTitle(lines: string[], start: number, code: boolean[]): Heading | undefined {
  let i = start;
  while (i < lines.length && isBlank(lines[i])) i++;
  if (i >= lines.length || code[i] || !isBlank(lines[i + 1])) return undefined;
  const line = lines[i];
  if (!isTitleShaped(line, 100) || outlineLine(line)) return undefined;
  return { index: i, level: 1, title: line.trim(), span: 1 };
}
