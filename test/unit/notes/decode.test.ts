import { strict as assert } from 'assert';
import fc from 'fast-check';
import { decodeNote, DEFAULT_MAX_BYTES } from '../../../src/core/notes/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const [a, b] = order === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 + 2 * i] = a;
    out[3 + 2 * i] = b;
  }
  return out;
}

function expectText(bytes: Uint8Array, text: string): void {
  assert.deepEqual(decodeNote(bytes), { ok: true, text });
}

function expectSkip(bytes: Uint8Array, reason: string, opts?: { maxBytes?: number }): string {
  const r = decodeNote(bytes, opts);
  assert.equal(r.ok, false, `expected skip "${reason}"`);
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.reason, reason);
  assert.ok(r.detail.length > 0, 'a skip says why');
  return r.detail;
}

describe('notes/decodeNote', () => {
  it('decodes plain UTF-8 and keeps non-ASCII text', () => {
    expectText(utf8('# Café — naïve ✓\nline two'), '# Café — naïve ✓\nline two');
  });

  it('strips a UTF-8 byte order mark', () => {
    expectText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('# Title')]), '# Title');
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expectText(utf16('# Título\r\nbody ✓', 'le'), '# Título\nbody ✓');
    expectText(utf16('# Título\r\nbody ✓', 'be'), '# Título\nbody ✓');
  });

  it('normalises CRLF and lone CR to LF', () => {
    expectText(utf8('a\r\nb\rc\n\r\nd'), 'a\nb\nc\n\nd');
  });

  it('skips binary files: NUL bytes', () => {
    assert.match(expectSkip(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary'), /NUL/);
  });

  it('skips binary files: many control characters without NUL', () => {
    const bytes = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    assert.match(expectSkip(bytes, 'binary'), /control/);
  });

  it('keeps text with a few control characters (form feed, an escape)', () => {
    expectText(utf8('page one\fpage two \x1b[1mbold\x1b[0m and a long tail of ordinary text'), 'page one\fpage two \x1b[1mbold\x1b[0m and a long tail of ordinary text');
  });

  it('skips empty and whitespace-only files', () => {
    expectSkip(new Uint8Array(0), 'empty');
    expectSkip(utf8(' \n\t\r\n  '), 'empty');
    expectSkip(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty');
    expectSkip(new Uint8Array([0xff, 0xfe]), 'empty');
  });

  it('skips files over the size limit (default 2 MB, or maxBytes)', () => {
    assert.equal(DEFAULT_MAX_BYTES, 2 * 1024 * 1024);
    assert.match(expectSkip(new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x61), 'too-large'), /MB/);
    expectSkip(utf8('hello world'), 'too-large', { maxBytes: 5 });
    expectText(new Uint8Array(DEFAULT_MAX_BYTES).fill(0x61), 'a'.repeat(DEFAULT_MAX_BYTES));
  });

  it('skips invalid UTF-8 as undecodable', () => {
    expectSkip(new Uint8Array([0x61, 0xc3, 0x28, 0x62]), 'undecodable');
    expectSkip(new Uint8Array([0x61, 0xed, 0xa0, 0x80]), 'undecodable');
  });

  it('skips UTF-16 with an odd byte count or a lone surrogate as undecodable', () => {
    expectSkip(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]), 'undecodable');
    expectSkip(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'undecodable');
  });

  it('never throws, whatever the bytes (property)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      const r = decodeNote(bytes);
      if (r.ok) assert.ok(!r.text.includes('\r') && r.text.trim() !== '');
      else assert.ok(['binary', 'empty', 'too-large', 'undecodable'].includes(r.reason));
    }), { numRuns: 500 });
  });

  it('round-trips any non-blank string without NUL or control characters (property)', () => {
    const control = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c) || c === 0x7f;
    const printable = fc.string({ unit: 'grapheme', maxLength: 200 })
      .filter((s) => ![...s].some((ch) => control(ch.charCodeAt(0))) && s.trim() !== '');
    fc.assert(fc.property(printable, (s) => {
      assert.deepEqual(decodeNote(utf8(s)), { ok: true, text: s });
    }), { numRuns: 300 });
  });
});
