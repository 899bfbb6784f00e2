/** Edited cards keep their history: adoption of an orphan's state by the card with its front. */
import { strict as assert } from 'assert';
import { adoptEditedCards } from '../../../src/core/srs/adopt';
import { ReviewBook } from '../../../src/core/srs/book';
import { findOrphans } from '../../../src/core/srs/orphans';
import { readReviewData } from '../../../src/core/srs/migrate';
import { Scheduler } from '../../../src/core/srs/scheduler';
import { MONDAY_9AM, card } from './builders';

const scheduler = new Scheduler({ desiredRetention: 0.9, learningSteps: ['1m', '10m'], fuzz: false });

/** Grades `id` (showing `front`) `times` times, a day apart, from day `fromDay`. */
function study(book: ReviewBook, id: string, front: string, times = 2, fromDay = 0): void {
  for (let i = 0; i < times; i++) {
    const now = new Date(MONDAY_9AM.getTime() + (fromDay + i) * 86_400_000);
    const { next, entry } = scheduler.grade(id, book.get(id), 3, now, { front });
    book.record(id, next, entry);
  }
}

describe('srs/adopt: an edited card keeps the history of its earlier version', () => {
  it('copies the old state to the card with the same front, keeps the old reviews, and no longer lists an orphan', () => {
    const book = new ReviewBook();
    study(book, 'u:old', 'What is LoRA?');
    const before = book.get('u:old')!;
    const deck = [card('u:new', { source: 'user', front: 'What  is LoRA?', back: 'Low-rank adaptation, a PEFT method.' })];
    assert.deepEqual(adoptEditedCards(book, deck), [['u:new', 'u:old']]);
    assert.deepEqual(book.get('u:new'), { ...before, o: 'u:old' });
    assert.deepEqual(book.get('u:old'), before, 'the old state stays');
    assert.equal(book.log.length, 2, 'no review is copied or lost');
    assert.deepEqual(findOrphans(book, deck), [], 'the old version is not an orphan any more');
    assert.deepEqual(adoptEditedCards(book, deck), [], 'adopting twice does nothing');
  });

  it('keeps the mark through later reviews, and through a save and load', () => {
    const book = new ReviewBook();
    study(book, 'n:old', 'Which API streams?');
    const deck = [card('n:new', { front: 'Which API streams?' })];
    adoptEditedCards(book, deck);
    study(book, 'n:new', 'Which API streams?', 1, 5);
    assert.equal(book.get('n:new')!.o, 'n:old');
    assert.ok(book.get('n:new')!.reps > book.get('n:old')!.reps, 'the review went on from the old state');
    const loaded = readReviewData(JSON.parse(JSON.stringify(book.toData())));
    assert.equal(loaded.data.cards['n:new'].o, 'n:old', 'the stored shape keeps the mark');
    assert.deepEqual(findOrphans(new ReviewBook(loaded.data), deck), []);
  });

  it('undoing the edit brings the old card back as it was, and the unreviewed copy is not listed as lost', () => {
    const book = new ReviewBook();
    study(book, 'u:old', 'Undo me?');
    const before = book.get('u:old');
    adoptEditedCards(book, [card('u:new', { front: 'Undo me?' })]);
    const back = [card('u:old', { front: 'Undo me?' })];
    assert.deepEqual(adoptEditedCards(book, back), []);
    assert.deepEqual(book.get('u:old'), before);
    assert.deepEqual(findOrphans(book, back), []);
  });

  it('leaves ambiguous, cross-kind and already studied cards alone', () => {
    const book = new ReviewBook();
    study(book, 'u:a', 'Same question?');
    study(book, 'u:b', 'Same question?');
    assert.deepEqual(adoptEditedCards(book, [card('u:c', { front: 'Same question?' })]), [], 'two orphans share the front');

    const two = new ReviewBook();
    study(two, 'u:a', 'Only one?');
    assert.deepEqual(adoptEditedCards(two, [card('u:c', { front: 'Only one?' }), card('u:d', { front: 'Only one?' })]), [], 'two new cards share the front');
    assert.deepEqual(adoptEditedCards(two, [card('n:c', { front: 'Only one?' })]), [], 'a bundled card does not take a learner card\'s history');
    study(two, 'u:e', 'Other?');
    assert.deepEqual(adoptEditedCards(two, [card('u:e', { front: 'Only one?' })]), [], 'a card with its own history keeps it');
    assert.equal(two.get('u:e')!.o, undefined);
  });

  it('does not take history from the learner\'s cards before their notes are indexed', () => {
    const book = new ReviewBook();
    study(book, 'u:old', 'Indexed yet?');
    assert.deepEqual(adoptEditedCards(book, [card('u:new', { front: 'Indexed yet?' })], { ignoreUserCards: true }), []);
  });
});
