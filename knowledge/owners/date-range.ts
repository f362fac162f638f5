/** A report's days, UTC, both included. */
export interface DateRange {
  from: Date;
  to: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A year and a day: a report lists one storage prefix per day. */
export const MAX_RANGE_DAYS = 366;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads `from` and `to` (YYYY-MM-DD; `to` defaults to today, `from` to `defaultDays` before `to`).
 * Throws with the value named when one is not a real date, `from` is after `to`, or the range is
 * longer than {@link MAX_RANGE_DAYS}.
 */
export function parseDateRange(from: string | undefined, to: string | undefined, now: Date = new Date(), defaultDays = 7): DateRange {
  const end = to ? day(to, 'to') : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = from ? day(from, 'from') : new Date(end.getTime() - (defaultDays - 1) * DAY_MS);
  if (start > end) throw new Error(`"from" (${isoDay(start)}) is after "to" (${isoDay(end)})`);
  if ((end.getTime() - start.getTime()) / DAY_MS + 1 > MAX_RANGE_DAYS) throw new Error(`a report covers at most ${MAX_RANGE_DAYS} days`);
  return { from: start, to: end };
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function day(text: string, name: string): Date {
  const date = new Date(`${text}T00:00:00Z`);
  if (!ISO_DAY.test(text) || Number.isNaN(date.getTime()) || isoDay(date) !== text) throw new Error(`"${name}" must be a date written YYYY-MM-DD, got "${text}"`);
  return date;
}
