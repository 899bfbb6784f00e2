/**
 * Shows a bundled note rendered (markdown-it, raw HTML off, theme colours) in one reusable
 * editor panel, scrolled to a section. Links to other notes and glossary terms are followed on
 * the host; the panel comes back after a reload through its serializer.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { createMarkdown, stripFrontMatter } from '../../core/render/markdown';
import { parseNoteMessage, type NoteCommand, type NoteToWebview } from '../../protocol/note';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';
import { preparePanel, webviewOptions } from '../../vscode/webviewHtml';

const VIEW_TYPE = 'awsMlStudy.note';
/** Where Back can go: the notes shown before, newest last. */
const MAX_BACK = 50;

interface Place { noteId: string; slug?: string }

export class NoteViewer implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: Place | undefined;
  private readonly back: Place[] = [];
  private ready = false;
  private md: MarkdownIt | undefined;
  /** The last message posted to the webview (for tests in the extension host). */
  lastPosted: NoteToWebview | undefined;

  constructor(private readonly services: Services) {}

  /** Opens (or reuses) the panel on a note, optionally at a section slug. */
  async open(noteId: string, slug?: string): Promise<void> {
    const core = await this.services.content.core();
    const note = core.content.notes.find((n) => n.id === noteId);
    if (!note) {
      void vscode.window.showWarningMessage(`The note "${noteId}" is not part of the study content.`);
      return;
    }
    if (!this.panel) this.attach(vscode.window.createWebviewPanel(VIEW_TYPE, note.title, vscode.ViewColumn.Active, webviewOptions(this.services.context.extensionUri)));
    // Like a browser: the place shown before becomes a Back step, whatever opened the new one.
    const cur = this.current;
    if (cur && (cur.noteId !== noteId || cur.slug !== slug)) {
      this.back.push(cur);
      if (this.back.length > MAX_BACK) this.back.shift();
    }
    await this.show(note.title, { noteId, slug });
  }

  /** Back to the note shown before this one; false when there is none. */
  async goBack(): Promise<boolean> {
    const core = await this.services.content.core();
    for (let place = this.back.pop(); place; place = this.back.pop()) {
      const note = core.content.notes.find((n) => n.id === place!.noteId);
      if (note && this.panel) { await this.show(note.title, place); return true; }
    }
    this.updateContext();
    return false;
  }

  private async show(title: string, place: Place): Promise<void> {
    this.panel!.title = title;
    this.panel!.reveal(undefined, false);
    this.current = place;
    this.updateContext();
    if (this.ready) await this.push();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'awsMlStudy.noteCanGoBack', this.back.length > 0);
  }

  /** Restores a panel after a reload (serializer). */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const s = state as { noteId?: unknown; slug?: unknown } | undefined;
    this.attach(panel);
    if (s && typeof s.noteId === 'string') this.current = { noteId: s.noteId, slug: typeof s.slug === 'string' ? s.slug : undefined };
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    preparePanel(panel, this.services.context.extensionUri, { script: 'note', title: 'Note' });
    panel.webview.onDidReceiveMessage((raw) => this.onMessage(raw));
    panel.onDidDispose(() => { this.panel = undefined; this.ready = false; this.current = undefined; this.back.length = 0; this.updateContext(); });
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = parseNoteMessage(raw);
    if (!m) { this.services.log.warn('Ignored a malformed message from the note view.'); return; }
    switch (m.type) {
      case 'ready': this.ready = true; await this.push(); break;
      // The section at the top of the view ('' above the first heading): Back returns there.
      case 'scrolled': if (this.current?.noteId === m.noteId) this.current.slug = m.slug || undefined; break;
      case 'openLink': await this.follow(m.href); break;
      case 'command': await this.runCommand(m.command); break;
    }
  }

  private async push(): Promise<void> {
    if (!this.panel || !this.current) return;
    const core = await this.services.content.core();
    const note = core.content.notes.find((n) => n.id === this.current!.noteId);
    if (!note) return;
    const bytes = await vscode.workspace.fs.readFile(this.services.content.contentUri(note.file));
    this.md ??= createMarkdown({ glossaryTitle: (id) => core.resolver.get(id)?.definition });
    const html = this.md.render(stripFrontMatter(new TextDecoder().decode(bytes)));
    const exam = note.tasks.map((t) => t.toUpperCase().replace(':', ' ')).join(' · ');
    const message: NoteToWebview = { type: 'show', noteId: note.id, title: note.title, breadcrumb: exam, html, scrollTo: this.current.slug, canGoBack: this.back.length > 0 };
    this.lastPosted = message;
    await this.panel.webview.postMessage(message);
  }

  private async follow(href: string): Promise<void> {
    if (href.startsWith('glossary:')) {
      await vscode.commands.executeCommand(Commands.openGlossaryEntry, href.slice(9));
    } else if (/^https:\/\/(docs\.)?aws\.amazon\.com\//.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href));
    } else if (/^[a-z0-9-]+\.md(#[a-z0-9-]+)?$/.test(href.replace(/^\.\//, ''))) {
      const [file, slug] = href.replace(/^\.\//, '').split('#');
      await this.open(file.replace(/\.md$/, ''), slug);
    } else if (/^https?:\/\//.test(href)) {
      const choice = await vscode.window.showInformationMessage(`Open ${href} in your browser?`, 'Open');
      if (choice) await vscode.env.openExternal(vscode.Uri.parse(href));
    }
  }

  private async runCommand(command: NoteCommand): Promise<void> {
    if (command === 'back') { await this.goBack(); return; }
    const target = this.current ? { kind: 'note', noteId: this.current.noteId } : undefined;
    if (command === 'review') await vscode.commands.executeCommand(Commands.reviewHere, target);
    else if (command === 'quiz') await vscode.commands.executeCommand(Commands.quizHere, target);
    else await vscode.commands.executeCommand(Commands.searchNotes);
  }

  dispose(): void { this.panel?.dispose(); }
}

export function register(context: vscode.ExtensionContext, services: Services): NoteViewer {
  const viewer = new NoteViewer(services);
  context.subscriptions.push(
    viewer,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => viewer.restore(panel, state),
    }),
    vscode.commands.registerCommand(Commands.noteBack, () => viewer.goBack()),
    vscode.commands.registerCommand(Commands.openNote, (noteId: unknown, slug?: unknown) => {
      if (typeof noteId !== 'string') return;
      return viewer.open(noteId, typeof slug === 'string' ? slug : undefined);
    }),
    vscode.commands.registerCommand(Commands.openGlossaryEntry, async (id: unknown) => {
      if (typeof id !== 'string') return;
      const core = await services.content.core();
      const entry = core.resolver.get(id);
      if (!entry) return void vscode.window.showWarningMessage(`"${id}" is not in the glossary.`);
      if (!entry.note) return void vscode.window.showInformationMessage(`${entry.term}: ${entry.definition}`);
      const [noteId, slug] = entry.note.split('#');
      await viewer.open(noteId, slug);
    }),
  );
  return viewer;
}
