/**
 * The shapes the note parser produces. A note is one learner file (markdown, numbered outline
 * text, plain text with title lines, or tab-separated tables) split into sections and cards.
 * Line numbers are 1-based and count lines after CRLF/CR are normalised to LF.
 */

/** One heading and the text under it, up to the next heading of any level. */
export interface NoteSection {
  /** Stable within a workspace: `<file>#<slug>`. */
  id: string;
  title: string;
  /** 1-6 for headings (outline depth for numbered outlines); 0 for the preamble before the first heading. */
  level: number;
  /** Breadcrumb: ancestor titles, then this section's own title. */
  path: string[];
  file: string;
  /** 1-based line of the heading (1 for a preamble). */
  line: number;
  /** 1-based last line of the section (inclusive). */
  endLine: number;
  /** Text under the heading, trimmed, markdown kept. */
  body: string;
  /** Heading lower-cased, only letters, digits, spaces and hyphens, spaces to hyphens; unique in the note. */
  slug: string;
}

/** A flashcard written in the note with Obsidian Spaced Repetition syntax. */
export interface NoteCard {
  /** 12 hex chars of sha1 over the file identity and the normalised front and back. */
  id: string;
  /** `reversed` is one card that the scheduler studies in both directions. */
  kind: 'basic' | 'reversed' | 'cloze' | 'multiline';
  front: string;
  back: string;
  file: string;
  /** 1-based line where the card starts (the question's first line). */
  line: number;
  sectionId?: string;
}

/** Something the parser skipped or could not read; parsing carries on. */
export interface ParseWarning { file: string; line: number; message: string }

/** The shape of note the parser recognised. */
export type NoteFormat = 'markdown' | 'outline' | 'plain' | 'table';

export interface ParsedNote {
  file: string;
  /** Front-matter `title`, else the first level-1 heading, else the file name without extension. */
  title: string;
  frontMatter: Record<string, string | string[]>;
  sections: NoteSection[];
  cards: NoteCard[];
  warnings: ParseWarning[];
  format: NoteFormat;
}

/** Why a file was not parsed at all. */
export type SkipReason = 'binary' | 'empty' | 'too-large' | 'undecodable';
