/** Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10ⁿ, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, step);
  const ticks: number[] = [];
  for (let t = 0; t < max + whole; t += whole) {
    ticks.push(t);
    if (t >= max) break;
  }
  return ticks;
}

/** Which of `n` labels to print so that at most `room` show, evenly spread, first and last included. */
export function labelIndexes(n: number, room: number): number[] {
  if (n <= room) return Array.from({ length: n }, (_, i) => i);
  const step = Math.ceil((n - 1) / (room - 1));
  const out: number[] = [];
  for (let i = 0; i < n - 1; i += step) out.push(i);
  out.push(n - 1);
  return out;
}

const DAY_SECONDS = 86_400;

/** Tick steps for a date axis of daily points, in seconds: whole days only, never hours. */
export const DAY_TICK_STEPS = [1, 2, 7, 14, 28, 56, 91, 182, 364].map((days) => days * DAY_SECONDS);

/** Tick steps for a rank axis: whole places only. */
export const RANK_TICK_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** A rank axis from the best rank shown to the worst, in whole places from 1, with half a place of room at each end so no point sits on the edge. */
export function rankRange(min: number, max: number): [number, number] {
  const top = Math.max(1, Math.floor(min));
  const bottom = Math.max(top, Math.ceil(max));
  return [top - 0.5, bottom + 0.5];
}
