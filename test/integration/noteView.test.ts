/**
 * The rendered note view in the real extension host: a bundled note goes through markdown-it
 * (loaded on first use from dist/lazy/) with section anchors, glossary links with their definition
 * as a tooltip, and links the host routes; a glossary term opens the note that teaches it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { NoteToWebview } from '../../src/protocol/note';

const EXTENSION_ID = 'aws-ml-study.aws-ml-study';
type Shown = Extract<NoteToWebview, { type: 'show' }>;

let api: ExtensionApi;

/** The next note the view shows after `previous`, once the webview has asked for it (its ready handshake). */
async function shown(noteId: string, previous: NoteToWebview | undefined, timeoutMs = 20_000): Promise<Shown> {
  const start = Date.now();
  for (;;) {
    const m = api.noteViewer.lastPosted;
    if (m !== previous && m?.type === 'show' && m.noteId === noteId) return m;
    if (Date.now() - start > timeoutMs) assert.fail(`the note view did not show ${noteId} (last: ${JSON.stringify(m)?.slice(0, 200)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('note view: a bundled note rendered', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('renders markdown with section anchors and glossary links that carry their definition', async () => {
    const previous = api.noteViewer.lastPosted;
    await vscode.commands.executeCommand('awsMlStudy.openNote', 'bedrock-inference-parameters', 'top-k');
    const m = await shown('bedrock-inference-parameters', previous);
    assert.equal(m.title, 'Inference parameters');
    assert.equal(m.scrollTo, 'top-k');
    assert.match(m.html, /<h2 id="top-p-nucleus-sampling">Top-p \(nucleus sampling\)<\/h2>/);
    const link = /<a href="#" data-href="glossary:top-p" class="glossary-link" title="([^"]+)">Top-p<\/a>/.exec(m.html);
    assert.ok(link, 'a glossary link is routed through the host and titled with its definition');
    assert.ok(link[1].length > 20, `tooltip: ${link[1]}`);
    assert.ok(!/<script|<img/i.test(m.html), 'no raw HTML or images');
  });

  it('goes back to the notes shown before, newest first, and says when it can', async () => {
    let previous = api.noteViewer.lastPosted;
    await vscode.commands.executeCommand('awsMlStudy.openNote', 'bedrock-inference-parameters', 'top-k');
    previous = await shown('bedrock-inference-parameters', previous);
    await vscode.commands.executeCommand('awsMlStudy.openNote', 'bedrock-guardrails');
    let m = await shown('bedrock-guardrails', previous);
    assert.equal(m.canGoBack, true);
    await vscode.commands.executeCommand('awsMlStudy.openGlossaryEntry', 'rag');
    m = await shown('bedrock-rag-and-knowledge-bases', m);
    assert.equal(await vscode.commands.executeCommand('awsMlStudy.noteBack'), true);
    m = await shown('bedrock-guardrails', m);
    assert.equal(await vscode.commands.executeCommand('awsMlStudy.noteBack'), true);
    m = await shown('bedrock-inference-parameters', m);
    assert.equal(m.scrollTo, 'top-k', 'back to the section it was opened at');
    // Back from the first note of this panel: nothing left once the panel's history is used up.
    while (await vscode.commands.executeCommand('awsMlStudy.noteBack')) { /* older steps of earlier tests */ }
    assert.equal(api.noteViewer.lastPosted?.type === 'show' && api.noteViewer.lastPosted.canGoBack, false);
    // Closing the view forgets its history.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('awsMlStudy.openNote', 'bedrock-guardrails');
    m = await shown('bedrock-guardrails', api.noteViewer.lastPosted);
    assert.equal(m.canGoBack, false);
  });

  it('opens the note that teaches a glossary term, at its section, in the same view', async () => {
    const previous = api.noteViewer.lastPosted;
    await vscode.commands.executeCommand('awsMlStudy.openGlossaryEntry', 'rag');
    const m = await shown('bedrock-rag-and-knowledge-bases', previous);
    assert.equal(m.scrollTo, 'why-rag-exists');
    assert.ok(m.html.includes('<h2 id="why-rag-exists">'), 'the section the glossary entry points at has its anchor');
  });
});
