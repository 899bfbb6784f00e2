/** Every setting of the extension, read through one typed object. Changes apply without reload. */
import * as vscode from 'vscode';

export interface StudyConfig {
  hover: { enabled: boolean; disabledLanguages: string[] };
  notes: { include: string[]; exclude: string[]; maxFileSizeMB: number };
  flashcards: { desiredRetention: number; newCardsPerDay: number; learningSteps: string[] };
  quiz: { defaultLength: number };
  statusBar: { enabled: boolean };
}

export const SECTION = 'awsMlStudy';

export function readConfig(): StudyConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    hover: {
      enabled: c.get<boolean>('hover.enabled', true),
      disabledLanguages: c.get<string[]>('hover.disabledLanguages', []),
    },
    notes: {
      include: c.get<string[]>('notes.include', ['**/*.md', '**/*.markdown', '**/*.txt']),
      exclude: c.get<string[]>('notes.exclude', ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/build/**']),
      maxFileSizeMB: clamp(c.get<number>('notes.maxFileSizeMB', 2), 0.01, 100),
    },
    flashcards: {
      desiredRetention: clamp(c.get<number>('flashcards.desiredRetention', 0.9), 0.7, 0.99),
      newCardsPerDay: Math.round(clamp(c.get<number>('flashcards.newCardsPerDay', 20), 0, 9999)),
      learningSteps: c.get<string[]>('flashcards.learningSteps', ['1m', '10m']),
    },
    quiz: { defaultLength: Math.round(clamp(c.get<number>('quiz.defaultLength', 10), 1, 65)) },
    statusBar: { enabled: c.get<boolean>('statusBar.enabled', true) },
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

/** Keeps a current config and tells listeners when any of our settings change. */
export class ConfigService implements vscode.Disposable {
  private _current = readConfig();
  private readonly emitter = new vscode.EventEmitter<StudyConfig>();
  readonly onDidChange = this.emitter.event;
  private readonly sub = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SECTION)) return;
    this._current = readConfig();
    this.emitter.fire(this._current);
  });

  get current(): StudyConfig { return this._current; }

  dispose(): void { this.sub.dispose(); this.emitter.dispose(); }
}
