/**
 * Sixty days of daily reviews of every deck, with the extension "reloaded" every day (and in the
 * middle of some sessions), a content update on day 30 that edits, removes and adds cards, a torn
 * file on day 41 and a crash mid-write on day 52. Every grade given must be in the log at the end.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDeck } from '../../../src/core/cards/deck';
import { ReviewBook, isDue } from '../../../src/core/srs/book';
import { FileSlot } from '../../../src/core/srs/fileSlot';
import { findOrphans } from '../../../src/core/srs/orphans';
import { ReviewPersistence } from '../../../src/core/srs/persistence';
import { Scheduler, type Rating } from '../../../src/core/srs/scheduler';
import { entryKey } from '../../../src/core/srs/schema';
import { ReviewSession } from '../../../src/core/srs/session';
import { seededRng } from '../../../src/core/exam/random';
import { MONDAY_9AM, TestClock, bundle, entry, note, noteCard } from './builders';
import { MemorySlot } from './memorySlot';

function contentV1() {
  const cards = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => noteCard(`${prefix}${String(i).padStart(2, '0')}`, i % 7 === 0 ? 'reversed' : 'basic', `Question ${prefix}${i}?`, `Answer ${i}`));
  return bundle(
    [note('bedrock', ['aif-c01:3.1'], cards('b', 25)), note('metrics', ['mla-c01:2.3'], cards('m', 20))],
    Array.from({ length: 15 }, (_, i) => entry(`term-${i}`, i % 3 === 0 ? 'parameter' : 'service')),
  );
}

/** Day 30: one card's text changes (new id), one term is removed, two cards are added, definitions reworded. */
function contentV2() {
  const b = contentV1();
  const bedrock = b.notes[0];
  bedrock.cards[3] = noteCard('b03-edited', 'basic', 'Question b3, reworded?', 'Answer 3');
  bedrock.cards.push(noteCard('b25', 'basic', 'A new question?', 'New answer'), noteCard('b26', 'cloze', 'The [...] API', 'Converse'));
  const glossary = b.glossary.filter((g) => g.id !== 'term-4').map((g) => ({ ...g, definition: `${g.definition} Reworded.` }));
  return bundle(b.notes, glossary);
}

describe('srs: 60 days of reviews across reloads and a content update', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsml-sim-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loses no review and resets no progress', async () => {
    const clock = new TestClock(MONDAY_9AM);
    const rng = seededRng(2025);
    const synced = new MemorySlot('globalState');
    const file = path.join(dir, 'reviews.json');
    const scheduler = new Scheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'] });
    const given = new Map<string, Rating>();
    let content = contentV1();
    let repsBeforeUpdate = new Map<string, number>();
    const problemsSeen: string[] = [];

    /** A fresh "extension host": new objects, only storage survives. */
    const reload = async () => {
      const persistence = new ReviewPersistence([synced, new FileSlot(file)]);
      const { data, report } = await persistence.load();
      problemsSeen.push(...report.problems.map((p) => `${p.slot}: ${p.reason}`));
      return { persistence, book: new ReviewBook(data) };
    };

    for (let day = 0; day < 60; day++) {
      if (day === 30) {
        const { book } = await reload();
        repsBeforeUpdate = new Map(book.cardIds.map((id) => [id, book.get(id)!.reps]));
        content = contentV2();
      }
      if (day === 41) fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 500));
      if (day === 52) fs.writeFileSync(`${file}.999.crashed.tmp`, '{"schema":2,');
      let host = await reload();
      const deck = buildDeck(content);
      let session = new ReviewSession(deck, host.book, scheduler, clock.now, { mode: 'review', newLimit: 6 });
      let graded = 0;
      for (let c = session.current(); c; c = session.current()) {
        if (!isDue(host.book.get(c.id), clock.now()) && host.book.get(c.id)) {
          // A learning card shown early is fine (learn ahead); a review card must be due.
          assert.notEqual(host.book.get(c.id)!.st, 2, `day ${day}: ${c.id} shown before it is due`);
        }
        const rating = (rng() < 0.15 ? 1 : rng() < 0.2 ? 2 : rng() < 0.9 ? 3 : 4) as Rating;
        const out = session.grade(rating)!;
        given.set(entryKey(out.entry!), rating);
        await host.persistence.save(host.book.toData());
        clock.minutes(1 + Math.floor(rng() * 3));
        if (++graded === 4 && day % 5 === 0) {
          // Reload in the middle of a session: the next session carries on from storage.
          host = await reload();
          session = new ReviewSession(deck, host.book, scheduler, clock.now, { mode: 'review', newLimit: 6 });
        }
      }
      await host.persistence.flush();
      clock.set(new Date(MONDAY_9AM.getFullYear(), MONDAY_9AM.getMonth(), MONDAY_9AM.getDate() + day + 1, 8 + Math.floor(rng() * 12), Math.floor(rng() * 60)));
    }

    const { book } = await reload();
    const stored = new Map(book.log.map((e) => [entryKey(e), e.r]));
    assert.ok(given.size > 300, `a real workload (${given.size} reviews)`);
    assert.equal(stored.size, given.size, 'as many reviews stored as given');
    for (const [k, r] of given) assert.equal(stored.get(k), r, `review ${k} kept with its grade`);
    assert.equal(book.log.length, given.size, 'no duplicates');

    // The content update kept everyone's progress: no surviving card went back to fewer repetitions.
    for (const [id, reps] of repsBeforeUpdate) assert.ok(book.get(id)!.reps >= reps, `${id} was reset`);
    // The edited card and the removed term are orphans with their history, not dropped.
    const orphans = findOrphans(book, buildDeck(content)).map((o) => o.id);
    assert.ok(orphans.includes('n:b03'), JSON.stringify(orphans));
    assert.ok(orphans.includes('g:term-4'));
    assert.ok(book.get('n:b03') && book.get('g:term-4'), 'orphans keep their state');
    // The new cards were studied after the update.
    assert.ok(book.get('n:b25'), 'a card added by the update was studied');
    // The torn file was noticed and healed from the synced copy.
    assert.ok(problemsSeen.some((p) => p.startsWith('file: not valid JSON')), JSON.stringify(problemsSeen));
    // Every card of the deck has been seen by day 60 at 6 new cards a day.
    const deck = buildDeck(content);
    assert.ok(deck.filter((c) => book.get(c.id)).length >= deck.length - 2);
  });
});
