/**
 * The log of answered questions (quick quizzes and mock exams), and the per-domain accuracy drawn
 * from it. Entries are append-only; a malformed entry is dropped on load and counted, never fatal.
 */
export interface AnswerRecord {
  questionId: string;
  exam: string;
  /** Task id such as 3.1; its first digit is the domain. */
  task: string;
  correct: boolean;
  /** Epoch milliseconds. */
  at: number;
  source: 'quiz' | 'exam';
}

export function isAnswerRecord(x: unknown): x is AnswerRecord {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o.questionId === 'string' && typeof o.exam === 'string' && typeof o.task === 'string' &&
    /^\d\.\d$/.test(o.task) && typeof o.correct === 'boolean' && typeof o.at === 'number' && Number.isFinite(o.at) &&
    (o.source === 'quiz' || o.source === 'exam');
}

/** Reads a stored log, keeping every valid record; reports how many were dropped. */
export function readAnswerLog(raw: unknown): { records: AnswerRecord[]; dropped: number } {
  if (!Array.isArray(raw)) return { records: [], dropped: raw === undefined ? 0 : 1 };
  const records = raw.filter(isAnswerRecord);
  return { records, dropped: raw.length - records.length };
}

export interface DomainAccuracy { answered: number; correct: number; recentAccuracy: number | undefined }

/** Accuracy per `exam:domain` over the last `window` answers in each domain. */
export function domainAccuracy(records: readonly AnswerRecord[], window = 30): Map<string, DomainAccuracy> {
  const byDomain = new Map<string, AnswerRecord[]>();
  for (const r of records) {
    const key = `${r.exam}:${r.task[0]}`;
    const list = byDomain.get(key) ?? [];
    list.push(r);
    byDomain.set(key, list);
  }
  const out = new Map<string, DomainAccuracy>();
  for (const [key, list] of byDomain) {
    const recent = [...list].sort((a, b) => a.at - b.at).slice(-window);
    out.set(key, {
      answered: list.length,
      correct: list.filter((r) => r.correct).length,
      recentAccuracy: recent.length ? recent.filter((r) => r.correct).length / recent.length : undefined,
    });
  }
  return out;
}

/** Ids of questions whose latest answer was wrong (for "retry mistakes"). */
export function missedQuestions(records: readonly AnswerRecord[]): string[] {
  const last = new Map<string, AnswerRecord>();
  for (const r of [...records].sort((a, b) => a.at - b.at)) last.set(r.questionId, r);
  return [...last.values()].filter((r) => !r.correct).map((r) => r.questionId);
}
