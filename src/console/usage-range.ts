import { z } from 'zod';
import { ApiError } from '../http/index.js';
import { nextUtcMidnight } from '../billing/index.js';

const DAY_MS = 86_400_000;
/** docs/api-contract.md § Console API: a custom range spans at most 93 days. */
export const MAX_CUSTOM_DAYS = 93;

// The web app's usage page turns this exact message into "is not a valid date" (web/src/lib/usage-query.ts).
const INSTANT_MESSAGE = 'must be an RFC 3339 date-time';
/**
 * A date (`2026-03-01`, that day's UTC midnight) or a date-time with `Z` or an offset. zod's ISO checks
 * refuse dates and times that do not exist (February 30, hour 24), which Date.parse would roll over
 * into the next month or day; RFC 3339 allows a lower-case `t` and `z`, which they do not, hence the
 * upper-casing.
 */
const Instant = z
  .string(INSTANT_MESSAGE)
  .transform((s) => s.toUpperCase())
  .pipe(z.union([z.iso.date(), z.iso.datetime({ offset: true })], INSTANT_MESSAGE))
  .transform((s) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s));

/** The range params every usage route takes (docs/api-contract.md § Console API). */
export const RangeQuery = z.object({
  range: z.enum(['period', 'day', 'week', 'month', 'custom'], 'must be one of period, day, week, month, custom').optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  key_id: z.string('must be a key id').min(1, 'must be a key id').optional(),
});
export type RangeQuery = z.infer<typeof RangeQuery>;

const startOfDay = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/**
 * Resolves a range to whole UTC days, half-open `[from, to)`, because usage is aggregated per UTC day:
 * `period` runs from the day the billing period started through today; `day` is today; `week` and
 * `month` are the last 7 and 30 days including today; `custom` runs from `from`'s day through `to`'s
 * day. `from`/`to` without `range` mean `custom`.
 */
export function resolveRange(query: RangeQuery, now: number, periodStart: number): { from: number; to: number } {
  const range = query.range ?? (query.from !== undefined || query.to !== undefined ? 'custom' : 'period');
  const tomorrow = nextUtcMidnight(now);
  switch (range) {
    case 'period':
      return { from: startOfDay(periodStart), to: tomorrow };
    case 'day':
      return { from: tomorrow - DAY_MS, to: tomorrow };
    case 'week':
      return { from: tomorrow - 7 * DAY_MS, to: tomorrow };
    case 'month':
      return { from: tomorrow - 30 * DAY_MS, to: tomorrow };
    case 'custom': {
      const missing = (['from', 'to'] as const).filter((p) => query[p] === undefined);
      // Without `range`, the caller sent one end only: say that the two go together, not a range=custom they never wrote.
      const message = (param: 'from' | 'to') =>
        query.range === 'custom' ? 'is required with range=custom' : `is required with ${param === 'from' ? 'to' : 'from'}: from and to go together`;
      if (missing.length > 0) throw ApiError.invalidInput(missing.map((param) => ({ param, message: message(param) })));
      const from = startOfDay(query.from!);
      const to = startOfDay(query.to!) + DAY_MS;
      if (to <= from) throw ApiError.invalidInput([{ param: 'to', message: 'must not be before from' }]);
      if (to - from > MAX_CUSTOM_DAYS * DAY_MS) throw ApiError.invalidInput([{ param: 'to', message: `a custom range spans at most ${MAX_CUSTOM_DAYS} days` }]);
      return { from, to };
    }
  }
}
