/**
 * The study statistics panel: reviews per day, the due forecast, true retention and mastery per
 * exam domain, drawn as SVG in the webview from numbers computed here. It follows progress
 * changes while open and comes back after a reload through its serializer.
 */
import * as vscode from 'vscode';
import { parseStatsMessage, type StatsCommand, type StatsToWebview } from '../../protocol/stats';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';
import { preparePanel, webviewOptions } from '../../vscode/webviewHtml';
import type { FlashcardService } from '../flashcards/cardService';
import { statsModel } from './statsModel';

export const STATS_VIEW_TYPE = 'awsMlStudy.stats';

export class StatsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private readonly subs: vscode.Disposable[] = [];
  /** The last model posted (for tests in the extension host). */
  lastPosted: StatsToWebview | undefined;

  constructor(private readonly services: Services, private readonly cards: FlashcardService) {
    this.subs.push(cards.onDidChange(() => void this.push()));
  }

  get isOpen(): boolean { return !!this.panel; }

  async open(): Promise<void> {
    if (!this.panel) this.attach(vscode.window.createWebviewPanel(STATS_VIEW_TYPE, 'Study Statistics', vscode.ViewColumn.Active, webviewOptions(this.services.context.extensionUri)));
    this.panel!.reveal(undefined, false);
    await this.push();
  }

  restore(panel: vscode.WebviewPanel): void { this.attach(panel); }

  async handle(raw: unknown): Promise<void> {
    const m = parseStatsMessage(raw);
    if (!m) { this.services.log.warn('Ignored a malformed message from the statistics view.'); return; }
    if (m.type === 'ready') { this.ready = true; await this.push(); }
    else if (m.type === 'reviewDomain') await vscode.commands.executeCommand(Commands.reviewFlashcards, { kind: 'domain', exam: m.exam, domain: m.domain });
    else await this.command(m.command);
  }

  private async command(c: StatsCommand): Promise<void> {
    const ids: Record<StatsCommand, [string, ...unknown[]]> = {
      review: [Commands.reviewFlashcards, { kind: 'all' }],
      cram: [Commands.cram],
      export: [Commands.exportReviewLog],
      import: [Commands.importReviewLog],
      anki: [Commands.exportDeckAnki],
      settings: ['workbench.action.openSettings', 'awsMlStudy.flashcards'],
    };
    const [id, ...args] = ids[c];
    await vscode.commands.executeCommand(id, ...args);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    preparePanel(panel, this.services.context.extensionUri, { script: 'stats', title: 'Study Statistics', styles: ['stats.css'] });
    panel.webview.onDidReceiveMessage((raw) => void this.handle(raw).catch((err) => this.services.log.error('The statistics view ran into a problem', err)));
    panel.onDidDispose(() => { this.panel = undefined; this.ready = false; });
  }

  private async push(): Promise<void> {
    if (!this.panel || !this.ready) return;
    await this.cards.ready();
    const message: StatsToWebview = { type: 'stats', model: statsModel(this.cards, this.services.config.current.flashcards.desiredRetention) };
    this.lastPosted = message;
    await this.panel?.webview.postMessage(message);
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.panel?.dispose();
  }
}

export function register(context: vscode.ExtensionContext, services: Services, cards: FlashcardService): StatsPanel {
  const stats = new StatsPanel(services, cards);
  context.subscriptions.push(
    stats,
    vscode.window.registerWebviewPanelSerializer(STATS_VIEW_TYPE, { deserializeWebviewPanel: async (panel) => stats.restore(panel) }),
    vscode.commands.registerCommand(Commands.showStatistics, () => stats.open()),
  );
  return stats;
}
