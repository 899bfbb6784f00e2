/**
 * What the tree and the status bar show of a learner's progress: cards due and mastery per exam
 * domain. Quiz and exam answers feed mastery; a card source (the flashcard scheduler) adds due
 * counts and card-based mastery when it is registered.
 */
import * as vscode from 'vscode';
import type { DeckScope } from '../core/cards/types';
import { domainAccuracy } from '../core/progress/answers';
import type { AnswerStore } from './adapters/answerStore';

export interface DomainSummary { due: number; mastery: number | undefined }

/** Scope of a deck: everything, an exam, a domain, a task, a note, or the learner's own notes. */
export type Scope = Exclude<DeckScope, { kind: 'term' }>;

export interface CardProgressSource {
  dueCount(scope: Scope, now?: Date): number;
  /** Card-based mastery (0..1) of a domain, or undefined when no card of it was reviewed. */
  mastery(exam: string, domain: number): number | undefined;
  onDidChange: vscode.Event<void>;
}

export class ProgressService implements vscode.Disposable {
  private cards: CardProgressSource | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];

  constructor(readonly answers: AnswerStore) {
    this.subs.push(answers.onDidChange(() => this.emitter.fire()));
  }

  setCardSource(source: CardProgressSource): void {
    this.cards = source;
    this.subs.push(source.onDidChange(() => this.emitter.fire()));
    this.emitter.fire();
  }

  dueCount(scope: Scope = { kind: 'all' }): number {
    return this.cards?.dueCount(scope) ?? 0;
  }

  /** Mastery blends card retention and recent quiz accuracy, whichever exist. */
  summary(exam: string, domain: number): DomainSummary {
    const quiz = domainAccuracy(this.answers.all()).get(`${exam}:${domain}`)?.recentAccuracy;
    const cards = this.cards?.mastery(exam, domain);
    const parts = [quiz, cards].filter((x): x is number => x !== undefined);
    return {
      due: this.dueCount({ kind: 'domain', exam, domain }),
      mastery: parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : undefined,
    };
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}
