#!/usr/bin/env node
/**
 * `npm test`: runs every tier (typecheck, lint, build, content lint, unit, VS Code integration,
 * e2e) and ends with `N passed, N failed`. The harness is TypeScript, loaded through tsx; see
 * scripts/vscode/testMain.ts for the environment switches (SKIP_VSCODE=1, ONLY=..., SKIP=...).
 */
require('./tsMain')(require.resolve('./vscode/testMain.ts'));
