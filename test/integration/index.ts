/**
 * Mocha entry point that runs INSIDE the VS Code extension host (`extensionTestsPath`), under
 * code-server or under @vscode/test-electron alike. It loads every compiled `.test.js` file in
 * its folder and below (the harness bundles each `test/integration/...test.ts` into
 * `out/test/integration/`), runs them with the bdd UI, writes a JSON report and rejects when any
 * test failed, which makes the host exit with code 1.
 *
 * Environment: AWS_ML_STUDY_TEST_REPORT (report path, default test-results/integration-report.json),
 * AWS_ML_STUDY_TEST_GREP (only tests whose full title matches), AWS_ML_STUDY_TEST_TIMEOUT (ms).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** Compiled test files below this folder, in a stable order. */
function testFiles(root: string): string[] {
  const entries = fs.readdirSync(root, { recursive: true }) as string[];
  return entries.filter((rel) => rel.endsWith('.test.js')).sort().map((rel) => path.join(root, rel));
}

function reportPath(): string {
  const repo = path.resolve(__dirname, '..', '..', '..');
  return process.env.AWS_ML_STUDY_TEST_REPORT || path.join(repo, 'test-results', 'integration-report.json');
}

function writeReport(file: string, records: TestRecord[], startedAt: number): void {
  const count = (state: TestRecord['state']) => records.filter((r) => r.state === state).length;
  const report = {
    host: { app: vscode.env.appName, version: vscode.version, remoteName: vscode.env.remoteName ?? null },
    passes: count('passed'), failures: count('failed'), pending: count('pending'),
    durationMs: Date.now() - startedAt, tests: records,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(report, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.AWS_ML_STUDY_TEST_TIMEOUT) || 30_000,
    grep: process.env.AWS_ML_STUDY_TEST_GREP || undefined,
  });
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  const records: TestRecord[] = [];
  const startedAt = Date.now();
  const outFile = reportPath();
  return new Promise((resolve, reject) => {
    if (!files.length) {
      writeReport(outFile, records, startedAt);
      reject(new Error(`no *.test.js files found in ${__dirname}`));
      return;
    }
    const runner = mocha.run((failures) => {
      writeReport(outFile, records, startedAt);
      console.log(`[integration] report: ${outFile}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) => records.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
}
