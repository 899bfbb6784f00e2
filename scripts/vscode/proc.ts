/**
 * Child processes for the harness. Every child runs in its own process group (`detached`, i.e.
 * setsid) so that a timeout, a failure or Ctrl+C stops the child AND everything it started
 * (code-server's extension hosts, tsc workers, Chromium helpers). Invariant: while the harness is
 * alive it knows every group it started; on exit it kills those still running.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const liveGroups = new Set<number>();
const cleanups: Array<() => void | Promise<void>> = [];
let handlersInstalled = false;

/** Sends a signal to a whole process group; ignores groups that are already gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs` if anything is left. */
export async function stopGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pgid = child.pid;
  if (!pgid) return;
  signalGroup(pgid, 'SIGTERM');
  const exited = child.exitCode !== null || child.signalCode !== null;
  if (!exited) await Promise.race([onceExit(child), sleep(graceMs)]);
  signalGroup(pgid, 'SIGKILL');
  liveGroups.delete(pgid);
}

/** Registers work to do when the harness exits, fails or is interrupted (LIFO). */
export function onCleanup(fn: () => void | Promise<void>): void {
  installHandlers();
  cleanups.push(fn);
}

/** Spawns a child in its own process group and remembers the group until it exits. */
export function spawnGroup(cmd: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  installHandlers();
  const child = spawn(cmd, args, { ...options, detached: true });
  if (child.pid) liveGroups.add(child.pid);
  child.once('exit', () => {
    // The leader is gone, but helpers it started may still run: stop the rest of the group.
    if (child.pid) signalGroup(child.pid, 'SIGKILL');
    if (child.pid) liveGroups.delete(child.pid);
  });
  return child;
}

export interface RunResult {
  code: number;
  /** stdout+stderr, kept only when `capture` is set. */
  output: string;
  timedOut: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the whole group after this long (ms) and report a timeout. */
  timeoutMs?: number;
  /** Keep the output (it is still echoed live). */
  capture?: boolean;
  /** Do not echo the output. */
  quiet?: boolean;
}

/** Runs a command to completion, echoing its output live; never throws for a non-zero exit. */
export function run(cmd: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let timedOut = false;
    const onData = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
      if (options.capture) output += chunk.toString();
      if (!options.quiet) stream.write(chunk);
    };
    child.stdout?.on('data', onData(process.stdout));
    child.stderr?.on('data', onData(process.stderr));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          void stopGroup(child, 2000);
        }, options.timeoutMs)
      : undefined;
    child.once('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`cannot start ${cmd}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: code ?? (signal ? 128 : 1), output, timedOut });
    });
  });
}

/** True when an executable with this name is on PATH. */
export async function onPath(name: string): Promise<string | undefined> {
  const res = await run('sh', ['-c', `command -v ${name}`], { capture: true, quiet: true });
  return res.code === 0 ? res.output.trim() : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function onceExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Runs the registered cleanups once, then kills any group still alive. */
export async function cleanupAll(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup failed: ${(err as Error).message}`);
    }
  }
  killAllGroupsNow();
}

function killAllGroupsNow(): void {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  liveGroups.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('exit', killAllGroupsNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n[harness] ${signal}: stopping everything it started`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
}
