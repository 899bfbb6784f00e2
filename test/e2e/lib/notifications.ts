/**
 * Notification toasts (showInformationMessage and friends) in the bottom-right corner.
 */
import type { Locator, Page } from 'playwright-core';
import { waitForStableBox } from './capture';

/** The toast whose text contains `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
}

/** Waits for a toast to appear and finish sliding in; returns it. */
export async function waitForToast(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const found = toast(page, text);
  await found.waitFor({ state: 'visible', timeout: timeoutMs });
  await waitForStableBox(found);
  return found;
}

/** Closes every toast ("Clear All Notifications" would also clear the center). */
export async function dismissToasts(page: Page): Promise<void> {
  const toasts = page.locator('.notifications-toasts .notification-toast');
  for (let n = await toasts.count(); n > 0; n--) {
    await toasts.first().hover();
    await toasts.first().locator('.codicon-notifications-clear').click().catch(() => undefined);
  }
}
