import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { decodeNote } from '../../../src/core/notes/decode';
import { parseNote } from '../../../src/core/notes/parse';
import type { NoteSection, ParsedNote } from '../../../src/core/notes/types';

/** Our own notes in the shapes of the shared seeds; these run everywhere. */
const DIR = join(__dirname, '../../fixtures/notes');

function parseFixture(name: string): ParsedNote {
  const decoded = decodeNote(readFileSync(join(DIR, name)));
  assert.ok(decoded.ok, `${name} does not decode`);
  return parseNote(`fixtures/${name}`, decoded.text);
}

function find(n: ParsedNote, title: string | RegExp): NoteSection {
  const s = n.sections.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(s, `no section ${String(title)}: ${JSON.stringify(n.sections.map((x) => x.title))}`);
  return s;
}

describe('notes/fixtures: markdown with front matter and cards', () => {
  const n = parseFixture('bedrock-cards.md');

  it('reads front matter, title and a warning for the nested key', () => {
    assert.equal(n.format, 'markdown');
    assert.equal(n.title, 'Bedrock Inference Cheat Sheet');
    assert.deepEqual(n.frontMatter, {
      title: 'Bedrock Inference Cheat Sheet', exam: 'AIF-C01', tags: ['bedrock', 'inference', 'prompting'],
      aliases: ['Bedrock params', 'Inference knobs'], draft: '', owner: '',
    });
    assert.deepEqual(n.warnings.map((w) => [w.file, w.line]), [['fixtures/bedrock-cards.md', 10]]);
  });

  it(`has a preamble, ATX and setext headings, and unique slugs (${8} sections)`, () => {
    assert.deepEqual(n.sections.map((s) => [s.level, s.slug]), [
      [0, 'bedrock-inference-cheat-sheet'], [1, 'inference-parameters'], [2, 'temperature'], [2, 'top-p'], [2, 'top-p-1'],
      [1, 'setext-title-for-limits'], [2, 'max-tokens'], [2, 'not-cards'],
    ]);
    assert.match(find(n, 'Setext Title For Limits').body, /^\| Parameter \| Typical range \|/);
    assert.match(find(n, 'Max tokens').body, /\$\$[\s\S]*!\[token budget\]\(assets\/token-budget\.png\)[\s\S]*# this comment is code/);
  });

  it('extracts 6 cards of every kind, each tied to its section, and none from code or look-alikes', () => {
    console.log(`      bedrock-cards.md: ${n.cards.length} cards`);
    assert.deepEqual(n.cards.map((c) => [c.kind, c.line, c.sectionId]), [
      ['basic', 22, 'fixtures/bedrock-cards.md#temperature'],
      ['reversed', 23, 'fixtures/bedrock-cards.md#temperature'],
      ['cloze', 25, 'fixtures/bedrock-cards.md#temperature'],
      ['cloze', 25, 'fixtures/bedrock-cards.md#temperature'],
      ['multiline', 31, 'fixtures/bedrock-cards.md#top-p'],
      ['reversed', 37, 'fixtures/bedrock-cards.md#top-p'],
    ]);
    assert.equal(n.cards[2].front, 'A [...] suits extraction while a high temperature suits brainstorming.');
    assert.equal(n.cards[4].back, 'Sampling only from the most likely tokens\nwhose probabilities sum to P.');
    assert.equal(new Set(n.cards.map((c) => c.id)).size, 6);
  });
});

describe('notes/fixtures: numbered outline text', () => {
  const n = parseFixture('study-outline.txt');

  it(`finds the outline headings and their levels (${n.sections.length} sections)`, () => {
    assert.equal(n.format, 'outline');
    assert.equal(n.title, 'Machine Learning Study Outline');
    assert.equal(n.sections.length, 16);
    assert.equal(find(n, '1. 1. Describe the kinds of data a model learns from').level, 2);
    assert.equal(find(n, '1.2.1.2 Classification Techniques').level, 4);
    assert.equal(find(n, '2.1. Explain what a foundation model is').level, 2);
    assert.match(find(n, /^2\.1\.1\. Understanding how sampling settings change answers/).body, /Temperature/);
    assert.equal(n.sections.filter((s) => s.title.startsWith('2.1.2, Describe tools')).length, 2);
  });

  it('keeps tight and loose numbered lists inside their sections', () => {
    assert.match(find(n, '1.1.2 What is feature engineering?').body, /1\. Collect data\n2\. Clean data\n3\. Encode categories/);
    assert.match(find(n, /^2\.1\.1\./).body, /1\. Pick a model\n\n2\. Write a prompt\n\n3\. Evaluate the output/);
    assert.ok(!n.sections.some((s) => /Collect data|Pick a model|Write a prompt/.test(s.title)));
  });
});

describe('notes/fixtures: tab-separated table text', () => {
  const n = parseFixture('service-tables.txt');

  it(`finds title lines above the tables (${n.sections.length} sections)`, () => {
    assert.equal(n.format, 'table');
    assert.deepEqual(n.sections.map((s) => [s.level, s.title]), [
      [1, 'Inference Settings Reference'], [2, 'Sampling Parameters'], [2, 'Endpoint Options'], [2, 'Pricing Dimensions'],
    ]);
    assert.match(find(n, 'Endpoint Options').body, /^Option\tLatency\tBest for\n/);
    assert.equal(n.cards.length, 0);
  });
});

describe('notes/fixtures: plain text with title lines', () => {
  const n = parseFixture('plain-titles.txt');

  it(`finds title lines, not diagrams, flows, tables or labels (${n.sections.length} sections)`, () => {
    assert.equal(n.format, 'plain');
    assert.deepEqual(n.sections.map((s) => s.title), [
      'plain-titles', 'Retrieval and Agents on AWS', 'Embedding Basics', 'Why Embeddings Matter', 'Index Choices',
      'Agent Loop', 'Guardrail Filters', 'What Are Action Groups?',
    ]);
    assert.match(find(n, 'Embedding Basics').body, /┌─+┐\n│ {2}Query Pipeline/);
    assert.match(find(n, 'Why Embeddings Matter').body, /Similar Ideas Cluster\n {4}↓/);
  });
});
