/**
 * Smoke test in the real extension host: the extension under development is the one loaded,
 * it activates, and its first command answers with the version from package.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

/** Compiled to out/test/integration/: the repository root is three levels up. */
const REPO = path.resolve(__dirname, '..', '..', '..');

function manifestOnDisk(): { name: string; version: string; publisher: string } {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
}

describe('smoke: the extension in a real VS Code', () => {
  it('is present and loaded from this repository', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among the loaded extensions`);
    assert.equal(fs.realpathSync(ext.extensionPath), fs.realpathSync(REPO));
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers awsMlStudy.showVersion', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('awsMlStudy.showVersion'), 'awsMlStudy.showVersion is not registered');
  });

  it('awsMlStudy.showVersion returns the version in package.json', async () => {
    const version = await vscode.commands.executeCommand<string>('awsMlStudy.showVersion');
    const manifest = manifestOnDisk();
    assert.match(manifest.version, /^\d+\.\d+\.\d+/);
    assert.equal(version, manifest.version);
  });

  it('runs against the fixture workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder is open');
    const found = await vscode.workspace.findFiles('**/*.{py,ts,md,txt}');
    const names = found.map((uri) => vscode.workspace.asRelativePath(uri)).sort();
    for (const expected of ['python/bedrock_invoke.py', 'notes/Bedrock notes.md', 'notes/nested/deeper/outline notes.txt']) {
      assert.ok(names.includes(expected), `${expected} missing from ${JSON.stringify(names)}`);
    }
  });
});
