/** Links clicked on a card face, tree nodes and other command arguments, turned into what the extension does with them. */
import * as vscode from 'vscode';
import { asDeckScope } from '../../core/cards/scope';
import type { DeckScope } from '../../core/cards/types';
import { Commands } from '../../vscode/commands';

/** Glossary links open the entry, note links the note; web links only after the learner agrees. */
export async function followLink(href: string): Promise<void> {
  if (href.startsWith('glossary:')) {
    await vscode.commands.executeCommand(Commands.openGlossaryEntry, href.slice(9));
    return;
  }
  const note = /^(?:\.\/)?([a-z0-9-]+)\.md(?:#([a-z0-9-]+))?$/.exec(href);
  if (note) {
    await vscode.commands.executeCommand(Commands.openNote, note[1], note[2]);
    return;
  }
  if (/^https?:\/\//.test(href)) {
    const choice = await vscode.window.showInformationMessage(`Open ${href} in your browser?`, 'Open');
    if (choice) await vscode.env.openExternal(vscode.Uri.parse(href));
  }
}

/**
 * A deck scope from a command argument: a scope object, an Exams tree node (exam, domain, task,
 * topic, section) or the note view's `{ kind: 'note', noteId }`.
 */
export function scopeFromArg(arg: unknown): DeckScope | undefined {
  const direct = asDeckScope(arg);
  if (direct) return direct;
  const n = arg as { kind?: string; exam?: { id?: unknown } | string; domain?: { number?: unknown } | number; task?: { id?: unknown }; note?: { id?: unknown } } | undefined;
  if (!n || typeof n !== 'object' || typeof n.kind !== 'string') return undefined;
  const exam = typeof n.exam === 'string' ? n.exam : n.exam?.id;
  const domain = typeof n.domain === 'number' ? n.domain : n.domain?.number;
  switch (n.kind) {
    case 'exam': return typeof exam === 'string' ? { kind: 'exam', exam } : undefined;
    case 'domain': return typeof exam === 'string' && typeof domain === 'number' ? { kind: 'domain', exam, domain } : undefined;
    case 'task': return typeof exam === 'string' && typeof n.task?.id === 'string' ? { kind: 'task', exam, task: n.task.id } : undefined;
    case 'topic':
    case 'section': return typeof n.note?.id === 'string' ? { kind: 'note', noteId: n.note.id } : undefined;
    default: return undefined;
  }
}

/** The Quick Quiz scope closest to a deck. */
export function quizScopeOf(scope: DeckScope | undefined): { exam?: string; domain?: number; noteId?: string } {
  switch (scope?.kind) {
    case 'exam': return { exam: scope.exam };
    case 'domain': return { exam: scope.exam, domain: scope.domain };
    case 'task': return { exam: scope.exam, domain: Number(scope.task[0]) };
    case 'note': return { noteId: scope.noteId };
    default: return {};
  }
}
