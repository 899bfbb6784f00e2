import * as assert from 'node:assert/strict';
import { buildDeck } from '../../../src/core/cards/deck';
import { cardsLabel, studyCardCount } from '../../../src/core/cards/count';
import { bundle, note, noteCard } from '../srs/builders';

describe('cards/count: what the trees say a note holds', () => {
  it('counts what the deck holds: a reversed line is two cards', () => {
    const cards = [
      noteCard('aaa', 'basic', 'What does Converse unify?', 'The request shape across models.'),
      noteCard('bbb', 'reversed', 'top_p', 'Nucleus sampling'),
      noteCard('ccc', 'cloze', 'The runtime endpoint is [...].', 'bedrock-runtime'),
    ];
    const deck = buildDeck(bundle([note('bedrock-api', ['aif-c01:3.1'], cards)], []));
    assert.equal(studyCardCount(cards), 4);
    assert.equal(studyCardCount(cards), deck.filter((c) => c.id.startsWith('n:')).length);
  });

  it('says "1 card", not "1 cards"', () => {
    assert.equal(cardsLabel(1), '1 card');
    assert.equal(cardsLabel(0), '0 cards');
    assert.equal(cardsLabel(7), '7 cards');
  });
});
