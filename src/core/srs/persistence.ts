/**
 * Loads and saves review progress through several storage slots at once (in the extension: the
 * synced globalState and a file under globalStorageUri). On load every slot is read and checked,
 * anything unreadable is backed up and reported, and the valid parts of all slots are merged, so
 * a crash, a bad sync or a hand edit in one slot costs nothing that another slot still holds.
 * Saves write every slot; one slot failing does not stop the others.
 */
import { randomUUID } from 'node:crypto';
import { readReviewData, type Rejected } from './migrate';
import { mergeReviewData, sameProgress } from './merge';
import { emptyReviewData, type ReviewData } from './schema';

export interface SlotRead {
  /** The stored value; undefined when nothing is stored yet. */
  value?: unknown;
  /** Set when the slot held something that is not even JSON: the raw text, kept for the backup. */
  corruptText?: string;
  error?: string;
}

export interface StateSlot {
  readonly name: string;
  read(): Promise<SlotRead>;
  write(data: ReviewData): Promise<void>;
  /** Keeps a copy of what could not be read; returns where it went. */
  backup(raw: unknown, reason: string): Promise<string>;
}

export interface SlotProblem { slot: string; reason: string; rejected: Rejected[]; backup?: string }

export interface LoadReport {
  problems: SlotProblem[];
  migratedFrom?: number;
  /** Reviews and card states in the merged result. */
  reviews: number;
  cards: number;
}

export class ReviewPersistence {
  private writing: Promise<void> = Promise.resolve();
  private pending: ReviewData | undefined;

  constructor(private readonly slots: readonly StateSlot[], private readonly onWriteError: (slot: string, err: unknown) => void = () => undefined) {}

  async load(): Promise<{ data: ReviewData; report: LoadReport }> {
    const problems: SlotProblem[] = [];
    const copies: ReviewData[] = [];
    let migratedFrom: number | undefined;
    for (const slot of this.slots) {
      const copy = await this.readSlot(slot, problems);
      if (copy) {
        copies.push(copy.data);
        migratedFrom ??= copy.migratedFrom;
      }
    }
    let data = copies[0] ?? emptyReviewData();
    for (const other of copies.slice(1)) data = mergeReviewData(data, other).data;
    const heal = problems.length > 0 || migratedFrom !== undefined || copies.length !== this.slots.length || copies.some((c) => !sameProgress(c, data));
    if (heal && (data.log.length || Object.keys(data.cards).length)) await this.save(data);
    return { data, report: { problems, migratedFrom, reviews: data.log.length, cards: Object.keys(data.cards).length } };
  }

  /** Writes to every slot; overlapping calls collapse so only the latest data is written next. */
  save(data: ReviewData): Promise<void> {
    this.pending = data;
    this.writing = this.writing.then(async () => {
      const next = this.pending;
      this.pending = undefined;
      if (!next) return;
      const snapshot = { ...(JSON.parse(JSON.stringify(next)) as ReviewData), stamp: randomUUID() };
      for (const slot of this.slots) {
        try { await slot.write(snapshot); } catch (err) { this.onWriteError(slot.name, err); }
      }
    });
    return this.writing;
  }

  /** Resolves once every save asked for so far is written. */
  flush(): Promise<void> { return this.writing; }

  private async readSlot(slot: StateSlot, problems: SlotProblem[]): Promise<{ data: ReviewData; migratedFrom?: number } | undefined> {
    let read: SlotRead;
    try { read = await slot.read(); } catch (err) { read = { error: err instanceof Error ? err.message : String(err) }; }
    if (read.corruptText !== undefined || (read.error && read.value === undefined)) {
      const backup = read.corruptText !== undefined ? await this.safeBackup(slot, read.corruptText, read.error ?? 'not JSON') : undefined;
      problems.push({ slot: slot.name, reason: read.error ?? 'not JSON', rejected: [], backup });
      return undefined;
    }
    if (read.value === undefined) return { data: emptyReviewData() };
    const r = readReviewData(read.value);
    if (r.unreadable || r.rejected.length) {
      const reason = r.unreadable ?? `${r.rejected.length} entr${r.rejected.length === 1 ? 'y' : 'ies'} could not be read`;
      const backup = await this.safeBackup(slot, read.value, reason);
      problems.push({ slot: slot.name, reason, rejected: r.rejected, backup });
    }
    return r.unreadable ? undefined : { data: r.data, migratedFrom: r.migratedFrom };
  }

  private async safeBackup(slot: StateSlot, raw: unknown, reason: string): Promise<string | undefined> {
    try { return await slot.backup(raw, reason); } catch (err) { this.onWriteError(`${slot.name} backup`, err); return undefined; }
  }
}
