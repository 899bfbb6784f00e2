/**
 * esbuild.js's build options, typed, for code that builds the extension exactly as it does (the
 * lazy-loading unit test, the bundle-load benchmark), and a stand-in for the vscode module so that
 * the result can be loaded in a plain Node process.
 */
import * as esbuild from 'esbuild';
import * as path from 'path';

export interface BuildScript {
  LAZY_PACKAGES: Record<string, string>;
  LAZY_MODULES: Record<string, string>;
  lazyPackagesBuild(outdir: string): esbuild.BuildOptions;
  lazyExportNames(outdir: string): Record<string, string[]>;
  lazyModulesBuild(exportNames: Record<string, string[]>, outdir: string): esbuild.BuildOptions;
  extensionBuild(exportNames: Record<string, string[]>, outdir: string): esbuild.BuildOptions;
}

// The build script is plain JavaScript (checked with @ts-check); its own build options are used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const build = require('../esbuild.js') as BuildScript;

/**
 * Builds dir/extension.js and the files it loads on first use (dir/lazy/) as esbuild.js does, with
 * `extra` options on each build; returns the extension build's result.
 */
export async function buildExtensionInto(dir: string, extra: esbuild.BuildOptions = {}): Promise<esbuild.BuildResult> {
  const lazyDir = path.join(dir, 'lazy');
  await esbuild.build({ ...build.lazyPackagesBuild(lazyDir), ...extra });
  const names = build.lazyExportNames(lazyDir);
  await esbuild.build({ ...build.lazyModulesBuild(names, lazyDir), ...extra });
  return esbuild.build({ ...build.extensionBuild(names, dir), ...extra });
}

/**
 * Code for `node -e` to run first: `require('vscode')` then gives a stand-in that answers any
 * property, call or `new`, as a bundle loaded outside the extension host needs.
 */
export const VSCODE_STAND_IN = `
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
const api = new Proxy(function () {}, { get: (_, key) => (key === '__esModule' ? false : api), apply: () => api, construct: () => api });
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
`;
