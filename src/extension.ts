/**
 * Entry point: builds the services and registers each feature. Activation stays cheap: content,
 * indexes and storage are loaded lazily on first use.
 */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('awsMlStudy.showVersion', () => {
      const version = String(context.extension.packageJSON.version ?? '');
      void vscode.window.showInformationMessage(`AWS ML Study Companion ${version}`);
      return version;
    }),
  );
}

export function deactivate(): void {
  // Nothing to flush: every store writes through.
}
