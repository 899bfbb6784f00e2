/**
 * The Get Started walkthrough in the real workbench: opened from "Welcome: Open Walkthrough...",
 * it lists a step per main feature, and the flashcards step shows its page beside the steps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../../../scripts/vscode/paths';
import { THEMES, launchWorkbench, quickPickRowLocator, runCommand, screenshot, webviewFrame, type Workbench } from '../lib';

const walkthrough = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { title: string; steps: { title: string }[] }[] };
}).contributes.walkthroughs[0];

describe('Get Started walkthrough (dark theme)', function () {
  let wb: Workbench;
  before(async () => {
    wb = await launchWorkbench({ theme: THEMES.dark });
    await wb.page.setViewportSize({ width: 1280, height: 860 });
  });
  after(async () => wb?.close());

  it('lists every step and shows the flashcards page', async () => {
    await runCommand(wb.page, 'Welcome: Open Walkthrough...');
    const row = quickPickRowLocator(wb.page).filter({ hasText: walkthrough.title }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    const steps = wb.page.locator('.getting-started-step .step-title');
    await steps.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.deepEqual((await steps.allInnerTexts()).map((t) => t.trim()), walkthrough.steps.map((s) => s.title));
    await wb.page.locator('.getting-started-step', { hasText: 'Review flashcards' }).locator('.step-title').click();
    const page = webviewFrame(wb.page, { index: 0 });
    await page.locator('h1', { hasText: 'Flashcards' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await page.locator('body').innerText(), /FSRS/);
    await wb.page.mouse.move(1000, 800);
    await screenshot(wb.page, 'walkthrough-flashcards-dark');
  });
});
