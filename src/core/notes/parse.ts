/**
 * Parses one note into sections and cards. Works on every shape learners keep: markdown with
 * front matter, numbered outline text, plain text with title lines, tab-separated tables.
 * Never throws: a failure becomes a warning naming the file and line, and whatever was parsed
 * before it is still returned. Runs in a few linear passes over the lines.
 */
import { collectCards } from './cards';
import { scanFences } from './fences';
import { detectFormat } from './format';
import { readFrontMatter } from './frontMatter';
import { findHeadings, type Heading } from './headings';
import { baseName, normaliseText, splitLines } from './lines';
import { buildSections } from './sections';
import type { ParsedNote, ParseWarning } from './types';

/** Where the parser is, so an unexpected failure can be reported at its line. */
interface Context { file: string; line: number; warnings: ParseWarning[] }

export function parseNote(file: string, text: string): ParsedNote {
  const name = typeof file === 'string' ? file : String(file);
  const ctx: Context = { file: name, line: 1, warnings: [] };
  const note: ParsedNote = { file: name, title: baseName(name), frontMatter: {}, sections: [], cards: [], warnings: ctx.warnings, format: 'plain' };
  guard(ctx, 'parse', () => fill(note, ctx, text));
  return note;
}

function fill(note: ParsedNote, ctx: Context, text: string): void {
  const lines = splitLines(normaliseText(text));
  const warn = (line: number, message: string) => ctx.warnings.push({ file: ctx.file, line, message });
  const fm = readFrontMatter(lines, warn);
  note.frontMatter = fm.data;
  const fences = scanFences(lines, fm.end);
  if (fences.unclosedAt !== undefined) warn(fences.unclosedAt + 1, 'code fence is never closed; the rest of the note is read as code');
  const base = { file: note.file, lines, start: fm.end, code: fences.code };
  note.format = detectFormat({ ...base, hasFrontMatter: fm.end > 0 });
  const headings = guard(ctx, 'headings', () => findHeadings({ ...base, format: note.format, at: (i) => { ctx.line = i + 1; } })) ?? [];
  note.title = noteTitle(note.frontMatter.title, headings, note.title);
  note.sections = guard(ctx, 'sections', () => buildSections({ ...base, headings, noteTitle: note.title })) ?? [];
  ctx.line = 1;
  note.cards = guard(ctx, 'cards', () => collectCards({ ...base, sections: note.sections })) ?? [];
}

function noteTitle(fromFrontMatter: string | string[] | undefined, headings: Heading[], fallback: string): string {
  const fm = Array.isArray(fromFrontMatter) ? fromFrontMatter.join(', ') : fromFrontMatter;
  if (fm && fm.trim() !== '') return fm.trim();
  return headings.find((h) => h.level === 1)?.title ?? fallback;
}

/** Runs one stage; an exception becomes a warning at the context's current line. */
function guard<T>(ctx: Context, stage: string, run: () => T): T | undefined {
  try {
    return run();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    ctx.warnings.push({ file: ctx.file, line: ctx.line, message: `${stage} failed: ${reason}` });
    return undefined;
  }
}
