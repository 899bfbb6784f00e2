import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SEEDS_DIR } from '../../helpers/content';

const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'notes');

function cli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('command-line tool (dist/cli.js)', function () {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  });

  it('hover returns the top-p entry for "top_p" in a boto3 body', () => {
    const r = cli('hover', '--line', 'body = {"top_p": 0.9}', '--col', '11', '--json');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.id, 'top-p');
    assert.equal(json.text, 'top_p');
    assert.deepEqual(json.range, [9, 14]);
  });

  it('hover exits 1 where no term is', () => {
    const r = cli('hover', '--line', 'x = 1', '--col', '0', '--json');
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out), null);
  });

  it('define finds an entry by any spelling and suggests on a miss', () => {
    const ok = cli('define', 'topP', '--json');
    assert.equal(ok.code, 0, ok.err);
    assert.equal(JSON.parse(ok.out).id, 'top-p');
    const miss = cli('define', 'temprature');
    assert.equal(miss.code, 1);
    assert.match(miss.err, /Unknown term "temprature"\. Did you mean: .*Temperature/i);
  });

  it('search returns ranked results with the fields tools need', () => {
    const r = cli('search', 'what is provisioned throughput', '--limit', '5', '--json');
    assert.equal(r.code, 0, r.err);
    const results = JSON.parse(r.out);
    assert.ok(results.length > 0 && results.length <= 5);
    for (const x of results) for (const k of ['title', 'breadcrumb', 'file', 'line', 'snippet', 'score']) assert.ok(k in x, `missing ${k}`);
  });

  it('search takes --notes folders', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-'));
    fs.writeFileSync(path.join(dir, 'mine.md'), '# Zanzibar quokka\n\nA very unusual word for testing.\n');
    const r = cli('search', 'zanzibar quokka', '--notes', dir, '--json');
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out)[0].file, path.join(dir, 'mine.md'));
  });

  it('index reports files, sections and skipped files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-'));
    fs.writeFileSync(path.join(dir, 'a.md'), '# A\n\ntext\n\n## B\n\nmore\n');
    fs.writeFileSync(path.join(dir, 'empty.md'), '');
    fs.writeFileSync(path.join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 0, 0, 3]));
    const r = cli('index', dir, '--json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.filesRead, 3);
    assert.equal(j.filesIndexed, 1);
    assert.equal(j.sections, 2);
    assert.deepEqual(j.skipped.map((s: { reason: string }) => s.reason).sort(), ['binary', 'empty']);
  });

  it('index reads the five seed notes with none skipped', function () {
    if (!fs.existsSync(SEEDS_DIR)) this.skip();
    const j = JSON.parse(cli('index', SEEDS_DIR, '--json').out);
    assert.equal(j.filesRead, 5);
    assert.equal(j.skipped.length, 0);
    for (const f of j.files) assert.ok(f.sections > 3, `${f.file}: ${f.sections} sections`);
  });

  it('index reads our own fixture notes', function () {
    if (!fs.existsSync(FIXTURES)) this.skip();
    const j = JSON.parse(cli('index', FIXTURES, '--json').out);
    assert.ok(j.filesIndexed >= 3);
  });

  it('usage errors exit 2 with the usage text', () => {
    for (const args of [[], ['frobnicate'], ['hover', '--col'], ['search'], ['index']]) {
      const r = cli(...args);
      assert.equal(r.code, 2, `args ${JSON.stringify(args)}: ${r.err}`);
      assert.match(r.err + r.out, /Usage: aws-ml-study/);
    }
  });

  it('--help works everywhere', () => {
    for (const c of ['define', 'hover', 'search', 'index', 'lint']) {
      const r = cli(c, '--help');
      assert.equal(r.code, 0);
      assert.match(r.out, new RegExp(`Usage: aws-ml-study ${c}`));
    }
  });

  it('lint passes on the shipped content', () => {
    const r = cli('lint');
    assert.equal(r.code, 0, r.out.split('\n').slice(-30).join('\n'));
  });

  it('lint reports broken content with file:line and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'content-'));
    fs.mkdirSync(path.join(dir, 'glossary'));
    fs.writeFileSync(path.join(dir, 'glossary', 'x.json'), '[\n  {\n    "id": "Bad Id",\n    "term": "x"\n  }\n]\n');
    const r = cli('lint', '--content', dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /glossary\/x\.json:2: error: id:/);
  });
});
