import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CONTENT_DIR, SEEDS_DIR } from '../../helpers/content';

/** Words as the shared copy checker counts them. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(md|json|txt)$/.test(e.name) ? [p] : [];
  });
}

describe('content is in our own words', () => {
  it('shares no run of 10 words with the seed notes', function () {
    if (!fs.existsSync(SEEDS_DIR)) this.skip();
    const N = 10;
    const seed = new Set<string>();
    for (const f of fs.readdirSync(SEEDS_DIR)) {
      const w = words(fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
      for (let i = 0; i + N <= w.length; i++) seed.add(w.slice(i, i + N).join(' '));
    }
    const hits: string[] = [];
    for (const f of files(CONTENT_DIR)) {
      const w = words(fs.readFileSync(f, 'utf8'));
      for (let i = 0; i + N <= w.length; i++) {
        const run = w.slice(i, i + N).join(' ');
        if (seed.has(run)) { hits.push(`${path.relative(CONTENT_DIR, f)}: "${run}"`); break; }
      }
    }
    assert.deepEqual(hits, []);
  });
});
