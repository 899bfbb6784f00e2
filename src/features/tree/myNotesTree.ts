/**
 * The My Notes view: the learner's note files by folder, each with its sections. Opening the view
 * is what starts indexing the notes; the view follows file changes.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { NoteSection, ParsedNote } from '../../core/notes/types';
import { cardsLabel, studyCardCount } from '../../core/cards/count';
import { Commands } from '../../vscode/commands';
import type { UserNotesService } from '../notes/userNotes';

export type MyNotesNode =
  | { kind: 'folder'; dir: string; label: string }
  | { kind: 'file'; note: ParsedNote }
  | { kind: 'section'; note: ParsedNote; section: NoteSection };

export class MyNotesProvider implements vscode.TreeDataProvider<MyNotesNode> {
  private readonly emitter = new vscode.EventEmitter<MyNotesNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly notes: UserNotesService) {
    notes.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', 'awsMlStudy.hasUserNotes', notes.notes.length > 0);
      this.emitter.fire(undefined);
    });
  }

  async getChildren(node?: MyNotesNode): Promise<MyNotesNode[]> {
    await this.notes.ensureIndexed();
    const all = [...this.notes.notes].sort((a, b) => a.file.localeCompare(b.file));
    if (!node) return this.folderChildren(all, undefined);
    if (node.kind === 'folder') return this.folderChildren(all, node.dir);
    if (node.kind === 'file') return sectionsOf(node.note).map((section) => ({ kind: 'section', note: node.note, section }));
    return [];
  }

  /** Direct children of a folder: sub-folders first, then files. At the top of a multi-root workspace, one entry per workspace folder. */
  private folderChildren(all: ParsedNote[], dir: string | undefined): MyNotesNode[] {
    // The workspace folder's name leads the path only in a multi-root workspace (one root node per folder).
    const rel = (file: string) => vscode.workspace.asRelativePath(file);
    const inDir = dir === undefined ? all : all.filter((n) => rel(n.file).startsWith(dir + '/'));
    const depth = dir === undefined ? 0 : dir.split('/').length;
    const folders = new Set<string>();
    const files: MyNotesNode[] = [];
    for (const n of inDir) {
      const parts = rel(n.file).split('/');
      if (parts.length - 1 > depth) folders.add(parts.slice(0, depth + 1).join('/'));
      else files.push({ kind: 'file', note: n });
    }
    const folderNodes: MyNotesNode[] = [...folders].sort().map((d) => ({ kind: 'folder', dir: d, label: d.split('/').pop()! }));
    return [...folderNodes, ...files];
  }

  getTreeItem(node: MyNotesNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `folder:${node.dir}`;
      item.contextValue = 'userFolder';
      item.iconPath = vscode.ThemeIcon.Folder;
      return item;
    }
    if (node.kind === 'file') {
      const uri = vscode.Uri.file(node.note.file);
      const sections = sectionsOf(node.note);
      const item = new vscode.TreeItem(path.basename(node.note.file), sections.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `file:${node.note.file}`;
      item.resourceUri = uri;
      item.contextValue = 'userNote';
      item.description = [node.note.title !== path.basename(node.note.file, path.extname(node.note.file)) ? node.note.title : '', node.note.cards.length ? cardsLabel(studyCardCount(node.note.cards)) : ''].filter(Boolean).join(' · ');
      item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
      return item;
    }
    const item = new vscode.TreeItem(node.section.title, vscode.TreeItemCollapsibleState.None);
    item.id = `usersection:${node.section.id}`;
    item.contextValue = 'userSection';
    item.iconPath = new vscode.ThemeIcon('symbol-text');
    const pos = new vscode.Position(Math.max(0, node.section.line - 1), 0);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.file(node.note.file), { selection: new vscode.Range(pos, pos) }] };
    return item;
  }
}

function sectionsOf(note: ParsedNote): NoteSection[] {
  return note.sections.filter((s) => s.level > 0 && s.title.trim());
}

export function register(context: vscode.ExtensionContext, notes: UserNotesService): MyNotesProvider {
  const provider = new MyNotesProvider(notes);
  context.subscriptions.push(
    vscode.window.createTreeView('awsMlStudy.myNotes', { treeDataProvider: provider, showCollapseAll: true }),
    vscode.commands.registerCommand(Commands.refreshNotes, () => reindexAndTell(notes)),
    vscode.commands.registerCommand(Commands.showSkippedNotes, () => {
      const skipped = notes.skipped;
      if (!skipped.length) return void vscode.window.showInformationMessage('No note files were skipped.');
      return vscode.window.showQuickPick(skipped.map((s) => ({ label: vscode.workspace.asRelativePath(s.file), description: s.reason, detail: s.detail })), { title: 'Skipped note files' });
    }),
  );
  return provider;
}

/** Re-index on request and say what came of it (the command ran silently before); returns the message. */
async function reindexAndTell(notes: UserNotesService): Promise<string> {
  if (!vscode.workspace.workspaceFolders?.length) {
    const msg = 'No folder is open. Open the folder that holds your notes: its markdown and text files become searchable, and question::answer lines become flashcards.';
    void vscode.window.showInformationMessage(msg, 'Open Folder').then((c) => c && vscode.commands.executeCommand('workbench.action.files.openFolder'));
    return msg;
  }
  await notes.reindex();
  const n = notes.notes.length;
  const skipped = notes.skipped.length;
  if (!n && !skipped) {
    const msg = 'No note files found. Notes are .md, .markdown and .txt files matched by the awsMlStudy.notes.include setting.';
    void vscode.window.showInformationMessage(msg, 'Open Settings').then((c) => c && vscode.commands.executeCommand('workbench.action.openSettings', 'awsMlStudy.notes'));
    return msg;
  }
  const msg = `Indexed ${n} note file${n === 1 ? '' : 's'}${skipped ? `; ${skipped} skipped (see Show Skipped Note Files).` : '.'}`;
  void vscode.window.showInformationMessage(msg, ...(skipped ? ['Show Skipped'] : [])).then((c) => c && vscode.commands.executeCommand(Commands.showSkippedNotes));
  return msg;
}
