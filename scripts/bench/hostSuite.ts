/**
 * Runs INSIDE the VS Code extension host (as `extensionTestsPath`, one fresh window per run):
 * reads the extension's own activation marks, checks that nothing was loaded during activation,
 * then times the first hover (through VS Code's executeHoverProvider, and our own part called
 * directly) and the first search, in the order the file `order` next to this bundle says (the
 * first of them also pays for loading the content), then a warm hover. Writes one JSON line to
 * AWS_ML_STUDY_BENCH_OUT. Driven by scripts/bench/host.ts.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'aws-ml-study.aws-ml-study';

async function firstHover(): Promise<{ ms: number; found: boolean }> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'python', 'bedrock_invoke.py'));
  const at = doc.getText().indexOf('"top_p"');
  const t0 = performance.now();
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
  const ms = performance.now() - t0;
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
  return { ms, found: /top-p/i.test(text) };
}

/** Our part of a hover, called directly: content load (if first) and the resolver. */
async function directHover(api: ExtensionApi): Promise<{ ms: number; found: boolean }> {
  const t0 = performance.now();
  const core = await api.services.content.core();
  const match = core.termAt('body = {"top_p": 0.9}', 11);
  return { ms: performance.now() - t0, found: match?.entry.id === 'top-p' };
}

async function firstSearch(api: ExtensionApi): Promise<{ ms: number; results: number }> {
  const t0 = performance.now();
  const core = await api.services.content.core();
  const results = core.search('what does top p do', { limit: 10 });
  return { ms: performance.now() - t0, results: results.length };
}

export async function run(): Promise<void> {
  const out = process.env.AWS_ML_STUDY_BENCH_OUT;
  if (!out) throw new Error('AWS_ML_STUDY_BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} not found`);
  const api = await ext.activate();
  const { loadStart, loadEnd, activateStart, activateEnd } = api.timing;
  // Content and indexes load on first use: right after activation nothing may be loaded yet.
  const loadedAtActivation = api.services.content.ready !== undefined;
  const orderFile = `${__dirname}/order`;
  const order = fs.existsSync(orderFile) ? fs.readFileSync(orderFile, 'utf8').trim() : 'hover-first';
  const row: Record<string, unknown> = {
    activateMs: activateEnd - activateStart,
    bundleEvalMs: loadStart === undefined || loadEnd === undefined ? null : loadEnd - loadStart,
    loadedAtActivation,
    order,
  };
  if (order === 'direct-first') row.direct = await directHover(api);
  if (order === 'search-first') row.search = await firstSearch(api);
  row.hover = await firstHover();
  row.search ??= await firstSearch(api);
  row.direct ??= await directHover(api);
  // A second hover through VS Code: what the round trip costs once everything is loaded.
  row.hoverWarm = await firstHover();
  row.host = { app: vscode.env.appName, version: vscode.version };
  fs.appendFileSync(out, JSON.stringify(row) + '\n');
}
