/** Builds what the review webview shows (card, summary, empty state) from the session and the progress. */
import type MarkdownIt from 'markdown-it';
import type { DeckScope, StudyCard } from '../../core/cards/types';
import type { ReviewBook } from '../../core/srs/book';
import { describeWait } from '../../core/srs/interval';
import { RATINGS, RATING_NAMES } from '../../core/srs/scheduler';
import type { DeckCounts } from '../../core/srs/queue';
import type { ReviewSession } from '../../core/srs/session';
import { outlook } from '../../core/srs/stats';
import type { ActionId, ActionView, CardView, DeckView, FlashcardsToWebview, SummaryView } from '../../protocol/flashcards';

const STATE_NAMES = ['new', 'learning', 'review', 'relearning'];
export const EXTRA_NEW = 10;

const ACTION_LABELS: Record<ActionId, { label: string; icon: string }> = {
  continue: { label: 'Keep going', icon: 'debug-continue' },
  studyNew: { label: `Study ${EXTRA_NEW} more new cards`, icon: 'add' },
  cram: { label: 'Cram this deck', icon: 'flame' },
  review: { label: 'Back to scheduled review', icon: 'calendar' },
  allDecks: { label: 'Review all decks', icon: 'layers' },
  quiz: { label: 'Take a quick quiz', icon: 'question' },
  stats: { label: 'Statistics', icon: 'graph' },
  openNotes: { label: 'Show My Notes', icon: 'notebook' },
  close: { label: 'Close', icon: 'close' },
};

export function actions(ids: ActionId[], primary?: ActionId): ActionView[] {
  return ids.map((id) => ({ id, ...ACTION_LABELS[id], primary: id === primary || undefined }));
}

export function cardMessage(session: ReviewSession, card: StudyCard, book: ReviewBook, md: MarkdownIt, deck: DeckView, revealed: boolean): FlashcardsToWebview {
  const labels = session.previews()!;
  const s = book.get(card.id);
  const view: CardView = {
    id: card.id, front: md.render(card.front), back: md.render(card.back), origin: card.origin,
    state: STATE_NAMES[s?.st ?? 0], canOpenSource: !!(card.noteId || card.file),
  };
  const r = session.remaining();
  return {
    type: 'card', deck, card: view, revealed,
    grades: RATINGS.map((rating) => ({ rating, name: RATING_NAMES[rating], interval: labels[rating] })),
    progress: { reviewed: session.stats.reviewed, due: r.due, fresh: r.fresh, learning: r.learning },
    canUndo: session.canUndo,
  };
}

export function summaryMessage(session: ReviewSession, cards: readonly StudyCard[], book: ReviewBook, now: Date, deck: DeckView, counts: DeckCounts): FlashcardsToWebview {
  const st = session.stats;
  const summary: SummaryView = {
    reviewed: st.reviewed, again: st.again, againRate: st.reviewed ? st.again / st.reviewed : undefined,
    timeMs: st.timeMs, newStudied: st.newStudied, next: nextLines(cards, book, now),
  };
  const ids: ActionId[] = [];
  if (deck.mode === 'review' && counts.fresh > 0) ids.push('studyNew');
  ids.push(deck.mode === 'cram' ? 'review' : 'cram', 'quiz', 'stats', 'close');
  return { type: 'summary', deck, summary, actions: actions(ids, ids[0]), canUndo: session.canUndo };
}

/** The empty state: never a dead end. */
export function emptyMessage(scope: DeckScope, cards: readonly StudyCard[], book: ReviewBook, now: Date, deck: DeckView, counts: DeckCounts, canUndo: boolean): FlashcardsToWebview {
  if (!cards.length) {
    if (scope.kind === 'myNotes') {
      return {
        type: 'empty', deck, canUndo, title: 'Your notes have no flashcards yet',
        detail: 'Write `question::answer` on a line, `question:::answer` to study both ways, or hide words with `==cloze==` in any note file of this workspace. They show up here as cards.',
        actions: actions(['allDecks', 'openNotes', 'quiz'], 'allDecks'),
      };
    }
    return {
      type: 'empty', deck, canUndo, title: 'No flashcards here',
      detail: 'This deck has no cards. The bundled notes and the glossary have hundreds: review all decks, or test yourself with a quick quiz.',
      actions: actions(['allDecks', 'quiz', 'stats'], 'allDecks'),
    };
  }
  const next = nextLines(cards, book, now);
  const ids: ActionId[] = [];
  let title = 'Nothing due: study new cards, cram or quiz';
  if (counts.fresh > 0) ids.push('studyNew');
  else title = 'Nothing due: cram or quiz';
  ids.push('cram', 'quiz');
  if (scope.kind !== 'all') ids.push('allDecks');
  ids.push('stats');
  const limit = counts.fresh > 0 ? `You have studied today's new cards (${counts.fresh} more wait in this deck). ` : 'You have studied every card in this deck. ';
  return { type: 'empty', deck, canUndo, title, detail: `${limit}${next.join(' ')}`.trim(), actions: actions(ids, ids[0]) };
}

function nextLines(cards: readonly StudyCard[], book: ReviewBook, now: Date): string[] {
  const o = outlook(cards, book, now);
  const t = now.getTime();
  const lines: string[] = [];
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  if (o.dueNow) lines.push(`${n(o.dueNow, 'card')} still due now.`);
  if (o.learningLater && o.nextLearningAt) lines.push(`${n(o.learningLater, 'card')} in learning come${o.learningLater === 1 ? 's' : ''} back ${describeWait(o.nextLearningAt - t)}.`);
  if (o.dueTomorrow) lines.push(`${n(o.dueTomorrow, 'card')} due tomorrow.`);
  if (!lines.length && o.nextDueAt) lines.push(`Next card due ${describeWait(o.nextDueAt - t)}.`);
  return lines;
}
