/**
 * The HTML shell of every webview: a strict CSP with a fresh nonce, local assets only (through
 * asWebviewUri), the codicon font, the shared stylesheet, and one script bundle.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

export interface ShellOptions {
  /** Bundle name: dist/webview/<script>.js, built from src/webview/<script>/main.ts. */
  script: string;
  title: string;
  /** Extra stylesheets under media/, e.g. 'flashcards.css'. */
  styles?: string[];
  /** HTML for the body before the script runs (a loading state; never learner data). */
  body?: string;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function nonce(): string {
  return randomBytes(18).toString('base64url');
}

export function shellHtml(webview: vscode.Webview, extensionUri: vscode.Uri, o: ShellOptions): string {
  const n = nonce();
  const asset = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...p)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  const styles = ['base.css', ...(o.styles ?? [])]
    .map((s) => `<link rel="stylesheet" href="${asset('media', s)}">`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta http-equiv="Content-Security-Policy" content="${csp}">
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${escapeHtml(o.title)}</title>
    <link rel="stylesheet" href="${asset('dist', 'media', 'codicons', 'codicon.css')}">
    ${styles}
</head>
<body>
    ${o.body ?? '<main id="app" aria-busy="true"><p class="muted">Loading…</p></main>'}
    <script nonce="${n}" src="${asset('dist', 'webview', `${o.script}.js`)}"></script>
</body>
</html>`;
}

/** Gives a new or restored panel the extension's icon, the webview options and its CSP shell. */
export function preparePanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, o: ShellOptions): void {
  // A tab draws its icon as an image, where currentColor is black: one colour per theme kind.
  panel.iconPath = {
    light: vscode.Uri.joinPath(extensionUri, 'media', 'panel-light.svg'),
    dark: vscode.Uri.joinPath(extensionUri, 'media', 'panel-dark.svg'),
  };
  panel.webview.options = webviewOptions(extensionUri);
  panel.webview.html = shellHtml(panel.webview, extensionUri, o);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
