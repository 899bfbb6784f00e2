/**
 * Bytes of a note file to text, or the reason the file is skipped. Indexing meets every kind of
 * file a learner keeps next to their notes (images, PDFs, exports), so this never throws: it
 * either returns LF-normalised text without a BOM, or a SkipReason with a readable detail.
 */
import type { SkipReason } from './types';

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: SkipReason; detail: string };

export interface DecodeOptions { maxBytes?: number }

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
/** How much of the start of a file the binary sniff looks at. */
const SNIFF_BYTES = 8 * 1024;
/** Share of control characters above which a file counts as binary. */
const MAX_CONTROL_SHARE = 0.1;

export function decodeNote(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  try {
    return decode(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (err) {
    return skip('undecodable', `could not decode: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function decode(bytes: Uint8Array, maxBytes: number): DecodeResult {
  if (bytes.length > maxBytes) return skip('too-large', `${formatSize(bytes.length)} is over the ${formatSize(maxBytes)} limit`);
  if (bytes.length === 0) return skip('empty', 'the file is empty');
  const utf16 = utf16Encoding(bytes);
  const text = utf16 ? decodeUtf16(bytes.subarray(2), utf16) : decodeUtf8(bytes);
  if (typeof text !== 'string') return text;
  const normalised = text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
  if (normalised.trim() === '') return skip('empty', 'the file holds only whitespace');
  return { ok: true, text: normalised };
}

function decodeUtf8(bytes: Uint8Array): string | DecodeResult {
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  const sniff = sniffBinary(body.subarray(0, SNIFF_BYTES));
  if (sniff) return skip('binary', sniff);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return skip('undecodable', 'not valid UTF-8');
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'le' | 'be'): string | DecodeResult {
  if (body.length % 2 !== 0) return skip('undecodable', `odd byte count for UTF-16 ${encoding.toUpperCase()}`);
  const le = encoding === 'le' ? body : swapPairs(body);
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true }).decode(le);
  } catch {
    return skip('undecodable', `not valid UTF-16 ${encoding.toUpperCase()}`);
  }
  const codes = Array.from(text.slice(0, SNIFF_BYTES), (c) => c.charCodeAt(0));
  const sniff = sniffBinary(codes);
  return sniff ? skip('binary', sniff) : text;
}

/** Why the sample looks binary (NUL bytes, many control characters), or undefined. */
export function sniffBinary(sample: ArrayLike<number>): string | undefined {
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === 0) return 'contains NUL bytes';
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) control++;
  }
  if (sample.length > 0 && control / sample.length > MAX_CONTROL_SHARE) {
    return `${Math.round((100 * control) / sample.length)}% control characters`;
  }
  return undefined;
}

function hasUtf8Bom(b: Uint8Array): boolean { return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf; }

function utf16Encoding(b: Uint8Array): 'le' | 'be' | undefined {
  if (b.length < 2) return undefined;
  if (b[0] === 0xff && b[1] === 0xfe) return 'le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'be';
  return undefined;
}

function swapPairs(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length);
  for (let i = 0; i + 1 < b.length; i += 2) { out[i] = b[i + 1]; out[i + 1] = b[i]; }
  return out;
}

function formatSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function skip(reason: SkipReason, detail: string): DecodeResult { return { ok: false, reason, detail }; }
