/**
 * Counting and printing for `npm test`: each tier reports passed/failed/skipped test counts, the
 * harness prints one timing line per tier and, last of all, `N passed, N failed, N skipped`.
 */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export const ZERO: Counts = { passed: 0, failed: 0, skipped: 0 };

export function add(a: Counts, b: Counts): Counts {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

export function formatCounts(c: Counts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Mocha's run summary as written by scripts/vscode/mochaSummaryReporter.js. */
export interface MochaSummary {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  /** Passing tests per spec file (absolute path). */
  passesByFile?: Record<string, number>;
  /** Spec files with a failing test or hook. */
  failedFiles?: string[];
}

export function countsFromMocha(s: MochaSummary): Counts {
  return { passed: s.passes, failed: s.failures, skipped: s.pending };
}

export function banner(text: string): void {
  console.log(`\n━━━ ${text} ${'━'.repeat(Math.max(3, 74 - text.length))}`);
}
