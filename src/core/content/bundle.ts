/**
 * The built-in corpus as the extension uses it: prepared at build time from content/ into
 * dist/content.json, so activation reads one file and builds nothing.
 */
import type { Exam, GlossaryEntry, Question } from './schema';
import type { NoteCard, NoteSection } from '../notes/types';
import type { SearchIndexJSON } from '../search/index';

export interface BundledNote {
  id: string;
  title: string;
  /** Path relative to content/, e.g. notes/bedrock-api.md. */
  file: string;
  /** Task references such as aif-c01:3.1. */
  tasks: string[];
  /** Exams whose overview lists this note directly (front matter `exams:`), above the domains. */
  exams?: string[];
  sections: NoteSection[];
  cards: NoteCard[];
}

export interface ContentBundle {
  version: 1;
  exams: Exam[];
  notes: BundledNote[];
  glossary: GlossaryEntry[];
  questions: Question[];
  /** The prepared search index, without text: its documents are made again from `notes` and `glossary` (search/docs.ts `bundledDocs`). */
  search: SearchIndexJSON;
}

/** `aif-c01:3.1` -> { exam: 'aif-c01', task: '3.1', domain: 3 }. */
export function parseTaskRef(ref: string): { exam: string; task: string; domain: number } | undefined {
  const m = /^(aif-c01|mla-c01):(\d)\.(\d)$/.exec(ref.trim());
  return m ? { exam: m[1], task: `${m[2]}.${m[3]}`, domain: Number(m[2]) } : undefined;
}
