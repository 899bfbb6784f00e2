/**
 * `npm start [-- [--watch] [FOLDER]]`: builds the extension, then opens it in VS Code.
 *   - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <folder>`.
 *   - Otherwise: code-server on 127.0.0.1 (PORT, or a free port) with the extension loaded from
 *     this repository, printing the URL and staying in the foreground until Ctrl+C.
 * FOLDER defaults to a demo copy of test/fixtures/workspace (.e2e/demo-workspace), so playing
 * with it never changes the test fixture. `--watch` also rebuilds on change (reload the window).
 * START_ROUTE=code-server forces the code-server route.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer, type CodeServer } from './codeServer';
import { E2E_DIR, FIXTURE_WORKSPACE, REPO } from './paths';
import { cleanupAll, onPath, run, spawnGroup } from './proc';
import { HostNotReady, ensureHost } from './setup';

function demoWorkspace(): string {
  const demo = path.join(E2E_DIR, 'demo-workspace');
  if (!fs.existsSync(demo)) fs.cpSync(FIXTURE_WORKSPACE, demo, { recursive: true });
  return demo;
}

async function desktopCode(): Promise<string | undefined> {
  if (process.env.START_ROUTE === 'code-server' || process.env.VSCODE_IPC_HOOK_CLI) return undefined;
  const code = await onPath('code');
  return code && !/remote-cli/.test(code) ? code : undefined;
}

function runDesktop(code: string, folder: string): Promise<number> {
  console.log(`[start] ${code} --extensionDevelopmentPath=${REPO} ${folder}`);
  const child = spawn(code, [`--extensionDevelopmentPath=${REPO}`, folder], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
}

async function runCodeServer(folder: string): Promise<number> {
  try {
    await ensureHost({ allowApt: process.getuid?.() === 0, allowInstall: true });
  } catch (err) {
    if (err instanceof HostNotReady) {
      console.error(`[start] ${err.message}`);
      return 1;
    }
    throw err;
  }
  const server = await startCodeServer({
    label: 'start',
    port: Number(process.env.PORT) || undefined,
    userDataDir: path.join(E2E_DIR, 'start-profile'),
  });
  const url = await server.workbenchUrl({ folder, extensionDevelopmentPath: REPO });
  printBanner(server, url, folder);
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      fetch(`${server.url}/healthz`).catch(() => {
        clearInterval(timer);
        console.error(`[start] code-server stopped:\n${server.logTail(20)}`);
        resolve(1);
      });
    }, 5000);
  });
}

function printBanner(server: CodeServer, url: string, folder: string): void {
  const port = new URL(server.url).port;
  console.log(`
  AWS ML Study Companion is running in code-server (VS Code 1.100, extension loaded from ${REPO})
  workspace: ${folder}

    ${url}

  Open that URL in a browser on this machine. From another machine, forward the port first:
    ssh -L ${port}:127.0.0.1:${port} <this host>
  After a rebuild, run "Developer: Reload Window". Press Ctrl+C to stop.
  server log: ${server.logFile}
`);
}

const USAGE = `Usage: npm start [-- [--watch] [FOLDER]]
  Builds the extension and opens it in VS Code: desktop \`code\` when it is on PATH, otherwise
  code-server on 127.0.0.1 (PORT, or a free port), printing the URL.
  FOLDER      the workspace to open (default: a demo copy of test/fixtures/workspace)
  --watch     rebuild on change (then reload the window)
  START_ROUTE=code-server forces the code-server route.`;

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { console.log(USAGE); return 0; }
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--watch');
  if (unknown.length) { console.error(`[start] unknown option ${unknown[0]}\n${USAGE}`); return 2; }
  const watch = argv.includes('--watch');
  const folderArg = argv.find((a) => !a.startsWith('--'));
  const folder = folderArg ? path.resolve(folderArg) : demoWorkspace();
  if (!fs.existsSync(folder)) {
    console.error(`[start] no such folder: ${folder}`);
    return 1;
  }
  console.log('[start] building the extension');
  const build = await run('npm', ['run', '--silent', 'build'], { cwd: REPO });
  if (build.code !== 0) return build.code;
  // The watcher is in its own process group; the harness stops it on exit or Ctrl+C.
  if (watch) spawnGroup('npm', ['run', '--silent', 'watch'], { cwd: REPO, stdio: 'inherit' });
  const code = await desktopCode();
  let exit = code ? await runDesktop(code, folder) : await runCodeServer(folder);
  if (code && watch && exit === 0) exit = await new Promise<number>(() => undefined); // until Ctrl+C
  await cleanupAll();
  return exit;
}
