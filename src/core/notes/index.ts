/** The note parser's public surface: decode bytes, parse a note, extract its cards. */
export { decodeNote, DEFAULT_MAX_BYTES, type DecodeOptions, type DecodeResult } from './decode';
export { parseNote } from './parse';
export { extractCards } from './cards';
export { cardId, normaliseCardText } from './cardIds';
export { slugify } from './slug';
export type { NoteCard, NoteFormat, NoteSection, ParsedNote, ParseWarning, SkipReason } from './types';
