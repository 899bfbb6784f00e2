import { strict as assert } from 'assert';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { decodeNote } from '../../../src/core/notes/decode';
import { parseNote } from '../../../src/core/notes/parse';
import type { NoteSection, ParsedNote } from '../../../src/core/notes/types';

/** Real learner notes shared with the team; absent on most machines, so these tests skip then. */
const SEEDS = process.env.NOTES_SEEDS_DIR ?? '/work/shared/seeds';
const present = existsSync(SEEDS);

function load(prefix: string): ParsedNote {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  assert.ok(name, `no seed ${prefix}* in ${SEEDS}`);
  const decoded = decodeNote(readFileSync(join(SEEDS, name)));
  assert.ok(decoded.ok, `seed ${name} does not decode`);
  return parseNote(name, decoded.text);
}

const notes = new Map<string, ParsedNote>();
const seed = (prefix: string) => notes.get(prefix) ?? (notes.set(prefix, load(prefix)), notes.get(prefix) as ParsedNote);
const count = (prefix: string) => (present ? `${seed(prefix).sections.length} sections` : 'seed absent');

function find(n: ParsedNote, title: string | RegExp): NoteSection {
  const s = n.sections.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(s, `no section ${String(title)} in ${n.file}: ${JSON.stringify(n.sections.map((x) => x.title))}`);
  return s;
}

describe(`notes/seeds in ${SEEDS}`, function () {
  before(function () { if (!present) this.skip(); });

  it(`000 plain text with title lines: ${count('000')}`, () => {
    const n = seed('000');
    console.log(`      000: ${n.format}, ${n.sections.length} sections, first: ${n.sections.slice(1, 5).map((s) => s.title).join(' | ')}`);
    assert.equal(n.format, 'plain');
    assert.equal(n.sections.length, 31);
    assert.match(find(n, 'Self-Attention Mechanism').body, /softmax/);
    assert.match(find(n, 'Bedrock Guardrails').body, /Content safety framework/);
    for (const t of ['Transformer Architecture', 'Key LLM Parameters', 'Why RAG?', 'Quick Reference: Bedrock vs SageMaker JumpStart']) find(n, t);
    assert.match(find(n, 'Transformer Architecture').body, /┌─+┐[\s\S]*Self-Attention/, 'the diagram stays in the body');
    assert.ok(!n.sections.some((s) => /[│┌└→↓]|^TypeArchitecture|^Pre-trained Model|^Setup/.test(s.title)), 'no diagram, table or label headings');
  });

  it(`001 markdown: ${count('001')}`, () => {
    const n = seed('001');
    console.log(`      001: ${n.format}, ${n.sections.length} sections, first: ${n.sections.slice(0, 4).map((s) => s.title).join(' | ')}`);
    assert.equal(n.format, 'markdown');
    assert.equal(n.sections.length, 16);
    assert.equal(n.title, 'Amazon Bedrock & Generative AI (GenAI)');
    assert.deepEqual(find(n, 'Transfer Learning').path, ['Amazon Bedrock & Generative AI (GenAI)', 'Amazon Bedrock', 'Fine-Tuning a Model', 'Transfer Learning']);
    assert.match(find(n, 'Amazon Bedrock & Generative AI (GenAI)').body, /!\[\]\(assets\/Pasted%20image/);
    assert.equal(find(n, 'Fine-Tuning a Model').level, 3);
  });

  it(`002 markdown with fenced code: ${count('002')}`, () => {
    const n = seed('002');
    console.log(`      002: ${n.format}, ${n.sections.length} sections, first: ${n.sections.slice(0, 4).map((s) => s.title).join(' | ')}`);
    assert.equal(n.format, 'markdown');
    assert.equal(n.sections.length, 34);
    assert.equal(find(n, /^Agent Versions and Aliases/).level, 4);
    assert.match(find(n, /^Agent Versions and Aliases/).body, /```\n1\. Current state:/);
    assert.equal(n.sections.filter((s) => s.slug.startsWith('use-cases-exam-tip')).length, 2);
    assert.equal(new Set(n.sections.map((s) => s.slug)).size, n.sections.length);
  });

  it(`003 markdown starting at level 2: ${count('003')}`, () => {
    const n = seed('003');
    console.log(`      003: ${n.format}, ${n.sections.length} sections, first: ${n.sections.slice(0, 4).map((s) => s.title).join(' | ')}`);
    assert.equal(n.format, 'markdown');
    assert.equal(n.sections.length, 14);
    const first = n.sections[0];
    assert.deepEqual([first.level, first.line], [2, 2]);
    assert.match(first.title, /^GENAI Fundamentals/);
    for (const t of ['How Self-Attention Works', 'Building GenAI Apps with AWS Bedrock', 'Understanding the Bedrock API Endpoints', 'Building Intelligent Agents with Bedrock Agents']) find(n, t);
    assert.ok(!n.sections.some((s) => s.title.startsWith('•')), 'a `---` under a bullet paragraph is a rule');
  });

  it(`004 numbered outline: ${count('004')}`, () => {
    const n = seed('004');
    console.log(`      004: ${n.format}, ${n.sections.length} sections, first: ${n.sections.slice(0, 4).map((s) => s.title).join(' | ')}`);
    assert.equal(n.format, 'outline');
    assert.equal(n.sections.length, 120);
    assert.equal(n.title, 'AWS AI Practitioner Notes by Manu Lucena');
    assert.match(find(n, /^3\.1\.2\. Understanding the effect of inference parameters on model responses/).body, /temperature/i);
    assert.equal(find(n, /^4\.1\.7, Describe tools/).level, 3);
    assert.equal(find(n, '1.2.3.1 SL Techniques').level, 4);
    assert.deepEqual(find(n, '1. 1. Explain basic AI concepts and terminologies').path, ['1. Fundamentals of AI and ML', '1. 1. Explain basic AI concepts and terminologies']);
    assert.ok(!n.sections.some((s) => s.title.includes('**')), 'numbered list items are not headings');
    assert.equal(n.sections.filter((s) => /^6\.1\.7\. /.test(s.title)).length, 2);
  });

  it('all seeds: no warnings, no cards', () => {
    for (const p of ['000', '001', '002', '003', '004']) {
      const n = seed(p);
      assert.deepEqual(n.warnings, [], p);
      assert.equal(n.cards.length, 0, p);
    }
  });
});
