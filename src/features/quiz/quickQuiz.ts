/**
 * "Quick Quiz": a short quiz entirely in QuickPicks. The learner picks an exam, a domain and a
 * length; each question is answered with its type's control (single pick, multi-select, picking
 * an order step by step, matching pair by pair), gets feedback with the explanation and a link to
 * the note, and the quiz ends with a score. Every answer is recorded for mastery.
 */
import * as vscode from 'vscode';
import type { Exam, Question } from '../../core/content/schema';
import { drawQuestions, domainOf } from '../../core/exam/draw';
import { describeAnswer, isCorrect, type Response } from '../../core/exam/scoring';
import { Commands } from '../../vscode/commands';
import type { ProgressService } from '../../vscode/progress';
import type { Services } from '../../vscode/services';
import { plainText, quizSummary, wrap } from './quickPickText';
import { scopeFromNode, taskQuestionIds, type QuizScope } from './scope';

export type { QuizScope } from './scope';

type Item = vscode.QuickPickItem & { value?: string };

/** What a quiz run produced, returned for tests. */
export interface QuizResult { answered: number; correct: number; total: number; stopped: boolean; questionIds: string[] }

export class QuickQuiz {
  constructor(private readonly services: Services, private readonly progress: ProgressService) {}

  async run(scope: QuizScope = {}): Promise<QuizResult | undefined> {
    const core = await this.services.content.core();
    if (scope.noteId) return this.runForNote(scope.noteId, scope.length);
    if (scope.questionIds?.length) {
      const byId = new Map(core.content.questions.map((q) => [q.id, q]));
      const questions = scope.questionIds.map((id) => byId.get(id)).filter((q): q is Question => !!q);
      const exam = core.content.exams.find((e) => e.id === questions[0]?.exam);
      return exam ? this.ask(exam, questions.filter((q) => q.exam === exam.id)) : undefined;
    }
    const exam = await this.chooseExam(core.content.exams, scope.exam);
    if (!exam) return undefined;
    const domain = scope.domain ?? (await this.chooseDomain(exam));
    if (domain === undefined) return undefined;
    const length = scope.length ?? (await this.chooseLength());
    if (!length) return undefined;
    const recent = new Set(this.progress.answers.all().slice(-200).map((r) => r.questionId));
    const only = taskQuestionIds({ ...scope, exam: exam.id }, core.content.questions);
    const questions = drawQuestions(exam, core.content.questions, { count: length, seed: Date.now() % 2 ** 31, domain: domain || undefined, avoid: recent, only });
    if (!questions.length) {
      void vscode.window.showWarningMessage(`There are no questions for ${exam.code}${scope.task ? ` task ${scope.task}` : domain ? ` domain ${domain}` : ''} yet.`);
      return undefined;
    }
    return this.ask(exam, questions);
  }

  /** A quiz on the questions that point at one note (its own exam, shuffled). */
  private async runForNote(noteId: string, length?: number): Promise<QuizResult | undefined> {
    const core = await this.services.content.core();
    const pool = core.content.questions.filter((q) => q.note.split('#')[0] === noteId);
    const exam = core.content.exams.find((e) => e.id === pool[0]?.exam);
    if (!exam || !pool.length) {
      void vscode.window.showInformationMessage('No questions point at this note yet. Try a quiz on its domain instead.', 'Quick Quiz')
        .then((c) => c && vscode.commands.executeCommand(Commands.quickQuiz));
      return undefined;
    }
    const n = length ?? Math.min(pool.length, this.services.config.current.quiz.defaultLength);
    const questions = drawQuestions(exam, pool.filter((q) => q.exam === exam.id), { count: n, seed: Date.now() % 2 ** 31, only: new Set(pool.map((q) => q.id)) });
    return this.ask(exam, questions);
  }

  private async ask(exam: Exam, questions: Question[]): Promise<QuizResult> {
    const result: QuizResult = { answered: 0, correct: 0, total: questions.length, stopped: false, questionIds: [] };
    for (let i = 0; i < questions.length; i++) {
      const q = questions[i];
      const title = `${exam.code} quiz · question ${i + 1} of ${questions.length} · domain ${domainOf(q)} · task ${q.task}`;
      const response = await askQuestion(q, title);
      if (!response) { result.stopped = true; break; }
      const correct = isCorrect(q, response);
      result.answered++;
      if (correct) result.correct++;
      result.questionIds.push(q.id);
      await this.progress.answers.add({ questionId: q.id, exam: q.exam, task: q.task, correct, at: Date.now(), source: 'quiz' });
      const next = await feedback(q, correct, i === questions.length - 1);
      if (next === 'note') await vscode.commands.executeCommand(Commands.openNote, ...q.note.split('#'));
      if (next === 'stop' || next === 'note') { result.stopped = i < questions.length - 1; break; }
    }
    this.summary(exam, result);
    return result;
  }

  /** The score so far (also when the learner stopped or pressed Escape), shown without waiting for it to be dismissed. */
  private summary(exam: Exam, r: QuizResult): void {
    if (!r.answered) return;
    void vscode.window.showInformationMessage(quizSummary(r, exam.passingScore), 'Quiz Again', 'Review Flashcards')
      .then((choice) => {
        if (choice === 'Quiz Again') void vscode.commands.executeCommand(Commands.quickQuiz);
        else if (choice === 'Review Flashcards') void vscode.commands.executeCommand(Commands.reviewFlashcards);
      });
  }

  private async chooseExam(exams: Exam[], id?: string): Promise<Exam | undefined> {
    if (id) return exams.find((e) => e.id === id);
    const pick = await vscode.window.showQuickPick(
      exams.map((e) => ({ label: e.code, description: e.name, detail: `Pass mark ${e.passingScore} · ${e.domains.length} domains`, exam: e })),
      { title: 'Quick Quiz: choose an exam', placeHolder: 'Which exam are you studying for?' });
    return pick?.exam;
  }

  private async chooseDomain(exam: Exam): Promise<number | undefined> {
    const items = [
      { label: '$(layers) All domains', description: 'weighted like the exam', domain: 0 },
      ...exam.domains.map((d) => {
        const { mastery } = this.progress.summary(exam.id, d.number);
        return { label: `Domain ${d.number}: ${d.name}`, description: `${d.weight}%${mastery === undefined ? '' : ` · ${Math.round(mastery * 100)}% mastery`}`, domain: d.number };
      }),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: `Quick Quiz: ${exam.code}`, placeHolder: 'Choose a domain' });
    return pick?.domain;
  }

  /** Asks how many questions, with the configured default selected (public for tests). */
  async chooseLength(): Promise<number | undefined> {
    const def = this.services.config.current.quiz.defaultLength;
    const lengths = [...new Set([5, def, 10, 20])].sort((a, b) => a - b);
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { n: number }>();
    qp.title = 'Quick Quiz: how many questions?';
    qp.items = lengths.map((n) => ({ label: `${n} questions`, description: n === def ? 'default' : undefined, n }));
    // Enter takes the default (awsMlStudy.quiz.defaultLength), not the shortest length listed first.
    qp.activeItems = qp.items.filter((i) => i.n === def);
    const pick = await new Promise<number | undefined>((resolve) => {
      qp.onDidAccept(() => { resolve(qp.selectedItems[0]?.n ?? qp.activeItems[0]?.n); qp.hide(); });
      qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
      qp.show();
    });
    return pick;
  }
}

/**
 * Row widths in characters for the 600 px QuickPick, whose rows end in an ellipsis. Seen in the
 * workbench at 88 and 80: stem rows (icon or indent first) lost their last word, and the first
 * option, which also carries its group's label ("Choose one") on the right, lost the middle of its
 * text between the label and the detail row.
 */
const STEM_COLUMNS = 72;
const OPTION_COLUMNS = 64;

/** Shows the stem as rows above the choices; accepting a stem row does nothing. */
function stemItems(q: Question): Item[] {
  return wrap(plainText(q.stem), STEM_COLUMNS).map((line, i) => ({ label: `${i === 0 ? '$(question) ' : '      '}${line}`, alwaysShow: true }));
}

function optionItems(q: Question, ids: readonly string[]): Item[] {
  return ids.map((id) => {
    const o = q.options.find((x) => x.id === id)!;
    const [first, ...rest] = wrap(plainText(o.text), OPTION_COLUMNS);
    return { label: `${id.toUpperCase()}.  ${first}`, detail: rest.length ? rest.join(' ') : undefined, value: id, alwaysShow: true };
  });
}

function separator(label: string): Item {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/** Asks one question with the control its type needs; undefined when the learner escapes. */
export async function askQuestion(q: Question, title: string): Promise<Response | undefined> {
  switch (q.type) {
    case 'single': {
      const v = await pickOne(title, [...stemItems(q), separator('Choose one'), ...optionItems(q, q.options.map((o) => o.id))], 'Choose one answer');
      return v === undefined ? undefined : { type: 'single', choice: v };
    }
    case 'multiple': {
      const choices = await pickMany(title, q, q.answer.length);
      return choices && { type: 'multiple', choices };
    }
    case 'ordering': {
      const order: string[] = [];
      let left = q.options.map((o) => o.id);
      while (left.length > 1) {
        const placed = order.map((id, i) => `${i + 1}. ${plainText(q.options.find((o) => o.id === id)!.text)}`);
        const items = [...stemItems(q), ...(placed.length ? [separator('Your order so far'), ...placed.map((p) => ({ label: `$(check) ${p}` }))] : []),
          separator(`Pick step ${order.length + 1}`), ...optionItems(q, left)];
        const v = await pickOne(title, items, `Which comes ${ordinal(order.length + 1)}?`);
        if (v === undefined) return undefined;
        order.push(v);
        left = left.filter((id) => id !== v);
      }
      return { type: 'ordering', order: [...order, ...left] };
    }
    case 'matching': {
      const pairs: Record<string, string> = {};
      for (const o of q.options) {
        const targets: Item[] = (q.targets ?? []).map((t) => ({ label: plainText(t.text), value: t.id, alwaysShow: true }));
        const v = await pickOne(title, [...stemItems(q), separator(`Match: ${plainText(o.text)}`), ...targets], `What does "${plainText(o.text)}" match?`);
        if (v === undefined) return undefined;
        pairs[o.id] = v;
      }
      return { type: 'matching', pairs };
    }
  }
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n - 1] ?? `number ${n}`;
}

function pickOne(title: string, items: Item[], placeholder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = title;
    qp.placeholder = placeholder;
    qp.items = items;
    qp.matchOnDetail = true;
    const first = items.find((i) => i.value);
    if (first) qp.activeItems = [first];
    let done = false;
    qp.onDidAccept(() => {
      const v = qp.selectedItems[0]?.value ?? qp.activeItems[0]?.value;
      if (!v) return;
      done = true;
      resolve(v);
      qp.hide();
    });
    qp.onDidHide(() => { qp.dispose(); if (!done) resolve(undefined); });
    qp.show();
  });
}

function pickMany(title: string, q: Question, count: number): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item>();
    qp.title = title;
    qp.canSelectMany = true;
    qp.placeholder = `Select ${count}, then press Enter`;
    const options = optionItems(q, q.options.map((o) => o.id));
    qp.items = [...stemItems(q), separator(`Select ${count}`), ...options];
    let done = false;
    qp.onDidChangeSelection((sel) => {
      const picked = sel.filter((i) => i.value);
      qp.placeholder = picked.length === count ? 'Press Enter to answer' : `Select ${count} (${picked.length} selected), then press Enter`;
    });
    qp.onDidAccept(() => {
      const picked = qp.selectedItems.filter((i) => i.value).map((i) => i.value!);
      if (picked.length !== count) { qp.placeholder = `Select exactly ${count} (you have ${picked.length})`; return; }
      done = true;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => { qp.dispose(); if (!done) resolve(undefined); });
    qp.show();
  });
}

/** Feedback with the explanation; returns what the learner wants next. */
async function feedback(q: Question, correct: boolean, last: boolean): Promise<'next' | 'note' | 'stop'> {
  const rows: Item[] = [
    { label: correct ? '$(pass-filled) Correct' : '$(error) Not quite' },
    ...(correct ? [] : [separator('The answer'), ...wrap(plainText(describeAnswer(q)), STEM_COLUMNS).map((l) => ({ label: `      ${l}` }))]),
    separator('Why'),
    ...wrap(plainText(q.explanation), STEM_COLUMNS).map((l) => ({ label: `      ${l}` })),
    separator(''),
    { label: last ? '$(check-all) See my score' : '$(arrow-right) Next question', value: 'next' },
    { label: '$(book) Open the note on this', value: 'note', description: q.note },
    ...(last ? [] : [{ label: '$(close) Stop the quiz', value: 'stop' }]),
  ];
  const v = await pickOne(correct ? 'Correct' : 'Not quite', rows, 'Press Enter to go on');
  return (v as 'next' | 'note' | 'stop' | undefined) ?? 'stop';
}

export function register(context: vscode.ExtensionContext, services: Services, progress: ProgressService): QuickQuiz {
  const quiz = new QuickQuiz(services, progress);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.quickQuiz, (scope?: QuizScope) => quiz.run(isScope(scope) ? scope : {})),
    vscode.commands.registerCommand(Commands.quizHere, (node?: unknown) => quiz.run(scopeFromNode(node))),
  );
  return quiz;
}

function isScope(x: unknown): x is QuizScope {
  return !!x && typeof x === 'object' && !('kind' in x);
}
