/**
 * Text to search terms: lower-cased atoms (camelCase and snake_case split, plural `s` dropped),
 * without the small words that natural questions are full of.
 */
import { atomNorms, normAtom, scanAtoms } from '../text/words';

const STOPWORDS = new Set(
  ('a an the and or of to in on for with by at from as is are was were be been being do doe did ' +
    'how what which who whom why when where i me my we our you your it its this that these those ' +
    'can could should would will shall may might must there their them they than then so if not ' +
    'no yes about into over under between vs versus does difference s t d ll re ve m').split(' '),
);

export function isStopword(norm: string): boolean { return STOPWORDS.has(norm); }

/**
 * Whether a normalised atom is a search term: not a stop word. Single letters count (`top p` and
 * `top k` differ only in one), except the ones contractions and articles leave behind.
 */
export function keepTerm(norm: string): boolean {
  return !STOPWORDS.has(norm);
}

/** Search terms of a text, in order, repeats kept (term frequency counts them). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const norm of atomNorms(text)) if (keepTerm(norm)) out.push(norm);
  return out;
}

/**
 * A query word as the index may know it: `whole` is the word joined (`sagemaker` for `SageMaker`,
 * `f1` for `F1`), set only when the word has several atoms; `atoms` are its search terms.
 */
export interface QueryWord { whole?: string; atoms: string[] }

/** The words of a query, each with its atoms (stop words and lone letters dropped, as in {@link terms}). */
export function queryWords(query: string): QueryWord[] {
  const out: QueryWord[] = [];
  let wordStart = -1, lastEnd = -1, parts = 0;
  let atoms: string[] = [];
  const flush = () => {
    if (wordStart < 0) return;
    const whole = parts > 1 ? normAtom(query.slice(wordStart, lastEnd)) : undefined;
    if (atoms.length || (whole && keepTerm(whole))) out.push({ whole: whole && keepTerm(whole) ? whole : undefined, atoms });
    atoms = [];
    parts = 0;
  };
  scanAtoms(query, (start, end) => {
    if (start !== lastEnd) { flush(); wordStart = start; }
    lastEnd = end;
    parts++;
    const norm = normAtom(query.slice(start, end));
    if (keepTerm(norm)) atoms.push(norm);
  });
  flush();
  return out;
}

const QUESTION_WORDS = new Set('how what why when which should can do does is are'.split(' '));
/** Verbs that frame a question ("how does X work", "when should I use X") rather than name its topic. */
const FRAME_WORDS = new Set('work use used using mean need happen choose pick'.split(' '));

/** Whether `term` only frames a question: the query asks something (how, what, ...) and `term` is a framing verb. */
export function isFrameWord(term: string, query: string): boolean {
  if (!FRAME_WORDS.has(term)) return false;
  return atomNorms(query).some((a) => QUESTION_WORDS.has(a));
}
