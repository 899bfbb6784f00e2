/** Reads a folder of learner notes from disk for the CLI: every note file, parsed or skipped. */
import * as fs from 'fs';
import * as path from 'path';
import { ingestNote, isNoteFile, type IngestResult } from '../core/library/ingest';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', '.vscode-test']);

export function listNoteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, ent.name);
      if (ent.isDirectory()) { if (!SKIP_DIRS.has(ent.name) && !ent.name.startsWith('.')) walk(full); }
      else if (ent.isFile() && isNoteFile(ent.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function readNotesDir(dir: string, maxBytes?: number): IngestResult[] {
  return listNoteFiles(dir).map((file) => {
    try {
      return ingestNote(file, fs.readFileSync(file), maxBytes);
    } catch (e) {
      return { ok: false as const, file, reason: 'undecodable' as const, detail: `could not read: ${(e as Error).message}` };
    }
  });
}
