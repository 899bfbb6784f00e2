/**
 * Proves the e2e helpers against VS Code's own features, so a failing product check points at
 * the product and not at the helpers: Quick Open at a line and column in a path with spaces,
 * a mouse hover at a position (the built-in TypeScript hover), QuickPick rows, and the content of
 * a webview (the built-in Markdown preview) through the two nested iframes.
 */
import * as assert from 'node:assert/strict';
import {
  THEMES, cursorPosition, dismissHover, hoverAt, launchWorkbench, openCommandPalette, openFile,
  quickInputBox, quickPickRows, runCommand, screenshot, waitForWebview, type Workbench,
} from '../lib';

describe('e2e helpers on built-in features', function () {
  let wb: Workbench;
  before(async () => {
    wb = await launchWorkbench({ theme: THEMES.dark });
  });
  after(async () => wb?.close());

  it('openFile opens a path with spaces at a line and column', async () => {
    await openFile(wb.page, 'notes/Bedrock notes.md', { line: 13, column: 7 });
    assert.deepEqual(await cursorPosition(wb.page), { line: 13, column: 7 });
    const tab = await wb.page.locator('.tabs-container .tab.active').innerText();
    assert.match(tab, /Bedrock notes\.md/);
  });

  it('quickPickRows reads the rows of an open QuickPick', async () => {
    await openCommandPalette(wb.page);
    await quickInputBox(wb.page).fill('>Markdown: Open Preview');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().waitFor();
    const rows = await quickPickRows(wb.page);
    assert.ok(rows.length >= 2, JSON.stringify(rows));
    assert.ok(rows.some((r) => r.label === 'Markdown: Open Preview to the Side'), JSON.stringify(rows.map((r) => r.label)));
    assert.equal(rows.filter((r) => r.focused).length, 1);
    await wb.page.keyboard.press('Escape');
  });

  it('webviewFrame reaches into the Markdown preview', async () => {
    await runCommand(wb.page, 'Markdown: Open Preview to the Side');
    const frame = await waitForWebview(wb.page, 'h1');
    assert.equal((await frame.locator('h1').first().innerText()).trim(), 'Bedrock notes');
    assert.ok(await frame.locator('h2', { hasText: 'Inference parameters' }).isVisible());
    await screenshot(wb.page, 'helpers-markdown-preview');
    await runCommand(wb.page, 'View: Close All Editors');
  });

  it('hoverAt shows the hover for a line and column', async () => {
    await openFile(wb.page, 'typescript/converse.ts');
    // line 13: "const maxAnswerTokens = 300;" -> column 7 is the start of the name
    const hover = await hoverAt(wb.page, { line: 13, column: 7 }, 90_000);
    await hover.getByText('maxAnswerTokens').first().waitFor({ timeout: 90_000 });
    assert.match(await hover.innerText(), /const maxAnswerTokens: 300/);
    await screenshot(wb.page, 'helpers-hover', { stable: [hover] });
    await dismissHover(wb.page);
  });
});
