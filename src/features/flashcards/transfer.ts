/** Export and import of the review log (JSON), and export of a deck for Anki (tab-separated text). */
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { toAnkiTsv } from '../../core/cards/anki';
import { scopeTitle } from '../../core/cards/scope';
import type { DeckScope } from '../../core/cards/types';
import { studyDayKey } from '../../core/srs/day';
import type { Log } from '../../vscode/log';
import type { FlashcardService } from './cardService';

export const EXPORT_FORMAT = 'aws-ml-study/review-log';

function defaultUri(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, name) : undefined;
}

/** Writes the whole review log and card states; returns the file, or undefined when cancelled. */
export async function exportReviewLog(service: FlashcardService, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  await service.ready();
  await service.store.flush();
  const uri = target ?? await vscode.window.showSaveDialog({
    title: 'Export flashcard review log',
    defaultUri: defaultUri(`aws-ml-study-reviews-${studyDayKey(service.now())}.json`),
    filters: { 'Review log (JSON)': ['json'] },
  });
  if (!uri) return undefined;
  const data = service.store.exportData();
  const body = { format: EXPORT_FORMAT, exportedAt: new Date().toISOString(), ...data };
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(body, null, 1)}\n`));
  if (!target) void vscode.window.showInformationMessage(`Exported ${data.log.length} reviews of ${Object.keys(data.cards).length} cards to ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}

export interface ImportOutcome { addedReviews: number; updatedCards: number; rejected: number }

/** Merges a review log file into the learner's progress; nothing already there is removed. */
export async function importReviewLog(service: FlashcardService, log: Log, source?: vscode.Uri): Promise<ImportOutcome | undefined> {
  await service.ready();
  const uri = source ?? (await vscode.window.showOpenDialog({ title: 'Import flashcard review log', canSelectMany: false, filters: { 'Review log (JSON)': ['json'] } }))?.[0];
  if (!uri) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  } catch (err) {
    log.error(`Could not read ${uri.fsPath} as JSON`, err);
    void vscode.window.showErrorMessage(`That file is not a review log: it is not valid JSON. Nothing was changed.`);
    return undefined;
  }
  const { read, merged } = await service.store.importData(raw);
  if (!merged) {
    void vscode.window.showErrorMessage(`That file is not a review log this extension can read (${read.unreadable}). Nothing was changed.`);
    return undefined;
  }
  for (const r of read.rejected.slice(0, 20)) log.warn(`Import skipped ${r.where}: ${r.problem}`);
  await service.persist();
  const skipped = read.rejected.length ? ` ${read.rejected.length} unreadable entr${read.rejected.length === 1 ? 'y was' : 'ies were'} skipped (see the output channel).` : '';
  const msg = `Imported ${merged.addedReviews} new review(s); ${merged.updatedCards} card(s) took the newer state.${skipped}`;
  if (!source) void vscode.window.showInformationMessage(msg);
  log.info(msg);
  return { addedReviews: merged.addedReviews, updatedCards: merged.updatedCards, rejected: read.rejected.length };
}

/** Writes a deck as an Anki-importable tab-separated file. */
export async function exportDeckAnki(service: FlashcardService, scope: DeckScope, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const cards = await service.deck(scope);
  const core = service.core!;
  const title = scopeTitle(scope, { exams: core.content.exams, noteTitle: (id) => core.content.notes.find((n) => n.id === id)?.title, term: (id) => core.resolver.get(id)?.term });
  if (!cards.length) {
    void vscode.window.showInformationMessage(`${title} has no cards to export. Choose another deck.`);
    return undefined;
  }
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  const uri = target ?? await vscode.window.showSaveDialog({
    title: `Export ${title} for Anki`,
    // .tsv, not .txt: the default folder is the workspace, where a .txt file would be indexed as
    // one of the learner's notes and its `#deck:...::...` header line read as a flashcard.
    defaultUri: defaultUri(`aws-ml-study-${slug}.tsv`),
    filters: { 'Anki text import': ['tsv', 'txt'] },
  });
  if (!uri) return undefined;
  const md = new MarkdownIt({ html: false, linkify: true });
  const deckName = `AWS ML Study::${title.replace(/::/g, ' ')}`;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(toAnkiTsv(cards, { deck: deckName, render: (s) => md.render(s) })));
  if (!target) void vscode.window.showInformationMessage(`Exported ${cards.length} cards. In Anki: File > Import, then choose ${vscode.workspace.asRelativePath(uri)}.`);
  return uri;
}
