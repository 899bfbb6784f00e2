/**
 * The learner's own notes: parsed files, skipped files with reasons, and their sections kept in the
 * shared search index. Files come and go one at a time; a bulk load runs in short slices so the
 * host thread is never held for long.
 */
import type { SearchIndex } from '../search/index';
import { noteDocs } from '../search/docs';
import type { ParsedNote, SkipReason } from '../notes/types';
import { ingestNote, DEFAULT_MAX_BYTES, type IngestResult } from './ingest';

export interface Skipped { file: string; reason: SkipReason; detail: string }

export interface BulkOptions {
  /** Reads one file; a rejection skips the file with its message. */
  read: (file: string) => Promise<Uint8Array>;
  /** Gives the thread back (default: setImmediate, else setTimeout); called whenever a slice has run `sliceMs`. */
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
    return this.keep(file, ingestNote(file, bytes, this.maxBytes));
  }

  /** Records an ingested file: indexed, or skipped with its reason. */
  private keep(file: string, r: IngestResult): ParsedNote | Skipped {
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

  /**
   * upsert() for the bulk load: a note with very many sections is indexed in parts, yielding
   * between them when the slice is spent, so one huge file holds the thread only for its parse.
   */
  private async take(file: string, bytes: Uint8Array, spent: () => boolean, yieldNow: () => Promise<void>): Promise<ParsedNote | Skipped> {
    const r = ingestNote(file, bytes, this.maxBytes);
    if (!r.ok || r.note.sections.length <= DOCS_PER_PART) return this.keep(file, r);
    const docs = noteDocs(r.note, 'notes');
    this.index.removeFile(file);
    for (let k = 0; k < docs.length; k += DOCS_PER_PART) {
      if (spent()) await yieldNow();
      this.index.addToFile(file, docs.slice(k, k + DOCS_PER_PART));
    }
    this.skippedFiles.delete(file);
    this.notes.set(file, r.note);
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

  /**
   * Reads and indexes many files in slices of about `sliceMs` between yields. A slice is measured
   * by the clock from the moment the loop got the thread back, so everything it does counts (a
   * read that resolves at once frees nothing); only one file's own work can make a slice longer.
   * Reads are started a few files ahead so that parsing overlaps the I/O.
   */
  async addAll(files: readonly string[], o: BulkOptions): Promise<BulkReport> {
    const now = o.now ?? (() => performance.now());
    const sliceMs = o.sliceMs ?? 8;
    const yieldNow = o.yieldNow ?? defaultYield;
    const report: BulkReport = { read: 0, indexed: 0, skipped: 0, cancelled: false, longestSliceMs: 0 };
    const reads = new ReadAhead(files, o.read, READ_AHEAD);
    let sliceStart = now();
    for (let i = 0; i < files.length; i++) {
      if (o.isCancelled?.()) { report.cancelled = true; break; }
      const file = files[i];
      const got = await reads.take(i);
      if ('error' in got) {
        this.skippedFiles.set(file, { file, reason: 'undecodable', detail: `could not read: ${got.error.message}` });
        report.skipped++;
      } else {
        const r = await this.take(file, got.bytes, () => {
          const elapsed = now() - sliceStart;
          if (elapsed > report.longestSliceMs) report.longestSliceMs = elapsed;
          return elapsed >= sliceMs;
        }, async () => { await yieldNow(); sliceStart = now(); });
        report.read++;
        if ('sections' in r) report.indexed++; else report.skipped++;
      }
      const elapsed = now() - sliceStart;
      if (elapsed > report.longestSliceMs) report.longestSliceMs = elapsed;
      if (elapsed >= sliceMs) {
        o.onProgress?.(report.read + report.skipped, files.length);
        await yieldNow();
        sliceStart = now();
      }
    }
    reads.drop();
    o.onProgress?.(report.read + report.skipped, files.length);
    return report;
  }
}

/** Sections indexed between two looks at the clock when a note is very large. */
const DOCS_PER_PART = 200;

/** Files read ahead of the one being parsed. */
const READ_AHEAD = 8;

type Read = { bytes: Uint8Array } | { error: Error };

/** Keeps up to `depth` reads in flight ahead of the file being taken. */
class ReadAhead {
  private readonly pending = new Map<number, Promise<Read>>();
  private next = 0;

  constructor(private readonly files: readonly string[], private readonly read: BulkOptions['read'], private readonly depth: number) {}

  take(i: number): Promise<Read> {
    while (this.next < this.files.length && this.next <= i + this.depth) this.start(this.next++);
    const p = this.pending.get(i)!;
    this.pending.delete(i);
    return p;
  }

  /** Forgets reads that will not be taken (after a cancel); their results are dropped. */
  drop(): void { this.pending.clear(); }

  private start(i: number): void {
    let p: Promise<Read>;
    try {
      p = this.read(this.files[i]).then((bytes) => ({ bytes }), (e: unknown) => ({ error: asError(e) }));
    } catch (e) {
      p = Promise.resolve({ error: asError(e) });
    }
    this.pending.set(i, p);
  }
}

function asError(e: unknown): Error { return e instanceof Error ? e : new Error(String(e)); }

/** Gives the thread back to the event loop: setImmediate where there is one (no 1 ms timer clamp). */
function defaultYield(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
