/**
 * Scoring of one response per question type. Every type is all-or-nothing, as on the real exams:
 * multiple response needs exactly the right set, ordering the whole order, matching every pair.
 */
import type { Question } from '../content/schema';

export type Response =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; pairs: Record<string, string> };

export function isCorrect(q: Question, r: Response | undefined): boolean {
  if (!r || r.type !== q.type) return false;
  switch (r.type) {
    case 'single': return q.answer.length === 1 && r.choice === q.answer[0];
    case 'multiple': return sameSet(r.choices, q.answer);
    case 'ordering': return r.order.length === q.answer.length && r.order.every((id, i) => id === q.answer[i]);
    case 'matching': {
      const key = q.matches ?? {};
      const ids = Object.keys(key);
      return ids.length > 0 && ids.length === Object.keys(r.pairs).length && ids.every((id) => r.pairs[id] === key[id]);
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === a.length && sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** How many options a multiple-response question asks for. */
export function pickCount(q: Question): number {
  return q.type === 'multiple' ? q.answer.length : 1;
}

/** The right answer in words, for feedback. */
export function describeAnswer(q: Question): string {
  const text = (id: string) => q.options.find((o) => o.id === id)?.text ?? id;
  switch (q.type) {
    case 'single':
    case 'multiple': return q.answer.map((id) => `${id.toUpperCase()}. ${text(id)}`).join('; ');
    case 'ordering': return q.answer.map((id, i) => `${i + 1}. ${text(id)}`).join(' → ');
    case 'matching': return Object.entries(q.matches ?? {})
      .map(([o, t]) => `${text(o)} → ${q.targets?.find((x) => x.id === t)?.text ?? t}`).join('; ');
  }
}

/**
 * Estimated scaled score. AWS does not publish its scaling, so this maps the raw percentage
 * linearly onto the 100-1000 range, with the pass mark reached at the same percentage on both
 * sides: the estimate is only a guide.
 */
export function scaledScore(fraction: number, scoreMin = 100, scoreMax = 1000): number {
  const f = Math.min(1, Math.max(0, fraction));
  return Math.round(scoreMin + f * (scoreMax - scoreMin));
}
