/**
 * Entry point: builds the services and registers each feature. Activation stays cheap: content,
 * indexes and storage are loaded lazily on first use.
 */
import * as vscode from 'vscode';
import { AnswerStore } from './vscode/adapters/answerStore';
import { Commands } from './vscode/commands';
import { ProgressService } from './vscode/progress';
import { createServices } from './vscode/services';
import * as hover from './features/hover/hoverProvider';
import * as lookUp from './features/hover/lookUpTerm';
import * as noteView from './features/noteView/noteViewer';
import * as search from './features/search/searchNotes';
import * as examTree from './features/tree/examTree';
import * as myNotesTree from './features/tree/myNotesTree';
import * as quiz from './features/quiz/quickQuiz';
import * as statusBar from './features/statusBar/statusBar';
import { UserNotesService } from './features/notes/userNotes';
// feature imports: one line per feature, below this one
import * as flashcards from './features/flashcards';
import * as mockExam from './features/mockExam';

/** What activate() hands to tests running in the extension host. */
export interface ExtensionApi {
  services: ReturnType<typeof createServices>;
  progress: ProgressService;
  userNotes: UserNotesService;
  quiz: quiz.QuickQuiz;
  examTree: examTree.ExamTreeProvider;
  noteViewer: noteView.NoteViewer;
  flashcards: flashcards.FlashcardsApi;
  mockExam: mockExam.MockExams;
  /**
   * performance.now() marks: bundle evaluation start and end (esbuild banner, footer), activate()
   * start and end; and the host process's CPU time in those two stretches together, which a busy
   * machine does not inflate the way it does the clock.
   */
  timing: { loadStart?: number; loadEnd?: number; activateStart: number; activateEnd: number; cpuMs?: number };
}

declare const __awsMlStudyLoadStart: number | undefined, __awsMlStudyLoadEnd: number | undefined;
declare const __awsMlStudyLoadCpu: NodeJS.CpuUsage | undefined, __awsMlStudyLoadEndCpu: NodeJS.CpuUsage | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  const activateCpu = process.cpuUsage();
  const services = createServices(context);
  const progress = new ProgressService(new AnswerStore(context.globalState, services.log));
  const userNotes = new UserNotesService(services.content, services.config, services.log);
  context.subscriptions.push(progress, progress.answers, userNotes);

  context.subscriptions.push(vscode.commands.registerCommand(Commands.showVersion, () => {
    const version = String(context.extension.packageJSON.version ?? '');
    void vscode.window.showInformationMessage(`AWS ML Study Companion ${version}`);
    return version;
  }));
  hover.register(context, services);
  lookUp.register(context, services);
  const viewer = noteView.register(context, services);
  search.register(context, services, userNotes, viewer);
  const tree = examTree.register(context, services, progress);
  myNotesTree.register(context, userNotes);
  const quizRunner = quiz.register(context, services, progress);
  statusBar.register(context, services, progress);
  // feature registrations: one line per feature, below this one
  const cards = flashcards.register(context, services, progress, userNotes);
  const mockExams = mockExam.register(context, services, progress);

  const timing = activationTiming(activateStart, activateCpu);
  return { services, progress, userNotes, quiz: quizRunner, examTree: tree, noteViewer: viewer, flashcards: cards, mockExam: mockExams, timing };
}

function activationTiming(activateStart: number, activateCpu: NodeJS.CpuUsage): ExtensionApi['timing'] {
  const activateEnd = performance.now();
  const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1000;
  const loadStart = typeof __awsMlStudyLoadStart === 'number' ? __awsMlStudyLoadStart : undefined;
  const loadEnd = typeof __awsMlStudyLoadEnd === 'number' ? __awsMlStudyLoadEnd : undefined;
  const loadCpu = typeof __awsMlStudyLoadCpu === 'object' && typeof __awsMlStudyLoadEndCpu === 'object' ? cpuMs(__awsMlStudyLoadCpu, __awsMlStudyLoadEndCpu) : undefined;
  return { loadStart, loadEnd, activateStart, activateEnd, cpuMs: loadCpu === undefined ? undefined : loadCpu + cpuMs(activateCpu, process.cpuUsage()) };
}

export function deactivate(): void {
  // Nothing to flush: every store writes through.
}
