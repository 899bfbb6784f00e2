/**
 * Flashcards in a real extension host: the review panel driven through its message protocol
 * (the same messages its webview posts), with the stored progress checked after each step, plus
 * cram, undo, restore after a reload, export and import, the Anki export, and the statistics view.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ReviewStore } from '../../src/vscode/adapters/reviewStore';
import type { ExtensionApi } from '../../src/extension';
import type { FlashcardsApi } from '../../src/features/flashcards';
import type { FlashcardsToWebview } from '../../src/protocol/flashcards';
import { EXTENSION_ID, until } from './helpers';

type CardMsg = Extract<FlashcardsToWebview, { type: 'card' }>;

let fc: FlashcardsApi;
let api: ExtensionApi;

/** The newest message the panel posted, once it is of the wanted type and passes the check. */
function latest<T extends FlashcardsToWebview['type']>(type: T, check: (m: Extract<FlashcardsToWebview, { type: T }>) => boolean = () => true) {
  return until(`a "${type}" message`, () => {
    const m = fc.panel.posted.at(-1);
    return m?.type === type && check(m as Extract<FlashcardsToWebview, { type: T }>) ? (m as Extract<FlashcardsToWebview, { type: T }>) : undefined;
  });
}

function storedFile(): { cards: Record<string, { reps: number; st: number }>; log: { c: string; r: number }[] } {
  assert.ok(fc.service.store.file, 'progress is mirrored to a file');
  return JSON.parse(fs.readFileSync(fc.service.store.file!, 'utf8'));
}

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

describe('flashcards: review through the panel protocol', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    fc = api.flashcards;
    await fc.service.ready();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every flashcard command', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['reviewFlashcards', 'reviewHere', 'reviewTerm', 'cram', 'showStatistics', 'exportReviewLog', 'importReviewLog', 'exportDeckAnki']) {
      assert.ok(all.includes(`awsMlStudy.${id}`), id);
    }
  });

  it('opens a domain deck from an Exams tree node and shows a new card with four interval previews', async () => {
    await vscode.commands.executeCommand('awsMlStudy.reviewHere', { kind: 'domain', exam: { id: 'aif-c01' }, domain: { number: 3 } });
    await fc.panel.handle({ type: 'ready' });
    const m = await latest('card');
    assert.equal(fc.panel.scope?.kind, 'domain');
    assert.match(m.deck.title, /^AIF-C01 · Domain 3/);
    assert.equal(m.card.state, 'new');
    assert.deepEqual(m.grades.map((g) => g.name), ['Again', 'Hard', 'Good', 'Easy']);
    assert.deepEqual(m.grades.slice(0, 3).map((g) => g.interval), ['1m', '6m', '10m']);
    assert.ok(m.card.front.includes('<') && !/<script/i.test(m.card.front), 'faces arrive as rendered HTML');
    assert.equal(m.progress.fresh, 20, 'today\'s allowance of new cards');
  });

  it('grading Good stores the card state and the review, in globalState and in the file', async () => {
    const first = await latest('card');
    await fc.panel.handle({ type: 'reveal', cardId: first.card.id });
    await fc.panel.handle({ type: 'grade', cardId: first.card.id, rating: 3 });
    const next = await latest('card', (m) => m.card.id !== first.card.id);
    assert.equal(next.canUndo, true);
    const state = fc.service.book.get(first.card.id);
    assert.equal(state?.st, 1, 'in learning after the first Good');
    assert.equal(state?.reps, 1);
    await fc.service.store.flush();
    const file = storedFile();
    assert.equal(file.cards[first.card.id].reps, 1);
    assert.deepEqual(file.log.filter((e) => e.c === first.card.id).map((e) => e.r), [3]);
    const synced = fc.service.store.syncedCopy() as typeof file;
    assert.equal(synced.cards[first.card.id].reps, 1, 'the Settings Sync copy has it too');
    assert.equal(synced.log.length, file.log.length);
  });

  it('ignores malformed and stale messages', async () => {
    const shown = await latest('card');
    const before = fc.service.book.log.length;
    await fc.panel.handle({ type: 'grade', cardId: shown.card.id, rating: 9 });
    await fc.panel.handle({ type: 'grade', cardId: 'n:not-on-screen', rating: 3 });
    await fc.panel.handle({ type: 'grade', cardId: shown.card.id, rating: 3, extra: true });
    await fc.panel.handle('grade');
    await fc.panel.handle({ type: 'nonsense' });
    assert.equal(fc.service.book.log.length, before);
    assert.equal(fc.panel.session?.current()?.id, shown.card.id);
  });

  it('undo takes the last grade back, in storage too', async () => {
    const shown = await latest('card');
    await fc.panel.handle({ type: 'grade', cardId: shown.card.id, rating: 1 });
    await latest('card', (m) => m.card.id !== shown.card.id);
    const count = fc.service.book.log.length;
    await fc.panel.handle({ type: 'undo' });
    const back = await latest('card', (m) => m.card.id === shown.card.id);
    assert.equal(back.revealed, true, 'the undone card comes back with its answer shown');
    assert.equal(fc.service.book.log.length, count - 1);
    assert.equal(fc.service.book.get(shown.card.id), undefined, 'a new card is new again');
    await fc.service.store.flush();
    assert.equal(storedFile().cards[shown.card.id], undefined);
    assert.equal((fc.service.store.syncedCopy() as ReturnType<typeof storedFile>).log.length, count - 1);
  });

  it('feeds due counts and mastery to the tree and the status bar', async () => {
    const shown = await latest('card');
    await fc.panel.handle({ type: 'grade', cardId: shown.card.id, rating: 4 });
    const m = api.progress.summary('aif-c01', 3);
    assert.ok(m.mastery !== undefined && m.mastery > 0, `mastery ${m.mastery}`);
    assert.equal(fc.service.mastery('aif-c01', 3), fc.service.domainMastery('aif-c01', 3).value);
    // The card graded Good earlier is in learning, due ten minutes after its review.
    const later = new Date(Date.now() + 11 * 60_000);
    assert.ok(fc.service.dueCount({ kind: 'domain', exam: 'aif-c01', domain: 3 }, later) >= 1);
    assert.equal(fc.service.dueCount({ kind: 'domain', exam: 'mla-c01', domain: 1 }, later), 0);
  });

  it('cram mode shows the deck without touching the schedule', async () => {
    const snapshot = JSON.stringify(fc.service.book.toData());
    await vscode.commands.executeCommand('awsMlStudy.cram', { kind: 'domain', exam: 'aif-c01', domain: 3 });
    const m = await latest('card', (x) => x.deck.mode === 'cram');
    assert.deepEqual(m.grades.map((g) => g.interval), ['again', 'done', 'done', 'done']);
    for (let i = 0; i < 3; i++) {
      const c = await latest('card', (x) => x.deck.mode === 'cram');
      await fc.panel.handle({ type: 'grade', cardId: c.card.id, rating: i === 0 ? 1 : 3 });
    }
    assert.equal(JSON.stringify(fc.service.book.toData()), snapshot);
    assert.equal(fc.panel.session?.stats.reviewed, 3);
  });

  it('finishes a small deck with a summary and offers next steps', async () => {
    await vscode.commands.executeCommand('awsMlStudy.reviewTerm', 'lora');
    const m = await latest('card', (x) => x.deck.title === 'LoRA' || /lora/i.test(x.deck.title));
    let card: CardMsg | undefined = m;
    let guard = 0;
    while (card && guard++ < 20) {
      await fc.panel.handle({ type: 'grade', cardId: card.card.id, rating: 4 });
      const last = fc.panel.posted.at(-1)!;
      card = last.type === 'card' ? last : undefined;
    }
    const s = await latest('summary');
    assert.ok(s.summary.reviewed >= 1);
    assert.ok(s.actions.some((a) => a.id === 'cram') && s.actions.some((a) => a.id === 'quiz'), JSON.stringify(s.actions));
    assert.ok(s.summary.next.length >= 1, 'says what is due next');
    // Opening it again: nothing due, and the empty state still offers a way on.
    await vscode.commands.executeCommand('awsMlStudy.reviewTerm', 'lora');
    const e = await latest('card', (x) => x.deck.mode === 'cram').catch(() => undefined);
    assert.ok(e, 'a term not due opens in cram mode so the learner can still practise it');
  });

  it('shows an empty state with actions for a deck without cards', async () => {
    await vscode.commands.executeCommand('awsMlStudy.reviewHere', { kind: 'task', exam: { id: 'aif-c01' }, task: { id: '9.9' } });
    const e = await latest('empty');
    assert.equal(e.title, 'No flashcards here');
    assert.ok(e.actions.length >= 2 && e.actions.some((a) => a.primary));
  });

  it('restores the deck and mode from the webview state after a reload', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await until('panel closed', () => !fc.panel.isOpen || undefined);
    const panel = vscode.window.createWebviewPanel('awsMlStudy.flashcards', 'Flashcards', vscode.ViewColumn.Active);
    await fc.panel.restore(panel, { scope: { kind: 'exam', exam: 'mla-c01' }, mode: 'cram' });
    await fc.panel.handle({ type: 'ready' });
    const m = await latest('card');
    assert.equal(m.deck.mode, 'cram');
    assert.deepEqual(fc.panel.scope, { kind: 'exam', exam: 'mla-c01' });
    assert.equal(m.deck.title, 'MLA-C01');
    // Garbage state falls back to all decks instead of failing.
    panel.dispose();
    const again = vscode.window.createWebviewPanel('awsMlStudy.flashcards', 'Flashcards', vscode.ViewColumn.Active);
    await fc.panel.restore(again, { scope: { kind: 'domain', exam: 3 }, mode: 'x' });
    assert.deepEqual(fc.panel.scope, { kind: 'all' });
  });
});

describe('flashcards: an edited card in the learner\'s notes keeps its history', function () {
  this.timeout(60_000);

  it('takes over the old card\'s state, saves it, and lists no orphan', async () => {
    const file = vscode.Uri.joinPath(folder(), 'notes', 'adopt-probe.md');
    const front = 'What does QLoRA quantise?';
    const write = (answer: string) => vscode.workspace.fs.writeFile(file, Buffer.from(`# Probe\n\n${front}::${answer}\n`));
    try {
      await write('The frozen base model weights');
      await fc.service.deck({ kind: 'myNotes' });
      const old = await until('the probe card', () => fc.service.allCards.find((c) => c.front === front));
      // Reviewed two days ago and yesterday (not later than today: the statistics test counts today's).
      for (const day of [-2, -1]) {
        const now = new Date(Date.now() + day * 86_400_000);
        const { next, entry } = fc.service.scheduler.grade(old.id, fc.service.book.get(old.id), 3, now, { front });
        fc.service.book.record(old.id, next, entry);
      }
      await fc.service.persist();
      const before = fc.service.book.get(old.id)!;
      await write('The frozen base model weights, to 4-bit NF4');
      const edited = await until('the edited card', () => fc.service.allCards.find((c) => c.front === front && c.id !== old.id));
      assert.deepEqual(fc.service.book.get(edited.id), { ...before, o: old.id });
      assert.ok(!fc.service.orphans().some((o) => o.id === old.id), 'the old version is not reported as lost');
      await fc.service.store.flush();
      await until('the adoption saved to reviews.json', () => storedFile().cards[edited.id]?.reps === before.reps || undefined);
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});

describe('flashcards: export, import and statistics', function () {
  this.timeout(60_000);

  it('exports the review log and imports a log from another machine without losing anything', async () => {
    const before = fc.service.book.log.length;
    assert.ok(before > 0);
    const out = vscode.Uri.joinPath(folder(), 'exported-reviews.json');
    await vscode.commands.executeCommand('awsMlStudy.exportReviewLog', out);
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(out)));
    assert.equal(exported.format, 'aws-ml-study/review-log');
    assert.equal(exported.log.length, before);

    // The same log plus one review made elsewhere, and one hand-broken entry.
    const elsewhere = { ...exported, log: [...exported.log, { ...exported.log[0], at: exported.log[0].at - 86_400_000 }, { c: 'g:x', r: 7 }] };
    const input = vscode.Uri.joinPath(folder(), 'other-machine.json');
    await vscode.workspace.fs.writeFile(input, new TextEncoder().encode(JSON.stringify(elsewhere)));
    const outcome = await vscode.commands.executeCommand<{ addedReviews: number; rejected: number }>('awsMlStudy.importReviewLog', input);
    assert.deepEqual({ added: outcome.addedReviews, rejected: outcome.rejected }, { added: 1, rejected: 1 });
    assert.equal(fc.service.book.log.length, before + 1);
    await fc.service.store.flush();
    assert.equal(storedFile().log.length, before + 1);
  });

  it('exports a deck as a tab-separated file Anki imports', async () => {
    const out = vscode.Uri.joinPath(folder(), 'anki deck.txt');
    await vscode.commands.executeCommand('awsMlStudy.exportDeckAnki', { kind: 'domain', exam: { id: 'mla-c01' }, domain: { number: 1 } }, out);
    const lines = new TextDecoder().decode(await vscode.workspace.fs.readFile(out)).trimEnd().split('\n');
    assert.equal(lines[0], '#separator:tab');
    assert.match(lines[3], /^#deck:AWS ML Study MLA-C01 · Domain 1|^#deck:AWS ML Study::MLA-C01 · Domain 1/);
    const rows = lines.filter((l) => !l.startsWith('#'));
    assert.ok(rows.length > 20, `${rows.length} cards`);
    assert.ok(rows.every((r) => r.split('\t').length === 4));
  });

  it('the statistics view gets today\'s reviews, the forecast and the same mastery as the tree', async () => {
    await vscode.commands.executeCommand('awsMlStudy.showStatistics');
    await fc.stats.handle({ type: 'ready' });
    const msg = await until('stats', () => fc.stats.lastPosted);
    const m = msg.model;
    assert.equal(m.heatmap.counts.length, 364);
    assert.equal(m.heatmap.counts.at(-1), m.totals.reviewsToday);
    assert.ok(m.totals.reviewsToday >= 3, `reviews today ${m.totals.reviewsToday}`);
    assert.equal(m.forecast.length, 30);
    const d3 = m.exams.find((e) => e.id === 'aif-c01')!.domains.find((d) => d.number === 3)!;
    assert.equal(d3.mastery, fc.service.mastery('aif-c01', 3) ?? null);
    await fc.stats.handle({ type: 'reviewDomain', exam: '../../etc', domain: 3 });
    assert.ok(true, 'a malformed message is ignored without throwing');
  });
});

describe('flashcards: the progress store in the extension host', function () {
  this.timeout(60_000);

  /** A Memento like globalState, kept in memory, that copies values the way VS Code's does. */
  function memento(initial?: unknown) {
    const values = new Map<string, unknown>(initial === undefined ? [] : [['awsMlStudy.reviews', initial]]);
    const synced: string[] = [];
    return {
      synced,
      keys: () => [...values.keys()],
      get: <T>(key: string, fallback?: T) => (values.has(key) ? JSON.parse(JSON.stringify(values.get(key))) : fallback) as T,
      update: async (key: string, value: unknown) => { values.set(key, JSON.parse(JSON.stringify(value))); },
      setKeysForSync: (keys: readonly string[]) => { synced.push(...keys); },
    };
  }

  it('a torn reviews.json is backed up and reported; the synced copy keeps every review', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsml-store-'));
    try {
      const good = fc.service.store.exportData();
      assert.ok(good.log.length > 0);
      fs.writeFileSync(path.join(dir, 'reviews.json'), JSON.stringify(good).slice(0, 200));
      const m = memento(good);
      const store = new ReviewStore(m, vscode.Uri.file(dir), api.services.log);
      assert.deepEqual(m.synced, ['awsMlStudy.reviews'], 'progress is in Settings Sync');
      const book = await store.load();
      assert.equal(book.log.length, good.log.length);
      assert.equal(store.lastLoad?.problems[0]?.slot, 'file');
      const backups = fs.readdirSync(path.join(dir, 'backups'));
      assert.equal(backups.length, 1, JSON.stringify(backups));
      await store.flush();
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'reviews.json'), 'utf8')).log.length, good.log.length, 'the file was rewritten whole');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
