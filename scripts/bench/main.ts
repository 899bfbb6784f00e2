/**
 * npm run bench: measures activation, first use, hover, search, indexing, memory and package size,
 * and compares our search with fuse.js used the obvious way and with MiniSearch on the same corpora
 * and queries. Prints a table and writes bench-results/bench.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { ContentBundle } from '../../src/core/content/bundle';
import { StudyCore } from '../../src/core/study';
import { NotesLibrary } from '../../src/core/library/notesLibrary';
import { parseNote } from '../../src/core/notes/parse';
import { generateCorpus, type GeneratedNote } from './corpus';
import { monitorEventLoopDelay } from 'perf_hooks';
import { HELD_OUT, QUERIES } from './queries';
import { heapMB, median, percentile, round, time, timeAsync } from './stats';
import { HOVER_LINES } from './hoverLines';
import { bundleLoadRows } from './bundleLoad';

const ROOT = path.join(__dirname, '..', '..');
const BASE = Number(process.env.BENCH_BASE ?? 100);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);

type Row = Record<string, string | number>;
const report: Record<string, unknown> = {
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGB: round(os.totalmem() / 2 ** 30, 1), node: process.version, platform: `${os.platform()} ${os.arch()}` },
  date: new Date().toISOString(),
};

function loadBundleText(): string {
  const file = path.join(ROOT, 'dist', 'content.json');
  if (!fs.existsSync(file)) throw new Error('dist/content.json is missing: run "npm run build" first');
  return fs.readFileSync(file, 'utf8');
}

/** Note id (or glossary:id) a search result stands for, and the generated notes' sources. */
function hitIds(r: { file: string; id: string; source?: string }, sources: Map<string, string[]>): string[] {
  if (r.source === 'glossary' || r.id.startsWith('glossary:')) return [r.id];
  const gen = sources.get(r.file);
  if (gen) return gen;
  return [r.file.replace(/^notes\//, '').replace(/\.md$/, '')];
}

function hitAt3(results: { file: string; id: string; source?: string }[], answers: string[], sources: Map<string, string[]>): boolean {
  return results.slice(0, 3).some((r) => hitIds(r, sources).some((id) => answers.includes(id)));
}

function firstUse(text: string): Row {
  const parse = time(() => JSON.parse(text) as ContentBundle);
  const core = new StudyCore(parse.value);
  const search = time(() => core.search('what does top p do'));
  const hover = time(() => core.termAt('body = {"top_p": 0.9}', 11));
  return { 'load content.json ms': round(parse.ms), 'first search ms (index load + query)': round(search.ms), 'first hover ms (resolver build + lookup)': round(hover.ms) };
}

function hoverBench(core: StudyCore): Row {
  const samples: number[] = [];
  // Warm-up (not counted): the cold first hover is its own row under "First use".
  for (let rep = 0; rep < 50; rep++) for (const [line, col] of HOVER_LINES) core.termAt(line, col);
  for (let rep = 0; rep < 1000; rep++) {
    for (const [line, col] of HOVER_LINES) {
      const t0 = performance.now();
      core.termAt(line, col);
      samples.push(performance.now() - t0);
    }
  }
  return { lookups: samples.length, 'median µs': round(median(samples) * 1000, 1), 'p95 µs': round(percentile(samples, 95) * 1000, 1), 'p99 µs': round(percentile(samples, 99) * 1000, 1) };
}

async function sizeBench(text: string, corpus: GeneratedNote[]): Promise<Row[]> {
  const sources = new Map(corpus.map((g) => [g.file, g.sources]));
  const bytes = new Map(corpus.map((g) => [g.file, Buffer.from(g.text)]));
  const heap0 = heapMB();
  const core = new StudyCore(JSON.parse(text) as ContentBundle);
  core.search('warm up');
  const heapBundled = heapMB();
  const lib = new NotesLibrary(core.searchIndex);
  // The event loop's own view of the longest block while indexing runs beside it (timer lateness).
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const idx = await timeAsync(() => lib.addAll([...bytes.keys()], { read: async (f) => bytes.get(f)!, sliceMs: 8 }));
  loop.disable();
  const heapAll = heapMB();
  const changed: number[] = [];
  const some = [...bytes.keys()].slice(0, 20);
  for (const f of some) changed.push(time(() => lib.upsert(f, Buffer.concat([bytes.get(f)!, Buffer.from('\n\nOne more line about quokkas.\n')]))).ms);
  const ours = { ...runQueries((q) => core.search(q, { limit: 10 }), sources), 'held-out hit@3': heldOut((q) => core.search(q, { limit: 10 }), sources) };
  const rows: Row[] = [{
    engine: 'ours (BM25 + fuse.js vocabulary)', notes: corpus.length, ...ours,
    'index ms': round(idx.ms, 0), 'files/s': round(corpus.length / (idx.ms / 1000), 0),
    'longest stretch ms': round(idx.value.longestSliceMs), 'event-loop max delay ms': round(loop.max / 1e6),
    'one changed file ms': round(median(changed)), 'one changed file max ms': round(Math.max(...changed)),
    'heap MB (index)': round(heapAll - heap0, 1), 'heap MB (bundled only)': round(heapBundled - heap0, 1),
  }];
  rows.push(referenceFuse(text, corpus, sources));
  rows.push(referenceMiniSearch(text, corpus, sources));
  return rows;
}

/** hit@3 on the held-out queries (not timed). */
function heldOut(search: (q: string) => { file: string; id: string; source?: string }[], sources: Map<string, string[]>): string {
  const hits = HELD_OUT.filter(([q, answers]) => {
    const ok = hitAt3(search(q), answers, sources);
    if (!ok && process.env.BENCH_VERBOSE) console.log(`  held-out miss: "${q}"`);
    return ok;
  }).length;
  return `${hits}/${HELD_OUT.length}`;
}

function runQueries(search: (q: string) => { file: string; id: string; source?: string }[], sources: Map<string, string[]>, queries = QUERIES): Row {
  const samples: number[] = [];
  let hits = 0;
  for (const [q, answers] of queries) {
    let results: { file: string; id: string; source?: string }[] = [];
    for (let r = 0; r < REPS; r++) {
      const t = time(() => search(q));
      samples.push(t.ms);
      results = t.value;
    }
    if (hitAt3(results, answers, sources)) hits++;
    else if (process.env.BENCH_VERBOSE) console.log(`  miss: "${q}" -> ${results.slice(0, 3).map((r) => r.id).join(' | ')}`);
  }
  return { queries: queries.length, 'search median ms': round(median(samples)), 'search p95 ms': round(percentile(samples, 95)), 'hit@3': `${hits}/${queries.length}` };
}

interface FlatDoc { id: string; file: string; title: string; body: string; source: string }

/** Whole notes (bundled and generated) plus glossary entries, one record each: what a plain setup indexes. */
function flatDocs(text: string, corpus: GeneratedNote[]): FlatDoc[] {
  const bundle = JSON.parse(text) as ContentBundle;
  const docs: FlatDoc[] = bundle.notes.map((n) => ({ id: n.id, file: n.file, title: n.title, body: n.sections.map((s) => `${s.title}\n${s.body}`).join('\n'), source: 'bundled' }));
  docs.push(...bundle.glossary.map((g) => ({ id: `glossary:${g.id}`, file: `glossary:${g.id}`, title: g.term, body: `${g.definition} ${g.aliases.join(' ')}`, source: 'glossary' })));
  for (const g of corpus) {
    const p = parseNote(g.file, g.text);
    docs.push({ id: g.file, file: g.file, title: p.title, body: g.text, source: 'notes' });
  }
  return docs;
}

function referenceFuse(text: string, corpus: GeneratedNote[], sources: Map<string, string[]>): Row {
  const docs = flatDocs(text, corpus);
  const build = time(() => new Fuse(docs, { keys: ['title', 'body'] }));
  // At the largest size the default setup is slow: a sample of queries keeps the run bounded.
  const queries = corpus.length > 2000 ? QUERIES.filter((_, i) => i % 5 === 0) : QUERIES;
  const search = (q: string) => build.value.search(q, { limit: 10 }).map((x) => x.item);
  const r = runQueries(search, sources, queries);
  const held = corpus.length > 2000 ? 'not run (slow)' : heldOut(search, sources);
  return { engine: 'fuse.js defaults (whole notes)', notes: corpus.length, ...r, 'held-out hit@3': held, 'index ms': round(build.ms, 0) };
}

function referenceMiniSearch(text: string, corpus: GeneratedNote[], sources: Map<string, string[]>): Row {
  const docs = flatDocs(text, corpus);
  const build = time(() => {
    const ms = new MiniSearch<FlatDoc>({ fields: ['title', 'body'], storeFields: ['file', 'source'], searchOptions: { boost: { title: 3 }, fuzzy: 0.2, prefix: true } });
    ms.addAll(docs);
    return ms;
  });
  const search = (q: string) => build.value.search(q).slice(0, 10).map((x) => ({ id: String(x.id), file: String(x.file), source: String(x.source) }));
  const r = runQueries(search, sources);
  return { engine: 'MiniSearch (fuzzy 0.2, prefix, title boost)', notes: corpus.length, ...r, 'held-out hit@3': heldOut(search, sources), 'index ms': round(build.ms, 0) };
}

function packageSize(): Row {
  const vsix = fs.readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => path.join(ROOT, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const ext = path.join(ROOT, 'dist', 'extension.js');
  return {
    // The build this run made (development, unminified); the .vsix holds the production one.
    'dist/extension.js KB (this build)': round(fs.statSync(ext).size / 1024, 1),
    'dist/content.json KB': round(fs.statSync(path.join(ROOT, 'dist', 'content.json')).size / 1024, 1),
    '.vsix KB': vsix ? round(fs.statSync(vsix).size / 1024, 1) : 'run "npm run package" first',
  };
}

function printTable(title: string, rows: Row[]): void {
  console.log(`\n## ${title}`);
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  console.log(`| ${cols.join(' | ')} |`);
  console.log(`|${cols.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${cols.map((c) => r[c] ?? '').join(' | ')} |`);
}

async function main(): Promise<void> {
  const text = loadBundleText();
  const bundle = JSON.parse(text) as ContentBundle;
  const activation = readActivation();
  report.activation = activation;
  printTable('Activation (real extension host)', [activation]);
  const load = await bundleLoadRows();
  report.bundleLoad = load;
  printTable('Bundle load in Node (production build, fresh process each, vscode stubbed)', load);
  const first = firstUse(text);
  report.firstUse = first;
  printTable('First use (Node, after activation)', [first]);
  const hover = hoverBench(new StudyCore(bundle));
  report.hover = hover;
  printTable('Hover (term under the cursor)', [hover]);
  const search: Row[] = [];
  for (const mult of SIZES) {
    const corpus = generateCorpus(bundle.notes, BASE * mult);
    search.push(...(await sizeBench(text, corpus)));
  }
  report.search = search;
  printTable(`Search and indexing (base ${BASE} notes; ${REPS} runs of each of ${QUERIES.length} queries)`, search);
  const pkg = packageSize();
  report.package = pkg;
  printTable('Package', [pkg]);
  const m = report.machine as Row;
  console.log(`\nMachine: ${m.cpus} cores (${m.model}), ${m.memGB} GB, Node ${m.node}, ${m.platform}`);
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench-results', 'bench.json'), JSON.stringify(report, null, 2));
  console.log('Wrote bench-results/bench.json');
}

/** Activation as measured inside the real extension host by `npm run bench:host`, if it was run. */
function readActivation(): Row {
  const file = path.join(ROOT, 'bench-results', 'activation.json');
  if (!fs.existsSync(file)) return { note: 'not measured: run "npm run bench:host" (starts code-server)' };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Row;
}

main().catch((e) => { console.error(e); process.exit(1); });
