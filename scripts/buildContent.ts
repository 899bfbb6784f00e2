/** Build step placeholder: replaced by the real content builder. */
import * as fs from 'fs';
import * as path from 'path';
export function main(_contentDir: string, outFile: string): void {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify({ version: 1 }));
}
