/**
 * `npm test`: typecheck, lint, build, content lint, unit tests, then the tests inside a real VS Code
 * (extension-host integration tests and Playwright e2e checks). Stops at the first failing tier,
 * prints how long each took, and ends with the line `N passed, N failed[, N skipped]`.
 *
 * Environment:
 *   SKIP_VSCODE=1                 skip the integration and e2e tiers (quick local runs; CI never sets it)
 *   ONLY=unit,integration         run only these tiers or groups (static, vscode) plus what they need
 *   SKIP=lint                     leave these tiers or groups out
 *   VSCODE_TEST_ROUTE=electron    integration tests through @vscode/test-electron (default when a
 *                                 desktop `code` is on PATH); =code-server forces code-server
 *   VSCODE_THEME="Default Light Modern"   theme for the integration run; E2E_GREP=text  filter checks
 *   CI=true                       a VS Code host that cannot be installed fails instead of skipping
 * The same switches as arguments: `node scripts/test.js --only=vscode --skip=lint --skip-vscode`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newRunDirs, pruneStaleRuns, RESULTS_DIR, SCREENSHOTS_DIR } from './paths';
import { cleanupAll } from './proc';
import { ZERO, add, banner, formatCounts, formatMs, type Counts } from './report';
import { TIERS, type Outcome, type Tier } from './tiers';

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const matches = (tier: Tier, names: string[]) => names.includes(tier.name) || tier.groups.some((g) => names.includes(g));

/** Tiers to run, in order, with the reason each other tier is left out. */
export function selectTiers(env: NodeJS.ProcessEnv = process.env): { run: Tier[]; left: Map<string, string> } {
  const only = list(env.ONLY);
  const skip = list(env.SKIP);
  if (env.SKIP_VSCODE === '1' || env.SKIP_VSCODE === 'true') skip.push('vscode');
  const unknown = [...only, ...skip].filter((n) => !TIERS.some((t) => t.name === n || t.groups.includes(n)));
  if (unknown.length) throw new Error(`unknown tier(s) ${unknown.join(', ')}; known: ${TIERS.map((t) => t.name).join(', ')}, static, vscode`);
  const wanted = new Set(TIERS.filter((t) => !only.length || matches(t, only)).map((t) => t.name));
  for (const t of TIERS) if (wanted.has(t.name)) for (const n of t.needs ?? []) wanted.add(n);
  const left = new Map<string, string>();
  const runList = TIERS.filter((t) => {
    if (matches(t, skip)) left.set(t.name, 'SKIP/SKIP_VSCODE');
    else if (!wanted.has(t.name)) left.set(t.name, 'not selected (ONLY)');
    else return true;
    return false;
  });
  return { run: runList, left };
}

interface Row {
  name: string;
  status: string;
  ms?: number;
  counts?: Counts;
  note?: string;
}

function printSummary(rows: Row[], total: Counts, ms: number): void {
  banner(`summary (${formatMs(ms)})`);
  for (const r of rows) {
    const counts = r.counts && (r.counts.passed || r.counts.failed || r.counts.skipped) ? `  ${formatCounts(r.counts)}` : '';
    const time = r.ms === undefined ? '' : formatMs(r.ms);
    console.log(`  ${r.name.padEnd(13)} ${r.status.padEnd(8)} ${time.padStart(8)}${counts}${r.note ? `  (${r.note})` : ''}`);
  }
  console.log(formatCounts(total));
}

async function runTier(tier: Tier): Promise<Outcome> {
  try {
    return await tier.run();
  } catch (err) {
    console.error((err as Error).stack ?? String(err));
    return { status: 'failed', counts: { ...ZERO, failed: 1 }, note: (err as Error).message.split('\n')[0] };
  }
}

/**
 * A FAILED-*.png must not outlive the failure it showed. Other screenshots are overwritten by
 * name, and are left alone so a second run in the same clone does not wipe the first one's.
 */
function removeStaleFailureShots(): void {
  if (!fs.existsSync(SCREENSHOTS_DIR)) return;
  for (const name of fs.readdirSync(SCREENSHOTS_DIR)) {
    if (name.startsWith('FAILED-') || name === 'integration-failure.png') fs.rmSync(path.join(SCREENSHOTS_DIR, name), { force: true });
  }
}

/** `--only=a,b`, `--skip=a`, `--skip-vscode` set the matching environment switches. */
function applyArgs(argv: string[]): void {
  for (const arg of argv) {
    const [key, value = ''] = arg.split('=', 2);
    if (key === '--only') process.env.ONLY = value;
    else if (key === '--skip') process.env.SKIP = value;
    else if (key === '--skip-vscode') process.env.SKIP_VSCODE = '1';
    else throw new Error(`unknown argument ${arg} (use --only=..., --skip=..., --skip-vscode)`);
  }
}

/** Runs the selected tiers; resolves to the process exit code. */
export async function main(argv: string[] = []): Promise<number> {
  const started = Date.now();
  applyArgs(argv);
  pruneStaleRuns();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const harnessTmp = newRunDirs('harness');
  process.env.TMPDIR = harnessTmp.tmp; // Playwright, npm logs and test temp files stay out of /tmp and $HOME
  const { run, left } = selectTiers();
  if (run.some((t) => t.groups.includes('vscode'))) removeStaleFailureShots();
  const rows: Row[] = [];
  let total: Counts = ZERO;
  let failedTier: string | undefined;
  for (const tier of run) {
    if (failedTier) {
      rows.push({ name: tier.name, status: 'not run', note: `after ${failedTier} failed` });
      continue;
    }
    banner(tier.name);
    const t0 = Date.now();
    const outcome = await runTier(tier);
    const ms = Date.now() - t0;
    total = add(total, outcome.counts);
    rows.push({ name: tier.name, status: outcome.status, ms, counts: outcome.counts, note: outcome.note });
    const mark = { passed: '✔', failed: '✘', skipped: '–' }[outcome.status];
    console.log(`${mark} ${tier.name} ${outcome.status} in ${formatMs(ms)}${outcome.note ? `: ${outcome.note}` : ''}`);
    if (outcome.status === 'failed') failedTier = tier.name;
  }
  for (const [name, why] of left) rows.push({ name, status: 'skipped', note: why });
  const order = (r: Row) => TIERS.findIndex((t) => t.name === r.name);
  rows.sort((a, b) => order(a) - order(b));
  await cleanupAll();
  fs.rmSync(harnessTmp.run, { recursive: true, force: true });
  fs.rmSync(harnessTmp.tmp, { recursive: true, force: true });
  if (failedTier) console.error(`\nFAILED at tier "${failedTier}" (later tiers did not run)`);
  printSummary(rows, total, Date.now() - started);
  return failedTier ? 1 : 0;
}
