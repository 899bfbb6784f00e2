/**
 * Helpers for end-to-end checks against a real VS Code workbench (code-server + headless
 * Chromium). Checks live in test/e2e/checks/*.e2e.ts and run with `npm test` (or only them:
 * `ONLY=e2e npm test`). Import from here:
 *
 *   import { launchWorkbench, runCommand, waitForToast, screenshot } from '../lib';
 */
export * from './workbench';
export * from './commands';
export * from './editor';
export * from './capture';
export * from './notifications';
export * from './webview';
