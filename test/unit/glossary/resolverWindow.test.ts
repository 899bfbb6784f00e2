import { strict as assert } from 'assert';
import fc from 'fast-check';
import { GlossaryResolver } from '../../../src/core/glossary/resolver';
import { glossary } from '../../helpers/content';

describe('glossary resolver: the window around the cursor', () => {
  const entries = [
    { id: 'clarify', term: 'Amazon SageMaker Clarify', aliases: ['SageMaker Clarify'] },
    { id: 'stream', term: 'InvokeModelWithResponseStream', aliases: [] },
    { id: 'policy', term: 'bucket policy', aliases: [] },
    { id: 'lora', term: 'LoRA', aliases: [] },
  ];
  const r = new GlossaryResolver(entries);

  it('finds a term far along a very long line, and its exact range', () => {
    const pad = 'word '.repeat(2000);
    const line = `${pad}call InvokeModelWithResponseStream now ${pad}`;
    const start = line.indexOf('Invoke');
    for (const col of [start, start + 10, start + 28]) {
      const m = r.resolve(line, col);
      assert.equal(m?.entry.id, 'stream');
      assert.deepEqual([m!.start, m!.end], [start, start + 'InvokeModelWithResponseStream'.length]);
    }
  });

  it('does not match a term cut by the window: a longer identifier around it is another word', () => {
    const line = `x = ${'a'.repeat(300)}LoRA${'b'.repeat(300)}`;
    assert.equal(r.resolve(line, line.indexOf('LoRA') + 1), undefined);
  });

  it('gives the same match wherever the cursor sits inside it', () => {
    for (const line of ['Use Amazon SageMaker Clarify here', 'set the bucket policies', 'cfg = LoraConfig()']) {
      const found = new Set<string>();
      for (let col = 0; col <= line.length; col++) {
        const m = r.resolve(line, col);
        if (m) found.add(`${m.entry.id}@${m.start}-${m.end}`);
      }
      assert.equal(found.size, 1, `${line}: ${[...found].join(', ')}`);
    }
  });

  it('matches a real alias wherever the cursor is in it, on random lines (property)', () => {
    const real = new GlossaryResolver(glossary());
    const forms = glossary().flatMap((e) => [e.term, ...e.aliases]).filter((f) => /^[A-Za-z0-9]+(?:[ _\-./][A-Za-z0-9]+)*$/.test(f));
    fc.assert(fc.property(fc.constantFrom(...forms), fc.constantFrom(' ', '(', ', ', '"'), fc.nat(), (form, sep, k) => {
      const line = `x${sep}${form}${sep}y`;
      const start = 1 + sep.length;
      const m = real.resolve(line, start + (k % form.length));
      assert.ok(m, `${line}`);
      assert.ok(m.start <= start + (k % form.length) && m.end >= start, `${line}: ${m.text}`);
    }), { numRuns: 500 });
  });
});
