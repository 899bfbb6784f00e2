/**
 * Cross-file checks of the built-in corpus: unique ids, resolvable references, valid answer keys,
 * and the counts and proportions the exams need.
 */
import { answerKeyProblems, type Exam } from './schema';
import { parseTaskRef } from './bundle';
import { keysOf } from '../text/words';
import type { Diagnostic, LoadedContent } from './load';

/** What the corpus must hold. */
export const TARGETS = {
  glossaryEntries: 300,
  authoredCards: 250,
  questions: { 'aif-c01': 200, 'mla-c01': 120 } as Record<string, number>,
  domainTolerancePoints: 3,
  multipleShare: 0.1,
  orderingPerExam: 15,
  matchingPerExam: 15,
};

export interface ContentStats {
  notes: number;
  sections: number;
  glossary: number;
  cards: number;
  questions: Record<string, { total: number; byDomain: Record<string, number>; byType: Record<string, number> }>;
}

export function lintContent(c: LoadedContent): { diagnostics: Diagnostic[]; stats: ContentStats } {
  const d: Diagnostic[] = [...c.diagnostics];
  const err = (file: string, line: number, message: string) => d.push({ file, line, severity: 'error', message });
  const sectionSlugs = new Map<string, Set<string>>();
  for (const n of c.notes) sectionSlugs.set(n.id, new Set(n.parsed.sections.map((s) => s.slug)));
  const resolves = (ref: string) => {
    const [id, slug] = ref.split('#');
    const slugs = sectionSlugs.get(id);
    return !!slugs && (!slug || slugs.has(slug));
  };
  const exams = new Map(c.exams.map((e) => [e.id, e]));
  const taskExists = (exam: string, task: string) =>
    !!exams.get(exam as Exam['id'])?.domains.some((dom) => dom.tasks.some((t) => t.id === task));

  lintNotes(c, err, exams, taskExists);
  const glossaryIds = lintGlossary(c, err, resolves);
  lintNoteLinks(c, err, resolves, glossaryIds);
  const stats = lintQuestions(c, err, resolves, taskExists);
  const cards = c.notes.reduce((n, note) => n + note.parsed.cards.length, 0);
  if (c.glossary.length < TARGETS.glossaryEntries) err('glossary', 1, `${c.glossary.length} glossary entries; at least ${TARGETS.glossaryEntries} are needed`);
  if (cards < TARGETS.authoredCards) err('notes', 1, `${cards} authored cards in notes; at least ${TARGETS.authoredCards} are needed`);
  return {
    diagnostics: d,
    stats: {
      notes: c.notes.length,
      sections: c.notes.reduce((n, note) => n + note.parsed.sections.length, 0),
      glossary: c.glossary.length,
      cards,
      questions: stats,
    },
  };
}

type Err = (file: string, line: number, message: string) => void;

function lintNotes(c: LoadedContent, err: Err, exams: Map<string, Exam>, taskExists: (e: string, t: string) => boolean): void {
  const seen = new Map<string, string>();
  for (const n of c.notes) {
    const base = n.file.replace(/^notes\//, '').replace(/\.md$/, '');
    if (n.id !== base) err(n.file, 1, `front matter id "${n.id}" must equal the file name "${base}"`);
    if (seen.has(n.id)) err(n.file, 1, `note id "${n.id}" is also used by ${seen.get(n.id)}`);
    seen.set(n.id, n.file);
    if (!n.parsed.frontMatter.title) err(n.file, 1, 'front matter has no title');
    if (n.tasks.length === 0 && n.exams.length === 0) err(n.file, 1, 'front matter lists no tasks or exams, so the note has no place in the tree');
    for (const e of n.exams) if (!exams.has(e as Exam['id'])) err(n.file, 1, `unknown exam "${e}" (expected aif-c01 or mla-c01)`);
    for (const t of n.tasks) {
      const ref = parseTaskRef(t);
      if (!ref || !taskExists(ref.exam, ref.task)) err(n.file, 1, `unknown task "${t}" (expected e.g. aif-c01:3.1)`);
    }
  }
}

function lintGlossary(c: LoadedContent, err: Err, resolves: (r: string) => boolean): Set<string> {
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const { entry, file, line } of c.glossary) {
    if (ids.has(entry.id)) err(file, line, `glossary id "${entry.id}" is also defined in ${ids.get(entry.id)}`);
    ids.set(entry.id, `${file}:${line}`);
    for (const form of [entry.term, ...entry.aliases]) {
      for (const key of keysOf(form)) {
        const owner = keys.get(key);
        if (owner && owner !== entry.id) err(file, line, `"${form}" of "${entry.id}" is also a spelling of "${owner}"`);
        else keys.set(key, entry.id);
      }
    }
    if (entry.note && !resolves(entry.note)) err(file, line, `note reference "${entry.note}" of "${entry.id}" does not resolve`);
  }
  for (const { entry, file, line } of c.glossary) {
    for (const r of entry.related) if (!ids.has(r)) err(file, line, `"${entry.id}" relates to unknown entry "${r}"`);
  }
  return new Set(ids.keys());
}

/** Markdown links between notes (`x.md#slug`) and to glossary entries (`glossary:id`) must resolve. */
function lintNoteLinks(c: LoadedContent, err: Err, resolves: (r: string) => boolean, glossary: Set<string>): void {
  const link = /\]\(([^)\s]+)\)/g;
  for (const n of c.notes) {
    n.text.split('\n').forEach((lineText, i) => {
      for (const m of lineText.matchAll(link)) {
        const target = m[1];
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        if (target.startsWith('glossary:')) {
          if (!glossary.has(target.slice(9))) err(n.file, i + 1, `link to unknown glossary entry "${target}"`);
        } else if (/\.md(#|$)/.test(target)) {
          const ref = target.replace(/^\.\//, '').replace(/\.md/, '');
          if (!resolves(ref)) err(n.file, i + 1, `link "${target}" does not resolve to a note section`);
        }
      }
    });
  }
}

function lintQuestions(c: LoadedContent, err: Err, resolves: (r: string) => boolean, taskExists: (e: string, t: string) => boolean): ContentStats['questions'] {
  const ids = new Map<string, string>();
  const stems = new Map<string, string>();
  const stats: ContentStats['questions'] = {};
  for (const { question: q, file, line } of c.questions) {
    if (ids.has(q.id)) err(file, line, `question id "${q.id}" is also used at ${ids.get(q.id)}`);
    ids.set(q.id, `${file}:${line}`);
    const stemKey = q.stem.toLowerCase().replace(/\s+/g, ' ').trim();
    if (stems.has(stemKey)) err(file, line, `question "${q.id}" repeats the stem of ${stems.get(stemKey)}`);
    stems.set(stemKey, q.id);
    const prefix = q.exam === 'aif-c01' ? 'aif' : 'mla';
    if (!q.id.startsWith(`${prefix}-d${q.task[0]}-`)) err(file, line, `question id "${q.id}" does not match its exam and domain (${prefix}-d${q.task[0]}-NNN)`);
    if (!taskExists(q.exam, q.task)) err(file, line, `question "${q.id}" names unknown task ${q.exam}:${q.task}`);
    if (!resolves(q.note)) err(file, line, `question "${q.id}" note reference "${q.note}" does not resolve`);
    for (const p of answerKeyProblems(q)) err(file, line, `question "${q.id}": ${p}`);
    const s = (stats[q.exam] ??= { total: 0, byDomain: {}, byType: {} });
    s.total++;
    s.byDomain[q.task[0]] = (s.byDomain[q.task[0]] ?? 0) + 1;
    s.byType[q.type] = (s.byType[q.type] ?? 0) + 1;
  }
  for (const exam of c.exams) lintExamBank(exam, stats[exam.id], c, err);
  return stats;
}

function lintExamBank(exam: Exam, s: ContentStats['questions'][string] | undefined, c: LoadedContent, err: Err): void {
  const file = `questions/${exam.id}`;
  const total = s?.total ?? 0;
  const need = TARGETS.questions[exam.id] ?? 0;
  if (total < need) err(file, 1, `${exam.code} has ${total} questions; at least ${need} are needed`);
  if (!s || total === 0) return;
  for (const dom of exam.domains) {
    const share = ((s.byDomain[String(dom.number)] ?? 0) / total) * 100;
    if (Math.abs(share - dom.weight) > TARGETS.domainTolerancePoints) {
      err(file, 1, `${exam.code} domain ${dom.number} has ${share.toFixed(1)}% of questions; the guide weights it ${dom.weight}%`);
    }
    for (const t of dom.tasks) {
      if (!c.questions.some(({ question: q }) => q.exam === exam.id && q.task === t.id)) err(file, 1, `${exam.code} task ${t.id} has no question`);
    }
  }
  if ((s.byType.multiple ?? 0) < total * TARGETS.multipleShare) err(file, 1, `${exam.code}: fewer than ${TARGETS.multipleShare * 100}% multiple-response questions`);
  if ((s.byType.ordering ?? 0) < TARGETS.orderingPerExam) err(file, 1, `${exam.code}: ${s.byType.ordering ?? 0} ordering questions; at least ${TARGETS.orderingPerExam} are needed`);
  if ((s.byType.matching ?? 0) < TARGETS.matchingPerExam) err(file, 1, `${exam.code}: ${s.byType.matching ?? 0} matching questions; at least ${TARGETS.matchingPerExam} are needed`);
}
