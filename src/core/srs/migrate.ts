/**
 * Reads stored review progress of any known version, keeping every valid card state and review
 * and setting the rest aside: one bad entry (a crash, a hand edit, a newer or older copy) never
 * costs the learner the others. Whatever is set aside is returned so the caller can back it up
 * and say so.
 */
import { z } from 'zod';
import { SCHEMA_VERSION, storedSchemas, type ReviewData, type ReviewEntry, type StoredCard } from './schema';

export interface Rejected { where: string; problem: string; value: unknown }

export interface ReadResult {
  data: ReviewData;
  /** Entries that could not be read (empty when everything was fine). */
  rejected: Rejected[];
  /** The version the data was stored in, when it was migrated from an older one. */
  migratedFrom?: number;
  /** The whole value was unusable (not an object, unknown version); `data` is then empty. */
  unreadable?: string;
}

/** Built on first use, like the schemas in ./schema (zod loads with the first read, not at activation). */
let envelope: ReturnType<typeof envelopeSchema> | undefined;

function envelopeSchema() {
  return z.object({
    schema: z.number().int().optional(),
    version: z.number().int().optional(),
    cards: z.record(z.string(), z.unknown()).default({}),
    log: z.array(z.unknown()).default([]),
    updatedAt: z.number().optional(),
    stamp: z.string().max(100).optional(),
  });
}

/** Reads a stored value (undefined means nothing stored yet, which is not a problem). */
export function readReviewData(raw: unknown): ReadResult {
  const data: ReviewData = { schema: SCHEMA_VERSION, cards: {}, log: [], updatedAt: 0 };
  if (raw === undefined || raw === null) return { data, rejected: [] };
  const outer = (envelope ??= envelopeSchema()).safeParse(raw);
  if (!outer.success) return { data, rejected: [], unreadable: describe(outer.error) };
  const version = outer.data.schema ?? outer.data.version;
  if (version !== 1 && version !== SCHEMA_VERSION) {
    return { data, rejected: [], unreadable: `unknown schema version ${String(version)}` };
  }
  const read = version === 1 ? readV1 : readV2;
  const rejected: Rejected[] = [];
  for (const [id, value] of Object.entries(outer.data.cards)) {
    if (!id || id.length > 300) { rejected.push({ where: `cards[${JSON.stringify(id.slice(0, 40))}]`, problem: 'bad card id', value }); continue; }
    const r = read.card(value);
    if (typeof r === 'string') rejected.push({ where: `cards[${JSON.stringify(id)}]`, problem: r, value });
    else data.cards[id] = r;
  }
  outer.data.log.forEach((value, i) => {
    const r = read.entry(value);
    if (typeof r === 'string') rejected.push({ where: `log[${i}]`, problem: r, value });
    else data.log.push(r);
  });
  data.log.sort((a, b) => a.at - b.at);
  data.updatedAt = Number.isFinite(outer.data.updatedAt) ? Math.max(0, Math.floor(outer.data.updatedAt!)) : 0;
  if (outer.data.stamp) data.stamp = outer.data.stamp;
  return { data, rejected, migratedFrom: version === 1 ? 1 : undefined };
}

interface Reader { card(v: unknown): StoredCard | string; entry(v: unknown): ReviewEntry | string }

const readV2: Reader = {
  card: (v) => checked(storedSchemas().storedCard, v, (c) => c.reps === 0 || c.st !== 0 || 'a new card cannot have reviews'),
  entry: (v) => checked(storedSchemas().reviewEntry, v),
};

const ms = (iso: string) => Date.parse(iso);

const readV1: Reader = {
  card: (v) => {
    const c = storedSchemas().v1Card.safeParse(v);
    if (!c.success) return describe(c.error);
    const x = c.data;
    return readV2.card({
      due: ms(x.due), s: x.stability, d: x.difficulty, ed: x.elapsed_days, sd: x.scheduled_days, ls: x.learning_steps,
      reps: x.reps, lapses: x.lapses, st: x.state, ...(x.last_review ? { lr: ms(x.last_review) } : {}),
    });
  },
  entry: (v) => {
    const e = storedSchemas().v1Entry.safeParse(v);
    if (!e.success) return describe(e.error);
    const x = e.data;
    return readV2.entry({
      c: x.cardId, r: x.rating, at: ms(x.review), st: x.state, due: ms(x.due), s: x.stability, d: x.difficulty,
      ed: x.elapsed_days, sd: x.scheduled_days, ls: x.learning_steps,
    });
  },
};

function checked<T>(schema: z.ZodType<T>, v: unknown, extra?: (t: T) => true | string): T | string {
  const r = schema.safeParse(v);
  if (!r.success) return describe(r.error);
  const ok = extra?.(r.data) ?? true;
  return ok === true ? r.data : ok;
}

function describe(e: z.ZodError): string {
  return e.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}
