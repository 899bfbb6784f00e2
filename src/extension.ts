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
  myNotes: myNotesTree.MyNotesProvider;
  noteViewer: noteView.NoteViewer;
  flashcards: flashcards.FlashcardsApi;
  mockExam: mockExam.MockExams;
  /**
   * performance.now() marks: bundle evaluation start and end (esbuild banner, footer), activate()
   * start and end; and, under `npm run bench:host` on Linux, the CPU time the host's thread ran in
   * those two stretches together, which a busy machine does not inflate the way it does the clock.
   */
  timing: { loadStart?: number; loadEnd?: number; activateStart: number; activateEnd: number; cpuMs?: number };
}

declare const __awsMlStudyLoadStart: number | undefined, __awsMlStudyLoadEnd: number | undefined;
declare const __awsMlStudyLoadCpu: number | undefined, __awsMlStudyLoadEndCpu: number | undefined;
declare const __awsMlStudyCpu: (() => number | undefined) | undefined;

/** The thread's CPU time in ms while the benchmark runs (esbuild banner), else undefined. */
const threadCpu = (): number | undefined => (typeof __awsMlStudyCpu === 'function' ? __awsMlStudyCpu() : undefined);

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const activateStart = performance.now();
  const activateCpu = threadCpu();
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
  const myNotes = myNotesTree.register(context, userNotes);
  const quizRunner = quiz.register(context, services, progress);
  statusBar.register(context, services, progress);
  // feature registrations: one line per feature, below this one
  const cards = flashcards.register(context, services, progress, userNotes);
  const mockExams = mockExam.register(context, services, progress);

  const timing = activationTiming(activateStart, activateCpu);
  return { services, progress, userNotes, quiz: quizRunner, examTree: tree, myNotes, noteViewer: viewer, flashcards: cards, mockExam: mockExams, timing };
}

function activationTiming(activateStart: number, activateCpu: number | undefined): ExtensionApi['timing'] {
  const activateEnd = performance.now();
  const activateEndCpu = threadCpu();
  const loadStart = typeof __awsMlStudyLoadStart === 'number' ? __awsMlStudyLoadStart : undefined;
  const loadEnd = typeof __awsMlStudyLoadEnd === 'number' ? __awsMlStudyLoadEnd : undefined;
  const cpu = [__awsMlStudyLoadCpu, __awsMlStudyLoadEndCpu, activateCpu, activateEndCpu];
  const cpuMs = cpu.every((c) => typeof c === 'number') ? cpu[1]! - cpu[0]! + cpu[3]! - cpu[2]! : undefined;
  return { loadStart, loadEnd, activateStart, activateEnd, cpuMs };
}

export function deactivate(): void {
  // Nothing to flush: every store writes through.
}
