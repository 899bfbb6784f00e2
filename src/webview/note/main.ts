/** The note viewer: shows a rendered note, routes its links to the host, remembers where it was. */
import type { NoteCommand, NoteFromWebview, NoteToWebview } from '../../protocol/note';
import { bridge, h } from '../shared/vscodeApi';

interface State { noteId: string; slug?: string }

const host = bridge<NoteFromWebview, State>();
const app = document.getElementById('app')!;

window.addEventListener('message', (e: MessageEvent<NoteToWebview>) => {
  const m = e.data;
  if (m.type === 'show') show(m);
  else if (m.type === 'scrollTo') scrollToSlug(m.slug);
});

function show(m: Extract<NoteToWebview, { type: 'show' }>): void {
  app.removeAttribute('aria-busy');
  const toolbar = h('nav', { class: 'toolbar', 'aria-label': 'Note actions' },
    ...(m.canGoBack ? [button('arrow-left', 'Back', 'back', 'Back to the previous note (Alt+Left)')] : []),
    button('mortar-board', 'Review flashcards', 'review'),
    button('question', 'Quiz me', 'quiz'),
    button('search', 'Search notes', 'search'));
  const article = h('article', { class: 'note markdown-body', tabindex: '-1' });
  // The HTML comes from markdown-it on the host with raw HTML disabled.
  article.innerHTML = m.html;
  app.replaceChildren(h('p', { class: 'breadcrumb' }, m.breadcrumb), toolbar, article);
  host.save({ noteId: m.noteId, slug: m.scrollTo });
  reported = m.scrollTo ?? '';
  if (m.scrollTo) scrollToSlug(m.scrollTo);
  else window.scrollTo(0, 0);
}

/**
 * While the learner scrolls, the host hears which section is at the top ('' above the first
 * heading), so Back and a reload return to where they were reading, not to where the note opened.
 */
let reported = '';
let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(reportSection, 250);
}, { passive: true });

function reportSection(): void {
  let top = '';
  for (const el of document.querySelectorAll<HTMLElement>('article :is(h1, h2, h3, h4)[id]')) {
    if (el.getBoundingClientRect().top > 80) break;
    top = el.id;
  }
  const s = host.state();
  if (!s || top === reported) return;
  reported = top;
  host.post({ type: 'scrolled', noteId: s.noteId, slug: top });
  host.save({ ...s, slug: top || undefined });
}

function button(icon: string, label: string, command: NoteCommand, title?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'secondary', title }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), ` ${label}`);
  b.addEventListener('click', () => host.post({ type: 'command', command }));
  return b;
}

function scrollToSlug(slug: string): void {
  const target = document.getElementById(slug);
  if (!target) return;
  target.scrollIntoView({ block: 'start' });
  target.classList.add('flash');
  setTimeout(() => target.classList.remove('flash'), 1500);
  const s = host.state();
  if (s) host.save({ ...s, slug });
}

document.addEventListener('click', (e) => {
  const a = (e.target as Element).closest('a[data-href]');
  if (!a) return;
  e.preventDefault();
  const href = a.getAttribute('data-href') ?? '';
  if (href.startsWith('#')) { scrollToSlug(href.slice(1)); return; }
  // Where the learner is now, before leaving: Back returns here (a scroll may not be reported yet).
  window.clearTimeout(scrollTimer);
  reportSection();
  host.post({ type: 'openLink', href });
});

host.post({ type: 'ready' });
