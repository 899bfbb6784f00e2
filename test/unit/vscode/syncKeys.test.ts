import { strict as assert } from 'assert';
import { addSyncKeys } from '../../../src/vscode/adapters/syncKeys';

describe('Settings Sync keys', () => {
  it('keeps the union of every store\'s keys, since setKeysForSync replaces the list', () => {
    let synced: readonly string[] = [];
    const state = { keys: () => [], get: () => undefined, update: async () => undefined, setKeysForSync: (k: readonly string[]) => { synced = k; } };
    addSyncKeys(state, 'answers');
    addSyncKeys(state, 'reviews');
    addSyncKeys(state, 'exam.current', 'exam.history', 'answers');
    assert.deepEqual([...synced].sort(), ['answers', 'exam.current', 'exam.history', 'reviews']);
  });
});
