/**
 * Editors as a user drives them: open a file at a line (Quick Open), move the cursor, hover with
 * the mouse over a given line and column, read the hover.
 */
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openCommandPalette, quickInputBox, quickPickRowLocator } from './commands';
import { waitForStableBox } from './capture';

export interface Position {
  /** 1-based, as in the status bar. */
  line: number;
  /** 1-based, as in the status bar (default 1). */
  column?: number;
}

/** The editor that has keyboard focus. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-instance .monaco-editor.focused').first();
}

/** Cursor position from the status bar ("Ln 12, Col 5"). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number }> {
  const text = await page.locator('#status\\.editor\\.selection').innerText({ timeout: 5000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  if (!m) throw new Error(`cannot read the cursor position from "${text}"`);
  return { line: Number(m[1]), column: Number(m[2]) };
}

async function waitForCursor(page: Page, at: Position, timeoutMs = 10_000): Promise<void> {
  const want = `Ln ${at.line}, Col ${at.column ?? 1}`;
  await page.locator('#status\\.editor\\.selection', { hasText: want }).waitFor({ timeout: timeoutMs })
    .catch(async () => {
      throw new Error(`cursor is not at ${want} (status bar: ${await cursorPosition(page).then(JSON.stringify, () => 'none')})`);
    });
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P, `path:line:column`) and waits until its tab is
 * active and the cursor stands at the position. `relativePath` may contain spaces.
 */
export async function openFile(page: Page, relativePath: string, at: Position = { line: 1 }): Promise<Locator> {
  await page.keyboard.press('Control+P');
  await quickInputBox(page).waitFor({ state: 'visible', timeout: 10_000 });
  await quickInputBox(page).fill(`${relativePath}:${at.line}:${at.column ?? 1}`);
  const name = path.basename(relativePath);
  await quickPickRowLocator(page).filter({ hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await waitForCursor(page, at);
  return activeEditor(page);
}

/** Moves the cursor of the active editor (Go to Line/Column through the palette's `:` mode). */
export async function goTo(page: Page, at: Position): Promise<void> {
  await openCommandPalette(page);
  await quickInputBox(page).fill(`:${at.line}:${at.column ?? 1}`);
  await page.keyboard.press('Enter');
  await waitForCursor(page, at);
}

/** The visible hover widget. */
export function hoverWidget(page: Page): Locator {
  return page.locator('.monaco-hover:not(.hidden)').filter({ visible: true }).first();
}

/**
 * Hovers the mouse over the character at a position of the active editor and returns the hover
 * widget once it has stopped animating. The position is reached with {@link goTo}; the mouse
 * then rests on the character right after the cursor. A hover provider that is not ready yet
 * (a language server still starting) shows nothing, so the mouse leaves and comes back every
 * few seconds until a hover appears or `timeoutMs` passes.
 */
export async function hoverAt(page: Page, at: Position, timeoutMs = 15_000): Promise<Locator> {
  await goTo(page, at);
  const box = await activeEditor(page).locator('.cursors-layer .cursor').first()
    .evaluate((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, h: r.height }; });
  const hover = hoverWidget(page);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.mouse.move(2, 2); // away first, so arriving is a fresh hover
    await page.mouse.move(box.x + 4, box.y + box.h / 2, { steps: 4 });
    const wait = Math.min(3000, deadline - Date.now());
    if (wait <= 0) throw new Error(`no hover at line ${at.line}, column ${at.column ?? 1} within ${timeoutMs} ms`);
    const shown = await hover.waitFor({ state: 'visible', timeout: wait }).then(() => true, () => false);
    if (shown) break;
  }
  await waitForStableBox(hover);
  return hover;
}

/** Text of the visible hover (all its parts, as rendered). */
export async function hoverText(page: Page): Promise<string> {
  return hoverWidget(page).innerText({ timeout: 5000 });
}

/** Closes a hover and moves the mouse out of the editor. */
export async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
}
