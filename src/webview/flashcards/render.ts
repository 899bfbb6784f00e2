/** DOM for each thing the flashcard view shows: a card, the session summary, the empty and error states. */
import type { ActionId, ActionView, FlashcardsToWebview, GradeView, ProgressView } from '../../protocol/flashcards';
import { h } from '../shared/vscodeApi';

export type CardMessage = Extract<FlashcardsToWebview, { type: 'card' }>;
export type SummaryMessage = Extract<FlashcardsToWebview, { type: 'summary' }>;
export type EmptyMessage = Extract<FlashcardsToWebview, { type: 'empty' }>;
export type ErrorMessage = Extract<FlashcardsToWebview, { type: 'error' }>;

export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

export function deckBar(m: CardMessage | SummaryMessage | EmptyMessage): HTMLElement {
  const bar = h('header', { class: 'deck-bar' },
    h('span', { class: 'deck-title' }, icon(m.deck.mode === 'cram' ? 'flame' : 'mortar-board'), ` ${m.deck.title}`));
  if (m.deck.mode === 'cram') bar.append(h('span', { class: 'badge cram', title: 'Cram mode: grades do not change the schedule' }, 'Cram · schedule unchanged'));
  if (m.type === 'card') bar.append(m.deck.mode === 'cram' ? cramCounts(m.progress) : counts(m.progress));
  return bar;
}

/** Cram goes through every card of the deck, due or not: "due" and "new" would mislead there. */
function cramCounts(p: ProgressView): HTMLElement {
  const left = p.due + p.fresh + p.learning;
  return h('span', { class: 'counts', role: 'status', 'aria-label': `${p.reviewed} reviewed so far; ${left} left in this cram session` },
    h('span', { class: 'count due', title: 'Cards left in this cram session' }, String(left)), ' left · ',
    h('span', { class: 'count reviewed', title: 'Cards gone through so far' }, String(p.reviewed)), ' done');
}

function counts(p: ProgressView): HTMLElement {
  const parts = [`${p.due} to review`, `${p.fresh} new`, `${p.learning} learning`];
  return h('span', { class: 'counts', role: 'status', 'aria-label': `${p.reviewed} reviewed so far; ${parts.join(', ')}` },
    h('span', { class: 'count due', title: 'Cards due in this session' }, String(p.due)), ' due · ',
    h('span', { class: 'count new', title: 'New cards in this session' }, String(p.fresh)), ' new · ',
    h('span', { class: 'count learning', title: 'Cards in learning, coming back in minutes' }, String(p.learning)), ' learning');
}

export function progressBar(p: ProgressView): HTMLElement {
  const total = p.reviewed + p.due + p.fresh;
  const pct = total ? Math.round((p.reviewed / total) * 100) : 0;
  const bar = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct), 'aria-label': 'Session progress' });
  const fill = h('div', { class: 'progress-fill' });
  fill.style.width = `${pct}%`;
  bar.append(fill);
  return bar;
}

/** A card face: HTML rendered by markdown-it on the host with raw HTML disabled. */
export function face(cls: string, label: string, html: string): HTMLElement {
  const el = h('div', { class: `face ${cls} markdown-body`, role: 'region', 'aria-label': label });
  el.innerHTML = html;
  return el;
}

export function gradeButtons(grades: GradeView[], onGrade: (r: GradeView['rating']) => void): HTMLElement {
  const group = h('div', { class: 'grades', role: 'group', 'aria-label': 'How well did you remember? Keys 1 to 4' });
  for (const g of grades) {
    const b = h('button', { type: 'button', class: `grade grade-${g.name.toLowerCase()}`, 'data-rating': String(g.rating), 'aria-label': `${g.name}, next review ${g.interval === 'done' || g.interval === 'again' ? g.interval : `in ${g.interval}`} (key ${g.rating})`, 'aria-keyshortcuts': String(g.rating) },
      h('span', { class: 'grade-name' }, g.name),
      h('span', { class: 'grade-interval' }, g.interval),
      h('kbd', {}, String(g.rating)));
    b.addEventListener('click', () => onGrade(g.rating));
    group.append(b);
  }
  return group;
}

export function actionButtons(list: ActionView[], onAction: (a: ActionId) => void): HTMLElement {
  const nav = h('nav', { class: 'actions', 'aria-label': 'What next' });
  for (const a of list) {
    const b = h('button', { type: 'button', class: a.primary ? 'primary' : 'secondary', 'data-action': a.id }, icon(a.icon), ` ${a.label}`);
    b.addEventListener('click', () => onAction(a.id));
    nav.append(b);
  }
  return nav;
}

/** Text with `code` spans, built as nodes (never HTML). */
export function richText(text: string): (Node | string)[] {
  return text.split(/(`[^`]+`)/).filter(Boolean).map((part) => part.startsWith('`') && part.endsWith('`') ? h('code', {}, part.slice(1, -1)) : part);
}

export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 1000) return '<1s';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

export function tile(label: string, value: string, note?: string): HTMLElement {
  return h('div', { class: 'tile' }, h('div', { class: 'tile-value' }, value), h('div', { class: 'tile-label' }, label), note ? h('div', { class: 'tile-note' }, note) : undefined);
}
