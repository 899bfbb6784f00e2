/**
 * Environment for the programs the harness starts (code-server, its extension hosts, Chromium):
 * HOME, XDG_* and TMPDIR all point into the launch's own run folder, so nothing lands in the
 * user's home and sockets stay on a short path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function isolatedEnv(runDir: string, tmpDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = path.join(runDir, 'home');
  const dirs = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(tmpDir, 0o700);
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A terminal inside another VS Code/code-server would hand these to the child and confuse it.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_')) delete env[key];
  }
  delete env.ELECTRON_RUN_AS_NODE;
  return { ...env, ...dirs, TMPDIR: tmpDir, XDG_RUNTIME_DIR: tmpDir, ...extra };
}
