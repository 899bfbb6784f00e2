import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readReviewData } from '../../../src/core/srs/migrate';
import { mergeReviewData } from '../../../src/core/srs/merge';
import { ReviewPersistence } from '../../../src/core/srs/persistence';
import { FileSlot, writeAtomic } from '../../../src/core/srs/fileSlot';
import { Scheduler } from '../../../src/core/srs/scheduler';
import { ReviewBook } from '../../../src/core/srs/book';
import { SCHEMA_VERSION, type ReviewData } from '../../../src/core/srs/schema';
import { MONDAY_9AM } from './builders';
import { MemorySlot } from './memorySlot';

const scheduler = new Scheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'], fuzz: false });

/** Real progress: `n` cards graded Good once, a minute apart. */
function progress(n: number, prefix = 'g:term-', start = MONDAY_9AM.getTime()): ReviewData {
  const book = new ReviewBook();
  for (let i = 0; i < n; i++) {
    const r = scheduler.grade(`${prefix}${i}`, undefined, 3, new Date(start + i * 60_000), { front: `Card ${i}` });
    book.record(`${prefix}${i}`, r.next, r.entry);
  }
  return book.toData();
}

const dirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'awsml-srs-'));
  dirs.push(d);
  return d;
}
after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

describe('srs/migrate: reading stored progress', () => {
  it('reads its own format back unchanged', () => {
    const data = progress(3);
    const r = readReviewData(JSON.parse(JSON.stringify(data)));
    assert.deepEqual(r.rejected, []);
    assert.equal(r.unreadable, undefined);
    assert.deepEqual(r.data, data);
  });

  it('migrates version 1 (ts-fsrs objects with ISO dates) to version 2', () => {
    const v1 = {
      version: 1,
      cards: {
        'g:lora': {
          due: '2025-01-10T09:00:00.000Z', stability: 3.17, difficulty: 5.28, elapsed_days: 0, scheduled_days: 4,
          learning_steps: 0, reps: 2, lapses: 0, state: 2, last_review: '2025-01-06T09:00:00.000Z',
        },
      },
      log: [{
        cardId: 'g:lora', rating: 3, state: 0, due: '2025-01-06T09:00:00.000Z', stability: 0, difficulty: 0,
        elapsed_days: 0, last_elapsed_days: 0, scheduled_days: 0, learning_steps: 0, review: '2025-01-06T09:00:00.000Z',
      }],
    };
    const r = readReviewData(v1);
    assert.equal(r.migratedFrom, 1);
    assert.deepEqual(r.rejected, []);
    assert.equal(r.data.schema, SCHEMA_VERSION);
    assert.deepEqual(r.data.cards['g:lora'], { due: Date.parse('2025-01-10T09:00:00.000Z'), s: 3.17, d: 5.28, ed: 0, sd: 4, ls: 0, reps: 2, lapses: 0, st: 2, lr: Date.parse('2025-01-06T09:00:00.000Z') });
    assert.deepEqual(r.data.log, [{ c: 'g:lora', r: 3, at: Date.parse('2025-01-06T09:00:00.000Z'), st: 0, due: Date.parse('2025-01-06T09:00:00.000Z'), s: 0, d: 0, ed: 0, sd: 0, ls: 0 }]);
  });

  it('keeps every valid entry of hand-edited data and reports the rest', () => {
    const data = progress(4) as unknown as { cards: Record<string, Record<string, unknown>>; log: Record<string, unknown>[] };
    data.cards['g:term-1'].s = -3;           // impossible stability
    data.cards['g:term-2'].st = 7;           // unknown state
    data.log[0].r = 9;                       // unknown rating
    data.log.push('garbage' as unknown as Record<string, unknown>);
    const r = readReviewData(data);
    assert.deepEqual(Object.keys(r.data.cards).sort(), ['g:term-0', 'g:term-3']);
    assert.equal(r.data.log.length, 3);
    assert.deepEqual(r.rejected.map((x) => x.where).sort(), ['cards["g:term-1"]', 'cards["g:term-2"]', 'log[0]', 'log[4]']);
    assert.match(r.rejected.find((x) => x.where === 'log[0]')!.problem, /^r:/);
  });

  it('calls a value it cannot read at all unreadable, without throwing', () => {
    assert.match(readReviewData('hello').unreadable ?? '', /expected object/i);
    assert.match(readReviewData({ schema: 99, cards: {}, log: [] }).unreadable ?? '', /unknown schema version 99/);
    assert.deepEqual(readReviewData(undefined), { data: { schema: 2, cards: {}, log: [], updatedAt: 0 }, rejected: [] });
  });

  it('merging two copies keeps the union of reviews and each card\'s latest state', () => {
    const a = progress(3);
    const b = progress(3, 'g:term-', MONDAY_9AM.getTime() + 3 * 60_000); // same cards, later reviews
    const c = progress(2, 'n:other-');
    const { data, report } = mergeReviewData(mergeReviewData(a, b).data, c);
    assert.equal(data.log.length, 8);
    assert.equal(report.addedReviews, 2);
    assert.equal(data.cards['g:term-0'].lr, b.cards['g:term-0'].lr);
    assert.equal(mergeReviewData(data, a).report.addedReviews, 0, 'merging again adds nothing');
  });
});

describe('srs/persistence: corrupt-state recovery', () => {
  it('a corrupt file is backed up and reported; the synced copy restores everything', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'reviews.json');
    const memory = new MemorySlot('globalState', progress(5));
    fs.writeFileSync(file, '{"schema":2,"cards":{"g:term-0":{"due":17'); // torn write from an old version
    const p = new ReviewPersistence([memory, new FileSlot(file)]);
    const { data, report } = await p.load();
    assert.equal(data.log.length, 5);
    assert.equal(report.problems.length, 1);
    assert.equal(report.problems[0].slot, 'file');
    assert.match(report.problems[0].reason, /not valid JSON/);
    const backup = report.problems[0].backup!;
    assert.equal(fs.readFileSync(backup, 'utf8'), '{"schema":2,"cards":{"g:term-0":{"due":17', 'the backup is the corrupt text, byte for byte');
    await p.flush();
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).log.length, 5, 'the file was healed from the synced copy');
  });

  it('hand-edited entries in one slot are set aside; valid entries of both slots survive', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'reviews.json');
    const good = progress(4);
    const edited = JSON.parse(JSON.stringify(good));
    edited.cards['g:term-3'].d = 42;
    edited.log[3].at = 'yesterday';
    fs.writeFileSync(file, JSON.stringify(edited));
    const memory = new MemorySlot('globalState', undefined);
    const { data, report } = await new ReviewPersistence([memory, new FileSlot(file)]).load();
    assert.equal(data.log.length, 3);
    assert.deepEqual(Object.keys(data.cards).sort(), ['g:term-0', 'g:term-1', 'g:term-2']);
    assert.equal(report.problems[0].rejected.length, 2);
    const saved = JSON.parse(fs.readFileSync(report.problems[0].backup!, 'utf8'));
    assert.equal(saved.value.cards['g:term-3'].d, 42, 'the backup holds the edited value');
  });

  it('an unknown schema version in the synced copy does not lose the local file', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'reviews.json');
    fs.writeFileSync(file, JSON.stringify(progress(2)));
    const memory = new MemorySlot('globalState', { schema: 7, cards: {}, log: [] });
    const { data, report } = await new ReviewPersistence([memory, new FileSlot(file)]).load();
    assert.equal(data.log.length, 2);
    assert.match(report.problems[0].reason, /unknown schema version 7/);
    assert.equal(memory.backups.length, 1);
  });

  it('a crash mid-write leaves the previous file intact', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'reviews.json');
    await writeAtomic(file, JSON.stringify(progress(3)));
    // A crash after the temp file was opened and half written, before the rename.
    fs.writeFileSync(`${file}.1234.crash.tmp`, '{"schema":2,"ca');
    const { data, report } = await new ReviewPersistence([new FileSlot(file)]).load();
    assert.equal(data.log.length, 3);
    assert.deepEqual(report.problems, []);
  });

  it('one failing slot does not stop the other from being written', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'reviews.json');
    const memory = new MemorySlot();
    memory.failWrites = true;
    const errors: string[] = [];
    const p = new ReviewPersistence([memory, new FileSlot(file)], (slot) => errors.push(slot));
    await p.save(progress(2));
    assert.deepEqual(errors, ['globalState']);
    assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).log.length, 2);
  });
});
