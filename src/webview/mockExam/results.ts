/**
 * Results of a finished attempt: the scaled score with pass or fail, the raw percentage and how
 * the estimate is made, the per-domain chart with the domains that need work and links to study
 * them, the score trend, and review mode (every question against its key, filterable).
 */
import type { MockExamFromWebview, ResultView, ReviewItem } from '../../protocol/mockExam';
import { h } from '../shared/vscodeApi';
import { domainChart, trendChart } from './charts';
import { html } from './controls';
import { feedbackBlock } from './feedback';
import { clock, dateTime, plural } from './format';

type Post = (m: MockExamFromWebview) => void;

export function renderResults(root: HTMLElement, v: ResultView, post: Post, openReview: () => void): void {
  const weak = v.domains.filter((d) => d.weak);
  const mistakes = v.review.filter((r) => !r.correct).length;
  const time = v.timeLimitMs ? `${clock(v.timeUsedMs)} of ${clock(v.timeLimitMs)}` : clock(v.timeUsedMs);
  const card = h('section', { class: `score-card ${v.passed ? 'pass' : 'fail'}`, 'aria-labelledby': 'score-title' },
    h('h2', { id: 'score-title', class: 'visually-hidden' }, 'Score'),
    h('div', { class: 'score-main' },
      h('span', { class: 'scaled' }, String(v.scaled)),
      h('span', { class: 'scale muted' }, ` / ${v.scoreMax}`),
      h('span', { class: `badge ${v.passed ? 'pass' : 'fail'}` }, h('span', { class: `codicon codicon-${v.passed ? 'pass-filled' : 'error'}`, 'aria-hidden': 'true' }), v.passed ? ' Pass' : ' Fail')),
    h('dl', { class: 'score-facts' },
      h('div', {}, h('dt', {}, 'Pass mark'), h('dd', {}, `${v.passingScore}`)),
      h('div', {}, h('dt', {}, 'Raw score'), h('dd', {}, `${v.correct} of ${v.total} correct · ${v.percent}%`)),
      h('div', {}, h('dt', {}, 'Answered'), h('dd', {}, `${v.answered} of ${v.total}`)),
      h('div', {}, h('dt', {}, 'Time used'), h('dd', {}, time))),
    h('p', { class: 'score-note muted' }, h('span', { class: 'codicon codicon-info', 'aria-hidden': 'true' }), ` ${v.scoreNote}`));

  const actions = h('div', { class: 'actions' },
    button('eye', 'Review answers', 'primary', openReview),
    mistakes ? button('history', `Retry mistakes`, 'secondary', () => post({ type: 'command', command: 'retryMistakes', exam: v.exam })) : '',
    button('play', 'New mock exam', 'secondary', () => post({ type: 'command', command: 'start', exam: v.exam })),
    button('graph-line', 'History', 'secondary', () => post({ type: 'command', command: 'history' })));

  const domains = h('section', { class: 'domains', 'aria-labelledby': 'domains-title' },
    h('h2', { id: 'domains-title' }, 'By domain'),
    domainChart(v.domains, v.passPercent),
    weak.length ? h('div', { class: 'weak-list' },
      h('h3', {}, h('span', { class: 'codicon codicon-warning', 'aria-hidden': 'true' }), ` Needs work: ${plural(weak.length, 'domain')} below the pass mark`),
      h('ul', {}, ...weak.map((d) => {
        const cards = button('mortar-board', 'Review flashcards', 'secondary small', () => post({ type: 'reviewDomain', exam: v.exam, domain: d.domain, how: 'flashcards' }));
        const quiz = button('question', 'Quick quiz', 'secondary small', () => post({ type: 'reviewDomain', exam: v.exam, domain: d.domain, how: 'quiz' }));
        const notes = d.notes.map((n) => {
          const a = h('a', { href: '#' }, n.title);
          a.addEventListener('click', (e) => { e.preventDefault(); post({ type: 'openNote', noteId: n.noteId, slug: n.slug }); });
          return h('li', {}, h('span', { class: 'codicon codicon-book', 'aria-hidden': 'true' }), ' ', a);
        });
        return h('li', { class: 'weak-domain' },
          h('p', { class: 'weak-name' }, h('strong', {}, `Domain ${d.domain}: ${d.name}`), h('span', { class: 'muted' }, ` · ${d.correct} of ${d.total} (${d.percent}%)`)),
          h('div', { class: 'weak-actions' }, cards, quiz),
          notes.length ? h('ul', { class: 'note-links', 'aria-label': `Notes on what you missed in domain ${d.domain}` }, ...notes) : '');
      })))
      : h('p', { class: 'all-good' }, h('span', { class: 'codicon codicon-pass', 'aria-hidden': 'true' }), ' Every domain is at or above the pass mark.'));

  const trend = v.trend.length > 1 ? h('section', { class: 'trend', 'aria-labelledby': 'trend-title' },
    h('h2', { id: 'trend-title' }, `Your ${v.examCode} scores`),
    trendChart(v.trend, { passingScore: v.passingScore, scoreMin: v.scoreMin, scoreMax: v.scoreMax, highlight: v.attemptId, label: `${v.examCode} scaled scores over time` })) : '';

  root.replaceChildren(
    h('header', { class: 'results-header' },
      h('h1', {}, `${v.examCode} · ${v.modeLabel} results`),
      h('p', { class: 'muted' }, `${v.subtitle ? `${v.subtitle} · ` : ''}${v.endedBy === 'time' ? 'Time ran out' : 'Submitted'} ${dateTime(v.finishedAt)}`)),
    h('div', { class: 'notice', role: 'status', hidden: true }),
    card, actions, domains, trend);
}

type Filter = 'all' | 'wrong' | 'flagged' | 'unanswered';

export function renderReview(root: HTMLElement, v: ResultView, post: Post, back: () => void, filter: Filter = 'all'): void {
  const counts: Record<Filter, number> = {
    all: v.review.length,
    wrong: v.review.filter((r) => !r.correct).length,
    flagged: v.review.filter((r) => r.flagged).length,
    unanswered: v.review.filter((r) => !r.answered).length,
  };
  const labels: Record<Filter, string> = { all: 'All', wrong: 'Incorrect', flagged: 'Flagged', unanswered: 'Unanswered' };
  const filters = h('div', { class: 'filters', role: 'radiogroup', 'aria-label': 'Show questions' });
  for (const f of Object.keys(labels) as Filter[]) {
    const b = h('button', { type: 'button', role: 'radio', class: `chip${f === filter ? ' on' : ''}`, 'aria-checked': String(f === filter), tabindex: f === filter ? '0' : '-1' }, `${labels[f]} (${counts[f]})`);
    b.addEventListener('click', () => { renderReview(root, v, post, back, f); root.querySelector<HTMLElement>('.chip.on')?.focus(); });
    b.addEventListener('keydown', (e) => {
      const order = Object.keys(labels) as Filter[];
      const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      renderReview(root, v, post, back, order[(order.indexOf(f) + step + order.length) % order.length]);
      root.querySelector<HTMLElement>('.chip.on')?.focus();
    });
    filters.append(b);
  }
  const shown = v.review.filter((r) => filter === 'all' || (filter === 'wrong' && !r.correct) || (filter === 'flagged' && r.flagged) || (filter === 'unanswered' && !r.answered));
  const backButton = button('arrow-left', 'Back to results', 'secondary', back);
  root.replaceChildren(
    h('header', { class: 'results-header' },
      h('h1', {}, `Review · ${v.examCode} ${v.modeLabel}`),
      h('p', { class: 'muted' }, `${v.scaled} (${v.passed ? 'pass' : 'fail'}) · ${v.correct} of ${v.total} correct · ${dateTime(v.finishedAt)}`)),
    h('div', { class: 'review-bar' }, backButton, filters),
    shown.length ? h('ol', { class: 'review-list' }, ...shown.map((r) => reviewCard(r, post))) : h('p', { class: 'empty muted' }, `No ${labels[filter].toLowerCase()} questions in this attempt.`));
}

function reviewCard(r: ReviewItem, post: Post): HTMLElement {
  const q = r.question;
  const status = !r.answered ? 'unanswered' : r.correct ? 'right' : 'wrong';
  return h('li', { class: `review-card ${status}`, 'data-question-id': q.id, 'data-type': q.type },
    h('article', { 'aria-labelledby': `rq-${q.id}` },
      h('header', { class: 'review-head' },
        h('h3', { id: `rq-${q.id}` }, `Question ${q.number}`),
        h('span', { class: 'muted' }, ` · Domain ${q.domain} · Task ${q.task}`),
        r.flagged ? h('span', { class: 'tag tag-flag' }, h('span', { class: 'codicon codicon-bookmark', 'aria-hidden': 'true' }), ' Flagged') : ''),
      html('div', 'stem', q.stemHtml),
      feedbackBlock(q, r.feedback, r.response, (noteId, slug) => post({ type: 'openNote', noteId, slug }))));
}

export function button(icon: string, label: string, cls: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: cls }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), ` ${label}`);
  b.addEventListener('click', onClick);
  return b;
}
