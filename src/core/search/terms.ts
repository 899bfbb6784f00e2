/**
 * Text to search terms: lower-cased atoms (camelCase and snake_case split, plural `s` dropped),
 * without the small words that natural questions are full of.
 */
import { atomNorms } from '../text/words';

const STOPWORDS = new Set(
  ('a an the and or of to in on for with by at from as is are was were be been being do doe did ' +
    'how what which who whom why when where i me my we our you your it its this that these those ' +
    'can could should would will shall may might must there their them they than then so if not ' +
    'no yes about into over under between vs versus does difference').split(' '),
);

export function isStopword(norm: string): boolean { return STOPWORDS.has(norm); }

/** Whether a normalised atom is a search term: not a stop word, and not one letter (one digit is). */
export function keepTerm(norm: string): boolean {
  if (norm.length < 2 && !(norm >= '0' && norm <= '9')) return false;
  return !STOPWORDS.has(norm);
}

/** Search terms of a text, in order, repeats kept (term frequency counts them). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const norm of atomNorms(text)) if (keepTerm(norm)) out.push(norm);
  return out;
}
