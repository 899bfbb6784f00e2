/**
 * The learner's own notes: parsed files, skipped files with reasons, and their sections kept in the
 * shared search index. Files come and go one at a time; a bulk load runs in short slices so the
 * host thread is never held for long.
 */
import type { SearchIndex } from '../search/index';
import { noteDocs } from '../search/docs';
import type { ParsedNote, SkipReason } from '../notes/types';
import { ingestNote, DEFAULT_MAX_BYTES } from './ingest';

export interface Skipped { file: string; reason: SkipReason; detail: string }

export interface BulkOptions {
  /** Reads one file; a rejection skips the file with its message. */
  read: (file: string) => Promise<Uint8Array>;
  /** Gives the thread back (setImmediate in Node); called whenever a slice has run `sliceMs`. */
  yieldNow?: () => Promise<void>;
  sliceMs?: number;
  isCancelled?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  now?: () => number;
}

export interface BulkReport { read: number; indexed: number; skipped: number; cancelled: boolean; longestSliceMs: number }

export class NotesLibrary {
  private readonly notes = new Map<string, ParsedNote>();
  private readonly skippedFiles = new Map<string, Skipped>();
  maxBytes = DEFAULT_MAX_BYTES;

  constructor(private readonly index: SearchIndex) {}

  get files(): ParsedNote[] { return [...this.notes.values()]; }
  get skipped(): Skipped[] { return [...this.skippedFiles.values()]; }
  get(file: string): ParsedNote | undefined { return this.notes.get(file); }

  /** Takes in one file's bytes: parsed and indexed, or recorded as skipped. */
  upsert(file: string, bytes: Uint8Array): ParsedNote | Skipped {
    const r = ingestNote(file, bytes, this.maxBytes);
    if (!r.ok) {
      this.remove(file);
      const s = { file, reason: r.reason, detail: r.detail };
      this.skippedFiles.set(file, s);
      return s;
    }
    this.skippedFiles.delete(file);
    this.notes.set(file, r.note);
    this.index.setFile(file, noteDocs(r.note, 'notes'));
    return r.note;
  }

  remove(file: string): void {
    this.notes.delete(file);
    this.skippedFiles.delete(file);
    this.index.removeFile(file);
  }

  clear(): void {
    for (const file of [...this.notes.keys()]) this.remove(file);
    this.skippedFiles.clear();
  }

  /** Reads and indexes many files in slices of at most `sliceMs` of work between yields. */
  async addAll(files: readonly string[], o: BulkOptions): Promise<BulkReport> {
    const now = o.now ?? (() => performance.now());
    const sliceMs = o.sliceMs ?? 8;
    const report: BulkReport = { read: 0, indexed: 0, skipped: 0, cancelled: false, longestSliceMs: 0 };
    // Work since the last real yield. Awaiting a read does not count as a yield: an in-memory
    // read resolves as a microtask and never frees the thread.
    let sinceYield = 0;
    for (const file of files) {
      if (o.isCancelled?.()) { report.cancelled = true; break; }
      let bytes: Uint8Array | undefined;
      try {
        bytes = await o.read(file);
      } catch (e) {
        this.skippedFiles.set(file, { file, reason: 'undecodable', detail: `could not read: ${(e as Error).message}` });
        report.skipped++;
      }
      if (bytes) {
        const t0 = now();
        const r = this.upsert(file, bytes);
        sinceYield += now() - t0;
        report.read++;
        if ('sections' in r) report.indexed++; else report.skipped++;
      }
      report.longestSliceMs = Math.max(report.longestSliceMs, sinceYield);
      if (sinceYield >= sliceMs) {
        o.onProgress?.(report.read + report.skipped, files.length);
        await (o.yieldNow ?? defaultYield)();
        sinceYield = 0;
      }
    }
    o.onProgress?.(report.read + report.skipped, files.length);
    return report;
  }
}

function defaultYield(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
