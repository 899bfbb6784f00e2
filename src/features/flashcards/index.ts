/**
 * Flashcards: review and cram in a webview (FSRS through ts-fsrs), progress stored in the host,
 * due counts and mastery for the tree and the status bar, export and import, and the statistics
 * view. One registration for the extension's entry point.
 */
import * as vscode from 'vscode';
import type { DeckScope } from '../../core/cards/types';
import { ReviewStore } from '../../vscode/adapters/reviewStore';
import { Commands } from '../../vscode/commands';
import type { ProgressService } from '../../vscode/progress';
import type { Services } from '../../vscode/services';
import type { UserNotesService } from '../notes/userNotes';
import * as stats from '../stats/statsPanel';
import { FlashcardService } from './cardService';
import { pickDeck } from './deckPicker';
import { scopeFromArg } from './links';
import { FLASHCARDS_VIEW_TYPE, ReviewPanel } from './reviewPanel';
import { exportDeckAnki, exportReviewLog, importReviewLog } from './transfer';

/** What integration tests reach through the extension's API. */
export interface FlashcardsApi {
  service: FlashcardService;
  panel: ReviewPanel;
  stats: stats.StatsPanel;
}

export function register(context: vscode.ExtensionContext, services: Services, progress: ProgressService, userNotes: UserNotesService): FlashcardsApi {
  const store = new ReviewStore(context.globalState, context.globalStorageUri, services.log);
  const service = new FlashcardService(services, store, userNotes);
  const panel = new ReviewPanel(services, service);
  progress.setCardSource(service);

  const review = async (arg: unknown, mode: 'review' | 'cram', title: string) => {
    const scope: DeckScope | undefined = scopeFromArg(arg) ?? await pickDeck(service, title);
    if (scope) await panel.open(scope, mode);
  };
  context.subscriptions.push(
    service, panel,
    vscode.window.registerWebviewPanelSerializer(FLASHCARDS_VIEW_TYPE, { deserializeWebviewPanel: (p, state) => panel.restore(p, state) }),
    vscode.commands.registerCommand(Commands.reviewFlashcards, (arg?: unknown) => review(arg, 'review', 'Review Flashcards')),
    vscode.commands.registerCommand(Commands.reviewHere, (arg?: unknown) => review(arg, 'review', 'Review Flashcards')),
    vscode.commands.registerCommand(Commands.cram, (arg?: unknown) => review(arg, 'cram', 'Cram Flashcards (the schedule is not changed)')),
    vscode.commands.registerCommand(Commands.reviewTerm, (id?: unknown) => reviewTerm(service, panel, id)),
    vscode.commands.registerCommand(Commands.exportReviewLog, (target?: unknown) => exportReviewLog(service, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand(Commands.importReviewLog, (source?: unknown) => importReviewLog(service, services.log, source instanceof vscode.Uri ? source : undefined)),
    vscode.commands.registerCommand(Commands.exportDeckAnki, async (arg?: unknown, target?: unknown) => {
      const scope = scopeFromArg(arg) ?? await pickDeck(service, 'Export a deck for Anki');
      return scope ? exportDeckAnki(service, scope, target instanceof vscode.Uri ? target : undefined) : undefined;
    }),
  );
  return { service, panel, stats: stats.register(context, services, service) };
}

/** One glossary term: reviewed if it is due or new, otherwise practised without touching its schedule. */
async function reviewTerm(service: FlashcardService, panel: ReviewPanel, id: unknown): Promise<void> {
  if (typeof id !== 'string' || !id) {
    await vscode.commands.executeCommand(Commands.lookUpTerm);
    return;
  }
  const cards = await service.deck({ kind: 'term', entryId: id });
  if (!cards.length) {
    void vscode.window.showWarningMessage(`"${id}" is not in the glossary, so it has no flashcard.`);
    return;
  }
  const c = service.counts(cards);
  await panel.open({ kind: 'term', entryId: id }, c.due + c.fresh > 0 ? 'review' : 'cram');
}
