/**
 * What a quiz draws from: an exam, a domain, a task statement, a note, or a list of questions.
 * Free of `vscode`, so the mapping from an Exams tree node (or a note view's target) is tested in
 * plain Node.
 */
import type { Question } from '../../core/content/schema';

export interface QuizScope { exam?: string; domain?: number; task?: string; length?: number; noteId?: string; questionIds?: string[] }

/** A tree node or note-view target to a quiz scope: a task node quizzes that task statement only. */
export function scopeFromNode(node: unknown): QuizScope {
  const n = node as { kind?: string; exam?: { id: string } | string; domain?: { number: number } | number; task?: { id?: unknown } | string; noteId?: string; note?: { id: string } } | undefined;
  if (!n?.kind) return {};
  const exam = typeof n.exam === 'string' ? n.exam : n.exam?.id;
  const domain = typeof n.domain === 'number' ? n.domain : n.domain?.number;
  if (n.kind === 'exam') return { exam };
  if (n.kind === 'domain') return { exam, domain };
  if (n.kind === 'task') {
    const task = typeof n.task === 'object' && typeof n.task.id === 'string' ? n.task.id : undefined;
    return task ? { exam, domain, task } : { exam, domain };
  }
  if (n.kind === 'topic' || n.kind === 'section') return { noteId: n.note?.id };
  if (n.kind === 'note' && n.noteId) return { noteId: n.noteId };
  return {};
}

/** The ids a draw may take from, when the scope narrows it to one task statement. */
export function taskQuestionIds(scope: QuizScope, bank: readonly Question[]): Set<string> | undefined {
  if (!scope.task) return undefined;
  return new Set(bank.filter((q) => (!scope.exam || q.exam === scope.exam) && q.task === scope.task).map((q) => q.id));
}
