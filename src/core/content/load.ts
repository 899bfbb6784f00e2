/**
 * Reads content/ from disk (build step, CLI lint) into validated objects, collecting every problem
 * as a file:line diagnostic instead of throwing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { examSchema, glossaryEntrySchema, questionSchema, type Exam, type GlossaryEntry, type Question } from './schema';
import { parseNote } from '../notes/parse';
import type { ParsedNote } from '../notes/types';

export interface Diagnostic { file: string; line: number; severity: 'error' | 'warning'; message: string }

export interface LoadedContent {
  root: string;
  exams: Exam[];
  notes: { id: string; file: string; tasks: string[]; exams: string[]; parsed: ParsedNote; text: string }[];
  glossary: { entry: GlossaryEntry; file: string; line: number }[];
  questions: { question: Question; file: string; line: number }[];
  diagnostics: Diagnostic[];
}

export function loadContent(root: string): LoadedContent {
  const out: LoadedContent = { root, exams: [], notes: [], glossary: [], questions: [], diagnostics: [] };
  for (const file of listFiles(root, 'exams', '.json')) {
    for (const { value } of readJsonItems(root, file, out.diagnostics, false)) {
      const r = examSchema.safeParse(value);
      if (r.success) out.exams.push(r.data);
      else report(out.diagnostics, file, 1, r.error);
    }
  }
  for (const file of listFiles(root, 'glossary', '.json')) {
    for (const { value, line } of readJsonItems(root, file, out.diagnostics, true)) {
      const r = glossaryEntrySchema.safeParse(value);
      if (r.success) out.glossary.push({ entry: r.data, file, line });
      else report(out.diagnostics, file, line, r.error);
    }
  }
  for (const file of listFiles(root, 'questions', '.json')) {
    for (const { value, line } of readJsonItems(root, file, out.diagnostics, true)) {
      const r = questionSchema.safeParse(value);
      if (r.success) out.questions.push({ question: r.data, file, line });
      else report(out.diagnostics, file, line, r.error);
    }
  }
  for (const file of listFiles(root, 'notes', '.md')) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const parsed = parseNote(file, text);
    for (const w of parsed.warnings) out.diagnostics.push({ file, line: w.line, severity: 'warning', message: w.message });
    const fm = parsed.frontMatter;
    const id = typeof fm.id === 'string' ? fm.id : path.basename(file, '.md');
    const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []);
    out.notes.push({ id, file, tasks: list(fm.tasks), exams: list(fm.exams), parsed, text });
  }
  return out;
}

function listFiles(root: string, dir: string, ext: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full).filter((f) => f.endsWith(ext)).sort().map((f) => `${dir}/${f}`);
}

/** Parses a JSON file; for arrays, returns each item with the line its object starts on. */
function readJsonItems(root: string, file: string, diags: Diagnostic[], array: boolean): { value: unknown; line: number }[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : 1;
    diags.push({ file, line, severity: 'error', message: `invalid JSON: ${(e as Error).message}` });
    return [];
  }
  if (!array) return [{ value: data, line: 1 }];
  if (!Array.isArray(data)) {
    diags.push({ file, line: 1, severity: 'error', message: 'expected a JSON array' });
    return [];
  }
  const starts = objectStartLines(text);
  return data.map((value, i) => ({ value, line: starts[i] ?? 1 }));
}

/** Lines on which the top-level array's objects begin (depth-1 `{`), skipping strings. */
function objectStartLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0, line = 1, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') { if (c === '{' && depth === 1) lines.push(line); depth++; }
    else if (c === '}' || c === ']') depth--;
  }
  return lines;
}

function report(diags: Diagnostic[], file: string, line: number, error: z.ZodError): void {
  for (const issue of error.issues) {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    diags.push({ file, line, severity: 'error', message: `${where}${issue.message}` });
  }
}
