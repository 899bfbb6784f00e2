/** One learner note file in: decoded, parsed, or skipped with a reason. */
import { decodeNote } from '../notes/decode';
import { parseNote } from '../notes/parse';
import type { ParsedNote, SkipReason } from '../notes/types';

export const NOTE_EXTENSIONS = ['.md', '.markdown', '.txt', '.text'];
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export type IngestResult =
  | { ok: true; note: ParsedNote }
  | { ok: false; file: string; reason: SkipReason; detail: string };

export function ingestNote(file: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): IngestResult {
  const decoded = decodeNote(bytes, { maxBytes });
  if (!decoded.ok) return { ok: false, file, reason: decoded.reason, detail: decoded.detail };
  return { ok: true, note: parseNote(file, decoded.text) };
}

export function isNoteFile(name: string): boolean {
  const lower = name.toLowerCase();
  return NOTE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
