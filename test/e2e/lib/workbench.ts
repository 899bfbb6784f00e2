/**
 * Launching a real VS Code workbench for an end-to-end check: code-server on a free loopback port
 * (its own user data, theme and process group) plus headless Chromium with a fresh profile, with
 * this repository loaded as the extension under development. One launch per check file keeps the
 * checks independent; `close()` stops both processes and removes their run folder.
 *
 * @example
 *   let wb: Workbench;
 *   before(async () => { wb = await launchWorkbench({ theme: 'Default Light Modern' }); });
 *   after(async () => wb?.close());
 *   it('...', async () => { await runCommand(wb.page, 'AWS ML Study: Show Version'); });
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from '../../../scripts/vscode/browser';
import { startCodeServer, type CodeServer } from '../../../scripts/vscode/codeServer';
import { FIXTURE_WORKSPACE, REPO, newRunDirs } from '../../../scripts/vscode/paths';

/** Built-in themes (`workbench.colorTheme` values) worth checking a UI in. */
export const THEMES = {
  dark: 'Default Dark Modern',
  light: 'Default Light Modern',
  highContrast: 'Default High Contrast',
  highContrastLight: 'Default High Contrast Light',
} as const;

export interface LaunchOptions {
  /** Folder to open; default: test/fixtures/workspace. It is copied first unless `copyWorkspace` is false. */
  workspace?: string;
  /** Copy the workspace into the run folder so checks never modify the repository (default true). */
  copyWorkspace?: boolean;
  /** `workbench.colorTheme`, e.g. {@link THEMES}.light; default $VSCODE_THEME or Default Dark Modern. */
  theme?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Load this repository as the extension under development (default true). */
  loadExtension?: boolean;
  /** How long to wait for the workbench to appear (ms, default 90 s). */
  timeoutMs?: number;
}

/** A workbench page plus the processes behind it. */
export interface Workbench {
  /** The Playwright page showing the workbench. */
  readonly page: Page;
  /** Absolute path of the opened folder (the copy, when copied). */
  readonly workspace: string;
  /** The code-server serving it (URL, log tail). */
  readonly server: CodeServer;
  /** Absolute path of a file inside the opened folder. */
  file(relativePath: string): string;
  /** Closes Chromium and stops code-server (idempotent). */
  close(): Promise<void>;
}

const open = new Set<Workbench>();

/** Workbenches launched and not closed yet (the failure-screenshot hook captures them). */
export function openWorkbenches(): Workbench[] {
  return [...open];
}

/** Starts code-server and Chromium and waits until the workbench has rendered. */
export async function launchWorkbench(options: LaunchOptions = {}): Promise<Workbench> {
  const server = await startCodeServer({ label: 'e2e', theme: options.theme, settings: options.settings });
  let browser: Browser | undefined;
  const dirs = newRunDirs('e2e-browser');
  let wb: Workbench | undefined;
  const close = async () => {
    if (wb) open.delete(wb);
    await browser?.close();
    await server.stop();
    fs.rmSync(dirs.run, { recursive: true, force: true });
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  };
  try {
    const workspace = prepareWorkspace(options, server.runDir);
    browser = await launchBrowser(dirs.run, dirs.tmp);
    const url = await server.workbenchUrl({
      folder: workspace,
      extensionDevelopmentPath: options.loadExtension === false ? undefined : REPO,
    });
    await browser.page.goto(url);
    await waitForWorkbench(browser.page, server, options.timeoutMs ?? 90_000);
    const page = browser.page;
    wb = { page, workspace, server, file: (rel) => path.join(workspace, rel), close };
    open.add(wb);
    return wb;
  } catch (err) {
    await close();
    throw err;
  }
}

function prepareWorkspace(options: LaunchOptions, runDir: string): string {
  const source = path.resolve(options.workspace ?? FIXTURE_WORKSPACE);
  if (options.copyWorkspace === false) return source;
  const copy = path.join(runDir, 'ws');
  fs.cpSync(source, copy, { recursive: true });
  return copy;
}

/**
 * The workbench is usable once the extensions are scanned: until then it paints with a fallback
 * light theme and the command palette lacks contributed commands. The theme from the settings
 * (class `vscode-theme-...`) and file icons (`file-icons-enabled`) arrive with that scan.
 */
async function waitForWorkbench(page: Page, server: CodeServer, timeoutMs: number): Promise<void> {
  try {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    await page.locator('.monaco-workbench[class*="vscode-theme-"].file-icons-enabled')
      .waitFor({ state: 'attached', timeout: timeoutMs });
    await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (err) {
    throw new Error(`workbench did not appear: ${(err as Error).message}\ncode-server log:\n${server.logTail(30)}`);
  }
}
