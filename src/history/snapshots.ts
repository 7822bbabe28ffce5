import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { ChartEntry, ChartKey, ChartReading, EntryIdentity } from './charts.js';

/** A chart as read on one UTC day, ready to store. */
export interface Snapshot {
  reading: ChartReading;
  day: string;
  capturedAt: number;
}

/** A stored day of one chart: its entries by `entryKey`, and whether they are the whole chart. */
export interface StoredDay {
  day: string;
  complete: boolean;
  entries: Map<string, StoredEntry>;
}

/** One stored entry of a day. */
export interface StoredEntry {
  id: string;
  name: string;
  rank: number;
  metrics: Record<string, number>;
}

const INSERT_CHUNK = 200;

function parseMetrics(text: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * The form a name is looked up by: case folded in JavaScript, never by the database, whose `lower()`
 * folds only ASCII on SQLite. `src/store/migrations.ts` (0007) filled stored rows with this same form.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** What an entry is matched by across days in a chart of this identity (`ChartSpec.identity`). */
export function entryKey(identity: EntryIdentity, entry: { id: string; name: string }): string {
  return identity === 'name' ? nameKey(entry.name) : entry.id;
}

/** The column of `history_entries` that holds `entryKey`. */
function keyColumn(identity: EntryIdentity): 'entry_id' | 'name_key' {
  return identity === 'name' ? 'name_key' : 'entry_id';
}

/** Whether a stored day holds its whole chart: the size the answers gave is known, and reached. */
function isComplete(row: { total: number | null; entries: number }): boolean {
  return row.total !== null && row.entries >= row.total;
}

/**
 * The ranks a reading shows afresh: from its first to its last entry, and on to the chart's end when
 * it reaches the end of a chart of known size (what lay below is gone from the chart).
 */
function shownRanks(reading: ChartReading): { from: number; to: number | null } {
  const ranks = reading.entries.map((e) => e.rank);
  const last = Math.max(...ranks);
  return { from: Math.min(...ranks), to: reading.total !== null && last >= reading.total ? null : last };
}

/**
 * Writes one chart's day. Windows seen at different times add up, and a later answer the same day
 * wins: the ranks this reading shows replace what was stored at them, so an entry that left them
 * is gone (README § Trend history). The day row then counts what is stored.
 */
export async function writeSnapshot(db: Kysely<Database>, snapshot: Snapshot): Promise<void> {
  const { reading, day, capturedAt } = snapshot;
  const chartKey = reading.key.key;
  const { identity } = reading.key;
  // One row per entry, and per id (the table's key): an answer naming an entry twice stores it once.
  const byEntry = new Map(reading.entries.map((e) => [entryKey(identity, e), e]));
  const unique = new Map<string, ChartEntry>([...byEntry.values()].map((e) => [e.id, e]));
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('history_charts')
      .values({
        chart_key: chartKey,
        operation_id: reading.key.operationId,
        kind: reading.key.kind,
        country_code: reading.key.country,
        period: reading.key.period,
        created_at: capturedAt,
      })
      .onConflict((oc) => oc.column('chart_key').doNothing())
      .execute();
    if (reading.entries.length > 0) {
      const { from, to } = shownRanks(reading);
      let replaced = tx.deleteFrom('history_entries').where('chart_key', '=', chartKey).where('day', '=', day).where('rank', '>=', from);
      if (to !== null) replaced = replaced.where('rank', '<=', to);
      await replaced.execute();
    }
    if (identity === 'name') {
      // An entry the reading moved out of another window seen earlier today, under the other adapter's id.
      const names = [...byEntry.keys()];
      for (let i = 0; i < names.length; i += INSERT_CHUNK) {
        await tx
          .deleteFrom('history_entries')
          .where('chart_key', '=', chartKey)
          .where('day', '=', day)
          .where('name_key', 'in', names.slice(i, i + INSERT_CHUNK))
          .execute();
      }
    }
    const rows = [...unique.values()].map((e) => ({
      chart_key: chartKey,
      day,
      entry_id: e.id,
      name: e.name,
      name_key: nameKey(e.name),
      rank: e.rank,
      metrics: JSON.stringify(e.metrics),
    }));
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await tx
        .insertInto('history_entries')
        .values(rows.slice(i, i + INSERT_CHUNK))
        // An entry the reading moved out of another window seen earlier today.
        .onConflict((oc) =>
          oc.columns(['chart_key', 'day', 'entry_id']).doUpdateSet({
            name: (eb) => eb.ref('excluded.name'),
            name_key: (eb) => eb.ref('excluded.name_key'),
            rank: (eb) => eb.ref('excluded.rank'),
            metrics: (eb) => eb.ref('excluded.metrics'),
          }),
        )
        .execute();
    }
    const { n } = await tx
      .selectFrom('history_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('chart_key', '=', chartKey)
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('history_days')
      .values({ chart_key: chartKey, day, total: reading.total, entries: Number(n), captured_at: capturedAt })
      .onConflict((oc) =>
        oc.columns(['chart_key', 'day']).doUpdateSet({
          total: (eb) => eb.fn.coalesce(eb.ref('excluded.total'), eb.ref('history_days.total')),
          entries: (eb) => eb.ref('excluded.entries'),
          captured_at: (eb) => eb.ref('excluded.captured_at'),
        }),
      )
      .execute();
  });
}

/** A chart's stored day, or undefined when history has none for it. */
export async function readDay(db: Kysely<Database>, chart: ChartKey, day: string): Promise<StoredDay | undefined> {
  const row = await db.selectFrom('history_days').selectAll().where('chart_key', '=', chart.key).where('day', '=', day).executeTakeFirst();
  if (!row) return undefined;
  const entries = await db
    .selectFrom('history_entries')
    .select(['entry_id', 'name', 'name_key', 'rank', 'metrics'])
    .where('chart_key', '=', chart.key)
    .where('day', '=', day)
    .execute();
  const column = keyColumn(chart.identity);
  return {
    day,
    // A day that holds fewer entries than the chart's size saw only some windows of it.
    complete: isComplete(row),
    entries: new Map(entries.map((e) => [e[column], { id: e.entry_id, name: e.name, rank: e.rank, metrics: parseMetrics(e.metrics) }])),
  };
}

/** The days a chart is stored for within [first, last], oldest first, each saying whether it holds the whole chart. */
export async function storedDays(
  db: Kysely<Database>,
  chartKey: string,
  first: string,
  last: string,
): Promise<Array<{ day: string; complete: boolean }>> {
  const rows = await db
    .selectFrom('history_days')
    .select(['day', 'total', 'entries'])
    .where('chart_key', '=', chartKey)
    .where('day', '>=', first)
    .where('day', '<=', last)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, complete: isComplete(r) }));
}

/** One entry's stored days within [first, last], oldest first, by its `entryKey`. */
export async function entryDays(
  db: Kysely<Database>,
  chart: ChartKey,
  key: string,
  first: string,
  last: string,
): Promise<Array<{ day: string; rank: number; metrics: Record<string, number> }>> {
  const rows = await db
    .selectFrom('history_entries')
    .select(['day', 'rank', 'metrics'])
    .where('chart_key', '=', chart.key)
    .where(keyColumn(chart.identity), '=', key)
    .where('day', '>=', first)
    .where('day', '<=', last)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, rank: r.rank, metrics: parseMetrics(r.metrics) }));
}

/**
 * An entry of a chart by id or by name, as last stored, with its `entryKey`; names compare without
 * case. An id finds the entry on the days its adapter served, the key on every day.
 */
export async function findEntry(
  db: Kysely<Database>,
  chart: ChartKey,
  by: { id?: string; name?: string },
): Promise<{ id: string; name: string; key: string } | undefined> {
  let query = db.selectFrom('history_entries').select(['entry_id', 'name', 'name_key']).where('chart_key', '=', chart.key);
  if (by.id !== undefined) query = query.where('entry_id', '=', by.id);
  if (by.name !== undefined) query = query.where('name_key', '=', nameKey(by.name));
  const row = await query.orderBy('day', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.entry_id, name: row.name, key: row[keyColumn(chart.identity)] } : undefined;
}

/** Ranks of a chart's entries over [first, last], by `entryKey`, for sparklines. */
export async function rankSeries(
  db: Kysely<Database>,
  chart: ChartKey,
  keys: readonly string[],
  first: string,
  last: string,
): Promise<Map<string, Array<{ day: string; rank: number }>>> {
  const column = keyColumn(chart.identity);
  const series = new Map<string, Array<{ day: string; rank: number }>>();
  for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
    const rows = await db
      .selectFrom('history_entries')
      .select([(eb) => eb.ref(column).as('key'), 'day', 'rank'])
      .where('chart_key', '=', chart.key)
      .where(column, 'in', keys.slice(i, i + INSERT_CHUNK))
      .where('day', '>=', first)
      .where('day', '<=', last)
      .orderBy('day')
      .execute();
    for (const row of rows) {
      const list = series.get(row.key) ?? [];
      list.push({ day: row.day, rank: row.rank });
      series.set(row.key, list);
    }
  }
  return series;
}

/** The first day each entry, by `entryKey`, was stored in a chart (within what retention kept). */
export async function firstSeen(db: Kysely<Database>, chart: ChartKey, keys: readonly string[]): Promise<Map<string, string>> {
  const column = keyColumn(chart.identity);
  const seen = new Map<string, string>();
  for (let i = 0; i < keys.length; i += INSERT_CHUNK) {
    const rows = await db
      .selectFrom('history_entries')
      .select([(eb) => eb.ref(column).as('key'), (eb) => eb.fn.min<string>('day').as('first')])
      .where('chart_key', '=', chart.key)
      .where(column, 'in', keys.slice(i, i + INSERT_CHUNK))
      .groupBy(column)
      .execute();
    for (const row of rows) seen.set(row.key, row.first);
  }
  return seen;
}

/** Deletes every stored day before `firstKept`. */
export async function pruneBefore(db: Kysely<Database>, firstKept: string): Promise<void> {
  await db.deleteFrom('history_entries').where('day', '<', firstKept).execute();
  await db.deleteFrom('history_days').where('day', '<', firstKept).execute();
}
