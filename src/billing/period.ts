/** Calendar arithmetic for billing periods (docs/api-contract.md § Credits), all in UTC. */

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `anchor` + n months; a day the target month lacks becomes its last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(anchorMs: number, months: number): number {
  const a = new Date(anchorMs);
  const total = a.getUTCFullYear() * 12 + a.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(a.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month, day, a.getUTCHours(), a.getUTCMinutes(), a.getUTCSeconds(), a.getUTCMilliseconds());
}

/** The billing period containing `now` for an account created at `anchorMs`. */
export function periodAt(anchorMs: number, now: number): { start: number; end: number } {
  const a = new Date(anchorMs);
  const n = new Date(now);
  let months = (n.getUTCFullYear() - a.getUTCFullYear()) * 12 + (n.getUTCMonth() - a.getUTCMonth());
  if (addMonths(anchorMs, months) > now) months -= 1;
  months = Math.max(0, months);
  return { start: addMonths(anchorMs, months), end: addMonths(anchorMs, months + 1) };
}

let lastDayNumber = Number.NaN;
let lastDay = '';

/** `YYYY-MM-DD` of the UTC day holding `ms`; the last day's text is kept, as the hot path asks for it per request. */
export function utcDay(ms: number): string {
  const dayNumber = Math.floor(ms / DAY_MS);
  if (dayNumber !== lastDayNumber) {
    lastDay = new Date(ms).toISOString().slice(0, 10);
    lastDayNumber = dayNumber;
  }
  return lastDay;
}

/** 00:00 UTC of the day after `ms`: when daily caps reset. */
export function nextUtcMidnight(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 1) * DAY_MS;
}

/** RFC 3339 UTC without fractional seconds, as the contract's examples show. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
