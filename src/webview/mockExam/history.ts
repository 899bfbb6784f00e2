/**
 * Every finished attempt, newest first, with a score trend per exam and a way back into each
 * attempt's results. Never empty-handed: without attempts it offers to start one.
 */
import type { HistoryView, MockExamFromWebview } from '../../protocol/mockExam';
import { h } from '../shared/vscodeApi';
import { trendChart } from './charts';
import { clock, dateTime } from './format';
import { button } from './results';

type Post = (m: MockExamFromWebview) => void;

export function renderHistory(root: HTMLElement, v: HistoryView, post: Post): void {
  const header = h('header', { class: 'results-header' }, h('h1', {}, 'Mock exam history'),
    h('p', { class: 'muted' }, v.rows.length ? `${v.rows.length} finished attempt${v.rows.length === 1 ? '' : 's'}` : 'No finished attempts yet'));
  const progress = v.inProgress ? h('div', { class: 'in-progress' },
    h('span', { class: 'codicon codicon-watch', 'aria-hidden': 'true' }),
    ` In progress: ${v.inProgress.examCode} ${v.inProgress.modeLabel.toLowerCase()}, ${v.inProgress.answered} of ${v.inProgress.total} answered. `,
    button('debug-continue', 'Resume', 'primary small', () => post({ type: 'command', command: 'resume' }))) : '';
  if (!v.rows.length) {
    root.replaceChildren(header, progress, h('div', { class: 'empty-state' },
      h('p', {}, 'Take a mock exam to see your scores, your domains and your progress here.'),
      button('play', 'Start a mock exam', 'primary', () => post({ type: 'command', command: 'start' }))));
    return;
  }
  const passPercent = (exam: string) => {
    const e = v.exams.find((x) => x.id === exam);
    return e ? Math.round(((e.passingScore - e.scoreMin) / (e.scoreMax - e.scoreMin)) * 100) : 0;
  };
  const trends = v.exams.filter((e) => e.trend.length > 0).map((e) => h('section', { class: 'trend', 'aria-labelledby': `trend-${e.id}` },
    h('h2', { id: `trend-${e.id}` }, `${e.code} · ${e.name}`),
    trendChart(e.trend, { passingScore: e.passingScore, scoreMin: e.scoreMin, scoreMax: e.scoreMax, label: `${e.code} scaled scores over time` })));
  const table = h('table', { class: 'history-table' },
    h('caption', { class: 'visually-hidden' }, 'Finished mock exams, newest first'),
    h('thead', {}, h('tr', {}, ...['Date', 'Exam', 'Mode', 'Score', 'Correct', 'Time used', 'Domains', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...v.rows.map((r) => {
      const open = button('eye', 'Results', 'secondary small', () => post({ type: 'showResults', attemptId: r.attemptId }));
      open.setAttribute('aria-label', `Results of ${r.examCode} ${r.modeLabel}, ${dateTime(r.finishedAt)}`);
      return h('tr', {},
        h('td', {}, dateTime(r.finishedAt)),
        h('td', {}, r.examCode),
        h('td', {}, r.modeLabel, r.subtitle ? h('div', { class: 'muted small' }, r.subtitle) : ''),
        h('td', {}, h('span', { class: `badge ${r.passed ? 'pass' : 'fail'}` }, `${r.scaled} ${r.passed ? 'pass' : 'fail'}`)),
        h('td', {}, `${r.correct}/${r.total}`),
        h('td', {}, `${clock(r.timeUsedMs)}${r.timeLimitMs ? ` of ${clock(r.timeLimitMs)}` : ''}${r.endedBy === 'time' ? ' (time ran out)' : ''}`),
        h('td', {}, h('ul', { class: 'mini-domains' }, ...r.domains.map((d) => {
          const pct = d.total ? Math.round((d.correct / d.total) * 100) : 0;
          const weak = pct < passPercent(r.exam);
          return h('li', { class: weak ? 'weak' : undefined, title: `Domain ${d.domain}: ${d.name}: ${d.correct} of ${d.total}${weak ? ', below the pass mark' : ''}` }, `D${d.domain} ${pct}%`);
        }))),
        h('td', {}, open));
    })));
  root.replaceChildren(header, progress, ...trends, h('section', { class: 'attempts', 'aria-label': 'Attempts' }, h('h2', {}, 'Attempts'), h('div', { class: 'table-scroll' }, table)));
}
