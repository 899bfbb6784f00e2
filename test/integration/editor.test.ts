/**
 * The everyday surfaces in a real extension host, on the fixture workspace: hovers on real code,
 * the Exams tree, search, the quick quiz, and the learner's notes with file-change updates.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExamNode } from '../../src/features/tree/examTree';
import type { MyNotesNode } from '../../src/features/tree/myNotesTree';
import { EXTENSION_ID, sleep, until } from './helpers';


async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  return ext.activate();
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the fixture workspace is not open');
  return f.uri;
}

async function hoverText(file: string, needle: string, occurrence = 0, offset = 1): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), file));
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not found in ${file}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + offset));
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
}

describe('hover definitions on real code', function () {
  this.timeout(60000);
  before(api);

  /** file, text to hover, the term the hover must name. */
  const CASES: [string, string, RegExp][] = [
    ['python/bedrock_invoke.py', '"temperature": 0.2', /\*\*Temperature\*\*/i],
    ['python/bedrock_invoke.py', '"top_p"', /\*\*Top-p\*\*/i],
    ['python/bedrock_invoke.py', '"max_tokens"', /\*\*Max(imum)? tokens\*\*/i],
    ['python/bedrock_invoke.py', '"stop_sequences"', /\*\*Stop sequences\*\*/i],
    ['python/bedrock_invoke.py', '"bedrock-runtime"', /bedrock-runtime/i],
    ['python/bedrock_invoke.py', 'invoke_model(', /\*\*InvokeModel\*\*/],
    ['python/bedrock_invoke.py', 'invoke_model_with_response_stream', /InvokeModelWithResponseStream/],
    ['python/bedrock_invoke.py', 'converse(', /\*\*Converse/],
    ['python/bedrock_invoke.py', 'inferenceConfig=', /inferenceConfig|inference configuration/i],
    ['python/bedrock_invoke.py', '"topP"', /\*\*Top-p\*\*/i],
    ['typescript/converse.ts', 'maxTokens:', /\*\*Max(imum)? tokens\*\*/i],
    ['typescript/converse.ts', 'topP: 0.8, temperature', /\*\*Top-p\*\*/i],
    ['typescript/converse.ts', 'stopSequences: [\'###\']', /\*\*Stop sequences\*\*/i],
    ['typescript/converse.ts', 'maxTokenCount', /\*\*Max(imum)? tokens\*\*/i],
    ['typescript/converse.ts', 'BedrockRuntimeClient({', /bedrock-runtime/i],
    ['typescript/converse.ts', 'ConverseCommand({', /\*\*Converse/],
    ['python/lora_finetune.py', 'LoraConfig(', /\*\*LoRA/],
  ];
  for (const [file, needle, expected] of CASES) {
    it(`${file}: ${needle}`, async () => {
      const text = await hoverText(file, needle, 0, needle.startsWith('"') ? 2 : 1);
      assert.match(text, expected, `hover was: ${text.slice(0, 200) || '(none)'}`);
      assert.match(text, /Review as flashcard/);
    });
  }

  it('shows nothing on plain code', async () => {
    const text = await hoverText('python/bedrock_invoke.py', 'payload = json.loads', 0, 2);
    assert.equal(text, '');
  });

  it('works on prose in a markdown note', async () => {
    const text = await hoverText('notes/Bedrock notes.md', 'Guardrails');
    assert.match(text, /Guardrails/i);
  });

  it('respects the setting that turns hovers off', async () => {
    const cfg = vscode.workspace.getConfiguration('awsMlStudy');
    await cfg.update('hover.disabledLanguages', ['python'], vscode.ConfigurationTarget.Global);
    try {
      assert.equal(await hoverText('python/bedrock_invoke.py', '"top_p"', 0, 2), '');
      assert.match(await hoverText('typescript/converse.ts', 'maxTokens:'), /tokens/i);
    } finally {
      await cfg.update('hover.disabledLanguages', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('Exams tree', () => {
  it('lists both exams, their weighted domains, tasks and topic notes', async () => {
    const a = await api();
    const provider = a.examTree;
    const exams = await provider.getChildren();
    assert.deepEqual(exams.map((e) => provider.getTreeItem(e).label), [
      'AIF-C01 AWS Certified AI Practitioner',
      'MLA-C01 AWS Certified Machine Learning Engineer - Associate',
    ]);
    const children = await provider.getChildren(exams[0]);
    const overview = children.filter((c) => c.kind === 'topic');
    assert.ok(overview.some((c) => c.kind === 'topic' && c.note.id === 'exam-format-and-scoring'), 'the exam overview note is listed first');
    const domains = children.filter((c) => c.kind === 'domain');
    assert.equal(domains.length, 5);
    assert.match(String(provider.getTreeItem(domains[2]).description), /^28%/);
    const tasks = await provider.getChildren(domains[2]);
    assert.equal(tasks.length, 4);
    const topics = await provider.getChildren(tasks[0]);
    assert.ok(topics.length > 0, 'task 3.1 has no topic notes');
    const sections = await provider.getChildren(topics[0]);
    assert.ok(sections.length > 0, 'the first topic has no sections');
    const item = provider.getTreeItem(sections[0] as ExamNode);
    assert.equal(item.command?.command, 'awsMlStudy.openNote');
  });

  it('filters topics by title', async () => {
    const provider = (await api()).examTree;
    provider.setFilter('guardrails');
    try {
      const exams = await provider.getChildren();
      const domains = (await provider.getChildren(exams[0])).filter((c) => c.kind === 'domain');
      assert.ok(domains.length >= 1 && domains.length < 5, `domains after filter: ${domains.length}`);
    } finally {
      provider.setFilter('');
    }
  });

  it('gives every row its own id, also when one note sits under several tasks (a duplicate id is an error toast)', async () => {
    const provider = (await api()).examTree;
    const walk = async (nodes: ExamNode[], ids: Map<string, number>): Promise<void> => {
      for (const n of nodes) {
        const id = provider.getTreeItem(n).id!;
        ids.set(id, (ids.get(id) ?? 0) + 1);
        await walk(await provider.getChildren(n), ids);
      }
    };
    for (const filter of ['guardrails', '']) {
      provider.setFilter(filter);
      try {
        const ids = new Map<string, number>();
        await walk(await provider.getChildren(), ids);
        const twice = [...ids].filter(([, n]) => n > 1).map(([id]) => id);
        assert.ok(ids.size > 50, `filter "${filter}": only ${ids.size} rows`);
        assert.deepEqual(twice.slice(0, 5), [], `filter "${filter}": ${twice.length} ids used more than once`);
      } finally {
        provider.setFilter('');
      }
    }
  });

  it('leaves the view empty when nothing matches the filter, so its welcome content offers Clear Filter', async () => {
    const provider = (await api()).examTree;
    provider.setFilter('zzqqxx no such title');
    try {
      assert.deepEqual(await provider.getChildren(), []);
    } finally {
      provider.setFilter('');
    }
    assert.equal((await provider.getChildren()).length, 2);
  });
});

describe('the learner\'s own notes', function () {
  this.timeout(60000);

  it('indexes the fixture notes and lists skipped files with reasons', async () => {
    const { userNotes } = await api();
    await userNotes.ensureIndexed();
    const files = userNotes.notes.map((n) => vscode.workspace.asRelativePath(n.file));
    assert.ok(files.includes('notes/Bedrock notes.md'), `indexed: ${files.join(', ')}`);
    assert.ok(files.includes('notes/nested/deeper/outline notes.txt'));
    const skipped = new Map(userNotes.skipped.map((s) => [vscode.workspace.asRelativePath(s.file), s.reason]));
    assert.equal(skipped.get('notes/binary.md'), 'binary');
    assert.equal(skipped.get('notes/empty.md'), 'empty');
  });

  it('My Notes lists folders and files from the workspace folder down, with no node for the folder itself', async () => {
    const { myNotes } = await api();
    const label = (n: MyNotesNode) => (n.kind === 'folder' ? `${n.label}/` : n.kind === 'file' ? path.basename(n.note.file) : n.section.title);
    const top = await myNotes.getChildren();
    assert.deepEqual(top.map(label), ['notes/'], 'a single-folder workspace has no root node of its own name');
    const notes = await myNotes.getChildren(top[0]);
    assert.deepEqual(notes.map(label), ['nested/', 'tables/', 'Bedrock notes.md']);
    const bedrock = notes.find((n) => n.kind === 'file')!;
    assert.ok((await myNotes.getChildren(bedrock)).length >= 2, 'the note lists its sections');
  });

  it('Re-index My Notes says what it indexed and skipped instead of running silently', async () => {
    const { userNotes } = await api();
    const msg = await vscode.commands.executeCommand<string>('awsMlStudy.refreshNotes');
    assert.equal(msg, `Indexed ${userNotes.notes.length} note files; ${userNotes.skipped.length} skipped (see Show Skipped Note Files).`);
    assert.ok(userNotes.notes.length >= 3 && userNotes.skipped.length >= 2, msg);
  });

  it('search finds the learner\'s notes and the bundled content', async () => {
    const a = await api();
    await a.userNotes.ensureIndexed();
    const core = await a.services.content.core();
    const results = core.search('top p temperature', { limit: 30 });
    assert.ok(results.some((r) => r.source === 'bundled'), 'no bundled result');
    assert.ok(results.some((r) => r.source === 'glossary'), 'no glossary result');
  });

  it('re-indexes on a change to the notes settings only, not on any other setting', async () => {
    const a = await api();
    const cfg = vscode.workspace.getConfiguration('awsMlStudy');
    const run = a.userNotes.ensureIndexed();
    await run;
    const before = a.services.config.current.quiz.defaultLength;
    try {
      // The config service fires its listeners (a re-index among them) as it takes the change in.
      await cfg.update('quiz.defaultLength', before + 1, vscode.ConfigurationTarget.Global);
      await until('the new quiz length', () => a.services.config.current.quiz.defaultLength === before + 1);
      assert.equal(a.userNotes.ensureIndexed(), run, 'a quiz setting started a new index run');
      await cfg.update('notes.exclude', [...a.services.config.current.notes.exclude, '**/nothing-here/**'], vscode.ConfigurationTarget.Global);
      await until('the new exclude list', () => a.services.config.current.notes.exclude.includes('**/nothing-here/**'));
      assert.notEqual(a.userNotes.ensureIndexed(), run, 'a notes setting re-indexes');
      await a.userNotes.ensureIndexed();
    } finally {
      await cfg.update('quiz.defaultLength', undefined, vscode.ConfigurationTarget.Global);
      await cfg.update('notes.exclude', undefined, vscode.ConfigurationTarget.Global);
      await until('the settings back as they were', () => !a.services.config.current.notes.exclude.includes('**/nothing-here/**') && a.services.config.current.quiz.defaultLength === before);
      await a.userNotes.ensureIndexed();
    }
  });

  it('follows file changes: create, change, delete', async () => {
    const a = await api();
    await a.userNotes.ensureIndexed();
    const core = await a.services.content.core();
    const uri = vscode.Uri.joinPath(folder(), 'notes', 'watched note.md');
    const changed = () => new Promise<void>((resolve) => { const d = a.userNotes.onDidChange(() => { d.dispose(); resolve(); }); });
    let wait = changed();
    await vscode.workspace.fs.writeFile(uri, Buffer.from('# Quokkafication\n\nA made-up word to find.\n'));
    await wait;
    assert.equal(core.search('quokkafication')[0]?.file, uri.fsPath);
    wait = changed();
    await vscode.workspace.fs.writeFile(uri, Buffer.from('# Wombatology\n\nAnother made-up word.\n'));
    await wait;
    assert.equal(core.search('quokkafication').length, 0);
    assert.equal(core.search('wombatology')[0]?.file, uri.fsPath);
    wait = changed();
    await vscode.workspace.fs.delete(uri);
    await wait;
    assert.equal(core.search('wombatology').length, 0);
  });
});

/** Starts Quick Quiz on these questions; the function returned gives its outcome once it has ended. */
function startQuiz<T>(questionIds: string[]): () => T | undefined {
  let result: T | undefined;
  void vscode.commands.executeCommand<T>('awsMlStudy.quickQuiz', { questionIds }).then((r) => { result = r; });
  return () => result;
}

describe('commands', function () {
  this.timeout(60000);

  it('contributes every command it registers and registers every command it contributes', async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of contributed) assert.ok(registered.has(id), `${id} is contributed but not registered`);
  });

  it('look up term resolves a spelling', async () => {
    const entry = await vscode.commands.executeCommand<{ id: string }>('awsMlStudy.lookUpTerm', 'TOP_P');
    assert.equal(entry?.id, 'top-p');
  });

  it('quick quiz runs in QuickPicks, scores and records each answer', async () => {
    const a = await api();
    const before = a.progress.answers.all().length;
    const core = await a.services.content.core();
    const picked = core.content.questions.filter((q) => q.type === 'single' && q.exam === 'aif-c01').slice(0, 2).map((q) => q.id);
    const result = startQuiz<{ answered: number; correct: number; questionIds: string[] }>(picked);
    // Each question: accept the first option, then accept "Next question" on the feedback.
    for (let i = 0; i < 40 && !result(); i++) {
      await sleep(300);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    await sleep(300);
    const r = result();
    assert.ok(r, 'the quiz did not finish');
    assert.equal(r.answered, 2);
    assert.deepEqual(r.questionIds, picked);
    const after = a.progress.answers.all();
    assert.equal(after.length, before + 2);
    // The first option was chosen each time: the score must agree with the keys.
    const expected = picked.filter((id) => core.content.questions.find((q) => q.id === id)!.answer[0] === 'a').length;
    assert.equal(r.correct, expected);
  });

  it('quick quiz: ordering is picked step by step and matching pair by pair, and the answer key scores', async () => {
    const a = await api();
    const core = await a.services.content.core();
    const ordering = core.content.questions.find((q) => q.type === 'ordering' && q.exam === 'aif-c01' && q.answer.join() !== q.options.map((o) => o.id).join())!;
    const matching = core.content.questions.find((q) => q.type === 'matching' && q.exam === 'aif-c01' && Object.values(q.matches ?? {}).some((t) => t !== q.targets?.[0]?.id))!;
    const result = startQuiz<{ answered: number; correct: number }>([ordering.id, matching.id]);
    // Each pick starts on the first choice: move down `steps` rows, then accept. The next QuickPick
    // opens a few milliseconds after an accept; 600 ms leaves room for a busy machine.
    const pick = async (steps: number) => {
      await sleep(600);
      for (let i = 0; i < steps; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    };
    let left = ordering.options.map((o) => o.id);
    for (const id of ordering.answer.slice(0, -1)) {
      await pick(left.indexOf(id));
      left = left.filter((x) => x !== id);
    }
    await pick(0); // feedback: Next question
    const targets = (matching.targets ?? []).map((t) => t.id);
    for (const o of matching.options) await pick(targets.indexOf(matching.matches![o.id]));
    await pick(0); // feedback: See my score
    const r = await until('the quiz to finish', result);
    assert.equal(r.answered, 2);
    assert.equal(r.correct, 2, 'the answer key, entered through the QuickPicks, did not score');
  });

  it('quick quiz left with Escape keeps the answers given and reports how far it got', async () => {
    const a = await api();
    const before = a.progress.answers.all().length;
    const core = await a.services.content.core();
    const picked = core.content.questions.filter((q) => q.type === 'single' && q.exam === 'aif-c01').slice(2, 5).map((q) => q.id);
    const result = startQuiz<{ answered: number; total: number; stopped: boolean }>(picked);
    // Answer the first question, then press Escape on its feedback.
    await sleep(600);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await until('the first answer recorded', () => a.progress.answers.all().length === before + 1);
    await sleep(300);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const r = await until('the quiz to end on Escape', result);
    assert.equal(r.answered, 1);
    assert.equal(r.total, 3);
    assert.equal(r.stopped, true);
  });

  it('quick quiz: Enter on the length picker takes the configured default, not the shortest length', async () => {
    const a = await api();
    const def = a.services.config.current.quiz.defaultLength;
    assert.notEqual(def, 5, 'the test needs a default other than the first length listed');
    let picked: number | undefined | null = null;
    void a.quiz.chooseLength().then((n) => { picked = n; });
    for (let i = 0; i < 40 && picked === null; i++) {
      await sleep(250);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    assert.equal(picked, def);
  });
});
