/**
 * aws-ml-study: the study core in a terminal. Looks up glossary terms, shows what a hover would
 * show, searches the bundled notes and your own, indexes a notes folder and lints content/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ContentBundle } from '../core/content/bundle';
import { StudyCore, hoverMarkdown } from '../core/study';
import { loadContent } from '../core/content/load';
import { lintContent } from '../core/content/lint';
import { noteDocs } from '../core/search/docs';
import { respellingNotice } from '../core/search/respelling';
import { intOption, one, parseArgs, UsageError, type Args } from './args';
import { readNotesDir } from './notesDir';

const USAGE = `Usage: aws-ml-study <command> [options]

Commands:
  define TERM [--json]                       a glossary entry (exit 1 when unknown)
  hover --line TEXT --col N [--json]         what the editor hover shows at 0-based column N
  search QUERY [--limit N] [--notes DIR]... [--json]
                                             search the bundled notes, the glossary and your notes
  index DIR [--json]                         parse a folder of notes: files, sections, skipped files
  lint [--content DIR] [--json]              validate the study content (exit 1 on errors)

Options: --help shows this text; --json prints machine-readable output.`;

const HELP: Record<string, string> = {
  define: 'Usage: aws-ml-study define TERM [--json]\nPrints the glossary entry for TERM (any spelling: top_p, topP, Top P).',
  hover: 'Usage: aws-ml-study hover --line TEXT --col N [--json]\nResolves the glossary term at 0-based column N of TEXT, as the editor hover does.',
  search: 'Usage: aws-ml-study search QUERY [--limit N] [--notes DIR]... [--json]\nSearches the bundled notes and glossary, plus every --notes folder.',
  index: 'Usage: aws-ml-study index DIR [--json]\nParses every .md/.markdown/.txt file under DIR and reports sections and skipped files.',
  lint: 'Usage: aws-ml-study lint [--content DIR] [--json]\nValidates content/ (schema, ids, references, answer keys, counts). Exit 1 on errors.',
};

type Out = { log: (s: string) => void; err: (s: string) => void };

export function run(argv: readonly string[], out: Out = { log: (s) => console.log(s), err: (s) => console.error(s) }): number {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') { out.log(USAGE); return command ? 0 : 2; }
    const valued = ['line', 'col', 'limit', 'notes', 'content', 'max-bytes'];
    const args = parseArgs(rest, valued);
    if (args.flags.has('help')) { out.log(HELP[command] ?? USAGE); return HELP[command] ? 0 : 2; }
    switch (command) {
      case 'define': return define(args, out);
      case 'hover': return hover(args, out);
      case 'search': return search(args, out);
      case 'index': return index(args, out);
      case 'lint': return lint(args, out);
      default: throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) { out.err(`aws-ml-study: ${e.message}\n\n${USAGE}`); return 2; }
    out.err(`aws-ml-study: ${(e as Error).message}`);
    return 1;
  }
}

let core: StudyCore | undefined;
function study(): StudyCore {
  if (core) return core;
  const file = path.join(__dirname, 'content.json');
  if (!fs.existsSync(file)) throw new Error(`the prepared content is missing (${file}); run "npm run build" first`);
  return (core = new StudyCore(JSON.parse(fs.readFileSync(file, 'utf8')) as ContentBundle));
}

function define(args: Args, out: Out): number {
  const term = args.positionals.join(' ').trim();
  if (!term) throw new UsageError('define needs a TERM');
  const entry = study().define(term);
  if (!entry) {
    const near = study().suggest(term);
    out.err(`Unknown term "${term}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`);
    if (args.flags.has('json')) out.log(JSON.stringify({ error: 'unknown term', term, suggestions: near }));
    return 1;
  }
  out.log(args.flags.has('json') ? JSON.stringify(entry, null, 2) : describe(entry));
  return 0;
}

function describe(e: NonNullable<ReturnType<StudyCore['define']>>): string {
  const lines = [`${e.term} (${e.kind})`, '', e.definition];
  if (e.tip) lines.push('', `Exam tip: ${e.tip}`);
  if (e.aliases.length) lines.push('', `Also written: ${e.aliases.join(', ')}`);
  if (e.related.length) lines.push(`Related: ${e.related.join(', ')}`);
  if (e.note) lines.push(`Note: ${e.note}`);
  return lines.join('\n');
}

function hover(args: Args, out: Out): number {
  const line = one(args, 'line');
  if (line === undefined || one(args, 'col') === undefined) throw new UsageError('hover needs --line TEXT and --col N');
  const col = intOption(args, 'col', 0);
  const match = study().termAt(line, col);
  if (args.flags.has('json')) {
    out.log(JSON.stringify(match ? { term: match.entry.term, id: match.entry.id, range: [match.start, match.end], text: match.text, entry: match.entry, markdown: hoverMarkdown(match.entry) } : null, null, 2));
  } else {
    out.log(match ? `${match.text} [${match.start}, ${match.end})\n\n${hoverMarkdown(match.entry)}` : 'No glossary term at that column.');
  }
  return match ? 0 : 1;
}

function search(args: Args, out: Out): number {
  const query = args.positionals.join(' ').trim();
  if (!query) throw new UsageError('search needs a QUERY');
  const limit = intOption(args, 'limit', 10);
  const index = study().searchIndex;
  for (const dir of args.options.get('notes') ?? []) {
    if (!fs.existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
    for (const r of readNotesDir(dir)) if (r.ok) index.setFile(r.note.file, noteDocs(r.note, 'notes'));
  }
  const results = index.search(query, { limit });
  if (args.flags.has('json')) { out.log(JSON.stringify(results, null, 2)); return 0; }
  if (!results.length) out.log(`No results for "${query}".`);
  else {
    const notice = respellingNotice(index.respellings(query));
    if (notice) out.log(`${notice}.\n`);
  }
  results.forEach((r, i) => out.log(`${i + 1}. ${r.title}  (${r.score})\n   ${r.breadcrumb}\n   ${r.file}:${r.line}\n   ${r.snippet}\n`));
  return 0;
}

function index(args: Args, out: Out): number {
  const dir = args.positionals[0];
  if (!dir) throw new UsageError('index needs a DIR');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${dir}`);
  const started = process.hrtime.bigint();
  const maxBytes = one(args, 'max-bytes') ? intOption(args, 'max-bytes', 0) : undefined;
  const results = readNotesDir(dir, maxBytes);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const files = results.filter((r) => r.ok).map((r) => r.ok ? {
    file: r.note.file, format: r.note.format, title: r.note.title, sections: r.note.sections.length,
    cards: r.note.cards.length, warnings: r.note.warnings, titles: r.note.sections.map((s) => s.title),
  } : null).filter((f) => f !== null);
  const skipped = results.flatMap((r) => (r.ok ? [] : [{ file: r.file, reason: r.reason, detail: r.detail }]));
  const report = {
    folder: dir, filesRead: results.length, filesIndexed: files.length,
    sections: files.reduce((n, f) => n + f.sections, 0), skipped, files, ms: Math.round(ms * 10) / 10,
  };
  if (args.flags.has('json')) { out.log(JSON.stringify(report, null, 2)); return 0; }
  for (const f of files) out.log(`${f.file}: ${f.sections} sections (${f.format})${f.cards ? `, ${f.cards} cards` : ''}`);
  for (const s of skipped) out.log(`${s.file}: skipped (${s.reason}) ${s.detail}`);
  out.log(`${report.filesRead} files read, ${report.filesIndexed} indexed, ${report.sections} sections, ${skipped.length} skipped, ${report.ms} ms`);
  return 0;
}

/** content/ beside the built CLI (dist/..), or found walking up from the working folder. */
function defaultContentDir(): string {
  const beside = path.join(__dirname, '..', 'content');
  if (fs.existsSync(path.join(beside, 'exams'))) return beside;
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'content', 'exams'))) return path.join(dir, 'content');
    if (path.dirname(dir) === dir) return beside;
  }
}

function lint(args: Args, out: Out): number {
  const dir = one(args, 'content') ?? defaultContentDir();
  if (!fs.existsSync(dir)) throw new UsageError(`no content folder at ${dir}`);
  const { diagnostics, stats } = lintContent(loadContent(dir));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (args.flags.has('json')) {
    out.log(JSON.stringify({ errors: errors.length, warnings: diagnostics.length - errors.length, diagnostics, stats }, null, 2));
  } else {
    for (const d of diagnostics) out.log(`${path.join(dir, d.file)}:${d.line}: ${d.severity}: ${d.message}`);
    const q = Object.entries(stats.questions).map(([e, s]) => `${e} ${s.total}`).join(', ');
    out.log(`${stats.notes} notes, ${stats.sections} sections, ${stats.glossary} glossary entries, ${stats.cards} cards, questions: ${q || 'none'}`);
    out.log(`${errors.length} error(s), ${diagnostics.length - errors.length} warning(s)`);
  }
  return errors.length ? 1 : 0;
}

if (require.main === module) process.exitCode = run(process.argv.slice(2));
