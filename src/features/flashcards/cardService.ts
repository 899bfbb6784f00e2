/**
 * The flashcards as the rest of the extension sees them: the deck (bundled content plus the
 * learner's notes), the scheduler built from the settings, and the stored progress. It is the
 * CardProgressSource behind the due counts and mastery in the Exams tree and the status bar.
 * Nothing loads during activation: the first question (a due count, a review) starts the load.
 */
import * as vscode from 'vscode';
import { buildDeck, type UserNoteInput } from '../../core/cards/deck';
import { cardsInScope } from '../../core/cards/scope';
import type { DeckScope, StudyCard } from '../../core/cards/types';
import { isDue, type ReviewBook } from '../../core/srs/book';
import { cardsByDomain, masteryOf, type Mastery } from '../../core/srs/mastery';
import { adoptEditedCards } from '../../core/srs/adopt';
import { findOrphans, type Orphan } from '../../core/srs/orphans';
import { deckCounts, type DeckCounts } from '../../core/srs/queue';
import { Scheduler } from '../../core/srs/scheduler';
import type { StudyCore } from '../../core/study';
import type { ReviewStore } from '../../vscode/adapters/reviewStore';
import type { CardProgressSource, Scope } from '../../vscode/progress';
import type { Services } from '../../vscode/services';
import type { UserNotesService } from '../notes/userNotes';

export class FlashcardService implements CardProgressSource, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private loading: Promise<void> | undefined;
  private cards: StudyCard[] = [];
  private byDomain = new Map<string, StudyCard[]>();
  private _core: StudyCore | undefined;
  private _scheduler: Scheduler;
  private reportedOrphans = '';
  private readonly subs: vscode.Disposable[] = [];
  /** The clock every review and count uses; tests in the extension host may set it. */
  now: () => Date = () => new Date();

  constructor(private readonly services: Services, readonly store: ReviewStore, private readonly userNotes: UserNotesService) {
    this._scheduler = this.makeScheduler();
    this.subs.push(
      services.config.onDidChange(() => { this._scheduler = this.makeScheduler(); this.emitter.fire(); }),
      userNotes.onDidChange(() => { if (this.loading) { this.rebuild(); this.emitter.fire(); } }),
    );
  }

  get scheduler(): Scheduler { return this._scheduler; }
  get book(): ReviewBook { return this.store.book; }
  get loaded(): boolean { return !!this._core; }
  get core(): StudyCore | undefined { return this._core; }
  get allCards(): readonly StudyCard[] { return this.cards; }
  get newCardsPerDay(): number { return this.services.config.current.flashcards.newCardsPerDay; }

  /** Loads content and progress (once). */
  ready(): Promise<void> {
    return (this.loading ??= (async () => {
      const [core] = await Promise.all([this.services.content.core(), this.store.load()]);
      this._core = core;
      this.rebuild();
      this.emitter.fire();
    })().catch((err) => {
      this.loading = undefined;
      this.services.log.error('Could not load the flashcards', err);
      throw err;
    }));
  }

  /** Cards of a scope, with the learner's notes indexed first when the scope includes them. */
  async deck(scope: DeckScope): Promise<StudyCard[]> {
    await this.ready();
    if ((scope.kind === 'all' || scope.kind === 'myNotes') && !this.userNotes.started) {
      await this.userNotes.ensureIndexed();
      this.rebuild();
    }
    return cardsInScope(this.cards, scope);
  }

  counts(cards: readonly StudyCard[]): DeckCounts {
    return deckCounts(cards, this.book, this.now(), this.newCardsPerDay);
  }

  /** Saves after a change and tells the tree and the status bar. */
  async persist(): Promise<void> {
    this.emitter.fire();
    await this.store.save();
  }

  // CardProgressSource

  dueCount(scope: Scope, now: Date = this.now()): number {
    if (!this.loaded) { void this.ready().catch(() => undefined); return 0; }
    let n = cardsInScope(this.cards, scope).filter((c) => isDue(this.book.get(c.id), now)).length;
    // Before the learner's notes are indexed their cards are known only by their stored state.
    if ((scope.kind === 'all' || scope.kind === 'myNotes') && !this.userNotes.started) {
      n += this.book.cardIds.filter((id) => id.startsWith('u:') && isDue(this.book.get(id), now)).length;
    }
    return n;
  }

  mastery(exam: string, domain: number): number | undefined {
    return this.domainMastery(exam, domain).value;
  }

  domainMastery(exam: string, domain: number): Mastery {
    return masteryOf(this.byDomain.get(`${exam}:${domain}`) ?? [], this.book, this._scheduler, this.now());
  }

  domainCards(exam: string, domain: number): StudyCard[] {
    return this.byDomain.get(`${exam}:${domain}`) ?? [];
  }

  /** Cards with history that are no longer in the content (the learner's own only once indexed). */
  orphans(): Orphan[] {
    return findOrphans(this.book, this.cards, { ignoreUserCards: !this.userNotes.started });
  }

  private rebuild(): void {
    if (!this._core) return;
    const user: UserNoteInput[] = this.userNotes.notes.map((note) => ({ note, relPath: vscode.workspace.asRelativePath(note.file, true) }));
    this.cards = buildDeck(this._core.content, user);
    this.byDomain = cardsByDomain(this.cards);
    this.adoptEdited();
    this.reportOrphans();
  }

  /** Edited cards take over their old version's history (core/srs/adopt.ts), and that is saved. */
  private adoptEdited(): void {
    const adopted = adoptEditedCards(this.book, this.cards, { ignoreUserCards: !this.userNotes.started });
    if (!adopted.length) return;
    this.services.log.info(`${adopted.length} edited flashcard(s) kept the history of their earlier version:`);
    for (const [id, from] of adopted.slice(0, 30)) this.services.log.info(`  ${id} takes over ${from}`);
    void this.store.save().catch((err) => this.services.log.error('Could not save the flashcard progress', err));
  }

  private reportOrphans(): void {
    const orphans = this.orphans();
    const key = orphans.map((o) => o.id).join(',');
    if (!orphans.length || key === this.reportedOrphans) return;
    this.reportedOrphans = key;
    const reviews = orphans.reduce((s, o) => s + o.reviews, 0);
    this.services.log.info(`${orphans.length} flashcard(s) with ${reviews} review(s) are no longer in the content or your notes ` +
      '(changed or removed). Their history is kept and comes back if the card does:');
    for (const o of orphans.slice(0, 30)) this.services.log.info(`  ${o.id}${o.front ? ` "${o.front}"` : ''}: ${o.reviews} review(s)`);
  }

  private makeScheduler(): Scheduler {
    const f = this.services.config.current.flashcards;
    return new Scheduler({ desiredRetention: f.desiredRetention, learningSteps: f.learningSteps });
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.emitter.dispose();
  }
}
