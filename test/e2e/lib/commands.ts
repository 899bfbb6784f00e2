/**
 * The command palette and other quick inputs (QuickPick, InputBox) as a user drives them.
 */
import type { Locator, Page } from 'playwright-core';
import { waitForStableBox } from './capture';

/** The quick input widget (command palette, QuickPick, InputBox). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** The text box of the open quick input. */
export function quickInputBox(page: Page): Locator {
  return page.locator('.quick-input-widget input.input');
}

/** Rows currently rendered in the open QuickPick (the list is virtual: only visible rows exist). */
export function quickPickRowLocator(page: Page): Locator {
  return page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
}

export interface QuickPickRow {
  /** The row's accessible label (label, description and detail as VS Code joins them). */
  ariaLabel: string;
  /** The main label text. */
  label: string;
  /** Description and detail texts, if any. */
  description: string;
  detail: string;
  focused: boolean;
}

/**
 * Reads the visible QuickPick rows, top to bottom. Waits until at least one row is rendered.
 */
export async function quickPickRows(page: Page, timeoutMs = 10_000): Promise<QuickPickRow[]> {
  const rows = quickPickRowLocator(page);
  await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
  return rows.evaluateAll((els) => els
    .sort((a, b) => Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')))
    // No named helper functions in here: the callback runs in the page, where tsx's `__name`
    // wrapper for named functions does not exist.
    .map((el) => ({
      ariaLabel: el.getAttribute('aria-label') ?? '',
      label: (el.querySelector('.label-name')?.textContent ?? '').trim(),
      description: (el.querySelector('.label-description')?.textContent ?? '').trim(),
      detail: (el.querySelector('.quick-input-list-label-meta .label-name')?.textContent ?? '').trim(),
      focused: el.classList.contains('focused'),
    })));
}

/** Opens the command palette (F1) and waits for its text box. */
export async function openCommandPalette(page: Page): Promise<void> {
  await page.keyboard.press('F1');
  await quickInputBox(page).waitFor({ state: 'visible', timeout: 10_000 });
}

/**
 * Runs a command by its palette title (`Category: Title`, e.g. "AWS ML Study: Show Version"),
 * the way a user does: F1, type, pick the row whose label is exactly that title. Retries while
 * the palette does not list it yet (contributions still loading).
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await openCommandPalette(page);
    await quickInputBox(page).fill(`>${title}`);
    const row = quickPickRowLocator(page).and(page.locator(`[aria-label="${cssString(title)}"], [aria-label^="${cssString(title)},"]`));
    try {
      await row.first().waitFor({ state: 'visible', timeout: Math.min(5000, Math.max(1, deadline - Date.now())) });
      await row.first().click();
      await quickInput(page).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      return;
    } catch (err) {
      const shown = Date.now() > deadline ? (await quickPickRows(page, 1000).catch(() => [])).map((r) => r.ariaLabel) : [];
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) {
        throw new Error(`command "${title}" not found in the palette (rows: ${JSON.stringify(shown)}): ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Types into the open quick input (replacing its text) and waits for the list to settle.
 */
export async function typeInQuickInput(page: Page, text: string): Promise<void> {
  await quickInputBox(page).fill(text);
  await waitForStableBox(quickInput(page), { timeoutMs: 2000 });
}

/**
 * Picks a file in VS Code's simple file dialog (what code-server shows for showOpenDialog): a quick
 * input titled `title` that takes a path. The dialog lists its folder asynchronously and, when the
 * listing ends, may put the folder's path back in the box; so this waits for the listing (the
 * file's row) before typing, checks the typed path is still there, and types it again if not.
 */
export async function pickFileInDialog(page: Page, title: string, file: string, timeoutMs = 30_000): Promise<void> {
  const name = file.split(/[\\/]/).pop() ?? file;
  const box = quickInputBox(page);
  const dialog = page.locator('.quick-input-widget .quick-input-title', { hasText: title });
  await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
  const row = quickPickRowLocator(page).filter({ hasText: name }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await row.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
    await box.fill(file);
    await page.waitForTimeout(500);
    if ((await box.inputValue()) === file) break;
    if (Date.now() > deadline) throw new Error(`the "${title}" dialog did not keep the path ${file}: it shows "${await box.inputValue()}"`);
  }
  // A dialog still listing (busy) can drop an Enter: press it again while the dialog stays open.
  for (let n = 0; ; n++) {
    await box.press('Enter');
    if (await dialog.waitFor({ state: 'hidden', timeout: 5000 }).then(() => true, () => false)) return;
    if (n === 2) throw new Error(`the "${title}" dialog stayed open after Enter; it shows "${await box.inputValue()}"`);
  }
}

function cssString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
