/**
 * npm run bench:host: activation, first hover, first search, first note and first flashcard
 * measured in the real extension host. Builds the production bundle, starts code-server (the
 * harness in scripts/vscode), and loads a fresh workbench window RUNS times with
 * scripts/bench/hostSuite.ts as the tests entry. Windows take turns at what comes first (a hover
 * through VS Code, a search, our hover code called directly), so each "first" is measured cold.
 * Writes the medians to bench-results/activation.json, which `npm run bench` prints. Activation
 * is timed by the host's own marks around its `require` of dist/extension.js (reading, compiling
 * and running the top level), by the bundle's first and last statements (esbuild banner and
 * footer) and around activate(), on the clock and (Linux) in the thread's CPU time.
 * Env: BENCH_HOST_RUNS (9 windows); BENCH_HOST_BASELINE=<git revision or source folder> also
 * stages that production build and alternates windows between the two, so that a comparison on a
 * shared, busy machine sees the same load on both sides (its figures go to
 * bench-results/activation-baseline.json).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { launchBrowser } from '../vscode/browser';
import { startCodeServer } from '../vscode/codeServer';
import { FIXTURE_WORKSPACE, REPO, newRunDirs } from '../vscode/paths';
import { cleanupAll, run, sleep } from '../vscode/proc';
import { ensureHost } from '../vscode/setup';
import { median, round } from './stats';

const RUNS = Number(process.env.BENCH_HOST_RUNS ?? 9);
const BASELINE = process.env.BENCH_HOST_BASELINE;
const OUT_DIR = path.join(REPO, 'out', 'bench-host');
const RESULTS = path.join(REPO, 'bench-results');
const RUN_TIMEOUT_MS = 120_000;
/** Which use comes first in a window, in turn: a VS Code hover, a search, our hover code called directly. */
const ORDERS = ['hover-first', 'search-first', 'direct-first'];

interface HostRow {
  build: 'current' | 'baseline';
  activateMs: number;
  bundleEvalMs: number | null;
  codeLoadMs: number | null;
  loadToActivatedMs: number | null;
  compileMs: number | null;
  cpuMs?: number | null;
  loadedAtActivation: boolean | null;
  lazyAtActivation?: string[] | null;
  order: string;
  hover: { ms: number; found: boolean };
  hoverWarm: { ms: number; found: boolean };
  direct: { ms: number; found: boolean };
  search: { ms: number; results: number };
  note: { ms: number; ok: boolean } | null;
  card: { ms: number; ok: boolean };
  host: { app: string; version: string };
}

async function bundleSuite(): Promise<string> {
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { index: path.join(__dirname, 'hostSuite.ts') }, outdir: OUT_DIR, bundle: true,
    platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning',
  });
  return path.join(OUT_DIR, 'index.js');
}

/**
 * The production build of `repo`, copied into a folder of its own that the host loads as the
 * extension: the shared dist/ may be rebuilt (unminified) by a test run while the benchmark is going.
 */
async function stageExtension(repo: string, stage: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const build = await run('node', ['esbuild.js', '--production'], { cwd: repo });
    if (build.code !== 0) throw new Error(`production build failed in ${repo}`);
    fs.rmSync(stage, { recursive: true, force: true });
    fs.mkdirSync(stage, { recursive: true });
    for (const item of ['package.json', 'dist', 'media', 'content']) fs.cpSync(path.join(repo, item), path.join(stage, item), { recursive: true });
    const main = fs.readFileSync(path.join(stage, 'dist', 'extension.js'), 'utf8');
    // A minified bundle has no source map link and very long lines.
    if (!main.includes('sourceMappingURL') && main.split('\n').length < 100) return stage;
    if (attempt >= 3) throw new Error('dist/extension.js keeps being replaced by a development build');
  }
}

/** A git revision's tree, or a source folder as it is (with this clone's node_modules), built and staged like ours. */
async function stageBaseline(revOrFolder: string): Promise<string> {
  let src = path.resolve(revOrFolder);
  if (!fs.existsSync(path.join(src, 'esbuild.js'))) {
    src = path.join(OUT_DIR, 'baseline-src');
    const tar = path.join(OUT_DIR, 'baseline.tar');
    fs.mkdirSync(src, { recursive: true });
    if ((await run('git', ['archive', '--output', tar, revOrFolder], { cwd: REPO })).code !== 0) throw new Error(`git archive ${revOrFolder} failed`);
    if ((await run('tar', ['-xf', tar, '-C', src])).code !== 0) throw new Error('could not unpack the baseline');
  }
  if (!fs.existsSync(path.join(src, 'node_modules'))) fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(src, 'node_modules'));
  return stageExtension(src, path.join(OUT_DIR, 'baseline'));
}

async function main(): Promise<number> {
  await ensureHost({ allowApt: process.getuid?.() === 0, allowInstall: true });
  const suite = await bundleSuite();
  const extension = await stageExtension(REPO, path.join(OUT_DIR, 'extension'));
  const baseline = BASELINE ? await stageBaseline(BASELINE) : undefined;
  const builds = baseline ? (['current', 'baseline'] as const) : (['current'] as const);
  const windows = RUNS * builds.length;
  const rowsFile = path.join(OUT_DIR, 'rows.jsonl');
  const server = await startCodeServer({ label: 'bench-host', env: { AWS_ML_STUDY_BENCH_OUT: rowsFile } });
  const { run: runDir, tmp } = newRunDirs('bench-host-browser');
  const browser = await launchBrowser(runDir, tmp);
  try {
    let exited: (code: number) => void = () => undefined;
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    await browser.page.exposeFunction('codeAutomationLog', () => undefined);
    for (let i = 0; i < windows; i++) {
      const build = builds[i % builds.length];
      const order = ORDERS[Math.floor(i / builds.length) % ORDERS.length];
      // What to do reaches the extension host through a file next to the suite (env is fixed per server).
      fs.writeFileSync(path.join(OUT_DIR, 'window.json'), JSON.stringify({ order, build }));
      const before = fs.existsSync(rowsFile) ? fs.readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean).length : 0;
      const done = new Promise<number>((resolve) => { exited = resolve; setTimeout(() => resolve(-1), RUN_TIMEOUT_MS); });
      // A workspace folder of its own per window: VS Code restores a folder's open editors, and a
      // note or flashcard panel restored at start-up would load the content before the suite looks.
      const ws = path.join(server.runDir, `ws-${i + 1}`);
      fs.cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
      const url = await server.workbenchUrl({ folder: ws, extensionDevelopmentPath: build === 'baseline' ? baseline! : extension, extensionTestsPath: suite });
      await browser.page.goto('about:blank');
      await browser.page.goto(url);
      const code = await done;
      const after = fs.existsSync(rowsFile) ? fs.readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean).length : 0;
      console.log(`[bench:host] window ${i + 1}/${windows} (${build}, ${order}): exit ${code}, ${after - before} row(s)`);
      if (code !== 0 || after === before) console.log(server.logTail(20));
      await sleep(1000);
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const rows = fs.existsSync(rowsFile) ? fs.readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as HostRow) : [];
  if (!rows.length) { console.error('[bench:host] no measurements'); return 1; }
  const summary = summarise(rows.filter((r) => r.build === 'current'), path.join(extension, 'dist', 'extension.js'));
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'activation.json'), JSON.stringify(summary, null, 2));
  fs.writeFileSync(path.join(RESULTS, 'activation-runs.json'), JSON.stringify(rows, null, 2));
  console.log(JSON.stringify(summary, null, 2));
  if (baseline) {
    const base = { revision: BASELINE!, ...summarise(rows.filter((r) => r.build === 'baseline'), path.join(baseline, 'dist', 'extension.js')) };
    fs.writeFileSync(path.join(RESULTS, 'activation-baseline.json'), JSON.stringify(base, null, 2));
    console.log(`Baseline (${BASELINE}), in the windows between:`);
    console.log(JSON.stringify(base, null, 2));
  }
  return 0;
}

function summarise(rows: HostRow[], ext: string): Record<string, string | number> {
  const pick = (f: (r: HostRow) => number | null, order?: string) =>
    rows.filter((r) => !order || r.order === order).map(f).filter((v): v is number => v !== null && Number.isFinite(v));
  const med = (f: (r: HostRow) => number | null, order?: string) => round(median(pick(f, order)));
  /** "median (min-max)" over the windows. */
  const spread = (f: (r: HostRow) => number | null, order?: string) => {
    const v = pick(f, order);
    return v.length ? `${round(median(v), 1)} (${round(Math.min(...v), 1)}-${round(Math.max(...v), 1)})` : 'not recorded';
  };
  return {
    windows: rows.length,
    'activate() median ms': med((r) => r.activateMs),
    'activate() max ms': round(Math.max(...rows.map((r) => r.activateMs))),
    'bundle evaluation median ms': med((r) => r.bundleEvalMs),
    'code load median ms': med((r) => r.codeLoadMs),
    'code load + activate() median ms': med((r) => (r.codeLoadMs === null ? null : r.codeLoadMs + r.activateMs)),
    'activate() ms, median (min-max)': spread((r) => r.activateMs),
    'bundle evaluation ms, median (min-max)': spread((r) => r.bundleEvalMs),
    'read + compile ms, median (min-max)': spread((r) => r.compileMs),
    'code load ms, median (min-max)': spread((r) => r.codeLoadMs),
    'code load + activate() ms, median (min-max)': spread((r) => (r.codeLoadMs === null ? null : r.codeLoadMs + r.activateMs)),
    'load start to end of activate() ms, median (min-max)': spread((r) => r.loadToActivatedMs),
    'thread CPU ms, bundle evaluation + activate(), median (min-max)': spread((r) => r.cpuMs ?? null),
    'content loaded at activation': rows.some((r) => r.loadedAtActivation) ? 'yes'
      : `no${rows.some((r) => r.loadedAtActivation === null) ? ` (${rows.filter((r) => r.loadedAtActivation === null).length} window(s) looked too late to tell)` : ''}`,
    'dist/lazy/ files loaded at activation': [...new Set(rows.flatMap((r) => r.lazyAtActivation ?? []))].join(', ') || 'none',
    'first hover via VS Code ms (cold)': med((r) => r.hover.ms, 'hover-first'),
    'first hover, our code ms (cold)': med((r) => r.direct.ms, 'direct-first'),
    'first search ms (cold)': med((r) => r.search.ms, 'search-first'),
    'warm hover via VS Code ms': med((r) => r.hoverWarm.ms),
    'hovers that named top-p': `${rows.filter((r) => r.hover.found && r.direct.found).length}/${rows.length}`,
    'first note open to rendered HTML posted ms, median (min-max)': spread((r) => r.note?.ms ?? null),
    'first flashcard review to card posted ms, median (min-max)': spread((r) => r.card?.ms ?? null),
    'notes and cards shown': `${rows.filter((r) => r.note?.ok).length} and ${rows.filter((r) => r.card?.ok).length} of ${rows.length}`,
    'dist/extension.js KB (production)': round(fs.statSync(ext).size / 1024, 1),
    host: `${rows[0].host.app} ${rows[0].host.version}`,
    date: new Date().toISOString(),
  };
}

main().then(
  async (code) => { await cleanupAll(); process.exit(code); },
  async (err) => { console.error(err); await cleanupAll(); process.exit(1); },
);
