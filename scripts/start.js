#!/usr/bin/env node
/**
 * `npm start`: builds, then runs the extension in VS Code (desktop `code` when on PATH, otherwise
 * code-server on a loopback port, printing the URL). Options: `npm start -- [--watch] [FOLDER]`.
 * See scripts/vscode/start.ts.
 */
require('tsx/cjs');
const { main } = require('./vscode/start.ts');

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  },
);
