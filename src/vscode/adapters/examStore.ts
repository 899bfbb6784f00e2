/**
 * Mock exam attempts in globalState (included in Settings Sync): the attempt in progress, written
 * on every step, and the history of finished attempts. Writes are queued so they land in order.
 * Finishing appends to the history before the attempt in progress is cleared, so a crash between
 * the two leaves the attempt in both places, and loading resolves that; it is never in neither.
 * Unreadable state is kept under a backup key and reported once, and the rest is kept.
 *
 * The attempt in progress is also mirrored, synchronously and atomically, to a file under
 * globalStorageUri before a step is confirmed to the page: globalState writes can still be in
 * flight when a browser-hosted window reloads (seen in code-server), and a confirmed answer must
 * never be lost. On load the file, when readable, wins.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { appendEntry, readHistory, type HistoryEntry } from '../../core/exam/history';
import { parseAttempt, type Attempt } from '../../core/exam/session';
import type { Log } from '../log';
import { addSyncKeys } from './syncKeys';

export const CURRENT_KEY = 'awsMlStudy.exam.current.v1';
export const HISTORY_KEY = 'awsMlStudy.exam.history.v1';
export const BACKUP_KEY = 'awsMlStudy.exam.backups';
const MAX_BACKUPS = 10;

export interface Backup { at: number; key: string; reason: string; raw: unknown }

type State = vscode.Memento & { setKeysForSync(keys: readonly string[]): void };

export class ExamStore implements vscode.Disposable {
  private current: Attempt | undefined | null = null;
  private history: HistoryEntry[] | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly problems: string[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  private readonly mirror: string | undefined;

  constructor(private readonly state: State, private readonly log: Log, storageDir?: string) {
    addSyncKeys(state, CURRENT_KEY, HISTORY_KEY);
    this.mirror = storageDir ? path.join(storageDir, 'mock-exam-current.json') : undefined;
  }

  /** The attempt in progress, if any. */
  inProgress(): Attempt | undefined {
    if (this.current !== null) return this.current;
    const raw = this.state.get<unknown>(CURRENT_KEY);
    const mirrored = this.mirroredAttempt(raw);
    if (mirrored) {
      if (this.entries().some((e) => e.attempt.id === mirrored.id)) {
        this.writeMirror(undefined);
        void this.state.update(CURRENT_KEY, undefined);
        return (this.current = undefined);
      }
      return (this.current = mirrored);
    }
    if (raw === undefined) return (this.current = undefined);
    const { attempt, error } = parseAttempt(raw);
    if (!attempt) {
      this.backup(CURRENT_KEY, `the mock exam in progress could not be read (${error})`, raw);
      void this.state.update(CURRENT_KEY, undefined);
      return (this.current = undefined);
    }
    // Finished but not yet cleared (the window closed between the two writes): it is in the history.
    if (this.entries().some((e) => e.attempt.id === attempt.id)) {
      void this.state.update(CURRENT_KEY, undefined);
      return (this.current = undefined);
    }
    return (this.current = attempt);
  }

  entries(): HistoryEntry[] {
    if (this.history) return this.history;
    const raw = this.state.get<unknown>(HISTORY_KEY);
    const { entries, dropped } = readHistory(raw);
    if (dropped) this.backup(HISTORY_KEY, `${dropped} mock exam history entr${dropped === 1 ? 'y' : 'ies'} could not be read`, raw);
    return (this.history = entries);
  }

  entry(attemptId: string): HistoryEntry | undefined {
    return this.entries().find((e) => e.attempt.id === attemptId);
  }

  /** Saves the attempt in progress (or clears it). */
  save(attempt: Attempt | undefined): Promise<void> {
    this.current = attempt;
    this.writeMirror(attempt);
    this.emitter.fire();
    return this.write(CURRENT_KEY, attempt);
  }

  /** Moves a finished attempt into the history, then clears it as the attempt in progress. */
  async complete(entry: HistoryEntry): Promise<void> {
    this.history = appendEntry(this.entries(), entry);
    const history = this.history;
    await this.write(HISTORY_KEY, history);
    if (this.current && this.current.id === entry.attempt.id) this.current = undefined;
    if (this.current !== null) this.writeMirror(this.current);
    await this.write(CURRENT_KEY, this.current);
    this.emitter.fire();
  }

  /** Problems found while loading, each reported once: the caller tells the learner. */
  takeProblems(): string[] {
    return this.problems.splice(0);
  }

  backups(): Backup[] {
    const raw = this.state.get<unknown>(BACKUP_KEY);
    return Array.isArray(raw) ? (raw as Backup[]) : [];
  }

  /** Forgets what was read, as a fresh extension host would (tests simulate a reload with it). */
  async reload(): Promise<void> {
    await this.writing;
    this.current = null;
    this.history = undefined;
  }

  /** Resolves once every queued write has landed. */
  flush(): Promise<void> {
    return this.writing;
  }

  dispose(): void { this.emitter.dispose(); }

  private write(key: string, value: unknown): Promise<void> {
    const next = this.writing.then(() => this.state.update(key, value));
    this.writing = next.catch((err) => this.log.error(`Could not save ${key}`, err));
    return next;
  }

  /**
   * The mirrored attempt, when it is readable and is the attempt globalState holds (or globalState
   * holds none, or an unreadable value, which is then backed up): it is never older than that copy.
   */
  private mirroredAttempt(raw: unknown): Attempt | undefined {
    const mirrored = this.readMirror();
    if (mirrored === undefined) return undefined;
    const { attempt } = parseAttempt(mirrored);
    if (!attempt) return undefined;
    if (raw === undefined) return attempt;
    const stored = parseAttempt(raw);
    if (!stored.attempt) {
      this.backup(CURRENT_KEY, `the mock exam in progress could not be read from globalState (${stored.error}); the mirrored copy is used`, raw);
      return attempt;
    }
    return stored.attempt.id === attempt.id ? attempt : undefined;
  }

  /** The mirrored attempt in progress; undefined when there is no readable file. */
  private readMirror(): unknown {
    if (!this.mirror || !fs.existsSync(this.mirror)) return undefined;
    try {
      const data = JSON.parse(fs.readFileSync(this.mirror, 'utf8')) as { attempt?: unknown };
      return data.attempt ?? undefined;
    } catch (err) {
      this.log.warn(`The mirrored mock exam file ${this.mirror} could not be read (${(err as Error).message}); using the copy in globalState.`);
      return undefined;
    }
  }

  /** Writes (or removes) the mirror: temp file then rename, so a crash leaves the old or the new file. */
  private writeMirror(attempt: Attempt | undefined): void {
    if (!this.mirror) return;
    try {
      if (!attempt) { fs.rmSync(this.mirror, { force: true }); return; }
      fs.mkdirSync(path.dirname(this.mirror), { recursive: true });
      const tmp = `${this.mirror}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ savedAt: Date.now(), attempt }));
      fs.renameSync(tmp, this.mirror);
    } catch (err) {
      this.log.error(`Could not mirror the mock exam in progress to ${this.mirror}`, err);
    }
  }

  private backup(key: string, reason: string, raw: unknown): void {
    const backups = [...this.backups(), { at: Date.now(), key, reason, raw }].slice(-MAX_BACKUPS);
    void this.state.update(BACKUP_KEY, backups);
    this.log.warn(`${reason}; the stored value is kept under ${BACKUP_KEY}.`);
    this.problems.push(reason);
  }
}
