/** A short, single-line excerpt of a section body around the first place a query term occurs. */

const WIDTH = 160;

/** Strips the markdown that would be noise in a one-line snippet. */
export function plain(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function snippet(body: string, queryTerms: readonly string[]): string {
  const text = plain(body);
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of queryTerms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0 || text.length <= WIDTH) return clip(text, 0);
  return clip(text, Math.max(0, at - WIDTH / 3));
}

function clip(text: string, from: number): string {
  let start = from;
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space - start < 20 ? space + 1 : start;
  }
  let out = text.slice(start, start + WIDTH);
  if (start + WIDTH < text.length) {
    const cut = out.lastIndexOf(' ');
    out = (cut > WIDTH / 2 ? out.slice(0, cut) : out) + '…';
  }
  return (start > 0 ? '…' : '') + out;
}
