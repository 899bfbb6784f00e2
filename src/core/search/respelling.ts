/**
 * One line that admits what a search changed in the query: the misspelt words it searched for
 * under a near spelling, and the words nothing holds (they only narrowed nothing).
 */
import type { Respelling } from './index';

const quoted = (words: string[]) => words.map((w) => `"${w}"`);

/** e.g. `Showing results for "plug" instead of "plugh"; nothing mentions "xyzzy"`, or undefined. */
export function respellingNotice(respellings: readonly Respelling[]): string | undefined {
  const fixed = respellings.filter((r) => r.as);
  const missing = respellings.filter((r) => !r.as).map((r) => r.word);
  const parts: string[] = [];
  if (fixed.length) {
    parts.push(`Showing results for ${quoted(fixed.map((r) => r.as!)).join(', ')} instead of ${quoted(fixed.map((r) => r.word)).join(', ')}`);
  }
  if (missing.length) parts.push(`${parts.length ? 'nothing' : 'Nothing'} mentions ${quoted(missing).join(' or ')}`);
  return parts.length ? parts.join('; ') : undefined;
}
