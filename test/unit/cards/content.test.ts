/** The deck built from the shipped content: every card has an id of its own and two faces. */
import * as assert from 'node:assert/strict';
import { buildBundle } from '../../../scripts/buildContent';
import { buildDeck } from '../../../src/core/cards/deck';
import { REVERSIBLE_KINDS } from '../../../src/core/cards/faces';
import { cardsByDomain } from '../../../src/core/srs/mastery';
import { CONTENT_DIR } from '../../helpers/content';

describe('cards/deck on the shipped content', function () {
  this.timeout(60_000);
  const b = buildBundle(CONTENT_DIR);
  const deck = buildDeck(b);

  it('gives every card a unique id and non-empty faces', () => {
    assert.equal(new Set(deck.map((c) => c.id)).size, deck.length);
    for (const c of deck) assert.ok(c.front.trim() && c.back.trim(), c.id);
  });

  it('has a card per glossary entry and a reverse card for each reversible kind', () => {
    const glossary = deck.filter((c) => c.source === 'glossary');
    const reversible = b.glossary.filter((g) => REVERSIBLE_KINDS.has(g.kind)).length;
    assert.equal(glossary.length, b.glossary.length + reversible);
  });

  it('puts cards in every domain of both exams', () => {
    const domains = cardsByDomain(deck);
    for (const exam of b.exams) for (const d of exam.domains) assert.ok((domains.get(`${exam.id}:${d.number}`)?.length ?? 0) > 10, `${exam.id} domain ${d.number}`);
  });
});
