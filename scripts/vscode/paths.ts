/**
 * Where the harness keeps things. Everything it creates lives under `<repo>/.e2e/` (gitignored),
 * except the installed code-server, which lives in a machine-wide cache so that a fresh clone (CI
 * clones anew for every run) does not rebuild its native modules. Nothing goes to $HOME.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** code-server 4.100.3 = VS Code 1.100.3; the newest release whose engines.node is "20". */
export const CODE_SERVER_VERSION = '4.100.3';

export const REPO = path.resolve(__dirname, '..', '..');
export const E2E_DIR = path.join(REPO, '.e2e');
export const RUNS_DIR = path.join(E2E_DIR, 'runs');
export const RESULTS_DIR = path.join(REPO, 'test-results');
export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, 'screenshots');
export const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'fixtures', 'workspace');
export const INTEGRATION_SRC = path.join(REPO, 'test', 'integration');
export const INTEGRATION_OUT = path.join(REPO, 'out', 'test', 'integration');
export const E2E_SRC = path.join(REPO, 'test', 'e2e');

/** The link `.e2e/code-server` points at the real install folder (see {@link codeServerInstallDir}). */
export const CODE_SERVER_LINK = path.join(E2E_DIR, 'code-server');

/**
 * Machine-wide cache root: `$AWS_ML_STUDY_CACHE`, else `/var/cache/aws-ml-study` when writable
 * (root, CI), else `.e2e/cache` inside the clone.
 */
export function cacheRoot(): string {
  if (process.env.AWS_ML_STUDY_CACHE) return path.resolve(process.env.AWS_ML_STUDY_CACHE);
  const shared = '/var/cache/aws-ml-study';
  try {
    fs.mkdirSync(shared, { recursive: true });
    fs.accessSync(shared, fs.constants.W_OK);
    return shared;
  } catch {
    return path.join(E2E_DIR, 'cache');
  }
}

/** The folder holding code-server's own package.json and node_modules. */
export function codeServerInstallDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server launcher inside an install folder. */
export function codeServerBin(installDir = CODE_SERVER_LINK): string {
  return path.join(installDir, 'node_modules', '.bin', 'code-server');
}

/** Chromium from Debian (`apt-get install chromium`), or `$CHROMIUM_PATH`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

let runCounter = 0;

/**
 * Creates a fresh folder for one server or browser launch, plus a temp folder short enough for
 * unix socket paths (VS Code and Chromium put sockets in $TMPDIR; the limit is ~107 bytes).
 */
export function newRunDirs(label: string): { run: string; tmp: string } {
  const run = path.join(RUNS_DIR, `${process.pid}-${++runCounter}-${label}`);
  fs.rmSync(run, { recursive: true, force: true });
  fs.mkdirSync(run, { recursive: true });
  let tmp = path.join(run, 'tmp');
  if (tmp.length > 56) {
    const hash = crypto.createHash('sha1').update(run).digest('hex').slice(0, 8);
    tmp = path.join(os.platform() === 'win32' ? os.tmpdir() : '/tmp', `awsml-${hash}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  return { run, tmp };
}

/** Removes run folders left behind by harness processes that no longer exist. */
export function pruneStaleRuns(): void {
  if (!fs.existsSync(RUNS_DIR)) return;
  for (const name of fs.readdirSync(RUNS_DIR)) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
      fs.rmSync(path.join(RUNS_DIR, name), { recursive: true, force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
