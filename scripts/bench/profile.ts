/**
 * A focused run for the profiler (node --cpu-prof -r tsx/cjs scripts/bench/profile.ts [index|search|hover]):
 * one phase of the benchmark at one size, with no reference engines, so the profile shows our code.
 * Env: PROFILE_NOTES (default 10000).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ContentBundle } from '../../src/core/content/bundle';
import { StudyCore } from '../../src/core/study';
import { NotesLibrary } from '../../src/core/library/notesLibrary';
import { generateCorpus } from './corpus';
import { QUERIES } from './queries';
import { HOVER_LINES } from './hoverLines';
import { median, percentile, round } from './stats';

async function main(): Promise<void> {
  const phase = process.argv[2] ?? 'index';
  const count = Number(process.env.PROFILE_NOTES ?? 10000);
  const text = fs.readFileSync(path.join(__dirname, '..', '..', 'dist', 'content.json'), 'utf8');
  const bundle = JSON.parse(text) as ContentBundle;
  const core = new StudyCore(bundle);
  if (phase === 'hover') {
    const s: number[] = [];
    for (let rep = 0; rep < 2000; rep++) for (const [line, col] of HOVER_LINES) { const t = performance.now(); core.termAt(line, col); s.push(performance.now() - t); }
    console.log(`hover median ${round(median(s) * 1000, 1)} µs p95 ${round(percentile(s, 95) * 1000, 1)} p99 ${round(percentile(s, 99) * 1000, 1)}`);
    return;
  }
  const corpus = generateCorpus(bundle.notes, count);
  const bytes = new Map(corpus.map((g) => [g.file, Buffer.from(g.text)]));
  core.search('warm up');
  const lib = new NotesLibrary(core.searchIndex);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await lib.addAll([...bytes.keys()], { read: async (f) => bytes.get(f)!, sliceMs: 8 });
  const cpu = process.cpuUsage(cpu0);
  console.log(`index ${round(performance.now() - t0)} ms (cpu ${round((cpu.user + cpu.system) / 1000)} ms), longest ${round(r.longestSliceMs)} ms, heap ${round(process.memoryUsage().heapUsed / 2 ** 20)} MB`);
  if (phase === 'search') {
    const s: number[] = [];
    for (let rep = 0; rep < 5; rep++) for (const [q] of QUERIES) { const t = performance.now(); core.search(q, { limit: 10 }); s.push(performance.now() - t); }
    console.log(`search median ${round(median(s))} p95 ${round(percentile(s, 95))} max ${round(Math.max(...s))}`);
  }
}

void main();
