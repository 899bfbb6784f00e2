/**
 * How long Node takes to load the production extension bundle and each file it loads on first use
 * (read, compile and run the top level), each in a fresh process: the steady part of
 * activation, without the extension host's own work and with less of its noise. The node
 * built-ins the host has loaded before us are loaded first, and the vscode module is a stub.
 * Built here as esbuild.js builds for production, into a temporary folder.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build, buildExtensionInto, VSCODE_STAND_IN } from '../buildScript';
import { median, round } from './stats';

const PRODUCTION = { minify: true, sourcemap: false, logLevel: 'silent' } as const;

/** Prints the milliseconds `require` of argv[1] took, by the clock and in CPU time, in a process that has nothing else loaded. */
const LOAD = `${VSCODE_STAND_IN}
for (const m of ['crypto', 'fs', 'path']) require(m);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
require(process.argv[1]);
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

function load(file: string): { ms: number; cpuMs: number } {
  return JSON.parse(execFileSync(process.execPath, ['-e', LOAD, file], { encoding: 'utf8' })) as { ms: number; cpuMs: number };
}

/** One row per file: its size and its load time, median (min-max) of `runs` fresh processes taking turns. */
export async function bundleLoadRows(runs = 15): Promise<Record<string, string | number>[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-ml-study-bench-'));
  try {
    const lazyDir = path.join(dir, 'lazy');
    await buildExtensionInto(dir, PRODUCTION);
    const lazy = [...Object.keys(build.LAZY_MODULES), ...Object.values(build.LAZY_PACKAGES)];
    const files = [path.join(dir, 'extension.js'), ...lazy.map((f) => path.join(lazyDir, `${f}.js`))];
    const samples = new Map(files.map((f) => [f, [] as { ms: number; cpuMs: number }[]]));
    for (let r = 0; r < runs; r++) for (const f of files) samples.get(f)!.push(load(f));
    const spread = (v: number[]) => `${round(median(v), 1)} (${round(Math.min(...v), 1)}-${round(Math.max(...v), 1)})`;
    return files.map((f) => ({
      file: path.relative(dir, f) === 'extension.js' ? 'dist/extension.js (at activation)' : `dist/${path.relative(dir, f)} (on first use)`,
      KB: round(fs.statSync(f).size / 1024, 1),
      'require ms, median (min-max)': spread(samples.get(f)!.map((s) => s.ms)),
      'CPU ms, median (min-max)': spread(samples.get(f)!.map((s) => s.cpuMs)),
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
