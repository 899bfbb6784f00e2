/**
 * The flashcard review view. It shows what the host sends and reports what the learner does:
 * Space or Enter (or a click) reveals the answer, 1-4 grade, U or Ctrl/Cmd+Z undo. The session
 * and every grade live in the extension host; this page only remembers which deck it shows.
 */
import type { ActionId, FlashcardsFromWebview, FlashcardsToWebview, FlashcardsWebviewState, Rating } from '../../protocol/flashcards';
import { bridge, h } from '../shared/vscodeApi';
import {
  actionButtons, deckBar, face, formatDuration, gradeButtons, icon, progressBar, richText, tile,
  type CardMessage, type EmptyMessage, type ErrorMessage, type SummaryMessage,
} from './render';

const host = bridge<FlashcardsFromWebview, FlashcardsWebviewState>();
const app = document.getElementById('app')!;
let shown: FlashcardsToWebview | undefined;
let revealed = false;

window.addEventListener('message', (e: MessageEvent<FlashcardsToWebview>) => {
  const m = e.data;
  shown = m;
  app.removeAttribute('aria-busy');
  if (m.type !== 'error') host.save({ scope: m.deck.scope, mode: m.deck.mode });
  switch (m.type) {
    case 'card': showCard(m); break;
    case 'summary': showSummary(m); break;
    case 'empty': showEmpty(m); break;
    case 'error': showError(m); break;
  }
});

function showCard(m: CardMessage): void {
  revealed = m.revealed;
  const origin = h('div', { class: 'origin' }, h('span', { class: `state state-${m.card.state}` }, m.card.state), ` ${m.card.origin}`);
  if (m.card.canOpenSource) {
    const open = h('button', { type: 'button', class: 'link source', title: 'Open where this card comes from' }, icon('go-to-file'), ' Open source');
    open.addEventListener('click', () => host.post({ type: 'openSource', cardId: m.card.id }));
    origin.append(open);
  }
  const card = h('section', { class: 'card', 'aria-label': 'Flashcard' }, origin, face('front', 'Question', m.card.front));
  const controls = h('div', { class: 'controls' });
  if (revealed) {
    card.append(h('hr', { class: 'divider' }), face('back', 'Answer', m.card.back));
    controls.append(gradeButtons(m.grades, (r) => grade(m, r)));
  } else {
    const reveal = h('button', { type: 'button', class: 'primary reveal', 'aria-keyshortcuts': 'Space Enter' }, 'Show answer ', h('kbd', {}, 'Space'));
    reveal.addEventListener('click', () => doReveal(m));
    controls.append(reveal);
    card.addEventListener('click', (e) => { if (!(e.target as Element).closest('a, button')) doReveal(m); });
    card.classList.add('clickable');
  }
  app.replaceChildren(deckBar(m), progressBar(m.progress), card, controls, hints(m.canUndo, revealed));
  announce(revealed ? 'Answer shown. Grade with 1 to 4.' : 'Next card. Press Space to show the answer.');
  focusFirst(revealed ? '.grade-good' : '.reveal');
}

function doReveal(m: CardMessage): void {
  if (revealed) return;
  host.post({ type: 'reveal', cardId: m.card.id });
  showCard({ ...m, revealed: true });
}

function grade(m: CardMessage, rating: Rating): void {
  if (!revealed) return;
  revealed = false;
  for (const b of app.querySelectorAll<HTMLButtonElement>('.grade')) b.disabled = true;
  host.post({ type: 'grade', cardId: m.card.id, rating });
}

function showSummary(m: SummaryMessage): void {
  const s = m.summary;
  const title = m.deck.mode === 'cram' ? 'Cram session complete' : 'Session complete';
  const tiles = h('div', { class: 'tiles' },
    tile('cards reviewed', String(s.reviewed), s.newStudied ? `${s.newStudied} new` : undefined),
    tile('again rate', s.againRate === undefined ? '–' : `${Math.round(s.againRate * 100)}%`, `${s.again} forgotten`),
    tile('time spent', formatDuration(s.timeMs), s.reviewed ? `${formatDuration(s.timeMs / s.reviewed)} per card` : undefined));
  const next = h('section', { class: 'next', 'aria-label': 'Due next' }, h('h2', {}, 'Due next'),
    ...(s.next.length ? s.next : ['Nothing scheduled in this deck yet.']).map((line) => h('p', {}, line)));
  app.replaceChildren(deckBar(m), h('div', { class: 'panel' }, h('h1', {}, icon('pass-filled'), ` ${title}`), tiles, next, actionButtons(m.actions, act)), hints(m.canUndo, undefined));
  announce(`${title}. ${s.reviewed} cards reviewed.`);
  focusFirst('.actions button');
}

function showEmpty(m: EmptyMessage): void {
  app.replaceChildren(deckBar(m), h('div', { class: 'panel empty' },
    h('h1', {}, icon('coffee'), ` ${m.title}`), h('p', { class: 'detail' }, ...richText(m.detail)), actionButtons(m.actions, act)), hints(m.canUndo, undefined));
  announce(m.title);
  focusFirst('.actions button');
}

function showError(m: ErrorMessage): void {
  app.replaceChildren(h('div', { class: 'panel error' },
    h('h1', {}, icon('warning'), ` ${m.title}`), h('p', { class: 'detail' }, m.detail), actionButtons(m.actions, act)));
  focusFirst('.actions button');
}

function act(action: ActionId): void { host.post({ type: 'action', action }); }

/** Undo, and the keys that work on what is on screen (none outside a card; nothing when there is nothing to undo). */
function hints(canUndo: boolean, isRevealed: boolean | undefined): HTMLElement | string {
  if (isRevealed === undefined && !canUndo) return '';
  const undo = h('button', { type: 'button', class: 'link undo', disabled: !canUndo, 'aria-keyshortcuts': 'U Control+Z Meta+Z' }, icon('discard'), ' Undo last grade ', h('kbd', {}, 'U'));
  undo.addEventListener('click', () => host.post({ type: 'undo' }));
  const keys = isRevealed === undefined ? []
    : isRevealed ? [h('kbd', {}, '1'), ' Again ', h('kbd', {}, '2'), ' Hard ', h('kbd', {}, '3'), ' Good ', h('kbd', {}, '4'), ' Easy']
      : [h('kbd', {}, 'Space'), ' show answer'];
  return h('footer', { class: 'hints' }, undo, h('span', { class: 'keys muted' }, ...keys));
}

function focusFirst(selector: string): void {
  app.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
}

const live = h('div', { class: 'sr-only', 'aria-live': 'polite', role: 'status' });
document.body.append(live);
function announce(text: string): void { live.textContent = text; }

document.addEventListener('keydown', (e) => {
  if (e.altKey) return;
  const onButton = (e.target as Element | null)?.closest('button, a');
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); host.post({ type: 'undo' }); return; }
  if (e.ctrlKey || e.metaKey) return;
  if (e.key === 'u' || e.key === 'U') { e.preventDefault(); host.post({ type: 'undo' }); return; }
  if (shown?.type !== 'card') return;
  const m = shown;
  if ((e.key === ' ' || e.key === 'Enter') && !revealed && !onButton) { e.preventDefault(); doReveal(m); return; }
  if ((e.key === ' ' || e.key === 'Enter') && !revealed && onButton?.classList.contains('reveal')) { e.preventDefault(); doReveal(m); return; }
  if (revealed && /^[1-4]$/.test(e.key)) { e.preventDefault(); grade(m, Number(e.key) as Rating); }
});

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest('a[data-href]');
  if (!a) return;
  e.preventDefault();
  const href = a.getAttribute('data-href') ?? '';
  if (!href.startsWith('#')) host.post({ type: 'openLink', href });
});

host.post({ type: 'ready' });
