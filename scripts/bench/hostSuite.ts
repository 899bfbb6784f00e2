/**
 * Runs INSIDE the VS Code extension host (as `extensionTestsPath`, one fresh window per run, with
 * our build or a baseline's, as `window.json` next to this bundle says): reads the extension's
 * own activation marks and the host's marks around loading our code, checks that nothing was
 * loaded during activation (content, packages of dist/lazy/), then times the first hover
 * (through VS Code's executeHoverProvider, and our own part called directly) and the first
 * search, in the order `window.json` says (the first of them also pays for loading the content),
 * a warm hover, and then the first note opened and the first flashcard shown (each from the
 * command to the message posted to its webview, the webview's own start included). Writes one
 * JSON line to AWS_ML_STUDY_BENCH_OUT. Driven by scripts/bench/host.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'aws-ml-study.aws-ml-study';
const NOTE_ID = 'bedrock-inference-parameters';
const POST_TIMEOUT_MS = 30_000;
/** The status bar's first due count (which loads the content) comes this long after activation. */
const STATUS_BAR_DELAY_MS = 3500;

type Marks = { getMarks(): { name: string; startTime: number }[] };

/**
 * The extension host's own marks around `require` of our main file (read, compile and run its
 * top-level code): `code/extHost/willLoadExtensionCode/<id>` and `didLoadExtensionCode`, kept by
 * VS Code's perf module on globalThis. In the Node extension host they are Date.now() values
 * (1 ms resolution); undefined if this VS Code does not record them.
 */
function hostLoadMarks(): { willLoad?: number; didLoad?: number } {
  const marks = (globalThis as { MonacoPerformanceMarks?: Marks }).MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (what: string) => marks.find((m) => m.name === `code/extHost/${what}/${EXTENSION_ID}`)?.startTime;
  return { willLoad: at('willLoadExtensionCode'), didLoad: at('didLoadExtensionCode') };
}

/** Files of dist/lazy/ (packages and code loaded on first use) that the host has loaded so far. */
function lazyFilesLoaded(extensionPath: string): string[] {
  const dir = path.join(extensionPath, 'dist', 'lazy') + path.sep;
  return Object.keys(require.cache).filter((f) => f.startsWith(dir)).map((f) => path.basename(f));
}

/** Resolves with performance.now() at the moment `check` first holds, polled every millisecond. */
function whenTrue(check: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const poll = () => {
      if (check()) resolve(performance.now());
      else if (performance.now() - t0 > POST_TIMEOUT_MS) reject(new Error('timed out waiting for the webview message'));
      else setTimeout(poll, 1);
    };
    poll();
  });
}

/** The first note opened: from the command to the rendered note posted to its webview. */
async function firstNote(api: ExtensionApi): Promise<{ ms: number; ok: boolean } | null> {
  // Builds from before the benchmark timed notes do not expose the note viewer.
  if (!api.noteViewer) return null;
  const t0 = performance.now();
  await vscode.commands.executeCommand('awsMlStudy.openNote', NOTE_ID);
  const shown = () => { const m = api.noteViewer.lastPosted; return m?.type === 'show' && m.noteId === NOTE_ID ? m : undefined; };
  const t1 = await whenTrue(() => !!shown());
  return { ms: t1 - t0, ok: /<h2 id="/.test(shown()?.html ?? '') };
}

/** The first flashcard: from the command to the card (rendered faces, interval previews) posted to its webview. */
async function firstCard(api: ExtensionApi): Promise<{ ms: number; ok: boolean }> {
  const posted = api.flashcards.panel.posted;
  const before = posted.length;
  const t0 = performance.now();
  await vscode.commands.executeCommand('awsMlStudy.reviewHere', { kind: 'domain', exam: { id: 'aif-c01' }, domain: { number: 3 } });
  const t1 = await whenTrue(() => posted.length > before && posted.at(-1)!.type !== 'error');
  const m = posted.at(-1)!;
  return { ms: t1 - t0, ok: m.type === 'card' || m.type === 'empty' };
}

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
  const { willLoad, didLoad } = hostLoadMarks();
  const epoch = (t: number | undefined) => (t === undefined ? undefined : performance.timeOrigin + t);
  // Content and indexes load on first use: right after activation nothing may be loaded yet. The
  // status bar asks for the due count 4 s after activation; a window that got here later cannot tell.
  const tooLate = performance.now() - activateEnd > STATUS_BAR_DELAY_MS;
  const loaded = api.services.content.ready !== undefined;
  const loadedAtActivation = loaded && tooLate ? null : loaded;
  const lazy = lazyFilesLoaded(ext.extensionPath);
  const windowFile = `${__dirname}/window.json`;
  const { order = 'hover-first', build = 'current' } = fs.existsSync(windowFile) ? JSON.parse(fs.readFileSync(windowFile, 'utf8')) as { order?: string; build?: string } : {};
  const row: Record<string, unknown> = {
    build,
    activateMs: activateEnd - activateStart,
    bundleEvalMs: loadStart === undefined || loadEnd === undefined ? null : loadEnd - loadStart,
    // The host's require of dist/extension.js: reading, compiling and running its top level.
    codeLoadMs: willLoad === undefined || didLoad === undefined ? null : didLoad - willLoad,
    // From the host starting to load our code to the end of activate(), the host's own steps between included.
    loadToActivatedMs: willLoad === undefined ? null : epoch(activateEnd)! - willLoad,
    // CPU time the host's thread ran the bundle's top level and activate() (Linux), waiting for a CPU not counted.
    cpuMs: api.timing.cpuMs ?? null,
    // Reading and compiling, up to the bundle's first statement.
    compileMs: willLoad === undefined || loadStart === undefined ? null : epoch(loadStart)! - willLoad,
    loadedAtActivation,
    lazyAtActivation: lazy.length && tooLate ? null : lazy,
    order,
  };
  if (order === 'direct-first') row.direct = await directHover(api);
  if (order === 'search-first') row.search = await firstSearch(api);
  row.hover = await firstHover();
  row.search ??= await firstSearch(api);
  row.direct ??= await directHover(api);
  // A second hover through VS Code: what the round trip costs once everything is loaded.
  row.hoverWarm = await firstHover();
  row.note = await firstNote(api);
  row.card = await firstCard(api);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  row.host = { app: vscode.env.appName, version: vscode.version };
  fs.appendFileSync(out, JSON.stringify(row) + '\n');
}
