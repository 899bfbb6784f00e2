import { strict as assert } from 'assert';
import { cardId } from '../../../src/core/notes/cardIds';
import { extractCards } from '../../../src/core/notes/cards';
import { maskInlineCode } from '../../../src/core/notes/inlineCode';
import { parseNote } from '../../../src/core/notes/parse';
import type { NoteCard } from '../../../src/core/notes/types';

const simple = (cards: NoteCard[]) => cards.map((c) => [c.kind, c.front, c.back, c.line]);
const cardsOf = (text: string, file = 'deck.md') => simple(extractCards(file, text));

describe('notes/extractCards: syntax', () => {
  it('reads basic `question::answer` cards, with or without spaces and list markers', () => {
    assert.deepEqual(cardsOf('What is SageMaker::A managed ML platform\n- Bedrock :: Managed FM API\n> 1. Quoted::Answer'), [
      ['basic', 'What is SageMaker', 'A managed ML platform', 1],
      ['basic', 'Bedrock', 'Managed FM API', 2],
      ['basic', 'Quoted', 'Answer', 3],
    ]);
  });

  it('reads `question:::answer` as one reversed card', () => {
    assert.deepEqual(cardsOf('Temperature:::Sampling randomness'), [['reversed', 'Temperature', 'Sampling randomness', 1]]);
  });

  it('reads multiline cards ended by a blank line, `??` as reversed', () => {
    const text = 'intro line\n\nWhat are the\nthree RAG steps?\n?\nRetrieve\nAugment\nGenerate\n\nEmbedding\n??\nA vector for a piece of text\n\nafter';
    assert.deepEqual(cardsOf(text), [
      ['multiline', 'What are the\nthree RAG steps?', 'Retrieve\nAugment\nGenerate', 3],
      ['reversed', 'Embedding', 'A vector for a piece of text', 10],
    ]);
  });

  it('needs a question and an answer around `?`', () => {
    assert.deepEqual(cardsOf('?\nanswer only\n\nquestion only\n?\n\n?'), []);
  });

  it('makes one cloze card per `==span==`, showing the other spans plain', () => {
    assert.deepEqual(cardsOf('- The ==mitochondria== is the ==powerhouse== of the cell'), [
      ['cloze', 'The [...] is the powerhouse of the cell', 'mitochondria', 1],
      ['cloze', 'The mitochondria is the [...] of the cell', 'powerhouse', 1],
    ]);
  });

  it('reads lower-case terms such as `epoch::one pass` as cards', () => {
    assert.deepEqual(cardsOf('epoch::one pass over the training data\nFoo::Bar'), [
      ['basic', 'epoch', 'one pass over the training data', 1], ['basic', 'Foo', 'Bar', 2],
    ]);
  });

  it('uses the first real separator on a line', () => {
    assert.deepEqual(cardsOf('What does std::vector hold?::Elements of one type'), [['basic', 'What does std::vector hold?', 'Elements of one type', 1]]);
    assert.deepEqual(cardsOf('What does `a::b` mean?::Scope resolution'), [['basic', 'What does `a::b` mean?', 'Scope resolution', 1]]);
  });

  it('skips front matter, headings, rules and fenced code', () => {
    const text = '---\ntitle: a::b\n---\n# Heading::not a card\n---\n```\nq::a\n==x==\nq\n?\na\n```\n~~~\nx:::y\n~~~\nreal::card';
    assert.deepEqual(cardsOf(text), [['basic', 'real', 'card', 16]]);
  });
});

describe('notes/extractCards: false positives', () => {
  it('reads the header lines of an Anki export as headers, not cards', () => {
    // A deck exported for Anki and saved among the notes: `#deck:AWS ML Study::My notes` has a `::`.
    const text = '#separator:tab\n#html:true\n#notetype:Basic\n#deck:AWS ML Study::My notes\n#tags column:3\n#deck column:4\nfront\tback\n#topic::not a header';
    assert.deepEqual(cardsOf(text, 'export.txt'), [['basic', '#topic', 'not a header', 8]]);
  });


  const none = [
    '`std::vector` in inline code',
    'Use std::vector for dynamic arrays.',
    'Prefer Vec::new() and HashMap::<K, V> in Rust.',
    'CSS a::before adds content and p::first-line styles a line.',
    'Call boost::asio or crate::module in code.',
    'Member access obj::field.size is code.',
    'Role arn:aws:iam::123456789012:role/Admin has access.',
    'See https://example.com/path::with/colons for details.',
    'The loopback address is ::1 and link-local starts fe80::1.',
    'C++ nested std::chrono::seconds type.',
    'Emoji :smile::wink: codes.',
    'A line ending in a separator::',
    ':: a line starting with one',
    'Four colons a::::b are not a separator',
    'Comparisons like a == b and x==y are code.',
    'if a==b or c==d then',
    'arrows ==> do not ==> highlight',
    '== spaced == is not a highlight',
    '`==code==` stays code',
    '=========',
    `${'x'.repeat(6000)}::too long a line`,
  ];
  for (const line of none) {
    it(`no card: ${line.slice(0, 60)}`, () => assert.deepEqual(cardsOf(line), []));
  }
});

describe('notes/extractCards: ids', () => {
  const ids = (text: string, file = 'notes/deck.md') => extractCards(file, text).map((c) => c.id);

  it('are 12 hex chars of sha1 over file, front and back', () => {
    const [card] = extractCards('notes/deck.md', 'Q::A');
    assert.match(card.id, /^[0-9a-f]{12}$/);
    assert.equal(card.id, cardId('notes/deck.md', 'Q', 'A'));
  });

  it('stay the same when unrelated text changes or lines move', () => {
    const before = ids('# Deck\nQ1::A1\n\nSome prose.\nQ2:::A2\n\nThe ==cell== is alive');
    const after = ids('# Deck renamed\nnew intro\n\nThe ==cell== is alive\n\nQ2:::A2\n\n\nQ1::A1\nmore prose');
    assert.deepEqual(new Set(after), new Set(before));
  });

  it('ignore whitespace differences but change with the text, the file or the cloze position', () => {
    assert.equal(ids('Q  one::A\ttwo')[0], ids('Q one :: A two')[0]);
    assert.notEqual(ids('Q::A')[0], ids('Q::B')[0]);
    assert.notEqual(ids('Q::A', 'a.md')[0], ids('Q::A', 'b.md')[0]);
    assert.equal(ids('Q::A', 'notes\\deck.md')[0], ids('Q::A', 'notes/deck.md')[0]);
    const [first, second] = ids('==x== and ==x==');
    assert.notEqual(first, second);
  });

  it('stay unique when a card is written twice', () => {
    const twice = ids('Q::A\n\nQ::A\n\nQ :: A');
    assert.equal(new Set(twice).size, 3);
    assert.deepEqual(ids('Q::A\n\nQ::A\n\nQ :: A'), twice, 'and are stable in order of appearance');
  });
});

describe('notes/cards in parseNote', () => {
  it('fills cards with the id of the section they sit in', () => {
    const n = parseNote('n.md', 'Q0::before\n\n# One\nQ1::A1\n## Two\nQ2::A2');
    assert.deepEqual(n.cards.map((c) => [c.front, c.sectionId]), [['Q0', 'n.md#one'], ['Q1', 'n.md#one-1'], ['Q2', 'n.md#two']]);
  });

  it('does not take a plain-text title line into a multiline question', () => {
    const n = parseNote('p.txt', 'Study Notes\n\nBedrock Guardrails\nWhat do guardrails filter?\n?\nHarmful content and PII\n');
    assert.deepEqual(simple(n.cards), [['multiline', 'What do guardrails filter?', 'Harmful content and PII', 4]]);
    assert.equal(n.cards[0].sectionId, 'p.txt#bedrock-guardrails');
  });

  it('masks inline code spans with the same length', () => {
    const line = 'a `b::c` d ``e`f`` g ` unmatched';
    const masked = maskInlineCode(line);
    assert.equal(masked.length, line.length);
    assert.ok(!masked.includes('b::c') && !masked.includes('e`f'));
    assert.ok(masked.endsWith('g ` unmatched'));
  });
});
