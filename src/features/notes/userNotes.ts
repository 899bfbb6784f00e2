/**
 * The learner's own note files in the workspace: found with the configured globs, indexed in the
 * background on first use (with a cancellable progress notification for large folders), kept up
 * to date by a file watcher, and skipped files listed with reasons in the Output channel.
 */
import * as vscode from 'vscode';
import type { NotesLibrary } from '../../core/library/notesLibrary';
import type { ParsedNote } from '../../core/notes/types';
import type { ContentService } from '../../vscode/content';
import type { ConfigService, StudyConfig } from '../../vscode/config';
import type { Log } from '../../vscode/log';

/** Above this many files the first indexing shows a progress notification. */
const PROGRESS_THRESHOLD = 200;

export class UserNotesService implements vscode.Disposable {
  private library: NotesLibrary | undefined;
  private indexing: Promise<void> | undefined;
  private watchers: vscode.Disposable[] = [];
  /** The notes.* settings the last index run used. */
  private indexedWith = '';
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly configSub: vscode.Disposable;
  private readonly folderSub: vscode.Disposable;

  constructor(private readonly content: ContentService, private readonly config: ConfigService, private readonly log: Log) {
    // Only the notes.* settings change what is indexed: turning hovers off or changing the quiz
    // length must not re-read every note file (seconds, with a progress toast, at 10,000 notes).
    this.configSub = config.onDidChange((c) => { if (this.indexing && notesKey(c) !== this.indexedWith) void this.reindex(); });
    this.folderSub = vscode.workspace.onDidChangeWorkspaceFolders(() => { if (this.indexing) void this.reindex(); });
  }

  /** Parsed notes, once indexing has been started and finished. */
  get notes(): ParsedNote[] { return this.library?.files ?? []; }
  get skipped() { return this.library?.skipped ?? []; }
  get started(): boolean { return !!this.indexing; }

  /** Starts indexing on first call; later calls wait for the same run. */
  ensureIndexed(): Promise<void> {
    return (this.indexing ??= this.indexAll());
  }

  reindex(): Promise<void> {
    this.indexing = this.indexAll();
    return this.indexing;
  }

  private async indexAll(): Promise<void> {
    const core = await this.content.core();
    const { NotesLibrary } = await import('../../core/withContent');
    const lib = (this.library ??= new NotesLibrary(core.searchIndex));
    const cfg = this.config.current;
    this.indexedWith = notesKey(cfg);
    lib.clear();
    lib.maxBytes = Math.round(cfg.notes.maxFileSizeMB * 1024 * 1024);
    this.watch(cfg);
    const uris = await findNoteFiles(cfg);
    const byPath = new Map(uris.map((u) => [u.fsPath, u]));
    const run = (token?: vscode.CancellationToken, progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      let last = 0;
      return lib.addAll([...byPath.keys()], {
        read: (file) => Promise.resolve(vscode.workspace.fs.readFile(byPath.get(file)!)),
        isCancelled: () => !!token?.isCancellationRequested,
        onProgress: (done, total) => {
          progress?.report({ message: `${done} of ${total} files`, increment: ((done - last) / total) * 100 });
          last = done;
        },
      });
    };
    const started = Date.now();
    const report = uris.length > PROGRESS_THRESHOLD
      ? await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'AWS ML Study: indexing your notes', cancellable: true },
        (progress, token) => run(token, progress))
      : await run();
    this.log.info(`Indexed ${report.indexed} of ${uris.length} note files in ${Date.now() - started} ms` +
      `${report.cancelled ? ' (cancelled)' : ''}; longest stretch on the thread ${report.longestSliceMs.toFixed(1)} ms.`);
    for (const s of lib.skipped) this.log.warn(`Skipped ${s.file}: ${s.reason} (${s.detail})`);
    for (const n of lib.files) for (const w of n.warnings) this.log.warn(`${w.file}:${w.line}: ${w.message}`);
    this.emitter.fire();
  }

  private watch(cfg: StudyConfig): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of cfg.notes.include) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        const update = (uri: vscode.Uri) => void this.update(uri);
        this.watchers.push(watcher, watcher.onDidCreate(update), watcher.onDidChange(update), watcher.onDidDelete((uri) => {
          this.library?.remove(uri.fsPath);
          this.emitter.fire();
        }));
      }
    }
  }

  private async update(uri: vscode.Uri): Promise<void> {
    if (!this.library || isExcluded(uri, this.config.current)) return;
    try {
      const r = this.library.upsert(uri.fsPath, await vscode.workspace.fs.readFile(uri));
      if ('reason' in r) this.log.warn(`Skipped ${r.file}: ${r.reason} (${r.detail})`);
    } catch (e) {
      this.log.error(`Could not read ${uri.fsPath}`, e);
      this.library.remove(uri.fsPath);
    }
    this.emitter.fire();
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    this.configSub.dispose();
    this.folderSub.dispose();
    this.emitter.dispose();
  }
}

async function findNoteFiles(cfg: StudyConfig): Promise<vscode.Uri[]> {
  if (!vscode.workspace.workspaceFolders?.length || !cfg.notes.include.length) return [];
  const include = braces(cfg.notes.include);
  const exclude = cfg.notes.exclude.length ? braces(cfg.notes.exclude) : null;
  const uris = await vscode.workspace.findFiles(include, exclude);
  return uris.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

/** What of the settings decides which files are notes and how they are read. */
function notesKey(cfg: StudyConfig): string {
  return JSON.stringify(cfg.notes);
}

function braces(globs: string[]): string {
  return globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
}

function isExcluded(uri: vscode.Uri, cfg: StudyConfig): boolean {
  const p = uri.path;
  return cfg.notes.exclude.some((g) => {
    const dir = /^\*\*\/([^*/]+)\/\*\*$/.exec(g)?.[1];
    return dir ? p.includes(`/${dir}/`) : false;
  });
}
