/**
 * Answered questions, kept in globalState (included in Settings Sync so progress follows the
 * learner). Unreadable entries are dropped with a warning and the raw value kept as a backup key.
 */
import * as vscode from 'vscode';
import { readAnswerLog, type AnswerRecord } from '../../core/progress/answers';
import type { Log } from '../log';
import { addSyncKeys } from './syncKeys';

export const ANSWER_LOG_KEY = 'awsMlStudy.answers.v1';
const BACKUP_KEY = 'awsMlStudy.answers.backup';

export class AnswerStore implements vscode.Disposable {
  private records: AnswerRecord[] | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }, private readonly log: Log) {
    addSyncKeys(state, ANSWER_LOG_KEY);
  }

  all(): AnswerRecord[] {
    if (this.records) return this.records;
    const raw = this.state.get<unknown>(ANSWER_LOG_KEY);
    const { records, dropped } = readAnswerLog(raw);
    if (dropped) {
      this.log.warn(`Dropped ${dropped} unreadable answer record(s); the stored value is kept under ${BACKUP_KEY}.`);
      void this.state.update(BACKUP_KEY, raw);
    }
    return (this.records = records);
  }

  async add(...records: AnswerRecord[]): Promise<void> {
    const next = [...this.all(), ...records];
    this.records = next;
    await this.state.update(ANSWER_LOG_KEY, next);
    this.emitter.fire();
  }

  dispose(): void { this.emitter.dispose(); }
}
