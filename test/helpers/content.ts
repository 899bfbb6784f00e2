/** Loads the real content/ folder once for the tests that need the shipped glossary and notes. */
import * as path from 'path';
import { loadContent, type LoadedContent } from '../../src/core/content/load';
import type { GlossaryEntry } from '../../src/core/content/schema';

export const CONTENT_DIR = path.join(__dirname, '..', '..', 'content');
export const SEEDS_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'seeds');

let cached: LoadedContent | undefined;
export function content(): LoadedContent {
  return (cached ??= loadContent(CONTENT_DIR));
}

export function glossary(): GlossaryEntry[] {
  return content().glossary.map((g) => g.entry);
}
