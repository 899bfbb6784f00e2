/**
 * Webviews (panels and views) render inside two nested iframes: an outer `iframe.webview` that
 * VS Code owns, and inside it `iframe#active-frame` holding the extension's HTML. Reach the
 * content with frameLocator twice; locators inside work as on a page.
 */
import type { FrameLocator, Page } from 'playwright-core';

export interface WebviewQuery {
  /** Which webview when several are open, in DOM order (default 0). */
  index?: number;
  /** Only the webview whose outer iframe title contains this text (e.g. the panel title). */
  title?: string;
}

/** The extension's content frame of a webview. */
export function webviewFrame(page: Page, query: WebviewQuery = {}): FrameLocator {
  const outer = query.title
    ? page.locator(`iframe.webview.ready[title*="${query.title.replace(/"/g, '\\"')}"]`)
    : page.locator('iframe.webview.ready');
  return outer.nth(query.index ?? 0).contentFrame().frameLocator('iframe#active-frame');
}

/** Waits until a webview's content contains a visible element matching `selector`. */
export async function waitForWebview(page: Page, selector: string, query: WebviewQuery = {}, timeoutMs = 30_000): Promise<FrameLocator> {
  const frame = webviewFrame(page, query);
  await frame.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
  return frame;
}
