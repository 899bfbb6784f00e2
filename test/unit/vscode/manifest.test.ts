/**
 * package.json `contributes` as VS Code shows it. Welcome views and walkthrough step descriptions
 * render only links (no inline code), so a backtick appears literally; and each command link must
 * name a command the extension contributes, or the button does nothing.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    viewsWelcome: { view: string; contents: string; when?: string }[];
    walkthroughs: { steps: { id: string; description: string; media?: { markdown?: string } }[] }[];
  };
}

const ROOT = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
const texts: [string, string][] = [
  ...manifest.contributes.viewsWelcome.map((v, i): [string, string] => [`viewsWelcome[${i}] (${v.view})`, v.contents]),
  ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s): [string, string] => [`walkthrough step ${s.id}`, s.description])),
];

describe('package.json contributions', () => {
  it('writes welcome views and walkthrough steps without markdown VS Code shows literally', () => {
    const literal = texts.filter(([, text]) => /`|\*\*|(^|\s)_\w/.test(text)).map(([where]) => where);
    assert.deepEqual(literal, []);
  });

  it('links only to commands the extension contributes (or VS Code\'s own)', () => {
    const ours = new Set(manifest.contributes.commands.map((c) => c.command));
    const links = texts.flatMap(([where, text]) => [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => [where, m[1]] as const));
    assert.ok(links.length >= 8, `only ${links.length} command links found`);
    const unknown = links.filter(([, id]) => id.startsWith('awsMlStudy.') && !ours.has(id));
    assert.deepEqual(unknown, []);
  });

  it('gives every walkthrough step a media page that exists, and one step per main feature', () => {
    const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
    const missing = steps.filter((s) => !s.media?.markdown || !fs.existsSync(path.join(ROOT, s.media.markdown))).map((s) => s.id);
    assert.deepEqual(missing, []);
    const links = steps.map((s) => s.description).join('\n');
    for (const id of ['searchNotes', 'reviewFlashcards', 'quickQuiz', 'startMockExam', 'lookUpTerm']) {
      assert.ok(links.includes(`command:awsMlStudy.${id}`), `no walkthrough step links to ${id}`);
    }
  });

  it('gives the Exams view a welcome for a filter that matches nothing, apart from the loading one', () => {
    const exams = manifest.contributes.viewsWelcome.filter((v) => v.view === 'awsMlStudy.exams');
    assert.ok(exams.some((v) => v.when === 'awsMlStudy.treeFiltered' && v.contents.includes('command:awsMlStudy.clearTreeFilter')));
    assert.ok(exams.some((v) => v.when === '!awsMlStudy.treeFiltered' && /Loading/.test(v.contents)));
  });
});
