/**
 * The mock exam editor panel: the attempt in progress, the results and review of a finished
 * attempt, or the history. One panel at a time; the extension host holds every attempt, so the
 * panel can close, reload or come back through its serializer without losing anything.
 */
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../core/exam/history';
import {
  parseMockExamMessage, parseWebviewState, type MockExamFromWebview, type MockExamToWebview,
} from '../../protocol/mockExam';
import { Commands } from '../../vscode/commands';
import type { Services } from '../../vscode/services';
import { preparePanel, webviewOptions } from '../../vscode/webviewHtml';
import type { MockExamController, Step } from './controller';
import { formatDuration } from './format';

export const VIEW_TYPE = 'awsMlStudy.mockExam';

export type Screen =
  | { kind: 'exam' }
  | { kind: 'results'; attemptId: string; fresh: boolean }
  | { kind: 'history' };

export class MockExamPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubs: vscode.Disposable[] = [];
  private ready = false;
  private screen: Screen = { kind: 'exam' };
  private notice: string | undefined;
  private readonly posted = new vscode.EventEmitter<MockExamToWebview>();
  /** Every message posted to the webview (tests watch it). */
  readonly onDidPost = this.posted.event;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly services: Services, private readonly controller: MockExamController) {
    this.subs.push(controller.onDidFinish((e) => void this.onFinished(e)));
  }

  get isOpen(): boolean { return !!this.panel; }
  get current(): Screen { return this.screen; }

  /** Opens (or reveals) the panel on a screen. */
  async show(screen: Screen, notice?: string): Promise<void> {
    this.screen = screen;
    this.notice = notice;
    if (!this.panel) {
      this.attach(vscode.window.createWebviewPanel(VIEW_TYPE, 'Mock Exam', vscode.ViewColumn.Active, webviewOptions(this.services.context.extensionUri)));
    } else {
      this.panel.reveal(undefined, false);
    }
    if (this.ready) await this.push();
  }

  /** Restores a panel after a reload: the attempt in progress first, else the screen it was on. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const s = parseWebviewState(state);
    this.screen = s?.screen === 'history' ? { kind: 'history' }
      : (s?.screen === 'results' || s?.screen === 'review') && s.attemptId && !this.controller.inProgress() ? { kind: 'results', attemptId: s.attemptId, fresh: false }
        : { kind: 'exam' };
    this.lastAttemptId = s?.attemptId;
    this.attach(panel);
  }

  /** The attempt the panel last showed, so an exam that ended while away opens on its results. */
  private lastAttemptId: string | undefined;

  /** Handles one message from the webview (the same entry the webview uses; tests call it too). */
  async handle(raw: unknown): Promise<void> {
    const m = parseMockExamMessage(raw);
    if (!m) { this.services.log.warn('Ignored a malformed message from the mock exam view.'); return; }
    try {
      await this.dispatch(m);
    } catch (err) {
      this.services.log.error('The mock exam view could not handle a message', err);
      void vscode.window.showErrorMessage('Something went wrong in the mock exam; your answers so far are saved. Details are in the AWS ML Study output.');
    }
  }

  private async dispatch(m: MockExamFromWebview): Promise<void> {
    switch (m.type) {
      case 'ready': this.ready = true; return this.push();
      case 'answer': return this.afterStep(await this.controller.answer(m.attemptId, m.questionId, m.response, m.seq), m);
      case 'flag': return this.afterStep(await this.controller.flag(m.attemptId, m.questionId, m.flagged, m.seq), m);
      case 'navigate': return this.afterStep(await this.controller.navigate(m.attemptId, m.index, m.seq), m);
      case 'check': {
        const step = await this.controller.check(m.attemptId, m.questionId);
        if (step.kind === 'ok') {
          if (!step.changed) return;
          const feedback = await this.feedbackFor(step.attempt.id, m.questionId);
          if (feedback) await this.post({ type: 'checked', feedback });
          return;
        }
        return this.afterStep(step, m);
      }
      case 'submit': {
        const entry = await this.controller.submit(m.attemptId);
        if (entry) return this.show({ kind: 'results', attemptId: entry.attempt.id, fresh: true }, entry.attempt.endedBy === 'time' ? timeUpNotice(entry) : undefined);
        return this.push();
      }
      case 'showResults': return this.show({ kind: 'results', attemptId: m.attemptId, fresh: false });
      case 'openNote': await vscode.commands.executeCommand(Commands.openNote, m.noteId, m.slug); return;
      case 'reviewDomain': return this.reviewDomain(m.exam, m.domain, m.how);
      case 'command': return this.runCommand(m.command, m.exam);
    }
  }

  private async afterStep(step: Step, m: MockExamFromWebview): Promise<void> {
    // Dealt with (stored, or moot): the page can forget it.
    if ('seq' in m && m.seq !== undefined) await this.post({ type: 'saved', seq: m.seq });
    // Applied before: the page already shows it (it replays only steps it applied on screen).
    if (step.kind === 'replayed') return;
    if (step.kind === 'finished') return this.show({ kind: 'results', attemptId: step.entry.attempt.id, fresh: true }, timeUpNotice(step.entry));
    // The webview is ahead of (or out of step with) the host: show it the stored truth.
    if (step.kind === 'stale' || (m.type === 'answer' && !step.changed)) return this.push();
  }

  private async feedbackFor(attemptId: string, questionId: string) {
    const a = this.controller.inProgress();
    const views = await this.controller.views();
    const q = views.questionById(questionId);
    return a && a.id === attemptId && q ? views.feedback(q, a) : undefined;
  }

  private async reviewDomain(exam: string, domain: number, how: 'flashcards' | 'quiz'): Promise<void> {
    if (how === 'flashcards') {
      const commands = await vscode.commands.getCommands(true);
      if (commands.includes(Commands.reviewHere)) {
        await vscode.commands.executeCommand(Commands.reviewHere, { kind: 'domain', exam, domain });
        return;
      }
      const choice = await vscode.window.showInformationMessage('Flashcard review is not available in this version yet. Take a quick quiz on this domain instead?', 'Quick Quiz');
      if (!choice) return;
    }
    await vscode.commands.executeCommand(Commands.quickQuiz, { exam, domain });
  }

  private async runCommand(command: 'start' | 'history' | 'resume' | 'retryMistakes', exam?: string): Promise<void> {
    switch (command) {
      case 'start': await vscode.commands.executeCommand(Commands.startMockExam, exam ? { exam } : undefined); return;
      case 'retryMistakes': await vscode.commands.executeCommand(Commands.startMockExam, exam ? { exam, mode: 'retry' } : { mode: 'retry' }); return;
      case 'history': return this.show({ kind: 'history' });
      case 'resume': return this.show({ kind: 'exam' });
    }
  }

  /** Sends the current screen to the webview. Never leaves it blank: a problem becomes a message with a way on. */
  private async push(): Promise<void> {
    if (!this.panel || !this.ready) return;
    try {
      await this.pushScreen();
    } catch (err) {
      this.services.log.error('Could not show the mock exam', err);
      await this.post({ type: 'unavailable', message: 'The mock exam could not be shown. Your attempts are saved; details are in the AWS ML Study output.' });
    }
  }

  private async pushScreen(): Promise<void> {
    const views = await this.controller.views();
    const screen = this.screen;
    if (screen.kind === 'exam') {
      const { attempt, finished, dropped } = await this.controller.resume();
      if (finished) return this.show({ kind: 'results', attemptId: finished.attempt.id, fresh: true }, timeUpNotice(finished));
      if (!attempt) {
        const last = this.lastAttemptId && this.controller.store.entry(this.lastAttemptId);
        if (last) return this.show({ kind: 'results', attemptId: last.attempt.id, fresh: false }, 'This exam has ended; here are its results.');
        this.setTitle('Mock Exam');
        return this.post({ type: 'unavailable', message: 'No mock exam is in progress.' });
      }
      this.lastAttemptId = attempt.id;
      this.setTitle(`Mock Exam: ${views.exam(attempt.exam)?.code ?? ''}`);
      const notice = dropped.length ? `${dropped.length} question(s) were removed by a content update and left out of this attempt.` : undefined;
      await this.post({ type: 'exam', view: views.examView(attempt, this.controller.clock(), notice) });
    } else if (screen.kind === 'results') {
      const entry = this.controller.store.entry(screen.attemptId);
      if (!entry || !views.exam(entry.attempt.exam)) {
        this.setTitle('Mock Exam');
        return this.post({ type: 'unavailable', message: 'That attempt is not in your history.' });
      }
      this.lastAttemptId = entry.attempt.id;
      this.setTitle(`Mock Exam Results: ${views.exam(entry.attempt.exam)!.code}`);
      await this.post({ type: 'results', view: views.resultView(entry.attempt, this.controller.store.entries(), screen.fresh) });
    } else {
      this.setTitle('Mock Exam History');
      await this.post({ type: 'history', view: views.historyView(this.controller.store.entries(), this.controller.inProgress()) });
    }
    if (this.notice) await this.post({ type: 'notice', message: this.notice });
    this.notice = undefined;
  }

  /** An attempt ended by its timer: show the results where the learner is. */
  private async onFinished(entry: HistoryEntry): Promise<void> {
    if (entry.attempt.endedBy !== 'time') return;
    const showing = this.panel && this.screen.kind === 'exam';
    if (showing && this.panel!.visible) return this.show({ kind: 'results', attemptId: entry.attempt.id, fresh: true }, timeUpNotice(entry));
    if (showing) { this.screen = { kind: 'results', attemptId: entry.attempt.id, fresh: true }; this.notice = timeUpNotice(entry); void this.push(); }
    const choice = await vscode.window.showInformationMessage(timeUpNotice(entry), 'Show Results');
    if (choice) await this.show({ kind: 'results', attemptId: entry.attempt.id, fresh: true });
  }

  private attach(panel: vscode.WebviewPanel): void {
    for (const d of this.panelSubs) d.dispose();
    this.panel = panel;
    this.ready = false;
    preparePanel(panel, this.services.context.extensionUri, { script: 'mockExam', title: 'Mock Exam', styles: ['mockExam.css'] });
    this.panelSubs = [
      panel.webview.onDidReceiveMessage((raw) => this.handle(raw)),
      panel.onDidDispose(() => {
        for (const d of this.panelSubs) d.dispose();
        this.panelSubs = [];
        this.panel = undefined;
        this.ready = false;
      }),
    ];
  }

  private setTitle(title: string): void {
    if (this.panel) this.panel.title = title;
  }

  private async post(m: MockExamToWebview): Promise<void> {
    if (!this.panel) return;
    this.posted.fire(m);
    await this.panel.webview.postMessage(m);
  }

  /** Closes the panel (tests use it to simulate closing the window midway). */
  close(): void {
    this.panel?.dispose();
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subs) d.dispose();
    this.posted.dispose();
  }
}

function timeUpNotice(entry: HistoryEntry): string {
  const limit = entry.attempt.timeLimitMs ? ` (${formatDuration(entry.attempt.timeLimitMs)})` : '';
  const answered = Object.keys(entry.attempt.responses).length;
  return `Time's up${limit}: the exam was submitted with ${answered} of ${entry.attempt.questionIds.length} questions answered.`;
}
