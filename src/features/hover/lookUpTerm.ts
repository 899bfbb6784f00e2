/**
 * "Look Up Term...": the hover's content from the palette. Uses the selection or the term under
 * the cursor when there is one, else asks, with every glossary term to pick from.
 */
import * as vscode from 'vscode';
import type { GlossaryEntry } from '../../core/content/schema';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';

export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.lookUpTerm, (term?: unknown) => lookUpTerm(services, typeof term === 'string' ? term : undefined)));
}

export async function lookUpTerm(services: Services, given?: string): Promise<GlossaryEntry | undefined> {
  const core = await services.content.core();
  let entry = given ? core.define(given) : fromEditor(core);
  if (!entry) {
    const picked = await pickTerm(core.content.glossary, given);
    if (typeof picked === 'string') {
      await vscode.commands.executeCommand(Commands.searchNotes, picked);
      return undefined;
    }
    entry = picked;
  }
  if (!entry) return undefined;
  const actions = [entry.note ? 'Open Note' : undefined, 'Review as Flashcard'].filter((x): x is string => !!x);
  void vscode.window.showInformationMessage(`${entry.term}: ${entry.definition}${entry.tip ? `\n\nExam tip: ${entry.tip}` : ''}`, { modal: false }, ...actions)
    .then((choice) => {
      if (choice === 'Open Note') void vscode.commands.executeCommand(Commands.openGlossaryEntry, entry!.id);
      if (choice === 'Review as Flashcard') void vscode.commands.executeCommand(Commands.reviewTerm, entry!.id);
    });
  return entry;
}

type TermItem = vscode.QuickPickItem & { entry?: GlossaryEntry };

/**
 * Every glossary term to pick from, and below them, always shown, a row that searches the notes for
 * the text typed: a term the glossary lacks used to leave an empty list where Enter did nothing.
 * Returns the entry picked, the text to search for, or undefined when dismissed.
 */
function pickTerm(glossary: readonly GlossaryEntry[], given?: string): Promise<GlossaryEntry | string | undefined> {
  const terms: TermItem[] = glossary
    .map((e) => ({ label: e.term, description: e.aliases.slice(0, 4).join(', '), detail: e.definition, entry: e }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const qp = vscode.window.createQuickPick<TermItem>();
  qp.title = 'AWS ML Study: Look Up Term';
  qp.placeholder = given ? `"${given}" is not in the glossary; pick a term` : 'Type a term: top_p, LoRA, Guardrails…';
  qp.matchOnDescription = true;
  const update = () => {
    const text = qp.value.trim();
    qp.items = text ? [...terms, { label: `$(search) Search the notes for "${text}"`, alwaysShow: true }] : terms;
  };
  qp.onDidChangeValue(update);
  update();
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) return;
      resolve(item.entry ?? qp.value.trim());
      qp.hide();
    });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
    qp.show();
  });
}

function fromEditor(core: Awaited<ReturnType<Services['content']['core']>>): GlossaryEntry | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const sel = editor.selection;
  if (!sel.isEmpty) {
    const text = editor.document.getText(sel).trim();
    if (text.length < 100) return core.define(text);
  }
  return core.termAt(editor.document.lineAt(sel.active.line).text, sel.active.character)?.entry;
}
