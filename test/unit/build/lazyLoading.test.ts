/**
 * What keeps loading the extension host bundle cheap: it leaves the heavy npm packages
 * (markdown-it, zod, ts-fsrs, fuse.js) and the code that only runs once the content is loaded
 * (the study core) to files of their own in dist/lazy/, loads none of them while the host loads
 * the bundle, and copies the vscode module's exports once. Built here exactly as esbuild.js builds
 * it, into a temporary folder.
 */
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build, buildExtensionInto, VSCODE_STAND_IN } from '../../../scripts/buildScript';

/**
 * Run in a fresh Node: loads the bundle the way the extension host does (with a stand-in for the
 * vscode module) and prints its exports and every file it loaded from lazy/.
 */
const LOAD = `${VSCODE_STAND_IN}
const path = require('path');
const bundle = process.argv[1];
const ext = require(bundle);
const lazyDir = path.join(path.dirname(bundle), 'lazy') + path.sep;
const lazy = Object.keys(require.cache).filter((f) => f.startsWith(lazyDir)).map((f) => path.basename(f));
console.log(JSON.stringify({ exports: Object.keys(ext).sort(), lazy }));
`;

describe('build: what the extension loads on first use', function () {
  this.timeout(60_000);
  let dir: string;
  let bundle: string;
  let inputs: string[];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-ml-study-build-'));
    const result = await buildExtensionInto(dir, { metafile: true, logLevel: 'silent' });
    bundle = path.join(dir, 'extension.js');
    const output = Object.entries(result.metafile?.outputs ?? {}).find(([file]) => file.endsWith('extension.js'));
    assert.ok(output, 'the build wrote extension.js');
    inputs = Object.keys(output[1].inputs);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves every lazy package, and the packages it depends on, out of extension.js', () => {
    assert.ok(inputs.some((i) => i === 'src/extension.ts'), 'the bundle is the extension');
    // The lazy packages bring in entities, linkify-it, mdurl and others: no npm package is in the bundle.
    assert.deepEqual(inputs.filter((i) => i.startsWith('node_modules/')), []);
  });

  it('leaves the study core out of extension.js', () => {
    const lazy = [...Object.values(build.LAZY_MODULES), 'src/core/study.ts', 'src/core/search/index.ts', 'src/core/notes/parse.ts'];
    assert.deepEqual(inputs.filter((i) => lazy.includes(i)), []);
  });

  it('puts each package and lazy module in lazy/, where the bundle or a lazy module requires it from', () => {
    const text = fs.readFileSync(bundle, 'utf8');
    const lazyTexts = Object.keys(build.LAZY_MODULES).map((f) => fs.readFileSync(path.join(dir, 'lazy', `${f}.js`), 'utf8'));
    for (const file of Object.keys(build.LAZY_MODULES)) {
      assert.ok(text.includes(`require("./lazy/${file}.js")`), `extension.js loads lazy/${file}.js`);
    }
    for (const file of Object.values(build.LAZY_PACKAGES)) {
      assert.ok(fs.existsSync(path.join(dir, 'lazy', `${file}.js`)), `lazy/${file}.js was built`);
      const used = text.includes(`require("./lazy/${file}.js")`) || lazyTexts.some((t) => t.includes(`require("./${file}.js")`));
      assert.ok(used, `lazy/${file}.js is loaded from where it is`);
    }
  });

  it('takes the vscode module in once, not once per file that imports it', () => {
    const text = fs.readFileSync(bundle, 'utf8');
    assert.equal(text.match(/require\("vscode"\)/g)?.length, 1);
  });

  it('loads none of them while the bundle is loaded', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['-e', LOAD, bundle], { encoding: 'utf8' })) as { exports: string[]; lazy: string[] };
    assert.deepEqual(out.exports, ['activate', 'deactivate']);
    assert.deepEqual(out.lazy, [], 'nothing may call a lazy package while the bundle loads (a zod schema built at a module\'s top level would)');
  });

  it('gives the real packages behind the stand-ins', () => {
    const names = build.lazyExportNames(path.join(dir, 'lazy'));
    assert.ok(names.zod.includes('z') && names['ts-fsrs'].includes('fsrs') && names['markdown-it'].includes('default'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const markdownIt = require(path.join(dir, 'lazy', 'markdown-it.js')) as { default: new (o: object) => { render(s: string): string } };
    assert.equal(new markdownIt.default({ html: false }).render('# Top-p <b>'), '<h1>Top-p &lt;b&gt;</h1>\n');
  });
});
