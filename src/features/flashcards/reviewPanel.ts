/**
 * The flashcard review panel (one editor panel, reused). The host owns the session: the webview
 * shows the card it is sent and reports reveal, grade, undo and actions, each validated here.
 * Every grade is saved before the next card is shown. After a reload the serializer reopens the
 * same deck and the session carries on from the stored progress.
 */
import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { asDeckScope, scopeTitle } from '../../core/cards/scope';
import type { DeckScope, StudyCard } from '../../core/cards/types';
import { createMarkdown } from '../../core/render/markdown';
import { ReviewSession, type SessionMode } from '../../core/srs/session';
import { parseFlashcardsMessage, type ActionId, type DeckView, type FlashcardsToWebview, type Rating } from '../../protocol/flashcards';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';
import { preparePanel, webviewOptions } from '../../vscode/webviewHtml';
import type { FlashcardService } from './cardService';
import { followLink, quizScopeOf } from './links';
import { EXTRA_NEW, cardMessage, emptyMessage, summaryMessage, actions } from './views';

export const FLASHCARDS_VIEW_TYPE = 'awsMlStudy.flashcards';

interface Open { scope: DeckScope; mode: SessionMode; cards: StudyCard[]; session: ReviewSession; title: string }

export class ReviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: Open | undefined;
  private revealed = false;
  private ready = false;
  private md: MarkdownIt | undefined;
  /** The last messages posted to the webview, newest last (for tests in the extension host). */
  readonly posted: FlashcardsToWebview[] = [];

  constructor(private readonly services: Services, private readonly cards: FlashcardService) {}

  get isOpen(): boolean { return !!this.panel; }
  get session(): ReviewSession | undefined { return this.current?.session; }
  get scope(): DeckScope | undefined { return this.current?.scope; }

  /** Opens (or reuses) the panel on a deck and starts a new session. */
  async open(scope: DeckScope, mode: SessionMode = 'review'): Promise<void> {
    if (!this.panel) this.attach(vscode.window.createWebviewPanel(FLASHCARDS_VIEW_TYPE, 'Flashcards', vscode.ViewColumn.Active, webviewOptions(this.services.context.extensionUri)));
    this.panel!.reveal(undefined, false);
    await this.start(scope, mode);
  }

  /** Restores the panel after a reload from the webview's saved state. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const s = state as { scope?: unknown; mode?: unknown } | undefined;
    this.attach(panel);
    await this.start(asDeckScope(s?.scope) ?? { kind: 'all' }, s?.mode === 'cram' ? 'cram' : 'review');
  }

  /** Handles one message as if the webview had sent it (the webview's messages come through here too). */
  async handle(raw: unknown): Promise<void> {
    const m = parseFlashcardsMessage(raw);
    if (!m) { this.services.log.warn('Ignored a malformed message from the flashcard view.'); return; }
    switch (m.type) {
      case 'ready': this.ready = true; await this.push(); break;
      case 'reveal': if (m.cardId === this.currentCard()?.id) { this.revealed = true; } break;
      case 'grade': await this.grade(m.cardId, m.rating); break;
      case 'undo': await this.undo(); break;
      case 'action': await this.action(m.action); break;
      case 'openSource': await this.openSource(m.cardId); break;
      case 'openLink': await followLink(m.href); break;
    }
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    preparePanel(panel, this.services.context.extensionUri, { script: 'flashcards', title: 'Flashcards', styles: ['flashcards.css'] });
    panel.webview.onDidReceiveMessage((raw) => this.handle(raw).catch((err) => this.fail(err)));
    panel.onDidDispose(() => { this.panel = undefined; this.ready = false; this.current = undefined; });
  }

  private async start(scope: DeckScope, mode: SessionMode): Promise<void> {
    try {
      const cards = await this.cards.deck(scope);
      const core = this.cards.core!;
      const title = scopeTitle(scope, {
        exams: core.content.exams,
        noteTitle: (id) => core.content.notes.find((n) => n.id === id)?.title,
        term: (id) => core.resolver.get(id)?.term,
      });
      this.md ??= createMarkdown({ glossaryTitle: (id) => core.resolver.get(id)?.definition });
      // Asking for one term by name is asking to study it, whatever today's new-card limit says.
      const session = new ReviewSession(cards, this.cards.book, this.cards.scheduler, this.cards.now, { mode, newLimit: scope.kind === 'term' ? Number.MAX_SAFE_INTEGER : this.cards.newCardsPerDay });
      this.current = { scope, mode, cards, session, title };
      this.revealed = false;
      if (this.panel) this.panel.title = `${mode === 'cram' ? 'Cram' : 'Flashcards'}: ${title}`;
      if (this.ready) await this.push();
    } catch (err) {
      await this.fail(err);
    }
  }

  private currentCard(): StudyCard | undefined { return this.current?.session.current(); }

  private deckView(): DeckView {
    return { title: this.current!.title, mode: this.current!.mode, scope: this.current!.scope };
  }

  /** Sends what the webview should show now. */
  private async push(): Promise<void> {
    if (!this.panel || !this.ready || !this.current) return;
    const { session, cards, scope } = this.current;
    const card = session.current();
    const now = this.cards.now();
    const counts = this.cards.counts(cards);
    let message: FlashcardsToWebview;
    if (card) message = cardMessage(session, card, this.cards.book, this.md!, this.deckView(), this.revealed);
    else if (session.stats.reviewed > 0) message = summaryMessage(session, cards, this.cards.book, now, this.deckView(), counts);
    else message = emptyMessage(scope, cards, this.cards.book, now, this.deckView(), counts, session.canUndo);
    await this.post(message);
  }

  private async post(message: FlashcardsToWebview): Promise<void> {
    this.posted.push(message);
    if (this.posted.length > 50) this.posted.shift();
    await this.panel?.webview.postMessage(message);
  }

  private async grade(cardId: string, rating: Rating): Promise<void> {
    const session = this.current?.session;
    // A grade for a card no longer on screen (a double key press, a stale view) is ignored.
    if (!session || session.current()?.id !== cardId) return;
    session.grade(rating);
    this.revealed = false;
    if (session.mode === 'review') await this.cards.persist();
    await this.push();
  }

  private async undo(): Promise<void> {
    const session = this.current?.session;
    if (!session?.canUndo) return;
    session.undo();
    this.revealed = true;
    if (session.mode === 'review') await this.cards.persist();
    await this.push();
  }

  private async action(action: ActionId): Promise<void> {
    const cur = this.current;
    switch (action) {
      case 'continue': await this.push(); break;
      case 'studyNew': if (cur) { cur.session.addNew(EXTRA_NEW); this.revealed = false; await this.push(); } break;
      case 'cram': if (cur) await this.start(cur.scope, 'cram'); break;
      case 'review': if (cur) await this.start(cur.scope, 'review'); break;
      case 'allDecks': await this.start({ kind: 'all' }, 'review'); break;
      case 'quiz': await vscode.commands.executeCommand(Commands.quickQuiz, quizScopeOf(cur?.scope)); break;
      case 'stats': await vscode.commands.executeCommand(Commands.showStatistics); break;
      case 'openNotes': await vscode.commands.executeCommand('awsMlStudy.myNotes.focus'); break;
      case 'close': this.panel?.dispose(); break;
    }
  }

  private async openSource(cardId: string): Promise<void> {
    const card = this.current?.cards.find((c) => c.id === cardId);
    if (!card) return;
    if (card.noteId) await vscode.commands.executeCommand(Commands.openNote, card.noteId, card.slug);
    else if (card.file) {
      const line = Math.max(0, (card.line ?? 1) - 1);
      await vscode.window.showTextDocument(vscode.Uri.file(card.file), { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.Beside });
    }
  }

  private async fail(err: unknown): Promise<void> {
    this.services.log.error('The flashcard view ran into a problem', err);
    await this.post({
      type: 'error', title: 'The flashcards could not be loaded',
      detail: 'Your progress is safe. The details are in the AWS ML Study output channel.',
      actions: actions(['allDecks', 'quiz', 'close'], 'allDecks'),
    });
  }

  dispose(): void { this.panel?.dispose(); }
}
