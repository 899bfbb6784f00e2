/**
 * Settings Sync keys for globalState. `setKeysForSync` replaces the whole list on every call, so
 * every store adds its keys here and the union is what VS Code syncs.
 */
import type * as vscode from 'vscode';

type SyncedMemento = vscode.Memento & { setKeysForSync(keys: readonly string[]): void };

const registered = new WeakMap<SyncedMemento, Set<string>>();

export function addSyncKeys(state: SyncedMemento, ...keys: string[]): void {
  const all = registered.get(state) ?? new Set<string>();
  for (const k of keys) all.add(k);
  registered.set(state, all);
  state.setKeysForSync([...all]);
}
