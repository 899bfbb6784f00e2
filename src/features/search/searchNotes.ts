/**
 * "Search Notes": a QuickPick that searches as you type across the bundled notes, the glossary and
 * the learner's notes, and opens the chosen result at its line.
 */
import * as vscode from 'vscode';
import type { SearchResult } from '../../core/search/index';
import { respellingNotice } from '../../core/search/respelling';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';
import type { UserNotesService } from '../notes/userNotes';
import type { NoteViewer } from '../noteView/noteViewer';

interface ResultItem extends vscode.QuickPickItem { result?: SearchResult }

const ICON: Record<SearchResult['source'], string> = { bundled: '$(book)', notes: '$(note)', glossary: '$(symbol-key)' };

export function register(context: vscode.ExtensionContext, services: Services, notes: UserNotesService, viewer: NoteViewer): void {
  context.subscriptions.push(vscode.commands.registerCommand(Commands.searchNotes, (initial?: string) => searchNotes(services, notes, viewer, initial)));
}

export async function searchNotes(services: Services, notes: UserNotesService, viewer: NoteViewer, initial?: string): Promise<void> {
  const qp = vscode.window.createQuickPick<ResultItem>();
  qp.title = 'AWS ML Study: Search Notes';
  qp.placeholder = 'Ask a question or type a term (e.g. "when to use provisioned throughput")';
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  qp.busy = true;
  const core = await services.content.core();
  // Results update as soon as the learner's notes are in; bundled content answers at once.
  const refresh = () => {
    const results = core.search(qp.value, { limit: 30 });
    if (!results.length) { qp.items = qp.value.trim() ? [noMatch(qp.value.trim())] : []; return; }
    const items = toItems(results);
    const notice = respellingNotice(core.respellings(qp.value));
    // The notice row says which words were respelt or matched nothing; Enter still opens the first result.
    qp.items = notice ? [{ label: `$(lightbulb) ${notice}`, alwaysShow: true }, ...items] : items;
    if (notice) qp.activeItems = [items[0]];
  };
  void notes.ensureIndexed().then(() => { qp.busy = false; refresh(); }, (e) => { qp.busy = false; services.log.error('Indexing notes failed', e); });
  qp.onDidChangeValue(refresh);
  qp.onDidAccept(async () => {
    const item = qp.selectedItems[0];
    if (!item?.result) return;
    qp.hide();
    await openResult(item.result, qp.value, viewer, services);
  });
  qp.onDidHide(() => qp.dispose());
  if (initial) qp.value = initial;
  refresh();
  qp.show();
}

/** Shown instead of an empty list, which looked as if the search had not run. */
function noMatch(query: string): ResultItem {
  return {
    label: `$(info) Nothing matches "${query}"`,
    detail: 'Try fewer or other words (misspellings are fine), or Look Up Term for a glossary entry.',
    alwaysShow: true,
  };
}

function toItems(results: SearchResult[]): ResultItem[] {
  return results.map((r) => ({
    label: `${ICON[r.source]} ${r.title}`,
    description: r.source === 'notes' ? vscode.workspace.asRelativePath(r.file) : r.breadcrumb,
    detail: r.snippet,
    alwaysShow: true,
    result: r,
  }));
}

export async function openResult(r: SearchResult, query: string, viewer: NoteViewer, services: Services): Promise<void> {
  if (r.source === 'glossary') {
    await vscode.commands.executeCommand(Commands.openGlossaryEntry, r.id.replace(/^glossary:/, ''));
    return;
  }
  if (r.source === 'bundled') {
    const slug = r.id.split('#')[1];
    await viewer.open(r.file.replace(/^notes\//, '').replace(/\.md$/, ''), slug);
    return;
  }
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(r.file));
    const line = matchLine(doc, r.line - 1, query);
    const pos = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
  } catch (e) {
    services.log.error(`Could not open ${r.file}`, e);
    void vscode.window.showWarningMessage(`Could not open ${r.file}. It may have been moved or deleted.`);
  }
}

/** The first line at or below the section heading that holds a query word, else the heading. */
export function matchLine(doc: vscode.TextDocument, from: number, query: string): number {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
  const start = Math.min(Math.max(0, from), doc.lineCount - 1);
  for (let i = start; i < Math.min(doc.lineCount, start + 400); i++) {
    const text = doc.lineAt(i).text.toLowerCase();
    if (i > start && /^#{1,6}\s/.test(text)) break;
    if (words.some((w) => text.includes(w))) return i;
  }
  return start;
}
