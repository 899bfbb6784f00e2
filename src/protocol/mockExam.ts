/**
 * Messages between the mock exam webview and the extension host. Imported as types by both sides;
 * the host checks everything the webview posts with {@link parseMockExamMessage}. Answer keys
 * never reach the webview before a question is checked (practice) or the attempt is finished.
 */

import { parseResponse } from '../core/exam/responses';
import type { Response } from '../core/exam/scoring';

export type QuestionKind = 'single' | 'multiple' | 'ordering' | 'matching';

/** A response as the webview builds it: the shape the core scores. */
export type ResponseData = Response;

/** Text rendered from markdown on the host (markdown-it, raw HTML off). */
export type Html = string;

export interface QuestionView {
  id: string;
  /** 1-based position in the attempt. */
  number: number;
  type: QuestionKind;
  domain: number;
  task: string;
  stemHtml: Html;
  options: { id: string; html: Html }[];
  /** Matching: what the options are matched to. */
  targets?: { id: string; text: string }[];
  /** Multiple response: how many to select. */
  pick: number;
}

export interface NoteLink { noteId: string; slug?: string; title: string }

/** The right answer of a question, with the why of each option. */
export interface FeedbackView {
  questionId: string;
  correct: boolean;
  key: ResponseData;
  keyText: string;
  explanationHtml: Html;
  whys: Record<string, Html>;
  note: NoteLink;
}

export interface TimerView {
  /** Epoch ms on the host's clock. */
  deadline: number;
  limitMs: number;
}

export interface ExamView {
  attemptId: string;
  exam: string;
  examCode: string;
  examName: string;
  modeLabel: string;
  /** e.g. "Domain 3: Applications of Foundation Models". */
  subtitle?: string;
  feedback: 'each' | 'end';
  questions: QuestionView[];
  responses: Record<string, ResponseData>;
  flagged: string[];
  /** Feedback of checked questions (practice). */
  checked: FeedbackView[];
  current: number;
  startedAt: number;
  timer?: TimerView;
  /** The host's clock when this was posted, so the webview can correct for skew. */
  now: number;
  /** The number of the last step the attempt applied: the page numbers its steps after it and forgets older unconfirmed ones. */
  seq: number;
  /** Questions dropped because a content update removed them. */
  droppedNotice?: string;
}

export interface DomainView {
  domain: number;
  name: string;
  correct: number;
  total: number;
  percent: number;
  weak: boolean;
  /** Notes of the questions missed in this domain, most missed first. */
  notes: NoteLink[];
}

export interface ReviewItem {
  question: QuestionView;
  response?: ResponseData;
  answered: boolean;
  correct: boolean;
  flagged: boolean;
  feedback: FeedbackView;
}

export interface TrendPointView { id: string; at: number; scaled: number; passed: boolean; modeLabel: string }

export interface ResultView {
  attemptId: string;
  exam: string;
  examCode: string;
  examName: string;
  modeLabel: string;
  subtitle?: string;
  startedAt: number;
  finishedAt: number;
  endedBy: 'submit' | 'time';
  timeUsedMs: number;
  timeLimitMs?: number;
  total: number;
  answered: number;
  correct: number;
  percent: number;
  scaled: number;
  scoreMin: number;
  scoreMax: number;
  passingScore: number;
  passPercent: number;
  passed: boolean;
  /** One line on how the scaled score is estimated. */
  scoreNote: string;
  domains: DomainView[];
  review: ReviewItem[];
  trend: TrendPointView[];
  /** The attempt just ended (not opened from the history). */
  fresh: boolean;
}

export interface HistoryRow {
  attemptId: string;
  exam: string;
  examCode: string;
  modeLabel: string;
  subtitle?: string;
  finishedAt: number;
  timeUsedMs: number;
  timeLimitMs?: number;
  endedBy: 'submit' | 'time';
  scaled: number;
  passed: boolean;
  correct: number;
  total: number;
  domains: { domain: number; name: string; correct: number; total: number }[];
}

export interface HistoryView {
  rows: HistoryRow[];
  exams: { id: string; code: string; name: string; passingScore: number; scoreMin: number; scoreMax: number; trend: TrendPointView[] }[];
  inProgress?: { examCode: string; modeLabel: string; answered: number; total: number };
}

export type MockExamToWebview =
  | { type: 'exam'; view: ExamView }
  | { type: 'checked'; feedback: FeedbackView }
  | { type: 'results'; view: ResultView }
  | { type: 'history'; view: HistoryView }
  | { type: 'notice'; message: string }
  | { type: 'saved'; seq: number }
  | { type: 'unavailable'; message: string };

/**
 * A learner's step in an attempt. `seq` numbers the steps a page sent; the host answers each with
 * `saved` once it is stored, and the page re-sends the steps it never heard back about (a window
 * reloaded while a step was on its way).
 */
export type StepMessage =
  | { type: 'answer'; attemptId: string; questionId: string; response: ResponseData | null; seq?: number }
  | { type: 'flag'; attemptId: string; questionId: string; flagged: boolean; seq?: number }
  | { type: 'navigate'; attemptId: string; index: number; seq?: number };

export type MockExamCommand = 'start' | 'history' | 'resume' | 'retryMistakes';

export type MockExamFromWebview =
  | { type: 'ready' }
  | StepMessage
  | { type: 'check'; attemptId: string; questionId: string }
  | { type: 'submit'; attemptId: string }
  | { type: 'showResults'; attemptId: string }
  | { type: 'openNote'; noteId: string; slug?: string }
  | { type: 'reviewDomain'; exam: string; domain: number; how: 'flashcards' | 'quiz' }
  | { type: 'command'; command: MockExamCommand; exam?: string };

/** What the webview remembers across reloads (getState/setState); the host restores from it. */
export interface MockExamWebviewState {
  screen: 'exam' | 'results' | 'review' | 'history';
  attemptId?: string;
  /** Steps sent but not yet confirmed as saved. */
  pending?: StepMessage[];
}

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/i;
const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

/** Host-side check of anything the webview posts: the webview is not trusted. */
export function parseMockExamMessage(m: unknown): MockExamFromWebview | undefined {
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ready': return { type: 'ready' };
    case 'answer':
    case 'flag':
    case 'navigate': return parseStep(o);
    case 'check': return isId(o.attemptId) && isId(o.questionId) ? { type: 'check', attemptId: o.attemptId, questionId: o.questionId } : undefined;
    case 'submit': return isId(o.attemptId) ? { type: 'submit', attemptId: o.attemptId } : undefined;
    case 'showResults': return isId(o.attemptId) ? { type: 'showResults', attemptId: o.attemptId } : undefined;
    case 'openNote': {
      if (!isId(o.noteId) || (o.slug !== undefined && !(typeof o.slug === 'string' && /^[a-z0-9-]{1,200}$/.test(o.slug)))) return undefined;
      return o.slug === undefined ? { type: 'openNote', noteId: o.noteId } : { type: 'openNote', noteId: o.noteId, slug: o.slug as string };
    }
    case 'reviewDomain': return isId(o.exam) && Number.isInteger(o.domain) && (o.domain as number) >= 1 && (o.domain as number) <= 9 && (o.how === 'flashcards' || o.how === 'quiz')
      ? { type: 'reviewDomain', exam: o.exam, domain: o.domain as number, how: o.how } : undefined;
    case 'command': {
      if (o.command !== 'start' && o.command !== 'history' && o.command !== 'resume' && o.command !== 'retryMistakes') return undefined;
      if (o.exam !== undefined && !isId(o.exam)) return undefined;
      return o.exam === undefined ? { type: 'command', command: o.command } : { type: 'command', command: o.command, exam: o.exam as string };
    }
    default: return undefined;
  }
}

function parseStep(o: Record<string, unknown>): StepMessage | undefined {
  if (!isId(o.attemptId) || (o.seq !== undefined && !(Number.isInteger(o.seq) && (o.seq as number) >= 0))) return undefined;
  const seq = o.seq === undefined ? {} : { seq: o.seq as number };
  switch (o.type) {
    case 'answer': {
      if (!isId(o.questionId)) return undefined;
      const response = o.response === null ? null : parseResponse(o.response);
      return response === undefined ? undefined : { type: 'answer', attemptId: o.attemptId, questionId: o.questionId, response, ...seq };
    }
    case 'flag': return isId(o.questionId) && typeof o.flagged === 'boolean'
      ? { type: 'flag', attemptId: o.attemptId, questionId: o.questionId, flagged: o.flagged, ...seq } : undefined;
    case 'navigate': return Number.isInteger(o.index) && (o.index as number) >= 0 && (o.index as number) < 1000
      ? { type: 'navigate', attemptId: o.attemptId, index: o.index as number, ...seq } : undefined;
    default: return undefined;
  }
}

/** Reads the webview's saved state as the serializer hands it over. */
export function parseWebviewState(x: unknown): MockExamWebviewState | undefined {
  if (!x || typeof x !== 'object') return undefined;
  const o = x as Record<string, unknown>;
  if (o.screen !== 'exam' && o.screen !== 'results' && o.screen !== 'review' && o.screen !== 'history') return undefined;
  return { screen: o.screen, attemptId: isId(o.attemptId) ? o.attemptId : undefined };
}
