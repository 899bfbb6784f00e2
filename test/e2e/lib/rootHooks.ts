/**
 * Mocha root hooks for the e2e run (loaded with `--require`): when a check fails, every workbench
 * still open is captured to test-results/screenshots/FAILED-<test title>[-n].png.
 */
import type { Context } from 'mocha';
import { screenshot } from './capture';
import { openWorkbenches } from './workbench';

export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (!test || test.state !== 'failed') return;
    const workbenches = openWorkbenches();
    for (const [i, wb] of workbenches.entries()) {
      const name = `FAILED-${test.fullTitle()}${workbenches.length > 1 ? `-${i + 1}` : ''}`;
      const file = await screenshot(wb.page, name).catch(() => undefined);
      if (file) console.log(`      screenshot of the failure: ${file}`);
    }
  },
};
