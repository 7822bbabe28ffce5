import { Migrator, type Kysely } from 'kysely';
import { chartEndpoint } from '../../src/history/answers.js';
import { defaultChartKey, type ChartKey } from '../../src/history/charts.js';
import { openStore, type Database, type Store } from '../../src/store/index.js';
import { migrations } from '../../src/store/migrations.js';

/**
 * A database as Trendlens left it before hashtags were matched by name (commit a2dd1d9): schema at
 * migration 0007, and a day the Creative Center and TikTok One both answered, written the way the
 * writer and the watch evaluator of that time wrote it.
 */

/** The day both adapters answered, and the day before it. */
export const DAY = '2026-11-25';
export const PREVIOUS_DAY = '2026-11-24';
/** A whole UTC hour of a day, in milliseconds. */
export const at = (hour: number, day = DAY) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/** The US 7-day hashtag chart (entries matched by name) and song chart (by id). */
export const HASHTAGS: ChartKey = defaultChartKey('hashtag', 'US', 7, chartEndpoint('hashtag'));
export const SONGS: ChartKey = defaultChartKey('song', 'US', 7, chartEndpoint('song'));

/** The hashtag chart on DAY as the Creative Center read it in the morning, best first. */
export const NAMES = ['prom', ...Array.from({ length: 39 }, (_, i) => `tag${i + 2}`)];
/** On the previous day: no prom, tag21 at rank 25, and "old" last. */
export const PREVIOUS_NAMES = [...NAMES.filter((n) => n !== 'prom' && n !== 'tag21').slice(0, 24), 'tag21', ...NAMES.slice(26), 'old'];
/** What TikTok One read at 15:00: tag21 climbed to rank 20, past tag20. */
export const LATER_NAMES = [...NAMES.slice(0, 19), 'tag21', 'tag20', ...NAMES.slice(21)];

const ALL = [...NAMES, 'old'];
const idOf = (lead: string) => (name: string) => `${lead}${String(ALL.indexOf(name)).padStart(6, '0')}`;
/** Each adapter's id for a hashtag: the same name, different ids (digits, as the history endpoint takes). */
export const creativeCenterId = idOf('1');
export const tiktokOneId = idOf('7');

export const ACCOUNT = 'acc_legacy';
export const ENDPOINT = 'whe_legacy';
/** An entry watch for prom, which fired twice on DAY, once under each adapter's id. */
export const PROM_WATCH = 'wat_legacy_prom';
/** An entry watch on the song chart, whose entries are matched by id: two songs named "Intro". */
export const SONG_WATCH = 'wat_legacy_song';
/** A record of PROM_WATCH no stored row or delivery tells the name of. */
export const UNKNOWN_MATCH = '2026-10-01|1999999';

/** A store at migration 0007, the last before the merge. */
export async function storeAt0007(url: string): Promise<Store> {
  const store = await openStore(url, { migrate: false });
  const { error } = await new Migrator({ db: store.db, provider: { getMigrations: async () => migrations(store.dialect) } }).migrateTo('0007_history_name_key');
  if (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * The writer before a2dd1d9 (src/history/snapshots.ts then): the ranks a window shows replace what
 * was stored at them, and rows are keyed by the upstream's id, so a hashtag a later window of the other
 * adapter moved out of an earlier window stays beside itself.
 */
async function writeWindow(db: Kysely<Database>, chart: ChartKey, day: string, entries: Array<{ id: string; name: string; rank: number }>, total: number | null, capturedAt: number): Promise<void> {
  await db
    .insertInto('history_charts')
    .values({ chart_key: chart.key, operation_id: chart.operationId, kind: chart.kind, country_code: chart.country, period: chart.period, created_at: capturedAt })
    .onConflict((oc) => oc.column('chart_key').doNothing())
    .execute();
  const ranks = entries.map((e) => e.rank);
  const last = Math.max(...ranks);
  let replaced = db.deleteFrom('history_entries').where('chart_key', '=', chart.key).where('day', '=', day).where('rank', '>=', Math.min(...ranks));
  if (!(total !== null && last >= total)) replaced = replaced.where('rank', '<=', last);
  await replaced.execute();
  for (const e of entries) {
    const row = { name: e.name, name_key: e.name.normalize('NFC').toLowerCase(), rank: e.rank, metrics: JSON.stringify({ video_views: 100_000 - e.rank }) };
    await db
      .insertInto('history_entries')
      .values({ chart_key: chart.key, day, entry_id: e.id, ...row })
      .onConflict((oc) => oc.columns(['chart_key', 'day', 'entry_id']).doUpdateSet(row))
      .execute();
  }
  const { n } = await db
    .selectFrom('history_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('chart_key', '=', chart.key)
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('history_days')
    .values({ chart_key: chart.key, day, total, entries: Number(n), captured_at: capturedAt })
    .onConflict((oc) => oc.columns(['chart_key', 'day']).doUpdateSet({ total, entries: Number(n), captured_at: capturedAt }))
    .execute();
}

/** A window of `names` (ranks `first`…), under one adapter's ids. */
const windowOf = (names: string[], first: number, last: number, id: (name: string) => string) =>
  names.slice(first - 1, last).map((name, i) => ({ id: id(name), name, rank: first + i }));

/** What the evaluator then recorded for a match, and the delivery it queued with it. */
async function fired(db: Kysely<Database>, watch: { id: string; kind: 'entry'; chart: string; chart_key: string; name: string }, match: { id: string; name: string; rank: number }, time: number): Promise<void> {
  await db.insertInto('watch_matches').values({ watch_id: watch.id, match_key: `${DAY}|${match.id}`, created_at: time }).execute();
  const id = `evt_${watch.id}_${match.id}`;
  const payload = {
    id,
    type: 'watch.matched',
    created_at: new Date(time).toISOString(),
    watch: { id: watch.id, kind: watch.kind, chart: watch.chart, country_code: 'US', period: 7, name: watch.name, top_n: null, min_change: null, endpoint_id: ENDPOINT },
    match: { date: DAY, id: match.id, name: match.name, rank: match.rank, previous_rank: null, rank_change: null, metrics: {} },
  };
  await db
    .insertInto('webhook_deliveries')
    .values({
      id,
      endpoint_id: ENDPOINT,
      account_id: ACCOUNT,
      watch_id: watch.id,
      event_type: 'watch.matched',
      payload: JSON.stringify(payload),
      status: 'delivered',
      attempts: 1,
      next_attempt_at: null,
      last_status_code: 200,
      last_error: null,
      created_at: time,
      updated_at: time,
      delivered_at: time,
    })
    .execute();
}

/**
 * The previous day whole from the Creative Center; on DAY its page 1 at 09:00 and page 2 at 10:00,
 * then TikTok One's page 1 at 15:00, where tag21 had climbed to rank 20: tag21 is stored twice (rank 20
 * under TikTok One's id, rank 21 under the Creative Center's), tag20 not at all, and the day, 40 rows
 * for a chart of 40, reads as whole. The prom watch fired at 09:00 and again at 15:00, when the rows
 * under the Creative Center's ids had been replaced. Two songs named "Intro" on the song chart, each
 * matched by the song watch.
 */
export async function writeLegacyDay(db: Kysely<Database>): Promise<void> {
  const created = at(8, PREVIOUS_DAY);
  await db
    .insertInto('accounts')
    .values({
      id: ACCOUNT,
      email: 'legacy@example.com',
      name: null,
      password_hash: null,
      plan_id: 'test',
      status: 'active',
      created_at: created,
      period_start: created,
      period_end: created + 30 * 86_400_000,
      credits_balance: 1000,
      credits_used: 0,
      overage_credits: 0,
      allow_overage: null,
      hard_limit_credits: null,
      email_verified_at: created,
      is_operator: 0,
    })
    .execute();
  await db
    .insertInto('webhook_endpoints')
    .values({ id: ENDPOINT, account_id: ACCOUNT, url: 'http://127.0.0.1:9/legacy', secret: 'whsec_legacy', status: 'active', consecutive_failures: 0, disabled_at: null, disabled_reason: null, created_at: created })
    .execute();
  const promWatch = { id: PROM_WATCH, kind: 'entry' as const, chart: 'hashtag', chart_key: HASHTAGS.key, name: 'prom' };
  const songWatch = { id: SONG_WATCH, kind: 'entry' as const, chart: 'song', chart_key: SONGS.key, name: 'Intro' };
  for (const watch of [promWatch, songWatch]) {
    await db
      .insertInto('watches')
      .values({ ...watch, account_id: ACCOUNT, endpoint_id: ENDPOINT, country_code: 'US', period: 7, top_n: null, min_change: null, created_at: created })
      .execute();
  }

  await writeWindow(db, HASHTAGS, PREVIOUS_DAY, windowOf(PREVIOUS_NAMES, 1, 40, creativeCenterId), 40, at(9, PREVIOUS_DAY));
  await writeWindow(db, HASHTAGS, DAY, windowOf(NAMES, 1, 20, creativeCenterId), 40, at(9));
  await fired(db, promWatch, { id: creativeCenterId('prom'), name: 'prom', rank: 1 }, at(9));
  await writeWindow(db, HASHTAGS, DAY, windowOf(NAMES, 21, 40, creativeCenterId), 40, at(10));
  await writeWindow(db, HASHTAGS, DAY, windowOf(LATER_NAMES, 1, 20, tiktokOneId), 40, at(15));
  await fired(db, promWatch, { id: tiktokOneId('prom'), name: 'prom', rank: 1 }, at(15));
  await db.insertInto('watch_matches').values({ watch_id: PROM_WATCH, match_key: UNKNOWN_MATCH, created_at: at(9) }).execute();

  const intro = [
    { id: 'clip-1', name: 'Intro', rank: 1 },
    { id: 'clip-2', name: 'Intro', rank: 2 },
  ];
  await writeWindow(db, SONGS, DAY, intro, null, at(9));
  for (const song of intro) await fired(db, songWatch, song, at(9));
}

/** The database at `url` at migration 0007, holding the legacy day (writeLegacyDay), then closed. */
export async function legacyDatabase(url: string): Promise<void> {
  const store = await storeAt0007(url);
  try {
    await writeLegacyDay(store.db);
  } finally {
    await store.close();
  }
}

/** Everything the merge may change, in a stable order, to compare before and after. */
export async function historyState(db: Kysely<Database>) {
  const [entries, days, matches] = await Promise.all([
    db.selectFrom('history_entries').selectAll().orderBy('chart_key').orderBy('day').orderBy('entry_id').execute(),
    db.selectFrom('history_days').selectAll().orderBy('chart_key').orderBy('day').execute(),
    db.selectFrom('watch_matches').selectAll().orderBy('watch_id').orderBy('match_key').execute(),
  ]);
  return { entries, days, matches };
}
