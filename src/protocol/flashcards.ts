/**
 * Messages between the flashcard review webview and the extension host. The host holds the
 * session and the progress; the webview shows what it is sent and reports key presses and
 * clicks. Imported as types by the webview; the host validates every incoming message.
 */
import { z } from 'zod';
import type { DeckScope } from '../core/cards/types';

export type Rating = 1 | 2 | 3 | 4;
export type ReviewMode = 'review' | 'cram';

export type ActionId = 'continue' | 'studyNew' | 'cram' | 'review' | 'allDecks' | 'quiz' | 'stats' | 'openNotes' | 'close';

export interface ActionView { id: ActionId; label: string; icon: string; primary?: boolean }

/** The deck on screen; the webview keeps `scope` and `mode` in its state for the serializer. */
export interface DeckView { title: string; mode: ReviewMode; scope: DeckScope }

export interface CardView {
  id: string;
  /** HTML from markdown-it with raw HTML off. */
  front: string;
  back: string;
  origin: string;
  /** 'new' | 'learning' | 'review' | 'relearning' */
  state: string;
  canOpenSource: boolean;
}

export interface GradeView { rating: Rating; name: string; interval: string }

export interface ProgressView { reviewed: number; due: number; fresh: number; learning: number }

export interface SummaryView {
  reviewed: number;
  again: number;
  /** 0..1, undefined when nothing was reviewed */
  againRate?: number;
  timeMs: number;
  newStudied: number;
  /** Lines like "3 cards come back in 9 minutes", "12 cards due tomorrow". */
  next: string[];
}

export type FlashcardsToWebview =
  | { type: 'card'; deck: DeckView; card: CardView; revealed: boolean; grades: GradeView[]; progress: ProgressView; canUndo: boolean }
  | { type: 'summary'; deck: DeckView; summary: SummaryView; actions: ActionView[]; canUndo: boolean }
  | { type: 'empty'; deck: DeckView; title: string; detail: string; actions: ActionView[]; canUndo: boolean }
  | { type: 'error'; title: string; detail: string; actions: ActionView[] };

export type FlashcardsFromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; cardId: string }
  | { type: 'grade'; cardId: string; rating: Rating }
  | { type: 'undo' }
  | { type: 'action'; action: ActionId }
  | { type: 'openSource'; cardId: string }
  | { type: 'openLink'; href: string };

const ACTIONS = ['continue', 'studyNew', 'cram', 'review', 'allDecks', 'quiz', 'stats', 'openNotes', 'close'] as const;

/** Built on first use: zod loads with the first message, not when the extension activates. */
let fromWebview: ReturnType<typeof messageSchema> | undefined;

function messageSchema() {
  const cardId = z.string().min(1).max(300);
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('ready') }).strict(),
    z.object({ type: z.literal('reveal'), cardId }).strict(),
    z.object({ type: z.literal('grade'), cardId, rating: z.number().int().min(1).max(4) }).strict(),
    z.object({ type: z.literal('undo') }).strict(),
    z.object({ type: z.literal('action'), action: z.enum(ACTIONS) }).strict(),
    z.object({ type: z.literal('openSource'), cardId }).strict(),
    z.object({ type: z.literal('openLink'), href: z.string().min(1).max(2000) }).strict(),
  ]);
}

/** Host-side check of anything the webview posts: the webview is not trusted. */
export function parseFlashcardsMessage(m: unknown): FlashcardsFromWebview | undefined {
  const r = (fromWebview ??= messageSchema()).safeParse(m);
  return r.success ? (r.data as FlashcardsFromWebview) : undefined;
}

/** What the webview keeps in its state so a reload (serializer) reopens the same deck. */
export interface FlashcardsWebviewState { scope: DeckScope; mode: ReviewMode }
