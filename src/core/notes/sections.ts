/**
 * Turns headings into sections: each section runs from its heading to the line before the next
 * heading of any level. Text before the first heading becomes a preamble section (level 0).
 */
import type { Heading } from './headings';
import { createSlugger } from './slug';
import type { NoteSection } from './types';

export interface SectionInput {
  file: string;
  lines: string[];
  /** First line after front matter. */
  start: number;
  headings: Heading[];
  /** Title for the preamble. */
  noteTitle: string;
}

export function buildSections({ file, lines, start, headings, noteTitle }: SectionInput): NoteSection[] {
  const slug = createSlugger();
  const out: NoteSection[] = [];
  const firstHeading = headings.length > 0 ? headings[0].index : lines.length;
  const preamble = bodyOf(lines, start, firstHeading);
  if (preamble !== '') {
    out.push(section(file, slug(noteTitle), { title: noteTitle, level: 0, path: [noteTitle], line: 1, endLine: firstHeading, body: preamble }));
  }
  const trail = new Breadcrumbs();
  headings.forEach((h, k) => {
    const next = k + 1 < headings.length ? headings[k + 1].index : lines.length;
    const path = trail.push(h.level, h.title);
    const body = bodyOf(lines, h.index + h.span, next);
    out.push(section(file, slug(h.title), { title: h.title, level: h.level, path, line: h.index + 1, endLine: next, body }));
  });
  return out;
}

type SectionFields = Omit<NoteSection, 'id' | 'file' | 'slug'>;

function section(file: string, slug: string, fields: SectionFields): NoteSection {
  return { id: `${file}#${slug}`, file, slug, ...fields };
}

function bodyOf(lines: string[], from: number, to: number): string {
  return from >= to ? '' : lines.slice(from, to).join('\n').trim();
}

/** The titles of the open ancestors: a heading closes every open heading of its level or deeper. */
class Breadcrumbs {
  private stack: { level: number; title: string }[] = [];

  push(level: number, title: string): string[] {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
    this.stack.push({ level, title });
    return this.stack.map((s) => s.title);
  }
}
