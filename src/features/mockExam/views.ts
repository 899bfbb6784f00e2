/**
 * Builds what the mock exam webview shows from the core's data: questions without their keys
 * while the attempt runs, feedback once a question is checked, results, review and history.
 * Question text is markdown rendered here with raw HTML, links and images off.
 */
import MarkdownIt from 'markdown-it';
import type { BundledNote } from '../../core/content/bundle';
import type { Exam, Question } from '../../core/content/schema';
import { domainOf } from '../../core/exam/draw';
import { trend, type HistoryEntry } from '../../core/exam/history';
import { MODE_LABELS } from '../../core/exam/modes';
import { isAnswered, keyResponse } from '../../core/exam/responses';
import { scoreAttempt, scoreExplanation, type ExamResult } from '../../core/exam/results';
import { describeAnswer, isCorrect, pickCount } from '../../core/exam/scoring';
import { deadline, type Attempt, type FinishedAttempt } from '../../core/exam/session';
import type {
  DomainView, ExamView, FeedbackView, HistoryView, NoteLink, QuestionView, ResultView, ReviewItem, TrendPointView,
} from '../../protocol/mockExam';

/** What the views need from the content. */
export interface Bank {
  exams: readonly Exam[];
  question(id: string): Question | undefined;
  note(id: string): BundledNote | undefined;
}

export class ViewBuilder {
  private readonly md = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['link', 'image']);

  constructor(private readonly bank: Bank) {}

  get exams(): readonly Exam[] { return this.bank.exams; }

  questionById(id: string): Question | undefined { return this.bank.question(id); }

  exam(id: string): Exam | undefined {
    return this.bank.exams.find((e) => e.id === id);
  }

  examView(a: Attempt, now: number, droppedNotice?: string): ExamView {
    const exam = this.exam(a.exam)!;
    const questions = this.questions(a);
    const end = deadline(a);
    return {
      attemptId: a.id, exam: exam.id, examCode: exam.code, examName: exam.name, modeLabel: MODE_LABELS[a.mode],
      subtitle: subtitle(exam, a), feedback: a.feedback,
      questions: questions.map((q, i) => this.question(q, i + 1)),
      responses: { ...a.responses }, flagged: [...a.flagged],
      checked: a.checked.map((id) => this.bank.question(id)).filter((q): q is Question => !!q).map((q) => this.feedback(q, a)),
      current: a.current, startedAt: a.startedAt, now, seq: a.seq ?? 0,
      timer: end === undefined ? undefined : { deadline: end, limitMs: a.timeLimitMs! },
      droppedNotice,
    };
  }

  question(q: Question, number: number): QuestionView {
    return {
      id: q.id, number, type: q.type, domain: domainOf(q), task: q.task,
      stemHtml: this.md.render(q.stem),
      options: q.options.map((o) => ({ id: o.id, html: this.md.renderInline(o.text) })),
      targets: q.targets?.map((t) => ({ id: t.id, text: plain(t.text) })),
      pick: pickCount(q),
    };
  }

  feedback(q: Question, a: Attempt): FeedbackView {
    const whys: Record<string, string> = {};
    for (const o of q.options) if (o.why) whys[o.id] = this.md.renderInline(o.why);
    return {
      questionId: q.id, correct: isCorrect(q, a.responses[q.id]), key: keyResponse(q), keyText: plain(describeAnswer(q)),
      explanationHtml: this.md.render(q.explanation), whys, note: this.noteLink(q.note),
    };
  }

  resultView(attempt: FinishedAttempt, history: readonly HistoryEntry[], fresh: boolean): ResultView {
    const exam = this.exam(attempt.exam)!;
    const r = scoreAttempt(attempt, exam, (id) => this.bank.question(id));
    const questions = this.questions(attempt);
    return {
      attemptId: attempt.id, exam: exam.id, examCode: exam.code, examName: exam.name, modeLabel: MODE_LABELS[attempt.mode],
      subtitle: subtitle(exam, attempt), startedAt: attempt.startedAt, finishedAt: attempt.finishedAt, endedBy: attempt.endedBy,
      timeUsedMs: r.timeUsedMs, timeLimitMs: r.timeLimitMs, total: r.total, answered: r.answered, correct: r.correct,
      percent: Math.round(r.fraction * 100), scaled: r.scaled, scoreMin: exam.scoreMin, scoreMax: exam.scoreMax,
      passingScore: exam.passingScore, passPercent: Math.round(r.passFraction * 100), passed: r.passed,
      scoreNote: scoreExplanation(exam), domains: this.domains(r, questions),
      review: questions.map((q, i) => this.reviewItem(q, i + 1, attempt)),
      trend: this.trend(history, exam.id), fresh,
    };
  }

  historyView(entries: readonly HistoryEntry[], inProgress: Attempt | undefined): HistoryView {
    const rows = [...entries].sort((a, b) => b.attempt.finishedAt - a.attempt.finishedAt).flatMap((e) => {
      const exam = this.exam(e.attempt.exam);
      if (!exam) return [];
      const name = (d: number) => exam.domains.find((x) => x.number === d)?.name ?? `Domain ${d}`;
      return [{
        attemptId: e.attempt.id, exam: exam.id, examCode: exam.code, modeLabel: MODE_LABELS[e.attempt.mode], subtitle: subtitle(exam, e.attempt),
        finishedAt: e.attempt.finishedAt, timeUsedMs: e.attempt.finishedAt - e.attempt.startedAt, timeLimitMs: e.attempt.timeLimitMs,
        endedBy: e.attempt.endedBy, scaled: e.score.scaled, passed: e.score.passed, correct: e.score.correct, total: e.score.total,
        domains: e.score.domains.map((d) => ({ ...d, name: name(d.domain) })),
      }];
    });
    const exams = this.bank.exams.map((e) => ({
      id: e.id, code: e.code, name: e.name, passingScore: e.passingScore, scoreMin: e.scoreMin, scoreMax: e.scoreMax, trend: this.trend(entries, e.id),
    }));
    const progress = inProgress && this.exam(inProgress.exam) ? {
      examCode: this.exam(inProgress.exam)!.code, modeLabel: MODE_LABELS[inProgress.mode],
      answered: this.questions(inProgress).filter((q) => isAnswered(q, inProgress.responses[q.id])).length, total: inProgress.questionIds.length,
    } : undefined;
    return { rows, exams, inProgress: progress };
  }

  private reviewItem(q: Question, number: number, a: FinishedAttempt): ReviewItem {
    return {
      question: this.question(q, number), response: a.responses[q.id], answered: isAnswered(q, a.responses[q.id]),
      correct: isCorrect(q, a.responses[q.id]), flagged: a.flagged.includes(q.id), feedback: this.feedback(q, a),
    };
  }

  private domains(r: ExamResult, questions: readonly Question[]): DomainView[] {
    const missed = new Set(r.outcomes.filter((o) => !o.correct).map((o) => o.id));
    return r.domains.map((d) => {
      const counts = new Map<string, number>();
      for (const q of questions) if (missed.has(q.id) && domainOf(q) === d.domain) counts.set(q.note, (counts.get(q.note) ?? 0) + 1);
      const notes = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([ref]) => this.noteLink(ref));
      return { domain: d.domain, name: d.name, correct: d.correct, total: d.total, percent: Math.round(d.fraction * 100), weak: d.weak, notes };
    });
  }

  private trend(entries: readonly HistoryEntry[], exam: string): TrendPointView[] {
    return trend(entries, exam).map((p) => ({ id: p.id, at: p.at, scaled: p.scaled, passed: p.passed, modeLabel: MODE_LABELS[p.mode] }));
  }

  private questions(a: Attempt): Question[] {
    return a.questionIds.map((id) => this.bank.question(id)).filter((q): q is Question => !!q);
  }

  /** `note-id#slug` to a link with the note's and section's titles. */
  private noteLink(ref: string): NoteLink {
    const [noteId, slug] = ref.split('#');
    const note = this.bank.note(noteId);
    const section = slug ? note?.sections.find((s) => s.slug === slug)?.title : undefined;
    const title = note ? (section ? `${note.title} › ${section}` : note.title) : noteId;
    return { noteId, slug: slug || undefined, title };
  }
}

function subtitle(exam: Exam, a: Attempt): string | undefined {
  if (a.mode !== 'domain' || a.domain === undefined) return undefined;
  const d = exam.domains.find((x) => x.number === a.domain);
  return d ? `Domain ${d.number}: ${d.name}` : `Domain ${a.domain}`;
}

/** Markdown emphasis and code ticks dropped, for places that take plain text (select options). */
export function plain(md: string): string {
  return md.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}
