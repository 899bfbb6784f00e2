/**
 * "Start Mock Exam": asks for the exam, the mode and (for domain practice) the domain, in
 * QuickPicks that say what each choice means (questions, time, how many mistakes there are),
 * and what to do with an attempt still in progress.
 */
import * as vscode from 'vscode';
import type { Exam } from '../../core/content/schema';
import { DOMAIN_PRACTICE_LENGTH, EXAM_MODES, MODE_LABELS, planExam, type ExamMode } from '../../core/exam/modes';
import { remainingMs, type Attempt } from '../../core/exam/session';
import type { MockExamController, StartRequest } from './controller';
import { formatDuration } from './format';

const MODE_ICONS: Record<ExamMode, string> = { full: 'watch', domain: 'target', quick: 'zap', retry: 'history' };

/** Fills in whatever the preset leaves open; undefined when the learner cancels. */
export async function chooseStart(controller: MockExamController, preset: Partial<StartRequest> = {}): Promise<StartRequest | undefined> {
  const exams = (await controller.views()).exams;
  const exam = preset.exam ? exams.find((e) => e.id === preset.exam) : await chooseExam(exams);
  if (!exam) return undefined;
  const mode = preset.mode ?? (await chooseMode(controller, exam, !preset.exam));
  if (!mode) return undefined;
  const domain = mode === 'domain' ? preset.domain ?? (await chooseDomain(controller, exam)) : undefined;
  if (mode === 'domain' && domain === undefined) return undefined;
  return { exam: exam.id, mode, domain, seed: preset.seed };
}

async function chooseExam(exams: readonly Exam[]): Promise<Exam | undefined> {
  const pick = await vscode.window.showQuickPick(
    exams.map((e) => ({ label: `$(mortar-board) ${e.code}`, description: e.name, detail: `${e.questions} questions · ${e.minutes} minutes · pass mark ${e.passingScore}`, exam: e })),
    { title: 'Start Mock Exam (1/2): which exam?', placeHolder: 'Choose the exam to practise' });
  return pick?.exam;
}

/** `stepped`: the exam was asked first, so this is step 2 of 2 (not when the exam came from the tree). */
async function chooseMode(controller: MockExamController, exam: Exam, stepped: boolean): Promise<ExamMode | undefined> {
  const items = await Promise.all(EXAM_MODES.map(async (mode) => {
    const available = await controller.available(exam, mode);
    return { label: `$(${MODE_ICONS[mode]}) ${MODE_LABELS[mode]}`, description: describeMode(exam, mode, available), detail: modeDetail(mode), mode };
  }));
  const pick = await vscode.window.showQuickPick(items, { title: `Start Mock Exam${stepped ? ' (2/2)' : ''}: ${exam.code}`, placeHolder: 'How do you want to practise?' });
  return pick?.mode;
}

function describeMode(exam: Exam, mode: ExamMode, available: number): string {
  if (mode === 'retry' && available === 0) return 'no mistakes yet';
  if (mode === 'domain') return `up to ${DOMAIN_PRACTICE_LENGTH} questions · untimed`;
  const plan = planExam(exam, mode, available);
  const count = Math.min(plan.count, available);
  return `${count} question${count === 1 ? '' : 's'} · ${formatDuration(plan.timeLimitMs ?? 0)}`;
}

function modeDetail(mode: ExamMode): string {
  switch (mode) {
    case 'full': return 'Like the real exam: drawn to the domain weights, timed, scored 100-1000 at the end.';
    case 'domain': return 'One domain, at your own pace; check each answer as you go.';
    case 'quick': return 'Across all domains at the real exam\'s pace.';
    case 'retry': return 'The questions whose latest answer was wrong, in quizzes and exams.';
  }
}

async function chooseDomain(controller: MockExamController, exam: Exam): Promise<number | undefined> {
  const items = await Promise.all(exam.domains.map(async (d) => {
    const n = await controller.available(exam, 'domain', d.number);
    return { label: `Domain ${d.number}: ${d.name}`, description: `${d.weight}% of the exam · ${n} question${n === 1 ? '' : 's'}`, domain: d.number };
  }));
  const pick = await vscode.window.showQuickPick(items, { title: `Domain practice: ${exam.code}`, placeHolder: 'Choose a domain' });
  return pick?.domain;
}

/** Asks what to do with an attempt in progress: 'resume', 'submit' (then start anew) or undefined. */
export async function askAboutInProgress(controller: MockExamController, a: Attempt): Promise<'resume' | 'submit' | undefined> {
  const exam = (await controller.views()).exam(a.exam);
  const left = remainingMs(a, controller.clock());
  const answered = Object.keys(a.responses).length;
  const detail = `${exam?.code ?? a.exam} ${MODE_LABELS[a.mode].toLowerCase()}: ${answered} of ${a.questionIds.length} answered${left === undefined ? '' : `, ${formatDuration(left)} left`}.`;
  const resume = 'Resume It';
  const submit = 'Submit It and Start New';
  const choice = await vscode.window.showWarningMessage('A mock exam is in progress.', { modal: true, detail }, resume, submit);
  return choice === resume ? 'resume' : choice === submit ? 'submit' : undefined;
}
