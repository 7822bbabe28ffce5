import type { Kysely } from 'kysely';
import { DEFAULT_WATCH_LIMIT, type PlanCatalog } from '../billing/index.js';
import type { Clock } from '../clock.js';
import { ulid } from '../ids.js';
import type { Database, WatchesTable } from '../store/index.js';
import { chartEndpoint } from './answers.js';
import { defaultChartKey, type PublicChart } from './charts.js';
import type { Snapshot } from './snapshots.js';
import { nameKey, readDay, type StoredDay, type StoredEntry } from './snapshots.js';
import type { WatchView } from './views.js';
import type { Webhooks } from './webhooks.js';

/** Webhook endpoints per account, whatever the plan. */
export const ENDPOINT_LIMIT = 10;

/** The watch limit of an account's plan; a plan the operator has since removed gets the default. */
export function watchLimit(plans: PlanCatalog, planId: string): number {
  return plans.get(planId)?.watch_limit ?? DEFAULT_WATCH_LIMIT;
}

/** What a watch looks for, as the Console API takes it. */
export type WatchInput =
  | { kind: 'entry'; chart: PublicChart; country_code: string | null; period: number | null; name: string; top_n: number | null; endpoint_id: string }
  | { kind: 'new_entry'; chart: PublicChart; country_code: string | null; period: number | null; top_n: number; endpoint_id: string }
  | { kind: 'rank_change'; chart: PublicChart; country_code: string | null; period: number | null; min_change: number; top_n: number | null; endpoint_id: string };


function view(row: WatchesTable): WatchView {
  return {
    id: row.id,
    kind: row.kind,
    chart: row.chart,
    country_code: row.country_code,
    period: row.period,
    name: row.name,
    top_n: row.top_n,
    min_change: row.min_change,
    endpoint_id: row.endpoint_id,
    created_at: new Date(row.created_at).toISOString(),
  };
}

/** One thing a watch saw: an entry, where it stands and where it stood. */
interface Match {
  /** The entry's `entryKey`, by which a match is recorded once whichever adapter's id it came with. */
  key: string;
  entry: StoredEntry;
  previousRank: number | null;
}

function inTop(entry: StoredEntry, topN: number | null): boolean {
  return topN === null || entry.rank <= topN;
}

/** Whether a day holds every entry down to rank `topN`, so absence from it means something. */
function covers(day: StoredDay, topN: number | null): boolean {
  if (day.complete) return true;
  if (topN === null) return false;
  const ranks = new Set([...day.entries.values()].map((e) => e.rank));
  for (let rank = 1; rank <= topN; rank++) if (!ranks.has(rank)) return false;
  return true;
}

/** The matches of one watch between a chart's previous stored day and the day just stored. */
export function matchesOf(watch: WatchesTable, today: StoredDay, previous: StoredDay | undefined): Match[] {
  const before = (key: string) => previous?.entries.get(key);
  const entries = [...today.entries];
  switch (watch.kind) {
    case 'entry': {
      const name = nameKey(watch.name ?? '');
      return entries
        .filter(([, e]) => nameKey(e.name) === name && inTop(e, watch.top_n))
        .filter(([key]) => {
          const was = before(key);
          // It entered: below the cut on the previous stored day, absent from a previous day that held
          // every rank down to the cut, or no day to compare with. Absent from part of the chart says nothing.
          return previous === undefined || (was ? !inTop(was, watch.top_n) : covers(previous, watch.top_n));
        })
        .map(([key, e]) => ({ key, entry: e, previousRank: before(key)?.rank ?? null }));
    }
    case 'new_entry': {
      if (!previous || !covers(previous, watch.top_n)) return [];
      return entries
        .filter(([, e]) => inTop(e, watch.top_n))
        .filter(([key]) => {
          const was = before(key);
          return !was || !inTop(was, watch.top_n);
        })
        .map(([key, e]) => ({ key, entry: e, previousRank: before(key)?.rank ?? null }));
    }
    case 'rank_change':
      if (!previous) return [];
      return entries.flatMap(([key, e]) => {
        const was = before(key);
        if (!was || !inTop(e, watch.top_n)) return [];
        return Math.abs(was.rank - e.rank) >= (watch.min_change ?? 1) ? [{ key, entry: e, previousRank: was.rank }] : [];
      });
  }
}

/** Watches: stored per account, matched against every stored snapshot, delivered through webhooks. */
export class Watches {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly webhooks: Webhooks,
  ) {}

  async count(accountId: string): Promise<number> {
    const { n } = await this.db
      .selectFrom('watches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async list(accountId: string): Promise<WatchView[]> {
    const rows = await this.db.selectFrom('watches').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute();
    return rows.map(view);
  }

  /** Stores a watch; the caller has checked the plan's limit and that the endpoint is the account's. */
  async create(accountId: string, input: WatchInput): Promise<WatchView> {
    const endpoint = chartEndpoint(input.chart);
    const period = 'period' in endpoint.params ? (input.period ?? (endpoint.params.period?.default as number)) : null;
    const key = defaultChartKey(input.chart, input.country_code, period, endpoint);
    const now = this.clock.now();
    const row: WatchesTable = {
      id: `wat_${ulid(now)}`,
      account_id: accountId,
      endpoint_id: input.endpoint_id,
      kind: input.kind,
      chart: input.chart,
      chart_key: key.key,
      country_code: input.country_code,
      period,
      name: input.kind === 'entry' ? input.name : null,
      top_n: input.top_n,
      min_change: input.kind === 'rank_change' ? input.min_change : null,
      created_at: now,
    };
    await this.db.insertInto('watches').values(row).execute();
    return view(row);
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('watches').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    await this.db.deleteFrom('watch_matches').where('watch_id', '=', id).execute();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Looks at a stored snapshot with every watch of an active account on its chart. A match is recorded once (per watch,
   * day and entry) and its delivery queued in the same transaction, so it fires exactly once however
   * often the chart is seen that day.
   */
  async evaluate(snapshot: Snapshot): Promise<number> {
    const chart = snapshot.reading.key;
    // A suspended account's watches fire nothing while it is suspended (and a deleted one has none left).
    const watches = await this.db
      .selectFrom('watches')
      .innerJoin('accounts', 'accounts.id', 'watches.account_id')
      .selectAll('watches')
      .where('watches.chart_key', '=', chart.key)
      .where('accounts.status', '=', 'active')
      .execute();
    if (watches.length === 0) return 0;
    const today = await readDay(this.db, chart, snapshot.day);
    if (!today) return 0;
    const previousDay = await this.db
      .selectFrom('history_days')
      .select('day')
      .where('chart_key', '=', chart.key)
      .where('day', '<', snapshot.day)
      .orderBy('day', 'desc')
      .limit(1)
      .executeTakeFirst();
    const previous = previousDay ? await readDay(this.db, chart, previousDay.day) : undefined;
    let fired = 0;
    for (const watch of watches) {
      for (const match of matchesOf(watch, today, previous)) {
        const queued = await this.db.transaction().execute(async (tx) => {
          const inserted = await tx
            .insertInto('watch_matches')
            .values({ watch_id: watch.id, match_key: `${snapshot.day}|${match.key}`, created_at: this.clock.now() })
            .onConflict((oc) => oc.columns(['watch_id', 'match_key']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
          await this.webhooks.enqueue(
            watch.account_id,
            watch.endpoint_id,
            {
              type: 'watch.matched',
              watchId: watch.id,
              data: {
                watch: view(watch),
                match: {
                  date: snapshot.day,
                  id: match.entry.id,
                  name: match.entry.name,
                  rank: match.entry.rank,
                  previous_rank: match.previousRank,
                  rank_change: match.previousRank === null ? null : match.previousRank - match.entry.rank,
                  metrics: match.entry.metrics,
                },
              },
            },
            tx,
          );
          return true;
        });
        if (queued) fired += 1;
      }
    }
    if (fired > 0) this.webhooks.kick();
    return fired;
  }
}

