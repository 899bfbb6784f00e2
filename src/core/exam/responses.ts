/**
 * What counts as a well-formed response to a question (the webview is not trusted), and when a
 * question counts as answered for the navigator.
 */
import type { Question } from '../content/schema';
import type { Response } from './scoring';

/** A structurally valid response: right type, only this question's option and target ids. */
export function isValidResponse(q: Question, r: Response): boolean {
  if (r.type !== q.type) return false;
  const options = new Set(q.options.map((o) => o.id));
  switch (r.type) {
    case 'single': return options.has(r.choice);
    case 'multiple': return r.choices.length <= options.size && new Set(r.choices).size === r.choices.length && r.choices.every((c) => options.has(c));
    case 'ordering': return r.order.length === options.size && new Set(r.order).size === options.size && r.order.every((c) => options.has(c));
    case 'matching': {
      const targets = new Set((q.targets ?? []).map((t) => t.id));
      return Object.entries(r.pairs).every(([o, t]) => options.has(o) && targets.has(t));
    }
  }
}

/** Answered: a choice made, at least one box ticked, an order confirmed, every item matched. */
export function isAnswered(q: Pick<Question, 'type'> & { options: readonly { id: string }[] }, r: Response | undefined): boolean {
  if (!r || r.type !== q.type) return false;
  switch (r.type) {
    case 'single': return true;
    case 'multiple': return r.choices.length > 0;
    case 'ordering': return r.order.length === q.options.length;
    case 'matching': return q.options.every((o) => typeof r.pairs[o.id] === 'string');
  }
}

/** The answer key as a response, for showing the right answer with the same controls. */
export function keyResponse(q: Question): Response {
  switch (q.type) {
    case 'single': return { type: 'single', choice: q.answer[0] ?? '' };
    case 'multiple': return { type: 'multiple', choices: [...q.answer] };
    case 'ordering': return { type: 'ordering', order: [...q.answer] };
    case 'matching': return { type: 'matching', pairs: { ...(q.matches ?? {}) } };
  }
}

/** Reads a response of unknown shape (stored state, a message); undefined when malformed. */
export function parseResponse(x: unknown): Response | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const id = (v: unknown): v is string => typeof v === 'string' && /^[a-z]$/.test(v);
  const ids = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 8 && v.every(id);
  switch (o.type) {
    case 'single': return id(o.choice) ? { type: 'single', choice: o.choice } : undefined;
    case 'multiple': return ids(o.choices) ? { type: 'multiple', choices: [...o.choices] } : undefined;
    case 'ordering': return ids(o.order) ? { type: 'ordering', order: [...o.order] } : undefined;
    case 'matching': {
      if (!o.pairs || typeof o.pairs !== 'object' || Array.isArray(o.pairs)) return undefined;
      const entries = Object.entries(o.pairs as Record<string, unknown>);
      if (entries.length > 8 || !entries.every(([k, v]) => id(k) && id(v))) return undefined;
      return { type: 'matching', pairs: Object.fromEntries(entries) as Record<string, string> };
    }
    default: return undefined;
  }
}
