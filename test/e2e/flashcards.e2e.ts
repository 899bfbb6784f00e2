/**
 * Flashcards in the real workbench, in a dark and a light theme: import six weeks of history
 * through the Import command, open a deck from the palette, review a card (front, then back with
 * the grade buttons), finish the session, and open the statistics. Screenshots of each step go to
 * test-results/screenshots/flashcards-*.png.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import {
  THEMES, dismissToasts, launchWorkbench, pickFileInDialog, quickInputBox, quickPickRowLocator, runCommand, screenshot, waitForToast,
  webviewFrame, type Workbench,
} from './lib';
import { reviewHistory } from './flashcardsHistory';

async function importHistory(wb: Workbench): Promise<void> {
  const file = wb.file('review-history.json');
  fs.writeFileSync(file, JSON.stringify(reviewHistory()));
  await runCommand(wb.page, 'AWS ML Study: Import Flashcard Review Log...');
  // code-server shows VS Code's simple file dialog: a quick input that takes a path.
  await pickFileInDialog(wb.page, 'Import flashcard review log', file);
  await waitForToast(wb.page, /Imported \d+ new review/, 30_000);
}

/** The webview (of those open) whose content shows `selector`. */
async function findWebview(page: Page, selector: string, timeoutMs = 30_000): Promise<FrameLocator> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const n = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < n; i++) {
      const frame = webviewFrame(page, { index: i });
      if (await frame.locator(selector).first().isVisible().catch(() => false)) return frame;
    }
    if (Date.now() > end) throw new Error(`no webview shows ${selector}`);
    await page.waitForTimeout(250);
  }
}

/** Moves the mouse off tabs and buttons so no hover tooltip covers the view. */
async function parkMouse(page: Page): Promise<void> {
  await dismissToasts(page);
  await page.mouse.move(1000, 780);
  await page.waitForTimeout(300);
}

async function openDeck(page: Page, command: string, row: string): Promise<FrameLocator> {
  await runCommand(page, command);
  await quickInputBox(page).fill(row);
  const match = quickPickRowLocator(page).filter({ hasText: row }).first();
  await match.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  return findWebview(page, '.card, .panel');
}

/** Keyboard only: Space reveals, a digit grades. Returns how many cards were graded. */
async function reviewToTheEnd(page: Page, frame: FrameLocator, max = 400): Promise<number> {
  const grades = ['3', '1', '3', '2', '4', '3', '3', '3'];
  for (let n = 0; n < max; n++) {
    await frame.locator('.reveal, .panel').first().waitFor({ state: 'visible', timeout: 15_000 });
    if (await frame.locator('.panel').count()) return n;
    await frame.locator('.reveal').focus();
    await page.keyboard.press('Space');
    await frame.locator('.grades').waitFor({ state: 'visible' });
    await page.keyboard.press(grades[n % grades.length]);
    await frame.locator('.grades').waitFor({ state: 'detached', timeout: 15_000 });
  }
  throw new Error(`the session did not end after ${max} cards`);
}

for (const [themeName, theme] of [['dark', THEMES.dark], ['light', THEMES.light]] as const) {
  describe(`flashcards (${themeName} theme)`, function () {
    let wb: Workbench;
    let frame: FrameLocator;
    before(async () => {
      wb = await launchWorkbench({ theme, settings: { 'awsMlStudy.flashcards.newCardsPerDay': 5 } });
      await wb.page.setViewportSize({ width: 1280, height: 860 });
    });
    after(async () => wb?.close());

    it('imports six weeks of history through the Import command', async () => {
      await importHistory(wb);
    });

    it('shows due counts and mastery in the Exams view and the status bar', async () => {
      await wb.page.locator('.activitybar a.action-label[aria-label^="AWS ML Study"]').click();
      const domain = wb.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Domain 1: Fundamentals of AI and ML' }).first();
      await domain.waitFor({ timeout: 30_000 });
      await wb.page.locator('.part.sidebar .monaco-list-row', { hasText: /\d+% mastery/ }).first().waitFor({ timeout: 30_000 });
      assert.match(await domain.innerText(), /\d+ due · \d+% mastery/);
      await domain.hover();
      assert.ok(await domain.locator('.actions .action-label[aria-label^="Review Flashcards Here"]').isVisible(), 'inline review button on the domain');
      const status = wb.page.locator('.part.statusbar [aria-label*="AWS ML Study: cards due"], .part.statusbar .statusbar-item', { hasText: /\d+/ }).filter({ has: wb.page.locator('.codicon-mortar-board') }).first();
      assert.match(await status.innerText(), /\d+/);
      // Widen the side bar so the domain descriptions (due cards, mastery) are readable.
      const edge = await wb.page.locator('.part.sidebar').boundingBox();
      await wb.page.mouse.move(edge!.x + edge!.width, 420);
      await wb.page.mouse.down();
      await wb.page.mouse.move(edge!.x + 560, 420, { steps: 8 });
      await wb.page.mouse.up();
      await dismissToasts(wb.page);
      await domain.hover();
      await screenshot(wb.page, `flashcards-tree-${themeName}`);
      await wb.page.mouse.move(edge!.x + 560, 420);
      await wb.page.mouse.down();
      await wb.page.mouse.move(edge!.x + edge!.width, 420, { steps: 8 });
      await wb.page.mouse.up();
      await wb.page.locator('.activitybar a.action-label[aria-label^="Explorer"]').click();
    });

    it('shows a card front with the deck, its counts and the reveal button', async () => {
      frame = await openDeck(wb.page, 'AWS ML Study: Review Flashcards', 'Domain 3: Applications of Foundation Models');
      await frame.locator('.reveal').waitFor();
      assert.match(await frame.locator('.deck-title').innerText(), /AIF-C01 · Domain 3/);
      assert.ok((await frame.locator('.face.front').innerText()).trim().length > 3);
      await parkMouse(wb.page);
      await screenshot(wb.page, `flashcards-front-${themeName}`);
    });

    it('reveals the back with Space and shows four grade buttons with intervals', async () => {
      await frame.locator('.reveal').focus();
      await wb.page.keyboard.press('Space');
      const grades = frame.locator('.grade');
      await grades.first().waitFor();
      assert.equal(await grades.count(), 4);
      const labels = await grades.allInnerTexts();
      assert.ok(labels.every((l) => /\d+(m|h|d|mo|y)|<1m/.test(l)), JSON.stringify(labels));
      assert.equal(await frame.locator('.grade-good').evaluate((el) => el === el.ownerDocument.activeElement), true, 'focus moves to Good');
      await parkMouse(wb.page);
      await screenshot(wb.page, `flashcards-back-${themeName}`);
      // Again with 1, then Ctrl+Z brings the same card back with its answer shown.
      const front = await frame.locator('.face.front').innerText();
      await frame.locator('.grade-good').focus();
      await wb.page.keyboard.press('1');
      await frame.locator('.reveal').waitFor();
      await wb.page.keyboard.press('Control+z');
      await frame.locator('.grades').waitFor();
      assert.equal(await frame.locator('.face.front').innerText(), front);
    });

    it('finishes the session with the keyboard and shows the summary', async () => {
      await wb.page.keyboard.press('3');
      const n = await reviewToTheEnd(wb.page, frame);
      assert.ok(n >= 1);
      const title = await frame.locator('.panel h1').innerText();
      assert.match(title, /Session complete/);
      assert.ok(await frame.locator('.tile').count() >= 3);
      await parkMouse(wb.page);
      await screenshot(wb.page, `flashcards-summary-${themeName}`);
    });

    it('offers new cards, cram and a quiz when nothing is due', async () => {
      frame = await openDeck(wb.page, 'AWS ML Study: Review Flashcards', 'Domain 3: Applications of Foundation Models');
      await frame.locator('.panel.empty').waitFor();
      assert.match(await frame.locator('.panel h1').innerText(), /Nothing due/);
      const actions = await frame.locator('.actions button').allInnerTexts();
      assert.ok(actions.some((a) => /new cards/.test(a)) && actions.some((a) => /Cram/.test(a)) && actions.some((a) => /quiz/.test(a)), JSON.stringify(actions));
      await parkMouse(wb.page);
      await screenshot(wb.page, `flashcards-empty-${themeName}`);
    });

    it('opens the statistics with a heatmap, the forecast, retention and mastery', async () => {
      await frame.locator('button[data-action="stats"]').click();
      const stats = await findWebview(wb.page, '.heatmap');
      assert.ok(await stats.locator('.heatmap rect.cell.l1, .heatmap rect.cell.l2, .heatmap rect.cell.l3, .heatmap rect.cell.l4').count() > 20);
      assert.equal(await stats.locator('.forecast rect.bar').count(), 30);
      assert.ok(await stats.locator('.meter .fill').count() >= 5);
      await parkMouse(wb.page);
      await screenshot(wb.page, `flashcards-stats-${themeName}`);
      await stats.locator('section[aria-label="Mastery per exam domain"]').scrollIntoViewIfNeeded();
      await wb.page.waitForTimeout(300);
      await screenshot(wb.page, `flashcards-stats-mastery-${themeName}`);
    });

    it('crams a deck with nothing due, counting what is left rather than "due" or "new"', async () => {
      frame = await openDeck(wb.page, 'AWS ML Study: Review Flashcards', 'Domain 3: Applications of Foundation Models');
      await frame.locator('.panel.empty').waitFor();
      await frame.locator('button[data-action="cram"]').click();
      await frame.locator('.badge.cram').waitFor();
      assert.match(await frame.locator('.deck-bar .counts').innerText(), /^\d+ left · 0 done$/);
      await parkMouse(wb.page);
      await screenshot(wb.page, `flashcards-cram-${themeName}`);
    });
  });
}
