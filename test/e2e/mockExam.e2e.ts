/**
 * Mock exams in the real workbench, driven the way a learner drives them: the command palette,
 * the QuickPicks, and the webview's own controls (mouse and keyboard). A full AIF-C01 exam in the
 * dark theme (fails, with weak domains, after a window reload midway) and a full MLA-C01 exam in
 * the light theme (passes), each scored, reviewed and found again in the history, with
 * screenshots of every step in test-results/screenshots/mockExam-*.png.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { REPO } from '../../scripts/vscode/paths';
import {
  THEMES, launchWorkbench, quickPickRowLocator, runCommand, screenshot, waitForWebview, webviewFrame, type Workbench,
} from './lib';

interface Q {
  id: string;
  type: 'single' | 'multiple' | 'ordering' | 'matching';
  task: string;
  answer: string[];
  matches?: Record<string, string>;
  options: { id: string }[];
  targets?: { id: string }[];
}

/** The shipped question bank, to answer on purpose (right, or wrong in chosen domains). */
const BANK = new Map<string, Q>(fs.readdirSync(path.join(REPO, 'content', 'questions'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const raw = JSON.parse(fs.readFileSync(path.join(REPO, 'content', 'questions', f), 'utf8')) as Q[] | { questions: Q[] };
    return Array.isArray(raw) ? raw : raw.questions;
  })
  .map((q) => [q.id, q]));

/** A screenshot once the page has nothing left to save (no transient "Saving…" in the picture). */
async function shot(page: Page, name: string): Promise<string> {
  const status = webviewFrame(page).locator('.save-status');
  if (await status.count().catch(() => 0)) await status.and(webviewFrame(page).locator('[data-state="saved"]')).waitFor({ timeout: 5000 }).catch(() => undefined);
  return screenshot(page, `mockExam-${name}`);
}

async function startExam(page: Page, examCode: string, mode: string, o: { domain?: string; shotName?: string } = {}): Promise<FrameLocator> {
  // Wait for the exam picker itself: the list keeps the rows of the last QuickPick while hidden, so
  // a row locator alone can match a picker that is not open. Once, under heavy load, the palette
  // closed without the picker ever showing: that is retried once, with a screenshot of it.
  const picker = page.locator('.quick-input-widget .quick-input-title', { hasText: 'which exam?' });
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'AWS ML Study: Start Mock Exam');
    try {
      await picker.waitFor({ state: 'visible', timeout: 20_000 });
      break;
    } catch (err) {
      if (attempt > 1) throw err;
      console.warn(`      (the exam picker did not show; see ${await screenshot(page, 'mockExam-no-picker')}; trying again)`);
      await page.keyboard.press('Escape');
    }
  }
  await quickPickRowLocator(page).filter({ hasText: examCode }).first().click();
  await quickPickRowLocator(page).filter({ hasText: mode }).first().waitFor();
  if (o.shotName) await shot(page, o.shotName);
  await quickPickRowLocator(page).filter({ hasText: mode }).first().click();
  if (o.domain) await quickPickRowLocator(page).filter({ hasText: o.domain }).first().click();
  return waitForWebview(page, '#q-title');
}

async function current(f: FrameLocator): Promise<Q> {
  const id = await f.locator('section.question').getAttribute('data-question-id');
  const q = id && BANK.get(id);
  assert.ok(q, `question ${id} is in the bank`);
  return q;
}

/** Answers the question on screen with its own control: the key, or a wrong answer. */
async function answer(f: FrameLocator, q: Q, right: boolean): Promise<void> {
  const area = f.locator('section.question');
  switch (q.type) {
    case 'single': {
      const id = right ? q.answer[0] : q.options.find((o) => o.id !== q.answer[0])!.id;
      await area.locator(`label.choice[data-option="${id}"]`).click();
      break;
    }
    case 'multiple': {
      // Wrong: one right choice swapped for a wrong one, so the count still fits.
      const ids = right ? q.answer : [...q.answer.slice(1), q.options.find((o) => !q.answer.includes(o.id))!.id];
      for (const id of ids) await area.locator(`label.choice[data-option="${id}"]`).click();
      break;
    }
    case 'ordering': await order(f, right ? q.answer : [...q.answer].reverse()); break;
    case 'matching': {
      const targets = q.targets!.map((t) => t.id);
      for (const o of q.options) {
        const t = q.matches![o.id];
        await area.locator(`select#match-${q.id}-${o.id}`).selectOption(right ? t : targets[(targets.indexOf(t) + 1) % targets.length]);
      }
      break;
    }
  }
}

/** Puts the ordering list in `target` order with Alt+Up, the keyboard way; confirms it if already so. */
async function order(f: FrameLocator, target: string[]): Promise<void> {
  const items = f.locator('.order-item');
  const ids = async () => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  for (let i = 0; i < target.length; i++) {
    let now = await ids();
    while (now.indexOf(target[i]) > i) {
      const item = f.locator(`.order-item[data-id="${target[i]}"]`);
      await item.focus();
      await item.press('Alt+ArrowUp');
      now = await ids();
    }
  }
  assert.deepEqual(await ids(), target);
  const keep = f.locator('button.keep-order');
  if (await keep.isVisible()) await keep.click();
}

async function goToQuestion(f: FrameLocator, n: number): Promise<void> {
  await f.locator(`.nav-grid button.nav-cell`).nth(n - 1).click();
  await f.locator('#q-title', { hasText: `Question ${n} ` }).waitFor();
}

/** The countdown on screen, in seconds. */
async function secondsLeft(f: FrameLocator): Promise<number> {
  const text = await f.locator('.timer').innerText();
  const parts = /(\d+(?::\d\d){1,2})/.exec(text)![1].split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

async function answeredCount(f: FrameLocator): Promise<number> {
  const text = await f.locator('.nav-summary').innerText();
  return Number(/(\d+) of/.exec(text)![1]);
}

/** Answers every unanswered question except `skip` of them; wrong in the `weak` domains. */
async function answerAll(f: FrameLocator, weak: readonly number[], skip = 0): Promise<void> {
  const total = await f.locator('.nav-grid button.nav-cell').count();
  let left = skip;
  for (let n = 1; n <= total; n++) {
    const cell = f.locator('.nav-grid button.nav-cell').nth(n - 1);
    if ((await cell.getAttribute('class'))!.includes(' answered')) continue;
    if (left > 0) { left--; continue; }
    await goToQuestion(f, n);
    const q = await current(f);
    await answer(f, q, !weak.includes(Number(q.task[0])));
  }
}

for (const run of [
  { theme: 'dark', themeName: THEMES.dark, exam: 'AIF-C01', limit: 90, weak: [3, 5], skip: 2 },
  { theme: 'light', themeName: THEMES.light, exam: 'MLA-C01', limit: 130, weak: [2], skip: 0 },
] as const) {
  describe(`mock exam: a full ${run.exam} exam (${run.theme} theme)`, function () {
    let wb: Workbench;
    let f: FrameLocator;
    const name = (what: string) => `${what}-${run.theme}`;

    before(async () => {
      wb = await launchWorkbench({ theme: run.themeName });
    });
    after(async () => wb?.close());

    it('starts from the command palette with 65 questions and a running clock', async () => {
      f = await startExam(wb.page, run.exam, 'Full exam', { shotName: name('start-modes') });
      assert.match(await f.locator('#q-title').innerText(), /Question 1\s+of 65/);
      const left = await secondsLeft(f);
      assert.ok(left <= run.limit * 60 && left > run.limit * 60 - 120, `the clock starts at ${run.limit} minutes (${left} s left)`);
      assert.equal(await f.locator('.nav-grid button.nav-cell').count(), 65);
    });

    it('answers a question of each type with its own control', async () => {
      const seen = new Set<string>();
      for (let n = 1; n <= 65 && seen.size < 4; n++) {
        await goToQuestion(f, n);
        const q = await current(f);
        if (seen.has(q.type)) continue;
        seen.add(q.type);
        const right = !(run.weak as readonly number[]).includes(Number(q.task[0]));
        await answer(f, q, right);
        const cell = f.locator('.nav-grid button.nav-cell').nth(n - 1);
        assert.match((await cell.getAttribute('class'))!, /\banswered\b/, `question ${n} (${q.type}) shows as answered`);
        if (q.type === 'multiple') assert.match(await f.locator('.pick-status').innerText(), new RegExp(`${q.answer.length} of ${q.answer.length} selected`));
        if (q.type === 'matching') {
          // After answering, the keyboard is on a drop-down: F (flag) still works from there.
          const select = f.locator('section.question select').last();
          await select.focus();
          const flaggedCell = cell.and(f.locator('.nav-cell.flagged'));
          await select.press('f');
          await flaggedCell.waitFor({ timeout: 5000 });
          await select.press('f');
          await flaggedCell.waitFor({ state: 'detached', timeout: 5000 });
        }
        if (q.type === 'ordering') {
          // Alt+Down moves the focused item and keeps focus on it.
          const first = f.locator('.order-item').first();
          const id = await first.getAttribute('data-id');
          await first.focus();
          await first.press('Alt+ArrowDown');
          assert.equal(await f.locator('.order-item').nth(1).getAttribute('data-id'), id);
          assert.equal(await f.locator('.order-item:focus').getAttribute('data-id'), id);
          // Dragging the last item onto the top half of the first puts it first.
          const last = await f.locator('.order-item').last().getAttribute('data-id');
          await f.locator('.order-item').last().dragTo(f.locator('.order-item').first(), { targetPosition: { x: 40, y: 4 } });
          assert.equal(await f.locator('.order-item').first().getAttribute('data-id'), last, 'drag and drop reorders');
          await answer(f, q, right);
        }
        await shot(wb.page, name(`question-${q.type}`));
      }
      assert.equal(seen.size, 4, `found every type: ${[...seen].join(', ')}`);
    });

    it('flags questions for review and shows them in the navigator', async () => {
      await goToQuestion(f, 2);
      await f.locator('body').press('f');
      await goToQuestion(f, 7);
      await f.locator('button.flag').click();
      assert.equal(await f.locator('button.flag').getAttribute('aria-pressed'), 'true');
      await goToQuestion(f, 12);
      await f.locator('body').press('f');
      await f.locator('body').press('n');
      await f.locator('#q-title', { hasText: 'Question 13 ' }).waitFor();
      assert.equal(await f.locator('.nav-grid .nav-cell.flagged').count(), 3);
      assert.match(await f.locator('.nav-grid .nav-cell').nth(6).getAttribute('aria-label') ?? '', /flagged/);
      await shot(wb.page, name('navigator-flags'));
    });

    // A browser reload midway: the page comes back from VS Code's saved webview state, which can be
    // older than the attempt, and the host from its stored attempt. Nothing the page said was saved
    // may be missing or changed afterwards (the race numbered steps fixed).
    if (run.theme === 'dark') {
      it('comes back after a window reload on the same question, answers and clock', async () => {
        await answerAll(f, run.weak, 40);
        const before = await answeredCount(f);
        const cells = async () => f.locator('.nav-grid button.nav-cell').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        const labelsBefore = await cells();
        const title = await f.locator('#q-title').innerText();
        const clockBefore = await secondsLeft(f);
        // What the page says is saved must survive the reload.
        await f.locator('.save-status[data-state="saved"]').waitFor({ timeout: 10_000 });
        await wb.page.reload();
        await wb.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
        f = await waitForWebview(wb.page, '#q-title', {}, 90_000);
        assert.equal(await answeredCount(f), before);
        assert.deepEqual(await cells(), labelsBefore, 'every question answered, unanswered and flagged as before');
        assert.equal(await f.locator('#q-title').innerText(), title);
        assert.equal(await f.locator('.nav-grid .nav-cell.flagged').count(), 3);
        const clockAfter = await secondsLeft(f);
        assert.ok(clockAfter < clockBefore && clockAfter > clockBefore - 180, `the clock ran on through the reload (${clockBefore} s, then ${clockAfter} s)`);
        await shot(wb.page, name('after-reload'));
      });
    }

    it('asks before submitting, then shows the score and the domain chart', async () => {
      await answerAll(f, run.weak, run.skip);
      assert.equal(await answeredCount(f), 65 - run.skip);
      await f.locator('button.submit').click();
      const dialog = f.locator('dialog.confirm');
      await dialog.waitFor();
      if (run.skip) assert.match(await dialog.innerText(), new RegExp(`${run.skip} questions are unanswered`));
      await shot(wb.page, name('submit-confirm'));
      await dialog.locator('button', { hasText: /^Submit$/ }).click();
      await f.locator('.score-card').waitFor();
      const scaled = Number(await f.locator('.score-card .scaled').innerText());
      assert.ok(scaled >= 100 && scaled <= 1000, String(scaled));
      assert.match(await f.locator('.score-card .badge').innerText(), run.theme === 'dark' ? /Fail/ : /Pass/);
      assert.match(await f.locator('.score-note').innerText(), /not publish/);
      assert.equal(await f.locator('.domain-chart rect.bar').count(), run.exam === 'AIF-C01' ? 5 : 4);
      const weakNames = await f.locator('.weak-domain .weak-name strong').allInnerTexts();
      for (const d of run.weak) assert.ok(weakNames.some((n) => n.startsWith(`Domain ${d}:`)), `domain ${d} is called out: ${weakNames.join(' | ')}`);
      await shot(wb.page, name('results'));
      await f.locator('.domains').scrollIntoViewIfNeeded();
      await f.locator('.weak-list').scrollIntoViewIfNeeded();
      await shot(wb.page, name('results-domains'));
    });

    it('reviews every question against its key, with explanations and note links', async () => {
      await f.locator('button', { hasText: 'Review answers' }).click();
      await f.locator('.review-card').first().waitFor();
      assert.equal(await f.locator('.review-card').count(), 65);
      assert.equal(await f.locator('.review-card .explanation-text').count(), 65);
      assert.equal(await f.locator('.review-card a.note-link').count(), 65);
      await shot(wb.page, name('review'));
      await f.locator('button.chip', { hasText: 'Incorrect' }).click();
      const wrong = await f.locator('.review-card').count();
      assert.ok(wrong > 0 && wrong < 65);
      for (const type of ['ordering', 'matching']) {
        const card = f.locator(`.review-card[data-type="${type}"]`).first();
        if (!(await card.count())) continue;
        await card.scrollIntoViewIfNeeded();
        await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot(wb.page, name(`review-${type}`));
      }
    });

    if (run.theme === 'dark') {
      it('shows the answer after each question in domain practice', async () => {
        f = await startExam(wb.page, run.exam, 'Domain practice', { domain: 'Domain 2' });
        const q = await current(f);
        assert.equal(q.task[0], '2');
        assert.match(await f.locator('.timer').innerText(), /Untimed/);
        await answer(f, q, false);
        await f.locator('button.check').focus();
        await f.locator('button.check').press('Enter');
        await f.locator('.feedback').waitFor();
        // The button that had the focus is gone: the focus moves to the verdict, not to the page top.
        await f.locator('.feedback .verdict:focus').waitFor({ timeout: 5000 });
        assert.match(await f.locator('.feedback .verdict').innerText(), /Not quite/);
        await shot(wb.page, name('practice-feedback'));
        await f.locator('button.submit').click();
        await f.locator('dialog.confirm button', { hasText: /^Finish$/ }).click();
        await f.locator('.score-card').waitFor();
      });
    }

    it('finds the attempt again in the history, with a trend chart', async () => {
      const back = f.locator('button', { hasText: 'Back to results' });
      if (await back.isVisible()) await back.click();
      await f.locator('button', { hasText: 'History' }).first().click();
      await f.locator('.history-table').waitFor();
      const rows = f.locator('.history-table tbody tr');
      assert.ok(await rows.count() >= 1);
      assert.ok((await rows.allInnerTexts()).some((t) => t.includes(run.exam) && t.includes('Full exam')));
      assert.equal(await f.locator('.trend-chart').count(), 1);
      await shot(wb.page, name('history'));
      await rows.filter({ hasText: 'Full exam' }).first().locator('button', { hasText: 'Results' }).click();
      await f.locator('.score-card').waitFor();
      assert.match(await f.locator('h1').innerText(), new RegExp(`${run.exam} · Full exam results`));
    });
  });
}

describe('mock exam: nothing to show is never a blank page', function () {
  let wb: Workbench;
  before(async () => { wb = await launchWorkbench({ theme: THEMES.dark }); });
  after(async () => wb?.close());

  it('opens an empty history with a way to start', async () => {
    await runCommand(wb.page, 'AWS ML Study: Show Mock Exam History');
    const f = await waitForWebview(wb.page, '.empty-state');
    assert.match(await f.locator('.empty-state').innerText(), /Start a mock exam/);
    await shot(wb.page, 'history-empty-dark');
  });
});

describe('mock exam: high contrast theme', function () {
  let wb: Workbench;
  before(async () => { wb = await launchWorkbench({ theme: THEMES.highContrast }); });
  after(async () => wb?.close());

  it('shows a quick set, its navigator and its results legibly', async () => {
    const f = await startExam(wb.page, 'AIF-C01', 'Quick set');
    assert.equal(await f.locator('.nav-grid button.nav-cell').count(), 20);
    for (let n = 1; n <= 6; n++) {
      await goToQuestion(f, n);
      await answer(f, await current(f), n % 3 !== 0);
    }
    await goToQuestion(f, 4);
    await f.locator('button.flag').click();
    await shot(wb.page, 'question-hc');
    await f.locator('button.submit').click();
    await f.locator('dialog.confirm button', { hasText: /^Submit$/ }).click();
    await f.locator('.score-card').waitFor();
    assert.match(await f.locator('.score-card').innerText(), /4 of 20 correct/);
    await shot(wb.page, 'results-hc');
  });
});
