import type SQLite from 'better-sqlite3';
import type { UsageDailyTable, UsageEventsTable } from '../store/index.js';
import { DAILY_COLUMNS, DAILY_KEY, DAILY_SUMS, EVENT_COLUMNS } from './usage-columns.js';

/** This module, as a batch job of the write thread (src/store/batch-job.ts). */
export const url = new URL(import.meta.url);

/** One batch of usage rows and its daily sums as one immediate transaction of two prepared statements. */
export function prepare(sqlite: SQLite.Database): (rows: readonly UsageEventsTable[], sums: readonly UsageDailyTable[]) => void {
  const event = sqlite.prepare(
    `INSERT INTO usage_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (request_id) DO NOTHING`,
  );
  const daily = sqlite.prepare(
    `INSERT INTO usage_daily (${DAILY_COLUMNS.join(', ')}) VALUES (${DAILY_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (${DAILY_KEY}) DO UPDATE SET ${DAILY_SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const flush = sqlite.transaction((rows: readonly UsageEventsTable[], sums: readonly UsageDailyTable[]) => {
    // Positional parameters: binding by name costs a lookup per column and row.
    for (const row of rows) event.run(EVENT_COLUMNS.map((c) => row[c]));
    for (const sum of sums) daily.run(DAILY_COLUMNS.map((c) => sum[c]));
  });
  return (rows, sums) => flush.immediate(rows, sums);
}
