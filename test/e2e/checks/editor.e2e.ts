/**
 * The everyday surfaces in the real workbench, with screenshots: the Exams tree expanded to a
 * topic, a rendered note, a hover over `top_p` in Python, the search QuickPick, and a quiz
 * question with its feedback. Dark theme for the tour, light for the hover and the note.
 */
import * as assert from 'node:assert/strict';
import { THEMES, hoverAt, hoverText, launchWorkbench, openFile, quickPickRows, runCommand, screenshot, typeInQuickInput, waitForWebview, type Workbench } from '../lib';

const sidebarRow = (wb: Workbench, text: string | RegExp) => wb.page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();

for (const [themeName, theme] of [['dark', THEMES.dark], ['light', THEMES.light]] as const) {
  describe(`study surfaces (${themeName} theme)`, function () {
    let wb: Workbench;
    before(async () => { wb = await launchWorkbench({ theme }); });
    after(async () => wb?.close());

    it('shows the Exams tree expanded to a topic and its sections', async () => {
      await wb.page.locator('.activitybar a.action-label[aria-label^="AWS ML Study"]').click();
      const exam = sidebarRow(wb, 'AIF-C01 AWS Certified AI Practitioner');
      await exam.waitFor({ timeout: 30_000 });
      const domain = sidebarRow(wb, 'Domain 3: Applications of Foundation Models');
      await domain.click();
      const task = sidebarRow(wb, /^3\.1 /);
      await task.click();
      const topic = sidebarRow(wb, 'Inference parameters');
      await topic.waitFor();
      assert.match(await domain.innerText(), /28%/);
      await topic.locator('.monaco-tl-twistie').click();
      await sidebarRow(wb, 'Temperature').waitFor();
      await screenshot(wb.page, `tree-topic-${themeName}`, { stable: [topic] });
    });

    it('opens the topic rendered, with its sections and links', async () => {
      await sidebarRow(wb, 'Inference parameters').click();
      const frame = await waitForWebview(wb.page, 'article h1');
      assert.match(await frame.locator('article h1').innerText(), /Inference parameters/i);
      assert.ok(await frame.locator('article h2').count() >= 3, 'the note has fewer than 3 sections');
      await screenshot(wb.page, `note-rendered-${themeName}`);
    });

    it('follows a link to another note and comes back with Back, then Alt+Left', async () => {
      let frame = await waitForWebview(wb.page, 'article h1');
      assert.equal(await frame.locator('.toolbar button', { hasText: 'Back' }).count(), 0, 'no Back on the first note');
      await frame.locator('article a[data-href^="bedrock-api.md"]').first().click();
      frame = await waitForWebview(wb.page, '.toolbar button[title^="Back"]');
      assert.doesNotMatch(await frame.locator('article h1').innerText(), /Inference parameters/i);
      await screenshot(wb.page, `note-followed-link-${themeName}`);
      await frame.locator('.toolbar button[title^="Back"]').click();
      await frame.locator('article h1', { hasText: /Inference parameters/i }).waitFor({ timeout: 15_000 });
      // Back returns to where the learner was reading (the link, far down the note), not to the top.
      const link = frame.locator('article a[data-href^="bedrock-api.md"]').first();
      const inView = () => link.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const view = a.ownerDocument.defaultView!;
        return r.top >= 0 && r.bottom <= view.innerHeight && view.scrollY > 0;
      });
      for (let i = 0; i < 20 && !(await inView()); i++) await wb.page.waitForTimeout(250);
      assert.ok(await inView(), 'after Back the link followed is on screen again');
      await screenshot(wb.page, `note-back-${themeName}`);
      // Forward again by the link, then the keyboard way back.
      await frame.locator('article a[data-href^="bedrock-api.md"]').first().click();
      await frame.locator('.toolbar button[title^="Back"]').waitFor({ timeout: 15_000 });
      await frame.locator('article').focus();
      await wb.page.keyboard.press('Alt+ArrowLeft');
      await frame.locator('article h1', { hasText: /Inference parameters/i }).waitFor({ timeout: 15_000 });
    });

    it('hovers top_p in a boto3 request body', async () => {
      const editor = await openFile(wb.page, 'python/bedrock_invoke.py', { line: 23 });
      assert.ok(editor);
      const line = 23, column = 14; // inside "top_p" on `            "top_p": 0.9,`
      const hover = await hoverAt(wb.page, { line, column });
      const text = await hoverText(wb.page);
      assert.match(text, /Top-p/i);
      assert.match(text, /Review as flashcard/);
      await screenshot(wb.page, `hover-top-p-${themeName}`, { stable: [hover] });
      await wb.page.keyboard.press('Escape');
    });

    it('searches as you type and shows breadcrumb and snippet', async () => {
      await runCommand(wb.page, 'AWS ML Study: Search Notes');
      await typeInQuickInput(wb.page, 'when should I buy provisioned throughput');
      await wb.page.waitForTimeout(800);
      const rows = await quickPickRows(wb.page);
      assert.ok(rows.length >= 3, `only ${rows.length} results`);
      assert.ok(rows.slice(0, 3).some((r) => /provisioned throughput/i.test(`${r.label} ${r.detail ?? ''}`)), JSON.stringify(rows.slice(0, 3)));
      await screenshot(wb.page, `search-${themeName}`, { stable: [wb.page.locator('.quick-input-widget')] });
      await wb.page.keyboard.press('Escape');
    });

    it('says which misspelt words it searched for instead, with the first result still focused', async () => {
      await runCommand(wb.page, 'AWS ML Study: Search Notes');
      await typeInQuickInput(wb.page, 'guardrials denied topcs');
      await wb.page.waitForTimeout(800);
      const rows = await quickPickRows(wb.page);
      assert.match(rows[0].label, /Showing results for "guardrail", "topic" instead of "guardrials", "topcs"/, JSON.stringify(rows[0]));
      assert.ok(!rows[0].focused && rows[1].focused, 'Enter opens the first result, not the notice');
      assert.match(rows[1].label, /denied topics/i);
      await screenshot(wb.page, `search-respelt-${themeName}`, { stable: [wb.page.locator('.quick-input-widget')] });
      await wb.page.keyboard.press('Escape');
    });

    it('asks a quiz question and gives feedback', async () => {
      await runCommand(wb.page, 'AWS ML Study: Quick Quiz');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'AIF-C01' }).first().click();
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Domain 3' }).first().click();
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: '5 questions' }).first().click();
      const title = wb.page.locator('.quick-input-widget .quick-input-title');
      await title.filter({ hasText: 'question 1 of 5' }).waitFor({ timeout: 45_000 });
      await wb.page.waitForTimeout(400);
      await screenshot(wb.page, `quiz-question-${themeName}`, { stable: [wb.page.locator('.quick-input-widget')] });
      // Answer with the highlighted option (single choice) or pick until the feedback shows.
      for (let i = 0; i < 8; i++) {
        if (await title.filter({ hasText: /Correct|Not quite/ }).count()) break;
        const placeholder = (await wb.page.locator('.quick-input-widget input.input').getAttribute('placeholder')) ?? '';
        const many = /^Select (\d)/.exec(placeholder);
        if (many) {
          // Multiple response: tick that many option rows (A., B., ...), not the stem rows above them.
          // Clicking a row of a multi-select QuickPick toggles its checkbox.
          const rows = wb.page.locator('.quick-input-list .monaco-list-row');
          const texts = await rows.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
          const optionRows = texts.map((t, idx) => (/^[A-F]\.\s/.test(t) ? idx : -1)).filter((idx) => idx >= 0);
          for (const idx of optionRows.slice(0, Number(many[1]))) await rows.nth(idx).click();
        }
        await wb.page.keyboard.press('Enter');
        await wb.page.waitForTimeout(500);
      }
      await title.filter({ hasText: /Correct|Not quite/ }).waitFor({ timeout: 45_000 });
      const rows = await quickPickRows(wb.page);
      assert.ok(rows.some((r) => /Next question/.test(r.label)), JSON.stringify(rows));
      await screenshot(wb.page, `quiz-feedback-${themeName}`, { stable: [wb.page.locator('.quick-input-widget')] });
      await wb.page.keyboard.press('Escape');
    });
  });
}
