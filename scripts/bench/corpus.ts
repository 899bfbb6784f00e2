/**
 * Real-looking learner notes for the benchmark, generated from the bundled notes: sections mixed
 * across topics, sentences reordered, words swapped for synonyms, in the three shapes learners use
 * (markdown with headings, numbered outline text, tab-separated tables). Each file remembers which
 * bundled notes it drew from, so search quality can be judged on it.
 */
import { seededRng, shuffle, type Rng } from '../../src/core/exam/random';
import type { BundledNote } from '../../src/core/content/bundle';

export interface GeneratedNote { file: string; text: string; sources: string[] }

const SYNONYMS: Record<string, string[]> = {
  model: ['model', 'network', 'FM'], use: ['use', 'apply', 'pick'], data: ['data', 'records', 'dataset'],
  cost: ['cost', 'price', 'spend'], fast: ['fast', 'quick', 'low-latency'], large: ['large', 'big', 'huge'],
  important: ['important', 'key', 'crucial'], service: ['service', 'offering', 'managed service'],
  training: ['training', 'fitting', 'learning'], answer: ['answer', 'response', 'output'],
};

function vary(sentence: string, rng: Rng): string {
  return sentence.replace(/\b[a-z]+\b/g, (w) => {
    const alts = SYNONYMS[w];
    return alts && rng() < 0.5 ? alts[Math.floor(rng() * alts.length)] : w;
  });
}

function sentences(body: string): string[] {
  return body.replace(/```[\s\S]*?```/g, ' ').split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 20 && !s.includes('::'));
}

export function generateCorpus(notes: readonly BundledNote[], count: number, seed = 42): GeneratedNote[] {
  const rng = seededRng(seed);
  const sections = notes.flatMap((n) => n.sections.filter((s) => s.level >= 2 && s.body.length > 80).map((s) => ({ note: n.id, s })));
  const out: GeneratedNote[] = [];
  for (let i = 0; i < count; i++) {
    const picked = shuffle(sections, rng).slice(0, 3 + Math.floor(rng() * 4));
    const shape = i % 5 === 4 ? 'table' : i % 5 === 3 ? 'outline' : 'markdown';
    const sources = [...new Set(picked.map((p) => p.note))];
    const title = `Study notes ${i + 1}: ${picked[0].s.title}`;
    let text: string;
    if (shape === 'markdown') {
      text = `---\ntitle: ${title}\n---\n# ${title}\n\n` + picked.map(({ s }) =>
        `## ${s.title}\n\n${shuffle(sentences(s.body), rng).map((x) => vary(x, rng)).join(' ')}\n`).join('\n');
    } else if (shape === 'outline') {
      text = `${title}\n\n` + picked.map(({ s }, k) =>
        `${k + 1}. ${s.title}\n\n${sentences(s.body).map((x, j) => `${k + 1}.${j + 1} ${vary(x, rng)}`).join('\n')}\n`).join('\n');
    } else {
      text = `${title}\n\nTerm\tMeaning\tExam signal\n` + picked.flatMap(({ s }) =>
        sentences(s.body).slice(0, 6).map((x) => `${s.title}\t${vary(x, rng)}\t${s.path[0] ?? ''}`)).join('\n') + '\n';
    }
    out.push({ file: `/bench/notes/${String(i).padStart(5, '0')}-${shape}.${shape === 'markdown' ? 'md' : 'txt'}`, text, sources });
  }
  return out;
}
