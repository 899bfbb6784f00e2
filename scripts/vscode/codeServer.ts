/**
 * Starts and stops code-server (VS Code 1.100's server + web workbench) on 127.0.0.1 for one test
 * tier, one e2e launch or `npm start`. Each server has its own user data, extensions folder,
 * HOME/XDG/TMPDIR and process group; `stop()` ends the server and its extension hosts together.
 */
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { codeServerBin, newRunDirs } from './paths';
import { isolatedEnv } from './isolation';
import { onCleanup, sleep, spawnGroup, stopGroup } from './proc';

/** VS Code's own default theme; override per launch or with $VSCODE_THEME. */
export const DEFAULT_THEME = 'Default Dark Modern';

/** User settings every launch gets: quiet, deterministic, nothing phoning home. */
export function baseSettings(theme = process.env.VSCODE_THEME || DEFAULT_THEME): Record<string, unknown> {
  return {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': theme,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    // The fixture copy sits inside this repository's git tree: keep git's prompts out of screenshots.
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
  };
}

export interface CodeServerOptions {
  /** Short name used in the run folder's name. */
  label: string;
  /** Settings merged over {@link baseSettings}. */
  settings?: Record<string, unknown>;
  theme?: string;
  /** Extra environment variables; they reach the extension host. */
  env?: Record<string, string>;
  /** Fixed port (e.g. for `npm start`); default: a free one. */
  port?: number;
  /** Keep the run folder after `stop()` (for debugging). */
  keepRunDir?: boolean;
  /** Keep user data (settings, extension storage) here across launches instead of a fresh folder. */
  userDataDir?: string;
}

export interface WorkbenchUrlOptions {
  folder: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

/** A running code-server. */
export interface CodeServer {
  readonly url: string;
  readonly runDir: string;
  readonly tmpDir: string;
  readonly logFile: string;
  /** The workbench URL for a folder; the extension paths travel in the `payload` parameter. */
  workbenchUrl(options: WorkbenchUrlOptions): Promise<string>;
  /** The last lines of the server's log (for error messages). */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 60_000;

/** Starts code-server and waits until `/healthz` answers. Retries on a port clash. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const bin = codeServerBin();
  if (!fs.existsSync(bin)) throw new Error(`code-server is not installed (${bin}). Run: npx tsx scripts/vscode/setup.ts`);
  const dirs = newRunDirs(options.label);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(bin, dirs, options);
    } catch (err) {
      if (attempt >= 3 || options.port || !/EADDRINUSE/.test(String(err))) throw err;
    }
  }
}

async function startOnce(bin: string, dirs: { run: string; tmp: string }, options: CodeServerOptions): Promise<CodeServer> {
  const port = options.port ?? (await freePort());
  const userData = options.userDataDir ?? path.join(dirs.run, 'user-data');
  const settingsFile = path.join(userData, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  if (!options.userDataDir || !fs.existsSync(settingsFile)) {
    const settings = { ...baseSettings(options.theme), ...options.settings };
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
  fs.writeFileSync(path.join(dirs.run, 'config.yaml'), '');
  const logFile = path.join(dirs.run, 'server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [
    '--config', path.join(dirs.run, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', userData, '--extensions-dir', path.join(dirs.run, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  const child = spawnGroup(bin, args, { env: isolatedEnv(dirs.run, dirs.tmp, options.env), stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const server = handle(child, `http://127.0.0.1:${port}`, dirs, logFile, options.keepRunDir === true);
  onCleanup(() => server.stop());
  try {
    await waitHealthy(server.url, child, logFile);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

function handle(child: ChildProcess, url: string, dirs: { run: string; tmp: string }, logFile: string, keep: boolean): CodeServer {
  let authority: string | undefined;
  let stopped = false;
  return {
    url, runDir: dirs.run, tmpDir: dirs.tmp, logFile,
    async workbenchUrl(o: WorkbenchUrlOptions): Promise<string> {
      authority ??= await remoteAuthority(url, o.folder);
      const remote = (p: string) => `vscode-remote://${authority}${p}`;
      const payload: Array<[string, string]> = [];
      if (o.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)]);
      if (o.extensionTestsPath) payload.push(['extensionTestsPath', remote(o.extensionTestsPath)]);
      const query = `folder=${encodeURIComponent(o.folder)}`;
      return payload.length ? `${url}/?${query}&payload=${encodeURIComponent(JSON.stringify(payload))}` : `${url}/?${query}`;
    },
    logTail: (lines = 30) => tailFile(logFile, lines),
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await stopGroup(child, 5000);
      if (!keep) {
        fs.rmSync(dirs.run, { recursive: true, force: true });
        fs.rmSync(dirs.tmp, { recursive: true, force: true });
      }
    },
  };
}

/** code-server serves the workbench with remote authority "remote"; read it rather than assume. */
async function remoteAuthority(url: string, folder: string): Promise<string> {
  const html = await (await fetch(`${url}/?folder=${encodeURIComponent(folder)}`)).text();
  const match = /id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html);
  if (!match) return 'remote';
  const config = JSON.parse(match[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { remoteAuthority?: string };
  return config.remoteAuthority ?? 'remote';
}

async function waitHealthy(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) while starting:\n${tailFile(logFile, 30)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${START_TIMEOUT_MS / 1000} s:\n${tailFile(logFile, 30)}`);
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export function tailFile(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
