/** Test-data builders for the flashcard tests: a tiny content bundle and a settable clock. */
import type { BundledNote, ContentBundle } from '../../../src/core/content/bundle';
import type { GlossaryEntry } from '../../../src/core/content/schema';
import type { NoteCard } from '../../../src/core/notes/types';
import type { StudyCard } from '../../../src/core/cards/types';

export class TestClock {
  constructor(private t: Date) {}
  now = (): Date => new Date(this.t.getTime());
  set(d: Date): void { this.t = new Date(d.getTime()); }
  advance(ms: number): void { this.t = new Date(this.t.getTime() + ms); }
  minutes(n: number): void { this.advance(n * 60_000); }
  days(n: number): void { const d = new Date(this.t.getTime()); d.setDate(d.getDate() + n); this.t = d; }
}

/** Monday 6 January 2025, 09:00 local time. */
export const MONDAY_9AM = new Date(2025, 0, 6, 9, 0, 0);

export function card(id: string, over: Partial<StudyCard> = {}): StudyCard {
  return { id, source: 'note', front: `Front of ${id}`, back: `Back of ${id}`, origin: 'Test note', tasks: ['aif-c01:3.1'], ...over };
}

export function noteCard(id: string, kind: NoteCard['kind'], front: string, back: string): NoteCard {
  return { id, kind, front, back, file: 'notes/test.md', line: 1 };
}

export function note(id: string, tasks: string[], cards: NoteCard[]): BundledNote {
  return { id, title: `Note ${id}`, file: `notes/${id}.md`, tasks, sections: [], cards };
}

export function entry(id: string, kind: GlossaryEntry['kind'], over: Partial<GlossaryEntry> = {}): GlossaryEntry {
  return {
    id, term: id.replace(/-/g, ' '), aliases: [], kind, related: [],
    definition: `The definition of ${id.replace(/-/g, ' ')}, long enough to be valid.`, ...over,
  };
}

export function bundle(notes: BundledNote[], glossary: GlossaryEntry[] = []): Pick<ContentBundle, 'notes' | 'glossary'> {
  return { notes, glossary };
}
