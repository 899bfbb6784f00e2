/** Turns parsed notes and glossary entries into search documents. */
import type { ParsedNote } from '../notes/types';
import type { GlossaryEntry } from '../content/schema';
import type { SearchDoc } from './index';

/** What a note needs to be searched: the parser's notes and the bundle's notes both have it. */
export type SearchableNote = Pick<ParsedNote, 'file' | 'sections'>;

/** Bundled notes end with a "Review cards" section in card syntax: the facts are in the note already. */
const CARD_SECTION = /^review cards$/i;

export function noteDocs(note: SearchableNote, source: SearchDoc['source'], file = note.file): SearchDoc[] {
  return note.sections
    .filter((s) => s.title.trim() || s.body.trim())
    .filter((s) => source !== 'bundled' || !CARD_SECTION.test(s.title.trim()))
    .map((s) => ({ id: s.id, title: s.title, path: s.path, file, line: s.line, body: s.body, source }));
}

export function glossaryDocs(entries: readonly GlossaryEntry[]): SearchDoc[] {
  return entries.map((e) => ({
    id: `glossary:${e.id}`,
    title: e.term,
    path: ['Glossary', e.term],
    file: `glossary:${e.id}`,
    line: 1,
    body: [e.definition, e.tip ?? '', e.aliases.join(', ')].join('\n'),
    source: 'glossary' as const,
  }));
}

/**
 * The documents of the bundled content in the order the prepared index numbers them: each note's
 * sections, then the glossary. The build indexes exactly these, and the extension makes them again
 * from the bundle's notes and glossary, so content.json does not carry their text twice.
 */
export function bundledDocs(notes: readonly SearchableNote[], glossary: readonly GlossaryEntry[]): SearchDoc[] {
  return [...notes.flatMap((n) => noteDocs(n, 'bundled')), ...glossaryDocs(glossary)];
}
