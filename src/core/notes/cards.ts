/**
 * Flashcards written in notes with Obsidian Spaced Repetition syntax:
 *   `question::answer` (basic), `question:::answer` (reversed: one card, studied both ways),
 *   question lines, a `?` line, answer lines, then a blank line (multiline; `??` is reversed),
 *   `==hidden==` spans (one cloze card per span; the front shows `[...]` in its place).
 * Fenced code, inline code, headings and front matter never hold cards.
 */
import { CardIdAllocator } from './cardIds';
import { findHighlights, findSeparator } from './cardSyntax';
import { scanFences } from './fences';
import { readFrontMatter } from './frontMatter';
import { maskInlineCode } from './inlineCode';
import { isBlank, isRuleLine, normaliseText, splitLines } from './lines';
import { atxHeading } from './markdownHeadings';
import type { NoteCard, NoteSection } from './types';

/** More `==spans==` than this on one line are not turned into cards (each would repeat the line). */
const MAX_CLOZES_PER_LINE = 50;
/** Longer lines are pasted data, not flashcards; scanning them would only cost time. */
const MAX_CARD_LINE = 5000;

/** Anki's file headers (`#separator:tab`, `#deck:AWS ML Study::My notes`, ...): an exported deck, not cards. */
const ANKI_HEADER = /^#(?:separator|html|deck|notetype|tags|columns|guid column|notetype column|deck column|tags column|if matches):/i;

type Draft = Omit<NoteCard, 'id' | 'file' | 'sectionId'> & { salt?: string };

export function extractCards(file: string, text: string, sections?: NoteSection[]): NoteCard[] {
  const lines = splitLines(normaliseText(text));
  const start = readFrontMatter(lines).end;
  return collectCards({ file, lines, start, code: scanFences(lines, start).code, sections });
}

export interface CardInput { file: string; lines: string[]; start: number; code: boolean[]; sections?: NoteSection[] }

/** Cards of already split lines; the parser calls this with what it has computed. */
export function collectCards(input: CardInput): NoteCard[] {
  const breaks = paragraphBreaks(input);
  const drafts: Draft[] = [];
  for (let i = input.start; i < input.lines.length; i++) {
    if (breaks[i]) continue;
    let end = i + 1;
    while (end < input.lines.length && !breaks[end]) end++;
    paragraphCards(input.lines, i, end, drafts);
    i = end - 1;
  }
  return finish(input.file, drafts, input.sections);
}

/** Lines that end a paragraph and hold no card: blank, code, headings, rules. */
function paragraphBreaks({ lines, code, sections }: CardInput): boolean[] {
  const breaks = lines.map((line, i) => code[i] || isBlank(line) || isRuleLine(line) || atxHeading(line) !== undefined);
  for (const s of sections ?? []) if (s.level > 0 && s.line - 1 < breaks.length) breaks[s.line - 1] = true;
  return breaks;
}

function paragraphCards(lines: string[], from: number, to: number, out: Draft[]): void {
  for (let k = from + 1; k < to - 1; k++) {
    if (lines[k].indexOf('?') < 0) continue;
    const mark = lines[k].trim();
    if (mark !== '?' && mark !== '??') continue;
    const front = lines.slice(from, k).join('\n').trim();
    const back = lines.slice(k + 1, to).join('\n').trim();
    out.push({ kind: mark === '?' ? 'multiline' : 'reversed', front, back, line: from + 1 });
    return;
  }
  for (let k = from; k < to; k++) lineCards(lines[k], k + 1, out);
}

function lineCards(line: string, lineNo: number, out: Draft[]): void {
  if (line.length > MAX_CARD_LINE) return;
  // Every card needs a `::` or an `==` somewhere, and masking code only removes them: most lines stop here.
  if (line.indexOf('::') < 0 && line.indexOf('==') < 0) return;
  if (line.charCodeAt(0) === 35 /* # */ && ANKI_HEADER.test(line)) return;
  const masked = maskInlineCode(line);
  const sep = findSeparator(masked);
  if (sep) {
    const front = stripLineMarkers(line.slice(0, sep.at)).trim();
    const back = line.slice(sep.at + sep.length).trim();
    if (front !== '') out.push({ kind: sep.length === 3 ? 'reversed' : 'basic', front, back, line: lineNo });
    return;
  }
  const spans = findHighlights(masked).slice(0, MAX_CLOZES_PER_LINE);
  spans.forEach((hidden, k) => {
    let front = '';
    let from = 0;
    spans.forEach((h, m) => {
      front += line.slice(from, h.open) + (m === k ? '[...]' : line.slice(h.open + 2, h.close));
      from = h.close + 2;
    });
    front = stripLineMarkers(front + line.slice(from)).trim();
    out.push({ kind: 'cloze', front, back: line.slice(hidden.open + 2, hidden.close).trim(), line: lineNo, salt: `\u0000cloze:${k}` });
  });
}

/** `- `, `* `, `+ `, `1. `, `> ` and `[ ] ` prefixes are layout, not part of a question. */
function stripLineMarkers(s: string): string {
  return s.replace(/^\s*(?:>\s*)*(?:(?:[-*+•]|\d{1,9}[.)])\s+)?(?:\[[ xX]\]\s+)?/, '');
}

function finish(file: string, drafts: Draft[], sections?: NoteSection[]): NoteCard[] {
  const ids = new CardIdAllocator(file);
  const ordered = sections ? [...sections].sort((a, b) => a.line - b.line) : [];
  let s = -1;
  return drafts.map((d) => {
    while (s + 1 < ordered.length && ordered[s + 1].line <= d.line) s++;
    const card: NoteCard = { id: ids.next(d.front, d.back, d.salt), kind: d.kind, front: d.front, back: d.back, file, line: d.line };
    if (s >= 0) card.sectionId = ordered[s].id;
    return card;
  });
}
