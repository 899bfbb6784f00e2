/** A StateSlot in memory, standing in for globalState in the tests (it stores what it is given, like a Memento). */
import type { SlotRead, StateSlot } from '../../../src/core/srs/persistence';
import type { ReviewData } from '../../../src/core/srs/schema';

export class MemorySlot implements StateSlot {
  value: unknown;
  backups: unknown[] = [];
  writes = 0;
  failWrites = false;

  constructor(readonly name = 'globalState', value?: unknown) { this.value = value; }

  async read(): Promise<SlotRead> { return { value: this.value === undefined ? undefined : JSON.parse(JSON.stringify(this.value)) }; }

  async write(data: ReviewData): Promise<void> {
    if (this.failWrites) throw new Error('disk full');
    this.value = JSON.parse(JSON.stringify(data));
    this.writes++;
  }

  async backup(raw: unknown): Promise<string> {
    this.backups.push(raw);
    return `${this.name} backup ${this.backups.length}`;
  }
}
