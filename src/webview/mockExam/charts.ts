/**
 * SVG charts drawn in the webview (no library, nothing remote): the per-domain bar chart of a
 * result and the score trend of an exam. Colours come from theme variables through CSS classes;
 * each chart has a text alternative.
 */
import type { DomainView, TrendPointView } from '../../protocol/mockExam';
import { shortDate } from './format';

const NS = 'http://www.w3.org/2000/svg';

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

/** Horizontal bars, one per domain, with the pass mark as a dashed line. */
export function domainChart(domains: DomainView[], passPercent: number): SVGSVGElement {
  const width = 640;
  const left = 8;
  const barWidth = 470;
  const row = 46;
  const top = 22;
  const height = top + domains.length * row + 6;
  const x = (pct: number) => left + (barWidth * pct) / 100;
  const summary = domains.map((d) => `Domain ${d.domain}, ${d.name}: ${d.correct} of ${d.total}, ${d.percent}%${d.weak ? ', needs work' : ''}`).join('. ');
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart domain-chart', role: 'img', 'aria-label': `Score by domain. ${summary}. Pass mark about ${passPercent}%.` });
  domains.forEach((d, i) => {
    const y = top + i * row;
    const label = s('text', { x: left, y: y + 12, class: 'chart-label' }, `${d.domain}. ${d.name}`);
    const track = s('rect', { x: left, y: y + 18, width: barWidth, height: 14, rx: 2, class: 'bar-track' });
    const bar = s('rect', { x: left, y: y + 18, width: Math.max(2, (barWidth * d.percent) / 100), height: 14, rx: 2, class: `bar ${d.weak ? 'weak' : 'ok'}` },
      s('title', {}, `${d.correct} of ${d.total} correct (${d.percent}%)`));
    const value = s('text', { x: left + barWidth + 12, y: y + 30, class: `chart-value ${d.weak ? 'weak' : ''}` }, `${d.percent}%  ${d.correct}/${d.total}`);
    svg.append(label, track, bar, value);
  });
  // The pass mark crosses the bars only, so it never runs through a label.
  const px = x(passPercent);
  svg.append(s('text', { x: px, y: 12, class: 'chart-note', 'text-anchor': 'middle' }, `pass ≈ ${passPercent}%`));
  domains.forEach((_, i) => svg.append(s('line', { x1: px, x2: px, y1: top + i * row + 14, y2: top + i * row + 36, class: 'pass-line' })));
  return svg;
}

/** Scaled scores over time, oldest left, with the pass mark; the point `highlight` is ringed. */
export function trendChart(points: TrendPointView[], o: { passingScore: number; scoreMin: number; scoreMax: number; highlight?: string; label: string }): SVGSVGElement {
  const width = 640;
  const height = 220;
  const pad = { l: 44, r: 16, t: 14, b: 34 };
  const innerW = width - pad.l - pad.r;
  const innerH = height - pad.t - pad.b;
  const x = (i: number) => pad.l + (points.length === 1 ? innerW / 2 : (innerW * i) / (points.length - 1));
  const y = (v: number) => pad.t + innerH - (innerH * (v - o.scoreMin)) / (o.scoreMax - o.scoreMin);
  const last = points[points.length - 1];
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart trend-chart', role: 'img',
    'aria-label': `${o.label}: ${points.length} attempt${points.length === 1 ? '' : 's'}${last ? `, latest ${last.scaled}` : ''}, best ${Math.max(...points.map((p) => p.scaled))}, pass mark ${o.passingScore}.`,
  });
  const step = (o.scoreMax - o.scoreMin) / 6;
  const grid = Array.from({ length: 7 }, (_, i) => Math.round(o.scoreMin + i * step));
  for (const v of grid.filter((g) => Math.abs(g - o.passingScore) > step / 3)) {
    svg.append(s('line', { x1: pad.l, x2: width - pad.r, y1: y(v), y2: y(v), class: 'grid-line' }), s('text', { x: pad.l - 6, y: y(v) + 4, class: 'chart-axis', 'text-anchor': 'end' }, String(v)));
  }
  svg.append(
    s('line', { x1: pad.l, x2: width - pad.r, y1: y(o.passingScore), y2: y(o.passingScore), class: 'pass-line' }),
    s('text', { x: width - pad.r, y: y(o.passingScore) - 5, class: 'chart-note', 'text-anchor': 'end' }, `pass ${o.passingScore}`),
  );
  if (points.length > 1) svg.append(s('polyline', { points: points.map((p, i) => `${x(i)},${y(p.scaled)}`).join(' '), class: 'trend-line' }));
  const every = Math.max(1, Math.ceil(points.length / 8));
  // Attempts all on one day are told apart by the time.
  const oneDay = new Set(points.map((p) => new Date(p.at).toDateString())).size === 1 && points.length > 1;
  const when = (at: number) => (oneDay ? new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : shortDate(at));
  points.forEach((p, i) => {
    const dot = s('circle', { cx: x(i), cy: y(p.scaled), r: p.id === o.highlight ? 6 : 4, class: `dot ${p.passed ? 'ok' : 'weak'}${p.id === o.highlight ? ' highlight' : ''}` },
      s('title', {}, `${shortDate(p.at)} · ${p.modeLabel} · ${p.scaled} (${p.passed ? 'pass' : 'fail'})`));
    svg.append(dot);
    if (i % every === 0 || i === points.length - 1) {
      const anchor = points.length === 1 ? 'middle' : i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
      svg.append(s('text', { x: x(i), y: height - 12, class: 'chart-axis', 'text-anchor': anchor }, when(p.at)));
    }
  });
  return svg;
}
