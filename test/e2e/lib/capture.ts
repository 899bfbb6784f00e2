/**
 * Screenshots that show what they claim: hovers, toasts and quick inputs fade and slide in, so
 * wait until their boxes stop moving before capturing. Files go to test-results/screenshots/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from '../../../scripts/vscode/paths';

export interface StableOptions {
  /** Give up after this long (ms, default 5000); the element is then used as it is. */
  timeoutMs?: number;
  /** Consecutive identical samples required (default 3, taken 100 ms apart). */
  samples?: number;
}

/**
 * Waits until the element is visible and its position, size and effective opacity (its own times
 * its ancestors') stay the same over several samples, with no CSS animation running on it.
 * Returns the final box.
 */
export async function waitForStableBox(locator: Locator, options: StableOptions = {}): Promise<{ x: number; y: number; width: number; height: number }> {
  const { timeoutMs = 5000, samples = 3 } = options;
  await locator.waitFor({ state: 'visible', timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let same = 0;
  while (Date.now() < deadline) {
    const sample = await locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      let opacity = 1;
      for (let e = el; e; e = e.parentElement) opacity *= Number(el.ownerDocument.defaultView.getComputedStyle(e).opacity);
      const animating = el.getAnimations({ subtree: true }).some((a: { playState: string }) => a.playState === 'running');
      return JSON.stringify([Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height), opacity.toFixed(2), animating]);
    });
    same = sample === last && !sample.endsWith('true]') ? same + 1 : 0;
    last = sample;
    if (same >= samples - 1) break;
    await locator.page().waitForTimeout(100);
  }
  const [x, y, width, height] = JSON.parse(last) as number[];
  return { x, y, width, height };
}

export interface ScreenshotOptions {
  /** Wait for these elements to stop moving first. */
  stable?: Locator[];
  /** Capture only this element (default: the whole page). */
  element?: Locator;
}

/** Saves `test-results/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<string> {
  for (const locator of options.stable ?? []) await waitForStableBox(locator);
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  if (options.element) await options.element.screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}
