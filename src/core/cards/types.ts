/**
 * Flashcards as the scheduler and the review view see them: one face pair per card, whatever the
 * source (the glossary, the bundled notes' authored cards, the learner's own notes). Card ids are
 * stable across content updates as long as the card's source text is unchanged, so review history
 * is keyed by them and never by position.
 */

export type CardSource = 'glossary' | 'note' | 'user';

export interface StudyCard {
  /**
   * `g:<entryId>` and `g:<entryId>:rev` for glossary terms, `n:<noteCardId>` and
   * `n:<noteCardId>:rev` for authored note cards, `u:<hash>` and `u:<hash>:rev` for the
   * learner's own notes.
   */
  id: string;
  source: CardSource;
  /** Markdown of the question side. */
  front: string;
  /** Markdown of the answer side. */
  back: string;
  /** Where the card comes from, for a breadcrumb: a note title, "Glossary", a file name. */
  origin: string;
  /** Exam task references such as `aif-c01:3.1` (empty for the learner's own cards). */
  tasks: string[];
  /** Bundled note that teaches the card (note cards, and glossary cards anchored in a note). */
  noteId?: string;
  /** Section slug in that note. */
  slug?: string;
  /** Glossary entry of a glossary card. */
  entryId?: string;
  /** The learner's note file (as the host gave it) and 1-based line. */
  file?: string;
  line?: number;
}

/** Which cards a review covers. Mirrors the progress Scope, plus single glossary terms. */
export type DeckScope =
  | { kind: 'all' }
  | { kind: 'exam'; exam: string }
  | { kind: 'domain'; exam: string; domain: number }
  | { kind: 'task'; exam: string; task: string }
  | { kind: 'note'; noteId: string }
  | { kind: 'myNotes' }
  | { kind: 'term'; entryId: string };
