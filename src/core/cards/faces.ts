/**
 * Card faces from the raw sides a source gives: cloze answers shown in their sentence, reversed
 * directions, and glossary definitions with the term masked so the reverse card does not give
 * itself away.
 */
import type { GlossaryEntry } from '../content/schema';
import type { NoteCard } from '../notes/types';

export interface Faces { front: string; back: string; suffix: '' | ':rev' }

/** One or two face pairs for a note card: `reversed` cards are studied in both directions. */
export function noteCardFaces(card: Pick<NoteCard, 'kind' | 'front' | 'back'>): Faces[] {
  if (card.kind === 'cloze') return [{ front: card.front, back: clozeBack(card.front, card.back), suffix: '' }];
  const forward: Faces = { front: card.front, back: card.back, suffix: '' };
  if (card.kind !== 'reversed') return [forward];
  return [forward, { front: card.back, back: card.front, suffix: ':rev' }];
}

/** The cloze sentence with the hidden text put back, in bold. */
export function clozeBack(front: string, hidden: string): string {
  const at = front.indexOf('[...]');
  return at < 0 ? hidden : `${front.slice(0, at)}**${hidden}**${front.slice(at + 5)}`;
}

/** Kinds whose definition identifies the term well enough to be asked the other way round. */
export const REVERSIBLE_KINDS: ReadonlySet<GlossaryEntry['kind']> = new Set(['service', 'concept', 'technique', 'feature', 'metric']);

export function glossaryFaces(entry: GlossaryEntry): Faces[] {
  const back = entry.tip ? `${entry.definition}\n\n**Exam tip:** ${entry.tip}` : entry.definition;
  const faces: Faces[] = [{ front: `What is **${escapeMarkdown(entry.term)}**?`, back, suffix: '' }];
  if (REVERSIBLE_KINDS.has(entry.kind)) {
    const clue = maskTerm(entry.definition, [entry.term, ...entry.aliases]);
    faces.push({ front: `Which ${entry.kind} is this?\n\n> ${clue}`, back: `**${escapeMarkdown(entry.term)}**\n\n${entry.definition}`, suffix: ':rev' });
  }
  return faces;
}

const MASK = '\\_\\_\\_';

/** Replaces every spelling of the term (whole words, any case) with a blank. */
export function maskTerm(text: string, forms: readonly string[]): string {
  const sorted = [...new Set(forms.map((f) => f.trim()).filter((f) => f.length >= 2))].sort((a, b) => b.length - a.length);
  if (!sorted.length) return text;
  const pattern = sorted.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'), MASK);
}

/** Terms like `top_p` or `*args` must not turn into emphasis. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_[\]])/g, '\\$1');
}
