/**
 * The extension-host tier: bundles test/integration/*.test.ts (any depth) and index.ts into
 * out/test/integration/, then runs index.js as `extensionTestsPath` in a real VS Code, either
 * through code-server + headless Chromium (the `payload` URL parameter) or through
 * @vscode/test-electron on a desktop machine. Both routes read the same JSON report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import * as esbuild from 'esbuild';
import { launchBrowser } from './browser';
import { startCodeServer } from './codeServer';
import { FIXTURE_WORKSPACE, INTEGRATION_OUT, INTEGRATION_SRC, REPO, RESULTS_DIR, SCREENSHOTS_DIR, newRunDirs } from './paths';
import { sleep } from './proc';
import type { Counts } from './report';

const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS) || 10 * 60_000;
const REPORT = path.join(RESULTS_DIR, 'integration-report.json');
/** Extension-host chatter that says nothing about the tests. */
const NOISE = /socket|connection token|Service Worker|builtin extensions cache|ChatSessionStore|punycode|open-vsx\.org/i;

/** Bundles each test file separately (vscode and node_modules stay external); returns their count. */
export async function bundleIntegrationTests(): Promise<number> {
  const tests = (fs.readdirSync(INTEGRATION_SRC, { recursive: true }) as string[])
    .filter((rel) => rel.endsWith('.test.ts'))
    .map((rel) => path.join(INTEGRATION_SRC, rel));
  fs.rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(INTEGRATION_SRC, 'index.ts'), ...tests],
    outbase: INTEGRATION_SRC,
    outdir: INTEGRATION_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return tests.length;
}

interface Report {
  passes: number;
  failures: number;
  pending: number;
  host?: { app: string; version: string; remoteName: string | null };
  tests: Array<{ title: string; state: string; error?: string }>;
}

function readReport(): Report | undefined {
  try {
    return JSON.parse(fs.readFileSync(REPORT, 'utf8')) as Report;
  } catch {
    return undefined;
  }
}

/** Turns the host's exit code and the report into counts; a missing report is a failure. */
function countsFrom(exitCode: number | string, report: Report | undefined): Counts {
  if (!report) {
    console.error(`[integration] FAILED: no report at ${REPORT} (host exit: ${exitCode})`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const h = report.host;
  if (h) console.log(`[integration] host: ${h.app} ${h.version} (remote: ${h.remoteName ?? 'none'})`);
  for (const t of report.tests.filter((x) => x.state === 'failed')) console.error(`[integration] FAILED: ${t.title}`);
  const failed = report.failures + (exitCode !== 0 && report.failures === 0 ? 1 : 0);
  if (exitCode !== 0 && report.failures === 0) console.error(`[integration] FAILED: host exit ${exitCode} with no failing test`);
  return { passed: report.passes, failed, skipped: report.pending };
}

function copyWorkspace(runDir: string): string {
  const ws = path.join(runDir, 'ws');
  fs.cpSync(FIXTURE_WORKSPACE, ws, { recursive: true });
  return ws;
}

/** code-server route: payload URL in headless Chromium, result via codeAutomationExit + report. */
export async function runIntegrationInCodeServer(): Promise<Counts> {
  fs.rmSync(REPORT, { force: true });
  const server = await startCodeServer({ label: 'integration', env: { AWS_ML_STUDY_TEST_REPORT: REPORT } });
  const { run, tmp } = newRunDirs('integration-browser');
  const browser = await launchBrowser(run, tmp);
  try {
    const url = await server.workbenchUrl({
      folder: copyWorkspace(server.runDir),
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(INTEGRATION_OUT, 'index.js'),
    });
    const exit = await driveTests(browser.page, url);
    if (exit !== 0) {
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await browser.page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'integration-failure.png') }).catch(() => undefined);
      if (exit === 'timeout') console.error(`[integration] code-server log:\n${server.logTail(40)}`);
    }
    return countsFrom(exit, readReport());
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(run, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

type Exit = number | 'timeout';

async function driveTests(page: import('playwright-core').Page, url: string): Promise<Exit> {
  let finish: (code: Exit) => void = () => undefined;
  const finished = new Promise<Exit>((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
    const text = util.format(...(args ?? []));
    if (!NOISE.test(text)) console.log(`  │ ${type === 'error' ? '[error] ' : ''}${text}`);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
  page.on('pageerror', (err) => console.error(`  │ [page error] ${err.message}`));
  await page.goto(url);
  const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
  void watchReport(finished).then((seen) => seen && finish(readReport()?.failures ? 1 : 0));
  const exit = await finished;
  clearTimeout(timer);
  if (exit === 'timeout') console.error(`[integration] no result after ${TIMEOUT_MS / 1000} s (VSCODE_TEST_TIMEOUT_MS)`);
  return exit;
}

/** Fallback if codeAutomationExit never arrives: the report file, given a grace period. */
async function watchReport(finished: Promise<Exit>): Promise<boolean> {
  let done = false;
  void finished.then(() => (done = true));
  while (!done) {
    if (fs.existsSync(REPORT)) {
      await sleep(10_000);
      return !done;
    }
    await sleep(500);
  }
  return false;
}

/** Desktop route: @vscode/test-electron (downloads VS Code unless VSCODE_EXECUTABLE_PATH is set). */
export async function runIntegrationInElectron(): Promise<Counts> {
  const { runTests } = await import('@vscode/test-electron');
  fs.rmSync(REPORT, { force: true });
  const { run, tmp } = newRunDirs('electron');
  let exit: number | string = 0;
  try {
    exit = await runTests({
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(INTEGRATION_OUT, 'index.js'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [copyWorkspace(run), '--disable-extensions', `--user-data-dir=${path.join(tmp, 'ud')}`],
      extensionTestsEnv: { AWS_ML_STUDY_TEST_REPORT: REPORT },
    });
  } catch (err) {
    exit = (err as Error).message;
    console.error(`[integration] @vscode/test-electron: ${exit}`);
  } finally {
    fs.rmSync(run, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return countsFrom(exit, readReport());
}
