/**
 * Card ids: 12 hex chars of sha1 over the note's file identity and the card's normalised front
 * and back, so an id survives edits elsewhere in the note and lines moving. Whitespace runs count
 * as one space. Two identical cards in one note get distinct ids by order of appearance.
 */
import * as crypto from 'node:crypto';
import { fileIdentity } from './lines';

export function normaliseCardText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const nfc = /[^\u0000-\u007f]/.test(s) ? s.normalize('NFC') : s;
  return nfc.replace(/\s+/g, ' ').trim();
}

export function cardId(file: string, front: string, back: string, salt = ''): string {
  return hashKey(`${fileIdentity(file)}\u0000${normaliseCardText(front)}\u0000${normaliseCardText(back)}`, salt);
}

/** One-shot `crypto.hash` (Node 20.12+) is much faster for short keys; older hosts use createHash. */
const sha1Hex: (data: string) => string = typeof crypto.hash === 'function'
  ? (data) => crypto.hash('sha1', data, 'hex')
  : (data) => crypto.createHash('sha1').update(data, 'utf8').digest('hex');

function hashKey(key: string, salt: string): string {
  return sha1Hex(key + salt).slice(0, 12);
}

/** Hands out ids for one note, never the same id twice; the n-th copy of a card hashes in `#n`. */
export class CardIdAllocator {
  private readonly used = new Set<string>();
  private readonly copies = new Map<string, number>();
  private readonly fileId: string;

  constructor(file: string) { this.fileId = fileIdentity(file); }

  next(front: string, back: string, salt = ''): string {
    const key = `${this.fileId}\u0000${normaliseCardText(front)}\u0000${normaliseCardText(back)}`;
    const copyKey = key + salt;
    let n = (this.copies.get(copyKey) ?? 0) + 1;
    let id = hashKey(key, n === 1 ? salt : `${salt}\u0000#${n}`);
    while (this.used.has(id)) id = hashKey(key, `${salt}\u0000#${++n}`);
    this.copies.set(copyKey, n);
    this.used.add(id);
    return id;
  }
}
