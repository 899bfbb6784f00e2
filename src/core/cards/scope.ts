/** Which cards belong to a deck scope, and the words a learner reads for it. */
import { parseTaskRef } from '../content/bundle';
import type { Exam } from '../content/schema';
import type { DeckScope, StudyCard } from './types';

export function inScope(card: StudyCard, scope: DeckScope): boolean {
  switch (scope.kind) {
    case 'all': return true;
    case 'myNotes': return card.source === 'user';
    case 'note': return card.noteId === scope.noteId;
    case 'term': return card.entryId === scope.entryId;
    case 'exam': return card.tasks.some((t) => parseTaskRef(t)?.exam === scope.exam);
    case 'domain': return card.tasks.some((t) => { const r = parseTaskRef(t); return r?.exam === scope.exam && r.domain === scope.domain; });
    case 'task': return card.tasks.some((t) => { const r = parseTaskRef(t); return r?.exam === scope.exam && r.task === scope.task; });
  }
}

export function cardsInScope(cards: readonly StudyCard[], scope: DeckScope): StudyCard[] {
  return cards.filter((c) => inScope(c, scope));
}

export interface ScopeNames {
  exams: readonly Exam[];
  noteTitle?: (noteId: string) => string | undefined;
  term?: (entryId: string) => string | undefined;
}

/** "AIF-C01 · Domain 3: Applications of Foundation Models", "My notes", "All cards". */
export function scopeTitle(scope: DeckScope, names: ScopeNames): string {
  const exam = (id: string) => names.exams.find((e) => e.id === id);
  switch (scope.kind) {
    case 'all': return 'All cards';
    case 'myNotes': return 'My notes';
    case 'note': return names.noteTitle?.(scope.noteId) ?? scope.noteId;
    case 'term': return names.term?.(scope.entryId) ?? scope.entryId;
    case 'exam': return exam(scope.exam)?.code ?? scope.exam.toUpperCase();
    case 'domain': {
      const e = exam(scope.exam);
      const d = e?.domains.find((x) => x.number === scope.domain);
      return `${e?.code ?? scope.exam.toUpperCase()} · Domain ${scope.domain}${d ? `: ${d.name}` : ''}`;
    }
    case 'task': {
      const e = exam(scope.exam);
      const t = e?.domains.flatMap((d) => d.tasks).find((x) => x.id === scope.task);
      return `${e?.code ?? scope.exam.toUpperCase()} · Task ${scope.task}${t ? `: ${t.title}` : ''}`;
    }
  }
}

/** Checks an untrusted value (a command argument, restored webview state) is a scope. */
export function asDeckScope(x: unknown): DeckScope | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length < 200;
  switch (o.kind) {
    case 'all': return { kind: 'all' };
    case 'myNotes': return { kind: 'myNotes' };
    case 'note': return str(o.noteId) ? { kind: 'note', noteId: o.noteId as string } : undefined;
    case 'term': return str(o.entryId) ? { kind: 'term', entryId: o.entryId as string } : undefined;
    case 'exam': return str(o.exam) ? { kind: 'exam', exam: o.exam as string } : undefined;
    case 'domain': return str(o.exam) && Number.isInteger(o.domain) ? { kind: 'domain', exam: o.exam as string, domain: o.domain as number } : undefined;
    case 'task': return str(o.exam) && str(o.task) ? { kind: 'task', exam: o.exam as string, task: o.task as string } : undefined;
    default: return undefined;
  }
}
