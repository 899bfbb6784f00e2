/**
 * Draws questions for a quiz or a mock exam: per-domain counts proportional to the exam guide's
 * weights (largest remainder), questions seen recently avoided while the bank allows, never a
 * repeat within one draw, reproducible from a seed.
 */
import type { Exam, Question } from '../content/schema';
import { seededRng, shuffle, type Rng } from './random';

export interface DrawOptions {
  count: number;
  seed: number;
  /** Restrict to one domain. */
  domain?: number;
  /** Restrict to these question ids (e.g. past mistakes). */
  only?: ReadonlySet<string>;
  /** Ids seen recently: used only when fresh questions run out. */
  avoid?: ReadonlySet<string>;
}

/** Questions per domain for `count` questions, proportional to the weights. */
export function domainQuota(exam: Exam, count: number): Map<number, number> {
  const total = exam.domains.reduce((s, d) => s + d.weight, 0);
  const exact = exam.domains.map((d) => ({ d: d.number, x: (count * d.weight) / total }));
  const quota = new Map(exact.map((e) => [e.d, Math.floor(e.x)]));
  let left = count - [...quota.values()].reduce((a, b) => a + b, 0);
  for (const e of [...exact].sort((a, b) => (b.x - Math.floor(b.x)) - (a.x - Math.floor(a.x)))) {
    if (left-- <= 0) break;
    quota.set(e.d, quota.get(e.d)! + 1);
  }
  return quota;
}

export function drawQuestions(exam: Exam, bank: readonly Question[], o: DrawOptions): Question[] {
  const rng = seededRng(o.seed);
  const pool = bank.filter((q) => q.exam === exam.id && (!o.only || o.only.has(q.id)) && (o.domain === undefined || domainOf(q) === o.domain));
  if (o.domain !== undefined || o.only) return pick(pool, o.count, rng, o.avoid);
  const quota = domainQuota(exam, o.count);
  const chosen: Question[] = [];
  for (const d of exam.domains) chosen.push(...pick(pool.filter((q) => domainOf(q) === d.number), quota.get(d.number) ?? 0, rng, o.avoid));
  // A domain with too few questions: fill from the rest so the exam still has `count` questions.
  if (chosen.length < o.count) {
    const used = new Set(chosen.map((q) => q.id));
    chosen.push(...pick(pool.filter((q) => !used.has(q.id)), o.count - chosen.length, rng, o.avoid));
  }
  return shuffle(chosen, rng);
}

function pick(pool: readonly Question[], n: number, rng: Rng, avoid?: ReadonlySet<string>): Question[] {
  const fresh = shuffle(pool.filter((q) => !avoid?.has(q.id)), rng);
  const seen = shuffle(pool.filter((q) => avoid?.has(q.id)), rng);
  return [...fresh, ...seen].slice(0, Math.max(0, n));
}

export function domainOf(q: Question): number {
  return Number(q.task[0]);
}
