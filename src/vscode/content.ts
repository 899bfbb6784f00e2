/**
 * Loads the prepared content (dist/content.json) on first use, never during activation, and hands
 * out the one StudyCore built on it. The code of the study core loads with it (core/withContent).
 */
import * as vscode from 'vscode';
import type { ContentBundle } from '../core/content/bundle';
import type { StudyCore } from '../core/study';

export class ContentService {
  private loading: Promise<StudyCore> | undefined;
  private loaded: StudyCore | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The core, once loaded; undefined before the first use finished. */
  get ready(): StudyCore | undefined { return this.loaded; }

  core(): Promise<StudyCore> {
    return (this.loading ??= this.load().then((c) => (this.loaded = c)));
  }

  /** Where a bundled note file lives, e.g. notes/bedrock-api.md. */
  contentUri(file: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'content', file);
  }

  private async load(): Promise<StudyCore> {
    const uri = vscode.Uri.joinPath(this.extensionUri, 'dist', 'content.json');
    const [bytes, { StudyCore }] = await Promise.all([vscode.workspace.fs.readFile(uri), import('../core/withContent')]);
    return new StudyCore(JSON.parse(new TextDecoder().decode(bytes)) as ContentBundle);
  }
}
