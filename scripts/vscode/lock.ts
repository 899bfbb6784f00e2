/**
 * A lock file per repository for steps that share fixed paths (the integration bundle in
 * out/test/integration and its report), so two `npm test` runs in one clone take turns instead of
 * deleting each other's files. A lock whose owner process is gone is taken over.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { E2E_DIR } from './paths';
import { sleep } from './proc';

function ownerAlive(file: string): boolean {
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(file: string): boolean {
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    let alive = true;
    try {
      alive = ownerAlive(file);
    } catch {
      return false; // removed or half-written meanwhile: try again later
    }
    if (!alive) fs.rmSync(file, { force: true });
    return false;
  }
}

/** Runs `fn` while holding `.e2e/<name>.lock`; waits up to `waitMs` for another run to finish. */
export async function withLock<T>(name: string, fn: () => Promise<T>, waitMs = 20 * 60_000): Promise<T> {
  fs.mkdirSync(E2E_DIR, { recursive: true });
  const file = path.join(E2E_DIR, `${name}.lock`);
  const deadline = Date.now() + waitMs;
  let told = false;
  while (!tryTake(file)) {
    if (Date.now() > deadline) throw new Error(`${file} is still held by another run after ${waitMs / 1000} s`);
    if (!told) console.log(`[harness] waiting for another test run in this clone to release ${path.basename(file)}`);
    told = true;
    await sleep(1000);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
