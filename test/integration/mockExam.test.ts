/**
 * Mock exams in a real extension host: whole exams taken through the panel's message protocol
 * (the messages its webview posts), a reload midway (panel disposed, stored state re-read, panel
 * restored through the serializer path), expiry by wall clock while the panel is closed, domain
 * practice feedback, retry mistakes, tree-node presets, and corrupt stored state.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Question } from '../../src/core/content/schema';
import { keyResponse } from '../../src/core/exam/responses';
import { scaledScore, type Response } from '../../src/core/exam/scoring';
import { missedQuestions } from '../../src/core/progress/answers';
import type { ExtensionApi } from '../../src/extension';
import type { MockExams } from '../../src/features/mockExam';
import type { MockExamToWebview } from '../../src/protocol/mockExam';
import { CURRENT_KEY, HISTORY_KEY } from '../../src/vscode/adapters/examStore';
import { EXTENSION_ID, until } from './helpers';

const VIEW_TYPE = 'awsMlStudy.mockExam';

let api: ExtensionApi;
let m: MockExams;
let bank: Map<string, Question>;
const posted: MockExamToWebview[] = [];

type Msg<T extends MockExamToWebview['type']> = Extract<MockExamToWebview, { type: T }>;

/** The first message of a type posted after `since` (an index into `posted`) that passes the check. */
function next<T extends MockExamToWebview['type']>(type: T, since: number, check: (x: Msg<T>) => boolean = () => true, timeoutMs?: number): Promise<Msg<T>> {
  return until(`a "${type}" message`, () => posted.slice(since).find((x): x is Msg<T> => x.type === type && check(x as Msg<T>)), timeoutMs);
}

/** A response that is wrong for the question (never the key). */
function wrong(q: Question): Response {
  const ids = q.options.map((o) => o.id);
  switch (q.type) {
    case 'single': return { type: 'single', choice: ids.find((id) => id !== q.answer[0])! };
    case 'multiple': return { type: 'multiple', choices: ids.filter((id) => !q.answer.includes(id)).slice(0, q.answer.length) };
    case 'ordering': return { type: 'ordering', order: [...q.answer].reverse() };
    case 'matching': {
      const targets = q.targets!.map((t) => t.id);
      return { type: 'matching', pairs: Object.fromEntries(Object.entries(q.matches!).map(([o, t]) => [o, targets[(targets.indexOf(t) + 1) % targets.length]])) };
    }
  }
}

async function clearInProgress(): Promise<void> {
  const a = m.store.inProgress();
  if (a) await m.controller.submit(a.id);
}

describe('mock exams through the panel protocol', function () {
  this.timeout(120_000);

  before(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    m = api.mockExam;
    m.panel.onDidPost((x) => posted.push(x));
    const core = await api.services.content.core();
    bank = new Map(core.content.questions.map((q) => [q.id, q]));
  });

  beforeEach(clearInProgress);

  after(async () => {
    m.controller.clock = () => Date.now();
    await clearInProgress();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every mock exam command', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['startMockExam', 'mockExamHere', 'showExamHistory', 'resumeMockExam']) assert.ok(all.includes(`awsMlStudy.${id}`), id);
  });

  it('takes a full AIF-C01 exam, survives a reload midway, and finishes it into the history', async () => {
    const historyBefore = m.store.entries().length;
    const answersBefore = api.progress.answers.all().length;
    let mark = posted.length;
    const attempt = await m.start({ exam: 'aif-c01', mode: 'full', seed: 20251101 });
    assert.ok(attempt);
    const first = await next('exam', mark, (x) => x.view.attemptId === attempt.id);
    const view = first.view;
    assert.equal(view.questions.length, 65);
    assert.equal(new Set(view.questions.map((q) => q.id)).size, 65, 'no repeats');
    assert.equal(view.timer?.limitMs, 90 * 60_000);
    assert.equal(view.timer?.deadline, attempt.startedAt + 90 * 60_000);
    const fields = new Set<string>();
    JSON.stringify(view, (k, v) => { fields.add(k); return v; });
    for (const k of ['answer', 'matches', 'why', 'whys', 'key', 'keyText', 'explanation', 'explanationHtml']) assert.ok(!fields.has(k), `no "${k}" in the exam view`);
    assert.deepEqual(view.checked, []);

    // Even positions get the key, odd ones a wrong answer; three flags; stop at question 30.
    const ids = view.questions.map((q) => q.id);
    const responseAt = (i: number) => (i % 2 === 0 ? keyResponse(bank.get(ids[i])!) : wrong(bank.get(ids[i])!));
    for (let i = 0; i < 30; i++) {
      await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: ids[i], response: responseAt(i) });
      await m.panel.handle({ type: 'navigate', attemptId: attempt.id, index: i + 1 });
    }
    for (const i of [3, 17, 44]) await m.panel.handle({ type: 'flag', attemptId: attempt.id, questionId: ids[i], flagged: true });
    // Malformed or foreign messages change nothing.
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: ids[40], response: { type: 'single', choice: 'zz' } });
    await m.panel.handle({ type: 'answer', attemptId: 'another-attempt', questionId: ids[41], response: keyResponse(bank.get(ids[41])!) });
    await m.panel.handle({ type: 'flag', attemptId: attempt.id, questionId: ids[42] });
    await m.panel.handle({ type: 'navigate', attemptId: attempt.id, index: 29 });
    await m.store.flush();

    // Reload: the panel goes, the host forgets what it read, and the panel comes back from its saved state.
    m.panel.close();
    await m.store.reload();
    const stored = m.store.inProgress();
    assert.ok(stored, 'the attempt is in globalState');
    assert.equal(Object.keys(stored.responses).length, 30);
    assert.deepEqual(stored.flagged, [ids[3], ids[17], ids[44]]);
    assert.equal(stored.current, 29);
    assert.ok(api.services.context.globalState.get(CURRENT_KEY), 'written under its key');
    mark = posted.length;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Mock Exam', vscode.ViewColumn.Active);
    m.panel.restore(panel, { screen: 'exam', attemptId: attempt.id });
    const restored = (await next('exam', mark, (x) => x.view.attemptId === attempt.id)).view;
    assert.equal(Object.keys(restored.responses).length, 30);
    assert.deepEqual(restored.responses[ids[2]], responseAt(2));
    assert.equal(restored.current, 29);
    assert.deepEqual(restored.flagged, [ids[3], ids[17], ids[44]]);
    assert.equal(restored.timer?.deadline, attempt.startedAt + 90 * 60_000, 'the clock runs from the same start');

    // Finish: the other 35, then submit.
    for (let i = 30; i < 65; i++) await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: ids[i], response: responseAt(i) });
    mark = posted.length;
    await m.panel.handle({ type: 'submit', attemptId: attempt.id });
    const results = (await next('results', mark, (x) => x.view.attemptId === attempt.id)).view;
    const correct = 33; // positions 0, 2, ..., 64
    assert.equal(results.correct, correct);
    assert.equal(results.answered, 65);
    assert.equal(results.scaled, scaledScore(correct / 65));
    assert.equal(results.passed, results.scaled >= 700);
    assert.equal(results.passingScore, 700);
    assert.equal(results.endedBy, 'submit');
    assert.equal(results.domains.reduce((s, d) => s + d.total, 0), 65);
    assert.ok(results.domains.some((d) => d.weak) && results.domains.filter((d) => d.weak).every((d) => d.percent < results.passPercent));
    assert.match(results.scoreNote, /not publish/);
    assert.equal(results.review.length, 65);
    assert.ok(results.review.every((r) => r.feedback.explanationHtml.length > 20 && r.feedback.note.noteId));
    assert.deepEqual(results.review.filter((r) => r.flagged).map((r) => r.question.id), [ids[3], ids[17], ids[44]]);

    // Stored: in the history (and in globalState), no longer in progress, answers in the log.
    assert.equal(m.store.inProgress(), undefined);
    await m.store.reload();
    const entry = m.store.entry(attempt.id);
    assert.ok(entry, 'in the history after a reload');
    assert.equal(m.store.entries().length, historyBefore + 1);
    assert.equal(entry.score.correct, correct);
    assert.equal(entry.attempt.mode, 'full');
    assert.deepEqual(entry.score.domains.map((d) => d.domain), [1, 2, 3, 4, 5]);
    assert.ok((api.services.context.globalState.get(HISTORY_KEY) as unknown[]).length >= historyBefore + 1);
    const added = api.progress.answers.all().slice(answersBefore);
    assert.equal(added.length, 65);
    assert.ok(added.every((r) => r.source === 'exam' && r.exam === 'aif-c01'));
    assert.equal(added.filter((r) => r.correct).length, correct);
  });

  it('finds a finished attempt again in the history and opens its results', async () => {
    const last = m.store.entries().at(-1)!;
    let mark = posted.length;
    await vscode.commands.executeCommand('awsMlStudy.showExamHistory');
    const history = (await next('history', mark)).view;
    const row = history.rows.find((r) => r.attemptId === last.attempt.id);
    assert.ok(row);
    assert.equal(row.scaled, last.score.scaled);
    assert.ok(history.exams.find((e) => e.id === last.attempt.exam)!.trend.some((p) => p.id === last.attempt.id));
    mark = posted.length;
    await m.panel.handle({ type: 'showResults', attemptId: last.attempt.id });
    const results = (await next('results', mark)).view;
    assert.equal(results.attemptId, last.attempt.id);
    assert.equal(results.fresh, false);
  });

  it('scores a perfect MLA-C01 exam 1000 and a pass at 720', async () => {
    let mark = posted.length;
    const attempt = await m.start({ exam: 'mla-c01', mode: 'full', seed: 7 });
    assert.ok(attempt);
    const view = (await next('exam', mark, (x) => x.view.attemptId === attempt.id)).view;
    assert.equal(view.questions.length, 65);
    assert.equal(view.timer?.limitMs, 130 * 60_000);
    for (const q of view.questions) await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: keyResponse(bank.get(q.id)!) });
    mark = posted.length;
    await m.panel.handle({ type: 'submit', attemptId: attempt.id });
    const results = (await next('results', mark)).view;
    assert.equal(results.scaled, 1000);
    assert.equal(results.passed, true);
    assert.equal(results.passingScore, 720);
    assert.ok(results.domains.every((d) => !d.weak));
  });

  it('ends an exam by wall clock while its panel is closed, at its deadline', async () => {
    const attempt = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 99 });
    assert.ok(attempt);
    assert.equal(attempt.timeLimitMs, 28 * 60_000);
    const q = bank.get(attempt.questionIds[0])!;
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: keyResponse(q) });
    m.panel.close();
    const realNow = Date.now;
    m.controller.clock = () => realNow() + 3 * 3_600_000; // the learner comes back three hours later
    try {
      const mark = posted.length;
      await vscode.commands.executeCommand('awsMlStudy.resumeMockExam');
      const results = (await next('results', mark, (x) => x.view.attemptId === attempt.id)).view;
      assert.equal(results.endedBy, 'time');
      assert.equal(results.timeUsedMs, 28 * 60_000, 'the time used is the limit, not three hours');
      assert.equal(results.correct, 1);
      const notice = await next('notice', mark);
      assert.match(notice.message, /Time's up/);
      assert.equal(m.store.entry(attempt.id)?.attempt.finishedAt, attempt.startedAt + 28 * 60_000);
    } finally {
      m.controller.clock = () => Date.now();
    }
  });

  it('ends the exam on screen when its timer runs out, and shows the results', async () => {
    const attempt = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 12 });
    assert.ok(attempt);
    const mark = posted.length;
    const shift = attempt.timeLimitMs! - 1500; // as if 26 minutes and a bit had passed
    m.controller.clock = () => Date.now() + shift;
    try {
      m.controller.arm();
      const results = (await next('results', mark, (x) => x.view.attemptId === attempt.id, 10_000)).view;
      assert.equal(results.endedBy, 'time');
      assert.equal(m.store.entry(attempt.id)?.attempt.endedBy, 'time');
      assert.match((await next('notice', mark)).message, /Time's up/);
    } finally {
      m.controller.clock = () => Date.now();
    }
  });

  it('treats a step after the deadline as the end of the exam', async () => {
    const attempt = await m.start({ exam: 'mla-c01', mode: 'quick', seed: 5 });
    assert.ok(attempt);
    m.controller.clock = () => attempt.startedAt + attempt.timeLimitMs! + 1;
    try {
      const mark = posted.length;
      await m.panel.handle({ type: 'navigate', attemptId: attempt.id, index: 3 });
      const results = (await next('results', mark, (x) => x.view.attemptId === attempt.id)).view;
      assert.equal(results.endedBy, 'time');
      assert.equal(m.store.inProgress(), undefined);
    } finally {
      m.controller.clock = () => Date.now();
    }
  });

  it('shows the answer after each question in domain practice, started from a tree domain node', async () => {
    const attempt = await vscode.commands.executeCommand<{ id: string; questionIds: string[]; mode: string; domain?: number; timeLimitMs?: number }>(
      'awsMlStudy.mockExamHere', { kind: 'domain', exam: { id: 'aif-c01' }, domain: { number: 4 } });
    assert.ok(attempt);
    assert.equal(attempt.mode, 'domain');
    assert.equal(attempt.domain, 4);
    assert.equal(attempt.timeLimitMs, undefined, 'untimed');
    assert.ok(attempt.questionIds.every((id) => bank.get(id)!.task.startsWith('4.')));
    const q = bank.get(attempt.questionIds[0])!;
    let mark = posted.length;
    await m.panel.handle({ type: 'check', attemptId: attempt.id, questionId: q.id });
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: wrong(q) });
    await m.panel.handle({ type: 'check', attemptId: attempt.id, questionId: q.id });
    const checked = await next('checked', mark);
    assert.equal(posted.slice(mark).filter((x) => x.type === 'checked').length, 1, 'nothing to check before an answer');
    assert.equal(checked.feedback.questionId, q.id);
    assert.equal(checked.feedback.correct, false);
    assert.deepEqual(checked.feedback.key, keyResponse(q));
    // Locked once checked.
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: keyResponse(q) });
    assert.deepEqual(m.store.inProgress()!.responses[q.id], wrong(q));
    mark = posted.length;
    await m.panel.handle({ type: 'submit', attemptId: attempt.id });
    const results = (await next('results', mark)).view;
    assert.equal(results.correct, 0);
    assert.deepEqual(results.domains.map((d) => d.domain), [4]);
  });

  it('avoids the questions of the last attempts while the bank has others', async () => {
    const first = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 41 });
    assert.ok(first);
    await m.controller.submit(first.id);
    const second = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 41 });
    assert.ok(second);
    assert.equal(second.questionIds.length, 20);
    assert.deepEqual(second.questionIds.filter((id) => first.questionIds.includes(id)), [], 'same seed, yet no question again');
  });

  it('retries only the questions answered wrong before', async () => {
    const missed = new Set(missedQuestions(api.progress.answers.all().filter((r) => r.exam === 'aif-c01')));
    assert.ok(missed.size > 0, 'the first exam left mistakes');
    const attempt = await m.start({ exam: 'aif-c01', mode: 'retry', seed: 3 });
    assert.ok(attempt);
    assert.equal(attempt.questionIds.length, Math.min(65, missed.size));
    assert.ok(attempt.questionIds.every((id) => missed.has(id)));
  });

  it('leaves the attempt in progress alone when "Submit It and Start New" is cancelled at the exam choice', async () => {
    const first = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 17 });
    assert.ok(first);
    const historyBefore = m.store.entries().length;
    // The modal answered "Submit It and Start New", then the exam picker closed with Escape.
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = { warn: w.showWarningMessage, pick: w.showQuickPick };
    w.showWarningMessage = async () => 'Submit It and Start New';
    w.showQuickPick = async () => undefined;
    try {
      assert.equal(await m.start(), undefined);
      assert.equal(m.store.inProgress()?.id, first.id, 'the attempt is still in progress');
      assert.equal(m.store.entries().length, historyBefore, 'nothing was scored');
      // With the new exam chosen (a preset), the old one is submitted and the new one starts.
      const second = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 18 });
      assert.ok(second && second.id !== first.id);
      assert.equal(m.store.inProgress()?.id, second.id);
      assert.ok(m.store.entries().some((e) => e.attempt.id === first.id), 'the first attempt is in the history');
    } finally {
      w.showWarningMessage = saved.warn;
      w.showQuickPick = saved.pick;
    }
  });

  it('numbers the mode picker 2/2 only when the exam was asked first (not from an exam in the tree)', async () => {
    const w = vscode.window as unknown as Record<string, unknown>;
    const saved = w.showQuickPick;
    const titles: string[] = [];
    w.showQuickPick = async (items: unknown, options?: { title?: string }) => {
      titles.push(options?.title ?? '');
      // The exam picker: take AIF-C01; the mode picker: cancel.
      const list = await items as { exam?: { id: string } }[];
      return list.find((i) => i.exam?.id === 'aif-c01');
    };
    try {
      assert.equal(await vscode.commands.executeCommand('awsMlStudy.mockExamHere', { kind: 'exam', exam: { id: 'aif-c01' } }), undefined);
      assert.equal(await m.start(), undefined);
    } finally {
      w.showQuickPick = saved;
    }
    assert.deepEqual(titles, ['Start Mock Exam: AIF-C01', 'Start Mock Exam (1/2): which exam?', 'Start Mock Exam (2/2): AIF-C01']);
  });

  it('keeps a confirmed answer when the globalState write did not land before a reload (file mirror)', async () => {
    await clearInProgress();
    const attempt = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 21 });
    assert.ok(attempt);
    const state = api.services.context.globalState;
    await m.store.flush();
    const before = JSON.parse(JSON.stringify(state.get(CURRENT_KEY)));
    const q = bank.get(attempt.questionIds[0])!;
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: keyResponse(q) });
    await m.store.flush();
    // As if the window reloaded before globalState persisted the last write.
    await state.update(CURRENT_KEY, before);
    await m.store.reload();
    assert.deepEqual(m.store.inProgress()?.responses[q.id], keyResponse(q));
    await clearInProgress();
  });

  it('ignores a replayed step, so a page restored from an older state cannot undo later answers', async () => {
    await clearInProgress();
    let mark = posted.length;
    const attempt = await m.start({ exam: 'aif-c01', mode: 'quick', seed: 31 });
    assert.ok(attempt);
    assert.equal((await next('exam', mark, (x) => x.view.attemptId === attempt.id)).view.seq, 0, 'a new attempt is at step 0');
    const q = bank.get(attempt.questionIds[0])!;
    mark = posted.length;
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: wrong(q), seq: 1 });
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: keyResponse(q), seq: 2 });
    await m.panel.handle({ type: 'navigate', attemptId: attempt.id, index: 4, seq: 3 });
    // The page comes back from a state saved while step 1 was on its way, and sends it again.
    await m.panel.handle({ type: 'answer', attemptId: attempt.id, questionId: q.id, response: wrong(q), seq: 1 });
    await m.panel.handle({ type: 'navigate', attemptId: attempt.id, index: 0, seq: 3 });
    const saved = posted.slice(mark).filter((x): x is Msg<'saved'> => x.type === 'saved').map((x) => x.seq);
    assert.deepEqual(saved, [1, 2, 3, 1, 3], 'every step is confirmed, replays too, so the page forgets them');
    await m.store.flush();
    await m.store.reload();
    const stored = m.store.inProgress();
    assert.deepEqual(stored?.responses[q.id], keyResponse(q), 'the later answer stands');
    assert.equal(stored?.current, 4);
    assert.equal(stored?.seq, 3);
    // A page opened afresh numbers its steps after the attempt's.
    m.panel.close();
    mark = posted.length;
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Mock Exam', vscode.ViewColumn.Active);
    m.panel.restore(panel, { screen: 'exam', attemptId: attempt.id });
    assert.equal((await next('exam', mark, (x) => x.view.attemptId === attempt.id)).view.seq, 3);
    await clearInProgress();
  });

  it('keeps unreadable stored state as a backup and carries on', async () => {
    await clearInProgress();
    const state = api.services.context.globalState;
    const backupsBefore = m.store.backups().length;
    await state.update(CURRENT_KEY, { v: 1, id: 'broken', questionIds: 'not a list' });
    await m.store.reload();
    assert.equal(m.store.inProgress(), undefined);
    const backups = m.store.backups();
    assert.equal(backups.length, backupsBefore + 1);
    assert.deepEqual(backups.at(-1)!.raw, { v: 1, id: 'broken', questionIds: 'not a list' });
    assert.match(m.store.takeProblems().join(' '), /could not be read/);
    assert.equal(state.get(CURRENT_KEY), undefined, 'the slot is free for the next attempt');
    const attempt = await m.start({ exam: 'mla-c01', mode: 'quick', seed: 11 });
    assert.ok(attempt, 'a new attempt starts');
    assert.ok(m.store.entries().length >= 5, 'the history is untouched');
  });
});
