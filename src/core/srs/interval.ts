/** Intervals as a learner reads them on the grade buttons: "1m", "10m", "3h", "4d", "2.5mo", "1.2y". */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '<1m';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}m`;
  if (ms < DAY) return `${trim(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30.4)}mo`;
  return `${trim(days / 365)}y`;
}

/** One decimal below 10, none above: 1.5h, 12h. */
function trim(x: number): string {
  return x < 10 ? String(Math.round(x * 10) / 10) : String(Math.round(x));
}

/** "in 9 minutes", "in 3 hours", "tomorrow", "in 4 days", for summaries. */
export function describeWait(ms: number): string {
  if (ms <= MINUTE) return 'now';
  if (ms < HOUR) { const m = Math.round(ms / MINUTE); return `in ${m} minute${m === 1 ? '' : 's'}`; }
  if (ms < DAY) { const h = Math.round(ms / HOUR); return `in ${h} hour${h === 1 ? '' : 's'}`; }
  const d = Math.round(ms / DAY);
  return d === 1 ? 'tomorrow' : `in ${d} days`;
}
