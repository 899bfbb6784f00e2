/**
 * Mock exams: the commands that start, resume and list them, the panel and its serializer, and
 * the context key that shows "Resume Mock Exam" while an attempt is in progress.
 */
import * as vscode from 'vscode';
import { isExamMode } from '../../core/exam/modes';
import type { Attempt } from '../../core/exam/session';
import { ExamStore } from '../../vscode/adapters/examStore';
import { Commands } from '../../vscode/commands';
import type { ProgressService } from '../../vscode/progress';
import type { Log } from '../../vscode/log';
import type { Services } from '../../vscode/services';
import { MockExamController, type StartRequest } from './controller';
import { MockExamPanel, VIEW_TYPE } from './panel';
import { askAboutInProgress, chooseStart } from './start';

export const IN_PROGRESS_CONTEXT = 'awsMlStudy.examInProgress';

/** What the extension API hands to tests. */
export interface MockExams {
  controller: MockExamController;
  panel: MockExamPanel;
  store: ExamStore;
  /** Runs "Start Mock Exam" with a preset; resolves to the attempt started, if any. */
  start(preset?: Partial<StartRequest>): Promise<Attempt | undefined>;
}

/** How long after activation the attempt in progress is first looked at (as the status bar waits). */
const STARTUP_DELAY_MS = 3000;

export function register(context: vscode.ExtensionContext, services: Services, progress: ProgressService): MockExams {
  const store = new ExamStore(context.globalState, services.log, context.globalStorageUri.fsPath);
  const controller = new MockExamController(services, store, progress.answers);
  const panel = new MockExamPanel(services, controller);
  const setContext = () => void vscode.commands.executeCommand('setContext', IN_PROGRESS_CONTEXT, !!store.inProgress());

  const start = async (preset: Partial<StartRequest> = {}): Promise<Attempt | undefined> => {
    reportProblems(store, services.log);
    const { attempt, finished } = await controller.resume();
    if (finished) void vscode.window.showInformationMessage('Your last mock exam ran out of time while you were away; it was scored and saved.', 'Show Results')
      .then((c) => c && panel.show({ kind: 'results', attemptId: finished.attempt.id, fresh: true }));
    if (attempt) {
      const choice = await askAboutInProgress(controller, attempt);
      if (choice === 'resume') { await panel.show({ kind: 'exam' }); return attempt; }
      if (choice !== 'submit') return undefined;
    }
    // The new exam is chosen before the one in progress is submitted: cancelling the choice
    // leaves that attempt as it was (it used to be scored already, its tab still ticking).
    const req = await chooseStart(controller, preset);
    if (!req) return undefined;
    if (attempt) await controller.submit(attempt.id);
    const outcome = await controller.start(req);
    if (!outcome.ok) {
      if (attempt) void panel.show({ kind: 'results', attemptId: attempt.id, fresh: true });
      const other = req.mode === 'retry' ? 'Quick Set' : undefined;
      const choice = await vscode.window.showInformationMessage(outcome.reason, ...(other ? [other] : []));
      if (choice === other) return start({ exam: req.exam, mode: 'quick' });
      return undefined;
    }
    await panel.show({ kind: 'exam' });
    return outcome.attempt;
  };

  context.subscriptions.push(
    store, controller, panel,
    store.onDidChange(setContext),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state) => { reportProblems(store, services.log); panel.restore(webviewPanel, state); },
    }),
    vscode.commands.registerCommand(Commands.startMockExam, (arg?: unknown) => start(presetOf(arg))),
    vscode.commands.registerCommand(Commands.mockExamHere, (node?: unknown) => start(presetFromNode(node))),
    vscode.commands.registerCommand(Commands.showExamHistory, () => { reportProblems(store, services.log); return panel.show({ kind: 'history' }); }),
    vscode.commands.registerCommand(Commands.resumeMockExam, async () => {
      reportProblems(store, services.log);
      if (store.inProgress()) return panel.show({ kind: 'exam' });
      const choice = await vscode.window.showInformationMessage('No mock exam is in progress.', 'Start Mock Exam', 'Show History');
      if (choice === 'Start Mock Exam') return start();
      if (choice === 'Show History') return panel.show({ kind: 'history' });
    }),
  );
  // The stored attempt (globalState and its mirror file) is read once start-up is over, not during
  // activation: then the context key for Resume Mock Exam is set and the deadline timer armed (an
  // attempt whose time ran out meanwhile is ended then, by its deadline).
  const afterStartUp = setTimeout(() => { setContext(); controller.arm(); }, STARTUP_DELAY_MS);
  context.subscriptions.push({ dispose: () => clearTimeout(afterStartUp) });
  return { controller, panel, store, start };
}

/** Tells the learner once about stored state that could not be read (kept as a backup). */
function reportProblems(store: ExamStore, log: Log): void {
  store.inProgress();
  store.entries();
  const problems = store.takeProblems();
  if (!problems.length) return;
  void vscode.window.showWarningMessage(
    `Some saved mock exam data could not be read: ${problems.join('; ')}. It was kept as a backup, and everything else is safe.`, 'Show Details')
    .then((c) => c && log.channel.show(true));
}

/** A command argument (walkthrough link, webview, tests) to a preset; anything else is ignored. */
export function presetOf(arg: unknown): Partial<StartRequest> {
  if (!arg || typeof arg !== 'object') return {};
  const o = arg as Record<string, unknown>;
  return {
    exam: typeof o.exam === 'string' ? o.exam : undefined,
    mode: isExamMode(o.mode) ? o.mode : undefined,
    domain: typeof o.domain === 'number' && Number.isInteger(o.domain) ? o.domain : undefined,
    seed: typeof o.seed === 'number' && Number.isInteger(o.seed) ? o.seed : undefined,
  };
}

/** An Exams tree node (exam or domain) to a preset. */
export function presetFromNode(node: unknown): Partial<StartRequest> {
  const n = node as { kind?: string; exam?: { id?: unknown }; domain?: { number?: unknown } } | undefined;
  const exam = typeof n?.exam?.id === 'string' ? n.exam.id : undefined;
  if (n?.kind === 'domain' && typeof n.domain?.number === 'number') return { exam, mode: 'domain', domain: n.domain.number };
  if (n?.kind === 'exam') return { exam };
  return presetOf(node);
}
