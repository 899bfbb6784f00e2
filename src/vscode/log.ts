/** The extension's Output channel: skipped note files, recovered state, and other things a learner may want to read. */
import * as vscode from 'vscode';

export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('AWS ML Study', { log: true });
  info(message: string): void { this.channel.info(message); }
  warn(message: string): void { this.channel.warn(message); }
  error(message: string, err?: unknown): void {
    this.channel.error(err instanceof Error ? `${message}: ${err.message}` : message);
  }
  dispose(): void { this.channel.dispose(); }
}
