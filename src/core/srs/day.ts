/**
 * Study days in the learner's local time. A study day starts at 4 am, as in Anki, so a session
 * after midnight still counts for the evening it belongs to. Review cards are due by day; cards
 * in (re)learning are due to the minute.
 */
export const DAY_ROLLOVER_HOUR = 4;

export function studyDayStart(now: Date): Date {
  const d = new Date(now.getTime());
  d.setHours(DAY_ROLLOVER_HOUR, 0, 0, 0);
  if (d.getTime() > now.getTime()) d.setDate(d.getDate() - 1);
  return d;
}

/** `n` local days after `d`, keeping the wall-clock time (DST-safe). */
export function addDays(d: Date, n: number): Date {
  const x = new Date(d.getTime());
  x.setDate(x.getDate() + n);
  return x;
}

export function nextStudyDayStart(now: Date): Date {
  return addDays(studyDayStart(now), 1);
}

/** `YYYY-MM-DD` of the study day a moment belongs to. */
export function studyDayKey(at: Date | number): string {
  const d = studyDayStart(typeof at === 'number' ? new Date(at) : at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
