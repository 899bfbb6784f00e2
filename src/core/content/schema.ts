/**
 * The shapes of the bundled content (exam blueprints, glossary entries, questions) and their
 * validators. The formats are described for authors in content/AUTHORING.md.
 */
import { z } from 'zod';

const slugId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens');
export const examIdSchema = z.enum(['aif-c01', 'mla-c01']);
export type ExamId = z.infer<typeof examIdSchema>;
export const EXAM_IDS: readonly ExamId[] = examIdSchema.options;

export const taskSchema = z.object({
  id: z.string().regex(/^\d\.\d$/, 'a task id looks like 3.1'),
  title: z.string().min(3),
});

export const domainSchema = z.object({
  number: z.number().int().min(1).max(9),
  name: z.string().min(3),
  weight: z.number().min(1).max(100),
  tasks: z.array(taskSchema).min(1),
});

export const examSchema = z.object({
  id: examIdSchema,
  code: z.string(),
  name: z.string(),
  questions: z.number().int().positive(),
  scored: z.number().int().positive(),
  unscored: z.number().int().min(0),
  minutes: z.number().int().positive(),
  scoreMin: z.number().int(),
  scoreMax: z.number().int(),
  passingScore: z.number().int(),
  questionTypes: z.array(z.enum(['single', 'multiple', 'ordering', 'matching'])),
  domains: z.array(domainSchema).min(1),
}).strict();
export type Exam = z.infer<typeof examSchema>;
export type Domain = z.infer<typeof domainSchema>;

export const glossaryKinds = ['service', 'feature', 'concept', 'parameter', 'metric', 'api', 'technique'] as const;

export const glossaryEntrySchema = z.object({
  id: slugId,
  term: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  definition: z.string().min(20).max(600),
  tip: z.string().min(10).optional(),
  related: z.array(slugId).default([]),
  note: z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/, 'topic-id or topic-id#slug').optional(),
  kind: z.enum(glossaryKinds),
}).strict();
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

const optionSchema = z.object({
  id: z.string().regex(/^[a-z]$/, 'option ids are single letters'),
  text: z.string().min(1),
  why: z.string().min(5).optional(),
}).strict();

export const questionTypes = ['single', 'multiple', 'ordering', 'matching'] as const;
export type QuestionType = typeof questionTypes[number];

export const questionSchema = z.object({
  id: z.string().regex(/^(aif|mla)-d\d-\d{3}$/, 'ids look like aif-d3-001'),
  exam: examIdSchema,
  task: z.string().regex(/^\d\.\d$/),
  type: z.enum(questionTypes),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  stem: z.string().min(20),
  options: z.array(optionSchema).min(2).max(8),
  targets: z.array(z.object({ id: z.string().regex(/^[a-z]$/), text: z.string().min(1) }).strict()).optional(),
  answer: z.array(z.string()),
  matches: z.record(z.string(), z.string()).optional(),
  explanation: z.string().min(20),
  note: z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/),
}).strict();
export type Question = z.infer<typeof questionSchema>;

/** Problems a schema cannot see: answer keys that do not fit the question type. */
export function answerKeyProblems(q: Question): string[] {
  const problems: string[] = [];
  const ids = q.options.map((o) => o.id);
  if (new Set(ids).size !== ids.length) problems.push('duplicate option ids');
  const known = new Set(ids);
  const unknown = q.answer.filter((a) => !known.has(a));
  if (unknown.length) problems.push(`answer names unknown options: ${unknown.join(', ')}`);
  switch (q.type) {
    case 'single':
      if (q.answer.length !== 1) problems.push('single-choice questions have exactly one answer');
      if (q.options.some((o) => !o.why)) problems.push('every option needs a "why"');
      break;
    case 'multiple':
      if (q.answer.length < 2 || q.answer.length >= q.options.length) problems.push('multiple-response questions have 2..n-1 answers');
      if (q.options.some((o) => !o.why)) problems.push('every option needs a "why"');
      if (!/select (two|three|four|2|3|4)/i.test(q.stem)) problems.push('the stem must say how many to select');
      else {
        const words: Record<string, number> = { two: 2, three: 3, four: 4, '2': 2, '3': 3, '4': 4 };
        const said = words[(/select (two|three|four|2|3|4)/i.exec(q.stem)?.[1] ?? '').toLowerCase()];
        if (said !== q.answer.length) problems.push(`the stem says select ${said} but the key has ${q.answer.length}`);
      }
      break;
    case 'ordering':
      if (q.answer.length !== ids.length || new Set(q.answer).size !== ids.length) problems.push('ordering answers list every option exactly once');
      break;
    case 'matching': {
      const targets = new Set((q.targets ?? []).map((t) => t.id));
      if (!q.targets || q.targets.length < 2) problems.push('matching questions need targets');
      if (!q.matches) { problems.push('matching questions need "matches"'); break; }
      for (const id of ids) if (!q.matches[id]) problems.push(`option ${id} has no match`);
      for (const [o, t] of Object.entries(q.matches)) {
        if (!known.has(o)) problems.push(`matches names unknown option ${o}`);
        if (!targets.has(t)) problems.push(`matches names unknown target ${t}`);
      }
      break;
    }
  }
  if (q.type !== 'matching' && (q.targets || q.matches)) problems.push('only matching questions have targets/matches');
  return problems;
}
