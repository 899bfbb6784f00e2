/**
 * The stored shape of review progress, schema version 2: the FSRS state of every card the learner
 * has studied and the append-only review log, both keyed by card id. Field names are short
 * because the whole object travels through Settings Sync.
 *
 * Version 1 (read and migrated, never written) held ts-fsrs objects as they serialise to JSON:
 * long field names and ISO date strings.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 2;

/**
 * The zod schemas of the stored shape, built on first use: zod is loaded with the first read of
 * stored progress, not when the extension activates.
 */
export function storedSchemas(): StoredSchemas {
  return (schemas ??= buildSchemas());
}

type StoredSchemas = ReturnType<typeof buildSchemas>;
let schemas: StoredSchemas | undefined;

function buildSchemas() {
  const epochMs = z.number().int().min(0).max(8.64e15);
  // Ranges rather than unions of literals: a union builds an error per option on every check.
  const fsrsState = z.number().int().min(0).max(3) as unknown as z.ZodType<0 | 1 | 2 | 3>;
  const grade = z.number().int().min(1).max(4) as unknown as z.ZodType<1 | 2 | 3 | 4>;
  const count = z.number().int().min(0).max(1e7);
  const days = z.number().min(0).max(1e6);

  const storedCard = z.object({
    /** due */
    due: epochMs,
    /** stability (days) */
    s: z.number().min(0).max(1e6),
    /** difficulty: 0 while new, else 1..10 */
    d: z.number().min(0).max(10),
    /** elapsed_days */
    ed: days,
    /** scheduled_days */
    sd: days,
    /** learning_steps */
    ls: count,
    reps: count,
    lapses: count,
    /** state: 0 new, 1 learning, 2 review, 3 relearning */
    st: fsrsState,
    /** last_review */
    lr: epochMs.optional(),
    /** The front when last reviewed (shortened), so an orphaned card can still be named. */
    f: z.string().max(200).optional(),
    /** The id whose history this card took over when its text was edited (see srs/adopt.ts). */
    o: z.string().min(1).max(300).optional(),
  });

  const reviewEntry = z.object({
    /** card id */
    c: z.string().min(1).max(300),
    /** rating 1 again, 2 hard, 3 good, 4 easy */
    r: grade,
    /** when the review happened */
    at: epochMs,
    st: fsrsState,
    due: epochMs,
    s: z.number().min(0).max(1e6),
    d: z.number().min(0).max(10),
    ed: days,
    sd: days,
    ls: count,
    /** milliseconds spent answering (capped) */
    ms: z.number().int().min(0).max(3.6e6).optional(),
  });

  /** Version 1, as written by ts-fsrs objects going through JSON.stringify. */
  const isoDate = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not a date');
  const v1Card = z.object({
    due: isoDate,
    stability: z.number().min(0),
    difficulty: z.number().min(0).max(10),
    elapsed_days: z.number().min(0),
    scheduled_days: z.number().min(0),
    learning_steps: z.number().int().min(0).default(0),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    state: fsrsState,
    last_review: isoDate.nullable().optional(),
  });
  const v1Entry = z.object({
    cardId: z.string().min(1).max(300),
    rating: grade,
    state: fsrsState,
    due: isoDate,
    stability: z.number().min(0),
    difficulty: z.number().min(0).max(10),
    elapsed_days: z.number().min(0),
    scheduled_days: z.number().min(0),
    learning_steps: z.number().int().min(0).default(0),
    review: isoDate,
  });

  return { storedCard, reviewEntry, v1Card, v1Entry };
}

/** ts-fsrs Card, dates as epoch ms. */
export type StoredCard = z.infer<StoredSchemas['storedCard']>;
/** One review: the ts-fsrs ReviewLog (the card as it was before the grade), dates as epoch ms. */
export type ReviewEntry = z.infer<StoredSchemas['reviewEntry']>;

export interface ReviewData {
  schema: typeof SCHEMA_VERSION;
  cards: Record<string, StoredCard>;
  log: ReviewEntry[];
  /** Epoch ms of the last change. */
  updatedAt: number;
  /** A fresh id on every write, so a copy replaced by Settings Sync can be told from our own. */
  stamp?: string;
}

export function emptyReviewData(): ReviewData {
  return { schema: SCHEMA_VERSION, cards: {}, log: [], updatedAt: 0 };
}

/** A log entry is identified by its card and its time: the same review from two copies merges into one. */
export function entryKey(e: Pick<ReviewEntry, 'c' | 'at'>): string {
  return `${e.at}\u0000${e.c}`;
}
