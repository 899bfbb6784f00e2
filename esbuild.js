// @ts-check
/**
 * Builds the extension host bundle, the libraries it loads on first use (dist/lazy/), the CLI,
 * the webview bundles and the prepared content (dist/content.json: parsed notes, glossary,
 * questions, cards and the prebuilt search index).
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
  absWorkingDir: __dirname,
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions} Bundles that run in Node (the extension host, the CLI). */
const nodeCommon = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

/** @type {import('esbuild').BuildOptions} What the extension host loads: packages' ES module builds, `vscode` from the host. */
const hostCommon = { ...nodeCommon, external: ['vscode'], mainFields: ['module', 'main'] };

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

/**
 * npm packages the extension host loads on first use instead of at activation (with what they
 * depend on, about 60% of the bundle the host would otherwise compile and run before activate()),
 * by package name: file name in dist/lazy/. Inside dist/extension.js an import of one of them is a
 * stand-in module whose exports are getters that `require` dist/lazy/<file>.js the first time any
 * of them is read. Code that calls a package while it is being loaded (a zod schema built at a
 * module's top level) would load the package at activation, so such code builds what it needs
 * on first use; test/unit/build/lazyLoading.test.ts checks that loading the bundle loads none.
 */
const LAZY_PACKAGES = { 'markdown-it': 'markdown-it', zod: 'zod', 'ts-fsrs': 'ts-fsrs', 'fuse.js': 'fuse' };

/**
 * Parts of the extension's own code it loads on first use, by file name in dist/lazy/: the entry
 * module of each. The extension may reach such a module only through `import()`, which the build
 * turns into a `require` of its file; a static import would put a copy back in dist/extension.js
 * (the build test checks that it holds none of it).
 */
const LAZY_MODULES = { study: 'src/core/withContent.ts' };

/**
 * The lazily loaded packages, each in a CommonJS file of its own.
 * @returns {import('esbuild').BuildOptions}
 */
function lazyPackagesBuild(outdir = 'dist/lazy') {
  return {
    ...hostCommon,
    entryPoints: Object.fromEntries(Object.entries(LAZY_PACKAGES).map(([pkg, file]) => [file, pkg])),
    outdir,
  };
}

/**
 * The stand-in for a lazily loaded package: its export names, each a getter that loads the real
 * file once. (esbuild's import helpers copy exports as getters too, so nothing is read early.)
 * @param {string} file the package's file, as seen from the bundle: `./lazy/x.js` or `./x.js`
 * @param {string[]} names
 */
function standIn(file, names) {
  return [
    'let loaded;',
    `const load = () => (loaded ??= require('${file}'));`,
    "Object.defineProperty(exports, '__esModule', { value: true });",
    `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

/**
 * Resolves imports of the lazy packages to their stand-ins, and `import()` of a lazy module to a
 * `require` of its file.
 * @param {Record<string, string[]>} exportNames package name: its export names
 * @param {string} lazyDir dist/lazy/ as seen from the files of this build: './lazy/' or './'
 * @returns {import('esbuild').Plugin}
 */
function lazyLoadingPlugin(exportNames, lazyDir) {
  const filter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).map((p) => p.replace(/[.]/g, '\\.')).join('|')})$`);
  const modules = new Map(Object.entries(LAZY_MODULES).map(([file, entry]) => [path.resolve(__dirname, entry).replace(/\.ts$/, ''), file]));
  return {
    name: 'lazy-loading',
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
      build.onResolve({ filter: /^\.\.?\//, namespace: 'lazy-package' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        contents: standIn(`${lazyDir}${LAZY_PACKAGES[/** @type {keyof typeof LAZY_PACKAGES} */ (args.path)]}.js`, exportNames[args.path]),
        loader: 'js',
      }));
      build.onResolve({ filter: /^\./ }, (args) => {
        const file = args.kind === 'dynamic-import' ? modules.get(path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '')) : undefined;
        return file ? { path: `${lazyDir}${file}.js`, external: true } : undefined;
      });
    },
  };
}

/**
 * The lazy modules of the extension's own code, in dist/lazy/ next to the packages they use.
 * @param {Record<string, string[]>} exportNames the lazy packages' export names ({@link lazyExportNames})
 * @returns {import('esbuild').BuildOptions}
 */
function lazyModulesBuild(exportNames, outdir = 'dist/lazy') {
  return {
    ...hostCommon,
    entryPoints: LAZY_MODULES,
    outdir,
    plugins: [lazyLoadingPlugin(exportNames, './')],
  };
}

/** Export names of each built lazy package, read from the files themselves. */
function lazyExportNames(outdir = 'dist/lazy') {
  /** @type {Record<string, string[]>} */
  const names = {};
  for (const [pkg, file] of Object.entries(LAZY_PACKAGES)) {
    const built = path.resolve(__dirname, outdir, `${file}.js`);
    delete require.cache[built];
    names[pkg] = Object.keys(require(built));
  }
  return names;
}

/**
 * One copy of the vscode module's exports for the whole bundle. For each file's `import * as vscode
 * from 'vscode'` esbuild makes its own copy of the external module's properties (a getter for each
 * of the API's few hundred exports, in each of some 30 files); in a CPU profile of the extension
 * host loading the bundle, that copying was the largest single item. Every import goes instead through one module
 * that re-exports 'vscode', copied once. Property reads still go through to the real module.
 * @returns {import('esbuild').Plugin}
 */
function singleVscodeImportPlugin() {
  return {
    name: 'single-vscode-import',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) =>
        args.namespace === 'vscode-reexport' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-reexport' });
      build.onLoad({ filter: /.*/, namespace: 'vscode-reexport' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}

/**
 * For `npm run bench:host` only (it sets AWS_ML_STUDY_BENCH_OUT), and on Linux: the CPU time the
 * calling thread has run, in ms, from /proc/thread-self/schedstat. Unlike the clock it does not
 * count time spent waiting for a CPU, so it varies far less on a busy machine (still somewhat:
 * shared cores and caches slow the thread down too). Otherwise undefined.
 */
const THREAD_CPU = `var __awsMlStudyCpu = () => {
  if (!process.env.AWS_ML_STUDY_BENCH_OUT) return undefined;
  try { return Number(require('fs').readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return undefined; }
};`;

/**
 * The extension host bundle (dist/extension.js).
 * @param {Record<string, string[]>} exportNames the lazy packages' export names ({@link lazyExportNames})
 * @returns {import('esbuild').BuildOptions}
 */
function extensionBuild(exportNames, outdir = 'dist') {
  return {
    ...hostCommon,
    entryPoints: { extension: 'src/extension.ts' },
    outdir,
    plugins: [lazyLoadingPlugin(exportNames, './lazy/'), singleVscodeImportPlugin()],
    // import() of a lazy module becomes require(), as for the packages: one module system, and
    // the host's CommonJS loader (not its ES module loader) loads our files.
    supported: { 'dynamic-import': false },
    // First and last statements of the bundle: how long the host took to evaluate it (ExtensionApi.timing).
    banner: { js: `${THREAD_CPU}\nvar __awsMlStudyLoadStart = performance.now(), __awsMlStudyLoadCpu = __awsMlStudyCpu();` },
    footer: { js: 'var __awsMlStudyLoadEnd = performance.now(), __awsMlStudyLoadEndCpu = __awsMlStudyCpu();' },
  };
}

const builds = [
  {
    ...nodeCommon,
    entryPoints: { cli: 'src/cli/main.ts', 'build-content': 'scripts/buildContent.ts' },
    outdir: 'dist',
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
  // The extension's files need the lazy packages' export names, so those are built first.
  await esbuild.build(lazyPackagesBuild());
  const names = lazyExportNames();
  const host = [extensionBuild(names), lazyModulesBuild(names)];
  if (watch) {
    for (const options of [...host, ...builds]) {
      const ctx = await esbuild.context(options);
      await ctx.watch();
    }
    copyCodicons();
    console.log('[watch] watching for changes');
    return;
  }
  await Promise.all([...host, ...builds].map((b) => esbuild.build(b)));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
  copyCodicons();
  buildContent();
}

module.exports = { LAZY_PACKAGES, LAZY_MODULES, lazyPackagesBuild, lazyExportNames, lazyModulesBuild, extensionBuild };

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
