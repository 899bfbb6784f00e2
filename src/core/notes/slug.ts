/**
 * GitHub-style heading slugs: lower-cased, only letters, digits, spaces and hyphens kept, each
 * space turned into a hyphen. A slugger hands out unique slugs within one note (`-1`, `-2`...).
 */

const DROP = /[^\p{L}\p{M}\p{N}\s-]/gu;

export function slugify(title: string): string {
  return title.trim().toLowerCase().replace(DROP, '').replace(/\s/g, '-');
}

/** Returns a function giving each title a slug not handed out before by this slugger. */
export function createSlugger(): (title: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (title) => {
    const base = slugify(title) || 'section';
    let n = next.get(base) ?? 0;
    let slug = n === 0 ? base : `${base}-${n}`;
    while (used.has(slug)) slug = `${base}-${++n}`;
    next.set(base, n + 1);
    used.add(slug);
    return slug;
  };
}
