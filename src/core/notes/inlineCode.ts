/**
 * Inline code spans (CommonMark backtick runs) blanked out of a line, so card syntax inside
 * `std::vector` or `a==b` is not seen. The mask keeps every column where it was.
 */

/** Stands in for each masked character: not a letter, digit, space, colon or equals sign. */
export const MASK = '\uE000';

interface Run { at: number; length: number }

export function maskInlineCode(line: string): string {
  if (!line.includes('`')) return line;
  const runs = backtickRuns(line);
  const spans = pairRuns(runs);
  if (spans.length === 0) return line;
  let out = '';
  let from = 0;
  for (const [start, end] of spans) {
    out += line.slice(from, start) + MASK.repeat(end - start);
    from = end;
  }
  return out + line.slice(from);
}

function backtickRuns(line: string): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '`') continue;
    let j = i;
    while (line[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = j - 1;
  }
  return runs;
}

/**
 * Pairs each opening run with the next run of the same length ([start, end) columns). One cursor
 * per run length only moves forward, so lines full of unmatched backticks stay linear.
 */
function pairRuns(runs: Run[]): [number, number][] {
  const byLength = new Map<number, number[]>();
  runs.forEach((r, k) => { const list = byLength.get(r.length) ?? []; list.push(k); byLength.set(r.length, list); });
  const cursor = new Map<number, number>();
  const spans: [number, number][] = [];
  for (let k = 0; k < runs.length; k++) {
    const close = nextSameLength(byLength.get(runs[k].length) as number[], cursor, runs[k].length, k);
    if (close < 0) continue;
    spans.push([runs[k].at, runs[close].at + runs[close].length]);
    k = close;
  }
  return spans;
}

function nextSameLength(list: number[], cursor: Map<number, number>, length: number, after: number): number {
  let c = cursor.get(length) ?? 0;
  while (c < list.length && list[c] <= after) c++;
  cursor.set(length, c);
  return c < list.length ? list[c] : -1;
}
