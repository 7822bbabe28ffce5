const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a Unix-millisecond instant, UTC. */
export function utcDayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC day `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  return utcDayOf(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

/** 00:00 UTC of a day, in Unix milliseconds. */
export function dayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Every day from `first` to `last`, both included, oldest first. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}
