/**
 * Headless Debian Chromium driven by playwright-core (no browser download), with a fresh profile
 * per launch so no UI state leaks from one run into the next.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './paths';
import { isolatedEnv } from './isolation';
import { onCleanup } from './proc';

export const VIEWPORT = { width: 1400, height: 900 };

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Launches Chromium with its profile, HOME and TMPDIR inside `runDir`/`tmpDir`. */
export async function launchBrowser(runDir: string, tmpDir: string): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  }
  const profile = path.join(runDir, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: VIEWPORT,
    args: CHROMIUM_ARGS,
    env: isolatedEnv(runDir, tmpDir) as Record<string, string>,
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
  };
  onCleanup(close);
  return { context, page, close };
}
