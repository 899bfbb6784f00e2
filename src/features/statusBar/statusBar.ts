/** A status bar item with the cards due today; a click opens the review of everything due. */
import * as vscode from 'vscode';
import { Commands } from '../../vscode/commands';
import type { ProgressService } from '../../vscode/progress';
import type { Services } from '../../vscode/services';

const FIRST_COUNT_DELAY_MS = 4000;

export function register(context: vscode.ExtensionContext, services: Services, progress: ProgressService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('awsMlStudy.due', vscode.StatusBarAlignment.Right, 100);
  item.name = 'AWS ML Study: cards due';
  item.command = Commands.reviewFlashcards;
  let counting = false;
  const update = () => {
    if (!services.config.current.statusBar.enabled) { item.hide(); return; }
    if (!counting) { item.show(); return; }
    const due = progress.dueCount({ kind: 'all' });
    item.text = `$(mortar-board) ${due}`;
    item.tooltip = due ? `${due} flashcard${due === 1 ? '' : 's'} due today. Click to review.` : 'No flashcards due. Click to study new cards.';
    item.show();
  };
  context.subscriptions.push(item, progress.onDidChange(update), services.config.onDidChange(update));
  // Activation reads nothing: the item shows at once, and the due count (which loads the review
  // state) follows a few seconds after start-up, when the window has settled.
  item.text = '$(mortar-board)';
  item.tooltip = 'AWS ML Study: review flashcards';
  if (services.config.current.statusBar.enabled) item.show();
  const timer = setTimeout(() => { counting = true; update(); }, FIRST_COUNT_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return item;
}
