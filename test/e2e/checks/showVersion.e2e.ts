/**
 * First end-to-end check: in the real workbench, "AWS ML Study: Show Version" from the command
 * palette shows a toast with the version from package.json, in a dark and a light theme.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../../../scripts/vscode/paths';
import { THEMES, launchWorkbench, quickPickRows, runCommand, screenshot, waitForToast, type Workbench } from '../lib';

const { version, displayName } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; displayName: string };

for (const [themeName, theme] of [['dark', THEMES.dark], ['light', THEMES.light]] as const) {
  describe(`Show Version (${themeName} theme)`, function () {
    let wb: Workbench;
    before(async function () {
      wb = await launchWorkbench({ theme });
    });
    after(async () => wb?.close());

    it('lists the command in the palette under its category', async () => {
      await wb.page.keyboard.press('F1');
      await wb.page.locator('.quick-input-widget input.input').fill('>Show Version');
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'AWS ML Study' }).first().waitFor({ timeout: 30_000 });
      const rows = await quickPickRows(wb.page);
      assert.ok(rows.some((r) => r.label === 'AWS ML Study: Show Version'), JSON.stringify(rows));
      await wb.page.keyboard.press('Escape');
    });

    it('shows a toast with the package version', async () => {
      await runCommand(wb.page, 'AWS ML Study: Show Version');
      const toast = await waitForToast(wb.page, version);
      assert.equal((await toast.innerText()).split('\n')[0].trim(), `${displayName} ${version}`);
      const file = await screenshot(wb.page, `show-version-${themeName}`, { stable: [toast] });
      assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
    });
  });
}
