// @ts-check
/**
 * Builds the extension host bundle, the CLI, the webview bundles and the prepared content
 * (dist/content.json: parsed notes, glossary, questions, cards and the prebuilt search index).
 *   node esbuild.js               development build (sourcemaps)
 *   node esbuild.js --production  minified, no sourcemaps
 *   node esbuild.js --watch       rebuild on change
 */
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Webview entry points: every src/webview/<name>/main.ts becomes dist/webview/<name>.js. */
function webviewEntries() {
  const dir = path.join(__dirname, 'src', 'webview');
  if (!fs.existsSync(dir)) return {};
  /** @type {Record<string, string>} */
  const entries = {};
  for (const name of fs.readdirSync(dir)) {
    const main = path.join(dir, name, 'main.ts');
    if (fs.existsSync(main)) entries[name] = main;
  }
  return entries;
}

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    // First and last statements of the bundle: how long the host took to evaluate it (ExtensionApi.timing).
    banner: { js: 'var __awsMlStudyLoadStart = performance.now();' },
    footer: { js: 'var __awsMlStudyLoadEnd = performance.now();' },
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts', 'build-content': 'scripts/buildContent.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: webviewEntries(),
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

/** Copies the codicon font and stylesheet so webviews load them locally. */
function copyCodicons() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'media', 'codicons');
  if (!fs.existsSync(from)) return;
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

/** Runs the freshly built content builder: content/ -> dist/content.json. */
function buildContent() {
  const script = path.join(__dirname, 'dist', 'build-content.js');
  delete require.cache[require.resolve(script)];
  const { main } = require(script);
  main(path.join(__dirname, 'content'), path.join(__dirname, 'dist', 'content.json'));
}

async function run() {
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    copyCodicons();
    console.log('[watch] watching for changes');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
  copyCodicons();
  buildContent();
}

run().catch((err) => {
  console.error(err);
  process.exit(1);
});
