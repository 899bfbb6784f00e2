import { strict as assert } from 'assert';
import { SearchIndex } from '../../../src/core/search/index';
import { NotesLibrary } from '../../../src/core/library/notesLibrary';

const note = (i: number) => new TextEncoder().encode(`# Note ${i}\n\n## Temperature\n\nSampling randomness ${i}.\n`);

describe('notes library bulk load', () => {
  it('yields once a slice has run sliceMs by the clock, and reports the longest slice', async () => {
    let clock = 0;
    const yields: number[] = [];
    const lib = new NotesLibrary(new SearchIndex());
    const files = Array.from({ length: 10 }, (_, i) => `n${i}.md`);
    // The clock moves 3 ms between two looks at it: each file costs 3 ms of thread time.
    const report = await lib.addAll(files, {
      read: async (f) => note(Number(f.slice(1, -3))),
      now: () => (clock += 3),
      sliceMs: 8,
      yieldNow: async () => { yields.push(clock); },
    });
    assert.equal(report.indexed, 10);
    assert.ok(yields.length >= 3, `yields at ${yields.join(', ')}`);
    assert.ok(report.longestSliceMs >= 8 && report.longestSliceMs < 12, `longest ${report.longestSliceMs}`);
    assert.equal(lib.files.length, 10);
  });

  it('skips files that cannot be read, keeps going, and stops when cancelled', async () => {
    const lib = new NotesLibrary(new SearchIndex());
    let taken = 0;
    const report = await lib.addAll(['a.md', 'bad.md', 'c.md', 'd.md'], {
      read: async (f) => { if (f === 'bad.md') throw new Error('EACCES'); return note(1); },
      isCancelled: () => taken++ >= 3,
    });
    assert.equal(report.indexed, 2);
    assert.equal(report.skipped, 1);
    assert.equal(report.cancelled, true);
    assert.match(lib.skipped[0].detail, /EACCES/);
  });

  it('reads ahead but indexes in the order given', async () => {
    const lib = new NotesLibrary(new SearchIndex());
    const order: string[] = [];
    const files = Array.from({ length: 20 }, (_, i) => `n${i}.md`);
    await lib.addAll(files, { read: (f) => new Promise((r) => setTimeout(() => r(note(1)), f === 'n0.md' ? 20 : 1)) });
    for (const n of lib.files) order.push(n.file);
    assert.deepEqual(order, files);
  });

  it('indexes a note with very many sections in parts, yielding between them', async () => {
    const index = new SearchIndex();
    const lib = new NotesLibrary(index);
    const big = new TextEncoder().encode(Array.from({ length: 1000 }, (_, i) => `## Topic ${i}\n\nword${i} temperature\n`).join('\n'));
    let clock = 0;
    let yields = 0;
    const report = await lib.addAll(['big.md', 'small.md'], {
      read: async (f) => (f === 'big.md' ? big : note(1)),
      // Every look at the clock finds the slice spent: a yield between each two parts.
      now: () => (clock += 3),
      sliceMs: 2,
      yieldNow: async () => { yields++; },
    });
    assert.equal(report.indexed, 2);
    assert.ok(yields >= 5, `${yields} yields`);
    assert.equal(index.search('word999')[0]?.title, 'Topic 999');
    assert.equal(index.search('temperature', { limit: 2000 }).length, 1001);
    lib.remove('big.md');
    assert.equal(index.search('temperature', { limit: 2000 }).length, 1);
  });
});
