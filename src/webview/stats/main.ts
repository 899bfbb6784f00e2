/** The study statistics view: tiles, the review heatmap, the due forecast, true retention and mastery per domain. */
import type { ExamStats, StatsCommand, StatsFromWebview, StatsModel, StatsToWebview } from '../../protocol/stats';
import { bridge, h } from '../shared/vscodeApi';
import { forecastBars, heatmap, meter } from './svg';

const host = bridge<StatsFromWebview, Record<string, never>>();
const app = document.getElementById('app')!;

window.addEventListener('message', (e: MessageEvent<StatsToWebview>) => {
  if (e.data.type === 'stats') render(e.data.model);
});

function icon(name: string): HTMLSpanElement { return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' }); }

function button(label: string, iconName: string, command: StatsCommand, primary = false): HTMLButtonElement {
  const b = h('button', { type: 'button', class: primary ? 'primary' : 'secondary' }, icon(iconName), ` ${label}`);
  b.addEventListener('click', () => host.post({ type: 'command', command }));
  return b;
}

function pct(x: number | null | undefined): string { return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`; }

function minutes(ms: number): string {
  if (ms > 0 && ms < 60_000) return 'under a minute';
  const m = Math.round(ms / 60_000);
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function render(m: StatsModel): void {
  app.removeAttribute('aria-busy');
  const t = m.totals;
  const month = m.retention.find((r) => r.label === 'Last 30 days');
  const toolbar = h('nav', { class: 'toolbar', 'aria-label': 'Flashcard actions' },
    button(t.dueNow ? `Review ${t.dueNow} due` : 'Review', 'mortar-board', 'review', true),
    button('Cram', 'flame', 'cram'), button('Export log', 'export', 'export'), button('Import log', 'cloud-download', 'import'),
    button('Export for Anki', 'file-symlink-file', 'anki'), button('Settings', 'settings-gear', 'settings'));
  const tiles = h('div', { class: 'tiles' },
    tile(String(t.reviewsToday), 'reviews today', t.timeTodayMs ? minutes(t.timeTodayMs) : undefined),
    tile(String(t.streak), `day streak`, t.streak ? 'keep it going' : 'review today to start one'),
    tile(String(t.dueNow), 'due now', t.learning ? `${t.learning} in learning` : undefined),
    tile(`${t.studied}`, `of ${t.cards} cards studied`, `${t.reviews} reviews in all`),
    tile(pct(month?.rate ?? null), 'true retention, 30 days', month?.total ? `${month.passed} of ${month.total} recalled` : 'no reviews of learnt cards yet'));
  const sections = [
    section('Reviews per day', 'calendar', heatmapLegend(), heatmap(m.heatmap.start, m.heatmap.counts)),
    section('Due in the next 30 days', 'graph', h('p', { class: 'muted' }, 'Overdue cards are counted today.'), forecastBars(m.forecast, m.today)),
    section('True retention', 'target', h('p', { class: 'muted' }, `Share of reviews of learnt cards you recalled (anything but Again). Your desired retention is ${pct(m.desiredRetention)}.`), retention(m)),
    section('Mastery per exam domain', 'mortar-board', h('p', { class: 'muted' }, 'Average probability of recalling each of the domain’s cards now; cards not studied yet count as zero. The Exams view shows the same number blended with your quiz accuracy.'), ...m.exams.map(examMastery)),
  ];
  const orphans = t.orphans ? h('p', { class: 'orphans muted' }, icon('info'), ` ${t.orphans} card${t.orphans === 1 ? '' : 's'} with ${t.orphanReviews} review${t.orphanReviews === 1 ? '' : 's'} ${t.orphans === 1 ? 'is' : 'are'} no longer in the content or your notes (changed or removed). Their history is kept and comes back if the card does.`) : undefined;
  app.replaceChildren(h('h1', {}, 'Study statistics'), toolbar, tiles, ...sections, orphans ?? '');
}

function tile(value: string, label: string, note?: string): HTMLElement {
  return h('div', { class: 'tile' }, h('div', { class: 'tile-value' }, value), h('div', { class: 'tile-label' }, label), note ? h('div', { class: 'tile-note' }, note) : undefined);
}

function section(title: string, iconName: string, ...body: (Node | undefined)[]): HTMLElement {
  return h('section', { class: 'chart', 'aria-label': title }, h('h2', {}, icon(iconName), ` ${title}`), ...body);
}

function heatmapLegend(): HTMLElement {
  const legend = h('div', { class: 'legend muted', 'aria-hidden': 'true' }, 'Less ');
  for (let l = 0; l <= 4; l++) legend.append(h('span', { class: `swatch l${l}` }));
  legend.append(' More');
  return legend;
}

function retention(m: StatsModel): HTMLElement {
  const rows = h('div', { class: 'rows three' });
  for (const r of m.retention) {
    rows.append(h('div', { class: 'row' },
      h('span', { class: 'row-label' }, r.label),
      meter(r.rate, `${r.label}: ${r.total ? `${pct(r.rate)} of ${r.total} reviews recalled` : 'no reviews yet'}`, m.desiredRetention),
      h('span', { class: 'row-value' }, r.total ? `${pct(r.rate)} · ${r.passed}/${r.total}` : 'no reviews yet')));
  }
  return rows;
}

function examMastery(e: ExamStats): HTMLElement {
  const rows = h('div', { class: 'rows' });
  for (const d of e.domains) {
    const review = h('button', { type: 'button', class: 'link', 'aria-label': `Review ${e.code} domain ${d.number}` }, icon('mortar-board'), d.due ? ` ${d.due} due` : ' Review');
    review.addEventListener('click', () => host.post({ type: 'reviewDomain', exam: e.id, domain: d.number }));
    rows.append(h('div', { class: 'row' },
      h('span', { class: 'row-label', title: d.name }, `${d.number}. ${d.name}`),
      meter(d.mastery, `${e.code} domain ${d.number}: ${d.mastery === null ? 'not started' : `${pct(d.mastery)} mastery`}`),
      h('span', { class: 'row-value' }, d.mastery === null ? `not started · ${d.cards} cards` : `${pct(d.mastery)} · ${d.studied}/${d.cards} studied`),
      review));
  }
  return h('div', { class: 'exam' }, h('h3', {}, `${e.code} ${e.name}`), rows);
}

host.post({ type: 'ready' });
