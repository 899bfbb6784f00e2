/**
 * Builds every flashcard the learner can study: a card per glossary term (and the reverse for
 * services, concepts and the like), the authored cards of the bundled notes, and the cards in the
 * learner's own notes. Cards come out in a stable order: notes in bundle order, then the glossary,
 * then the learner's files.
 */
import { createHash } from 'node:crypto';
import type { ContentBundle } from '../content/bundle';
import type { ParsedNote } from '../notes/types';
import { glossaryFaces, noteCardFaces } from './faces';
import type { StudyCard } from './types';

/** A learner's note with a path that is the same on every machine (relative to its workspace folder). */
export interface UserNoteInput { note: ParsedNote; relPath: string }

export function buildDeck(bundle: Pick<ContentBundle, 'notes' | 'glossary'>, userNotes: readonly UserNoteInput[] = []): StudyCard[] {
  return [...noteCards(bundle), ...glossaryCards(bundle), ...userCards(userNotes)];
}

function noteCards(bundle: Pick<ContentBundle, 'notes'>): StudyCard[] {
  const out: StudyCard[] = [];
  for (const note of bundle.notes) {
    for (const card of note.cards) {
      const slug = card.sectionId?.split('#')[1];
      for (const f of noteCardFaces(card)) {
        out.push({ id: `n:${card.id}${f.suffix}`, source: 'note', front: f.front, back: f.back, origin: note.title, tasks: note.tasks, noteId: note.id, slug });
      }
    }
  }
  return out;
}

function glossaryCards(bundle: Pick<ContentBundle, 'notes' | 'glossary'>): StudyCard[] {
  const notes = new Map(bundle.notes.map((n) => [n.id, n]));
  const out: StudyCard[] = [];
  for (const entry of bundle.glossary) {
    const [noteId, slug] = entry.note?.split('#') ?? [];
    const note = noteId ? notes.get(noteId) : undefined;
    for (const f of glossaryFaces(entry)) {
      out.push({
        id: `g:${entry.id}${f.suffix}`, source: 'glossary', front: f.front, back: f.back,
        origin: note ? `Glossary · ${note.title}` : 'Glossary', tasks: note?.tasks ?? [],
        noteId: note?.id, slug: note ? slug : undefined, entryId: entry.id,
      });
    }
  }
  return out;
}

function userCards(notes: readonly UserNoteInput[]): StudyCard[] {
  const out: StudyCard[] = [];
  for (const { note, relPath } of notes) {
    const seen = new Map<string, number>();
    for (const card of note.cards) {
      const base = userCardId(relPath, card.front, card.back, seen);
      for (const f of noteCardFaces(card)) {
        out.push({ id: `u:${base}${f.suffix}`, source: 'user', front: f.front, back: f.back, origin: relPath, tasks: [], file: note.file, line: card.line });
      }
    }
  }
  return out;
}

/**
 * 12 hex chars over the workspace-relative path and the card's text, so the id is the same on
 * every machine the learner syncs to; identical cards in one file are told apart by their order.
 */
export function userCardId(relPath: string, front: string, back: string, seen: Map<string, number>): string {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const key = `${relPath.replace(/\\/g, '/')}\u0000${norm(front)}\u0000${norm(back)}`;
  const n = (seen.get(key) ?? 0) + 1;
  seen.set(key, n);
  return createHash('sha1').update(n === 1 ? key : `${key}\u0000#${n}`, 'utf8').digest('hex').slice(0, 12);
}
