/**
 * Messages between the statistics webview and the extension host. The host computes every
 * number (the same mastery the Exams tree shows); the webview draws them as SVG.
 */
import { z } from 'zod';

export interface DomainStats {
  number: number;
  name: string;
  weight: number;
  /** 0..1, null while no card of the domain was studied */
  mastery: number | null;
  cards: number;
  studied: number;
  due: number;
}

export interface ExamStats { id: string; code: string; name: string; domains: DomainStats[] }

export interface RetentionStats { label: string; passed: number; total: number; rate: number | null }

export interface StatsModel {
  /** `YYYY-MM-DD` of today's study day. */
  today: string;
  /** Reviews per study day, oldest first; `start` is the first day's date. */
  heatmap: { start: string; counts: number[] };
  /** Cards due on each of the next 30 days; index 0 is today, overdue included. */
  forecast: number[];
  retention: RetentionStats[];
  desiredRetention: number;
  exams: ExamStats[];
  totals: {
    cards: number; studied: number; dueNow: number; learning: number; reviews: number;
    reviewsToday: number; timeTodayMs: number; streak: number; orphans: number; orphanReviews: number;
  };
}

export type StatsToWebview = { type: 'stats'; model: StatsModel };

export type StatsCommand = 'review' | 'cram' | 'export' | 'import' | 'anki' | 'settings';

export type StatsFromWebview =
  | { type: 'ready' }
  | { type: 'command'; command: StatsCommand }
  | { type: 'reviewDomain'; exam: string; domain: number };

/** Built on first use: zod loads with the first message, not when the extension activates. */
let fromWebview: ReturnType<typeof messageSchema> | undefined;

function messageSchema() {
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('ready') }).strict(),
    z.object({ type: z.literal('command'), command: z.enum(['review', 'cram', 'export', 'import', 'anki', 'settings']) }).strict(),
    z.object({ type: z.literal('reviewDomain'), exam: z.string().regex(/^[a-z0-9-]{1,40}$/), domain: z.number().int().min(1).max(9) }).strict(),
  ]);
}

/** Host-side check of anything the webview posts. */
export function parseStatsMessage(m: unknown): StatsFromWebview | undefined {
  const r = (fromWebview ??= messageSchema()).safeParse(m);
  return r.success ? (r.data as StatsFromWebview) : undefined;
}
