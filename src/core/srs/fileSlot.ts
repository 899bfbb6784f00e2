/**
 * Review progress in a JSON file, written atomically: the data goes to a temporary file in the
 * same folder, is flushed to disk, and is then renamed over the old file, so a crash mid-write
 * leaves either the old file or the new one, never half of one. Backups sit next to it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { SlotRead, StateSlot } from './persistence';
import type { ReviewData } from './schema';

export class FileSlot implements StateSlot {
  readonly name: string;

  constructor(readonly file: string, name = 'file') {
    this.name = name;
  }

  async read(): Promise<SlotRead> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      return { error: (err as Error).message };
    }
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (err) {
      return { corruptText: text, error: `not valid JSON (${(err as Error).message})` };
    }
  }

  async write(data: ReviewData): Promise<void> {
    await writeAtomic(this.file, `${JSON.stringify(data)}\n`);
  }

  async backup(raw: unknown, reason: string): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = path.join(path.dirname(this.file), 'backups', `${path.basename(this.file, '.json')}-${this.name}-${stamp}.json`);
    const body = typeof raw === 'string' ? raw : JSON.stringify({ reason, savedAt: new Date().toISOString(), value: raw }, null, 1);
    await writeAtomic(target, body);
    return target;
  }
}

/** Temp file in the same folder, fsync, rename over the target. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
