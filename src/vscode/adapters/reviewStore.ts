/**
 * Where review progress lives: globalState (in Settings Sync, so progress follows the learner to
 * another machine) mirrored to `reviews.json` under globalStorageUri (written atomically). Both
 * are read on load and merged; anything unreadable is backed up under `backups/` next to the file
 * and the learner is told, with a button to the Output channel where the details are.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ReviewBook } from '../../core/srs/book';
import { FileSlot, writeAtomic } from '../../core/srs/fileSlot';
import { readReviewData, type ReadResult } from '../../core/srs/migrate';
import { mergeReviewData, sameProgress, type MergeReport } from '../../core/srs/merge';
import { ReviewPersistence, type LoadReport, type SlotRead, type StateSlot } from '../../core/srs/persistence';
import type { ReviewData } from '../../core/srs/schema';
import type { Log } from '../log';
import { addSyncKeys } from './syncKeys';

export const REVIEW_STATE_KEY = 'awsMlStudy.reviews';
export const REVIEW_FILE = 'reviews.json';

type SyncedMemento = vscode.Memento & { setKeysForSync(keys: readonly string[]): void };

/** globalState as a storage slot; backups go to files, where the learner can find them. */
class MementoSlot implements StateSlot {
  readonly name = 'globalState';
  /** Stamp of the copy we last read or wrote; another stamp means Settings Sync replaced it. */
  private lastStamp: string | undefined;

  constructor(private readonly state: vscode.Memento, private readonly backupDir: string | undefined) {}

  async read(): Promise<SlotRead> {
    const value = this.state.get<unknown>(REVIEW_STATE_KEY);
    this.lastStamp = stampOf(value);
    return { value };
  }

  async write(data: ReviewData): Promise<void> {
    this.lastStamp = data.stamp;
    await this.state.update(REVIEW_STATE_KEY, data);
  }

  async backup(raw: unknown, reason: string): Promise<string> {
    if (!this.backupDir) {
      await this.state.update(`${REVIEW_STATE_KEY}.backup`, { reason, savedAt: Date.now(), value: raw });
      return `globalState key ${REVIEW_STATE_KEY}.backup`;
    }
    const target = path.join(this.backupDir, `reviews-globalState-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    await writeAtomic(target, JSON.stringify({ reason, savedAt: new Date().toISOString(), value: raw }, null, 1));
    return target;
  }

  peek(): unknown { return this.state.get<unknown>(REVIEW_STATE_KEY); }

  /** The synced value when Settings Sync replaced it since we last read or wrote it. */
  changedElsewhere(): unknown {
    const v = this.state.get<unknown>(REVIEW_STATE_KEY);
    return v !== undefined && stampOf(v) !== this.lastStamp ? v : undefined;
  }
}

function stampOf(v: unknown): string | undefined {
  const s = (v as { stamp?: unknown } | undefined)?.stamp;
  return typeof s === 'string' ? s : undefined;
}

export class ReviewStore {
  private loading: Promise<ReviewBook> | undefined;
  readonly book = new ReviewBook();
  private readonly memento: MementoSlot;
  private readonly persistence: ReviewPersistence;
  readonly file: string | undefined;
  private _lastLoad: LoadReport | undefined;

  constructor(state: SyncedMemento, storageUri: vscode.Uri, private readonly log: Log) {
    addSyncKeys(state, REVIEW_STATE_KEY);
    const dir = storageUri.scheme === 'file' ? storageUri.fsPath : undefined;
    this.file = dir ? path.join(dir, REVIEW_FILE) : undefined;
    this.memento = new MementoSlot(state, dir ? path.join(dir, 'backups') : undefined);
    const slots: StateSlot[] = [this.memento];
    if (this.file) slots.push(new FileSlot(this.file));
    this.persistence = new ReviewPersistence(slots, (slot, err) => this.log.error(`Could not save flashcard progress to ${slot}`, err));
  }

  get lastLoad(): LoadReport | undefined { return this._lastLoad; }

  /** Loads once; later calls get the same book. */
  load(): Promise<ReviewBook> {
    return (this.loading ??= this.persistence.load().then(({ data, report }) => {
      this.book.replace(data);
      this._lastLoad = report;
      this.report(report);
      return this.book;
    }));
  }

  /** Writes the current progress to every slot, folding in anything Settings Sync brought meanwhile. */
  async save(): Promise<void> {
    const synced = this.memento.changedElsewhere();
    if (synced !== undefined) {
      const r = readReviewData(synced);
      if (!r.unreadable && !sameProgress(r.data, this.book.toData())) {
        const { data, report } = mergeReviewData(this.book.toData(), r.data);
        this.book.replace(data);
        if (report.addedReviews) this.log.info(`Merged ${report.addedReviews} review(s) synced from another machine.`);
      }
    }
    await this.persistence.save(this.book.toData());
  }

  flush(): Promise<void> { return this.persistence.flush(); }

  /** What globalState holds now (the copy Settings Sync carries). */
  syncedCopy(): unknown { return this.memento.peek(); }

  /** Everything, for an export. */
  exportData(): ReviewData { return JSON.parse(JSON.stringify(this.book.toData())) as ReviewData; }

  /** Merges an imported file's progress in; never removes anything. */
  async importData(raw: unknown): Promise<{ read: ReadResult; merged?: MergeReport }> {
    const read = readReviewData(raw);
    if (read.unreadable) return { read };
    const { data, report } = mergeReviewData(this.book.toData(), read.data);
    this.book.replace(data);
    await this.save();
    return { read, merged: report };
  }

  private report(r: LoadReport): void {
    if (r.migratedFrom !== undefined) this.log.info(`Flashcard progress migrated from schema version ${r.migratedFrom}.`);
    this.log.info(`Flashcard progress loaded: ${r.cards} card states, ${r.reviews} reviews.`);
    if (!r.problems.length) return;
    for (const p of r.problems) {
      this.log.warn(`Flashcard progress in ${p.slot}: ${p.reason}.${p.backup ? ` The unreadable data is kept in ${p.backup}.` : ''}`);
      for (const x of p.rejected.slice(0, 20)) this.log.warn(`  ${x.where}: ${x.problem}`);
      if (p.rejected.length > 20) this.log.warn(`  …and ${p.rejected.length - 20} more.`);
    }
    void vscode.window.showWarningMessage(
      `AWS ML Study: part of your flashcard progress could not be read and was set aside as a backup. ${r.reviews} reviews of ${r.cards} cards are safe.`,
      'Open Output',
    ).then((choice) => { if (choice) this.log.channel.show(true); });
  }
}
