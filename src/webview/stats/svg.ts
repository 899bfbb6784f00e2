/** Small SVG charts drawn with DOM calls (no HTML strings), coloured by CSS classes that use theme variables. */
const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

function title(text: string): SVGTitleElement { return svg('title', {}, text); }

const CELL = 12;
const GAP = 3;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseDay(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function dayLabel(d: Date): string {
  return d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** A calendar heatmap: one column per week (Sunday on top), one square per day. */
export function heatmap(start: string, counts: number[]): SVGSVGElement {
  const first = parseDay(start);
  const offset = first.getDay();
  const weeks = Math.ceil((counts.length + offset) / 7);
  const left = 30;
  const top = 16;
  const max = Math.max(1, ...counts);
  const total = counts.reduce((a, b) => a + b, 0);
  const activeDays = counts.filter((c) => c > 0).length;
  const width = left + weeks * (CELL + GAP);
  const height = top + 7 * (CELL + GAP);
  // The viewBox lets CSS shrink the whole year to a narrow editor instead of cutting it off.
  const root = svg('svg', {
    class: 'heatmap', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Reviews per day over the last ${counts.length} days: ${total} reviews on ${activeDays} days, at most ${max === 1 && !total ? 0 : max} in a day.`,
  });
  for (const [row, name] of [[1, 'Mon'], [3, 'Wed'], [5, 'Fri']] as const) {
    root.append(svg('text', { x: 0, y: top + row * (CELL + GAP) + CELL - 2, class: 'axis' }, name));
  }
  let lastMonth = -1;
  counts.forEach((n, i) => {
    const date = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i);
    const col = Math.floor((i + offset) / 7);
    const row = (i + offset) % 7;
    // A month is named above the first full week that starts in it.
    if (row === 0 && date.getDate() <= 7) {
      if (date.getMonth() !== lastMonth && col < weeks - 1) {
        root.append(svg('text', { x: left + col * (CELL + GAP), y: 10, class: 'axis' }, MONTHS[date.getMonth()]));
        lastMonth = date.getMonth();
      }
    }
    const level = n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4));
    root.append(svg('rect', {
      x: left + col * (CELL + GAP), y: top + row * (CELL + GAP), width: CELL, height: CELL, rx: 2, class: `cell l${level}${i === counts.length - 1 ? ' today' : ''}`,
    }, title(`${n} review${n === 1 ? '' : 's'} on ${dayLabel(date)}`)));
  });
  return root;
}

/** Bars for the next 30 days of due cards; day 0 is today. */
export function forecastBars(counts: number[], today: string): SVGSVGElement {
  const width = 640;
  const height = 150;
  const left = 34;
  const bottom = 22;
  const max = Math.max(1, ...counts);
  const niceMax = niceCeil(max);
  const slot = (width - left) / counts.length;
  const first = parseDay(today);
  const total = counts.reduce((a, b) => a + b, 0);
  const root = svg('svg', {
    class: 'forecast', viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', preserveAspectRatio: 'xMinYMin meet',
    'aria-label': `Due forecast: ${counts[0]} cards today, ${total} in the next ${counts.length} days, at most ${max} on one day.`,
  });
  for (const frac of [0, 0.5, 1]) {
    const y = height - bottom - frac * (height - bottom - 8);
    root.append(svg('line', { x1: left, x2: width, y1: y, y2: y, class: 'grid' }));
    root.append(svg('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, String(Math.round(niceMax * frac))));
  }
  counts.forEach((n, i) => {
    const h = (n / niceMax) * (height - bottom - 8);
    const date = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i);
    const x = left + i * slot + 2;
    root.append(svg('rect', { x, y: height - bottom - h, width: Math.max(2, slot - 4), height: Math.max(n ? 1 : 0, h), rx: 1, class: i === 0 ? 'bar today' : 'bar' },
      title(`${n} card${n === 1 ? '' : 's'} due ${i === 0 ? 'today (overdue included)' : `on ${dayLabel(date)}`}`)));
    if (i === 0 || i % 7 === 0) {
      root.append(svg('text', { x: x + (slot - 4) / 2, y: height - 6, class: 'axis', 'text-anchor': 'middle' }, i === 0 ? 'Today' : `+${i}d`));
    }
  });
  return root;
}

/** A horizontal meter from 0 to 100% with an optional target mark. */
export function meter(value: number | null, label: string, target?: number): SVGSVGElement {
  const width = 240;
  const root = svg('svg', { class: 'meter', viewBox: `0 0 ${width} 14`, width, height: 14, role: 'img', 'aria-label': label });
  root.append(svg('rect', { x: 0, y: 2, width, height: 10, rx: 5, class: 'track' }));
  if (value !== null) {
    const cls = value >= 0.8 ? 'good' : value >= 0.5 ? 'fair' : 'weak';
    root.append(svg('rect', { x: 0, y: 2, width: Math.max(4, value * width), height: 10, rx: 5, class: `fill ${cls}` }));
  }
  if (target !== undefined) root.append(svg('line', { x1: target * width, x2: target * width, y1: 0, y2: 14, class: 'target' }, title(`Desired retention ${Math.round(target * 100)}%`)));
  return root;
}

function niceCeil(n: number): number {
  if (n <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}
