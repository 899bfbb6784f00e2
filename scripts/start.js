#!/usr/bin/env node
/**
 * `npm start`: builds, then runs the extension in VS Code (desktop `code` when on PATH, otherwise
 * code-server on a loopback port, printing the URL). Options: `npm start -- [--watch] [FOLDER]`.
 * See scripts/vscode/start.ts.
 */
require('./tsMain')(require.resolve('./vscode/start.ts'));
