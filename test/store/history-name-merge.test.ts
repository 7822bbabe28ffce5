import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Database } from '../../src/store/index.js';
import { migrations } from '../../src/store/migrations.js';
import { freshDatabase, storeKinds, type StoreKind, type TestDatabase } from '../support/databases.js';
import {
  creativeCenterId,
  DAY,
  HASHTAGS,
  historyState,
  legacyDatabase,
  PREVIOUS_DAY,
  PROM_WATCH,
  SONG_WATCH,
  SONGS,
  tiktokOneId,
  UNKNOWN_MATCH,
} from './legacy-history.js';

const MERGE = '0008_history_merge_hashtags_by_name';

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Makes the merge fail once it has re-keyed the watches' records: where a kill could cut it. */
async function failOnDeletingEntries(db: Kysely<Database>, kind: StoreKind): Promise<void> {
  if (kind === 'sqlite') {
    await sql`create trigger killed before delete on history_entries begin select raise(abort, 'killed mid-migration'); end`.execute(db);
    return;
  }
  await sql`create function killed() returns trigger language plpgsql as $$ begin raise exception 'killed mid-migration'; end $$`.execute(db);
  await sql`create trigger killed before delete on history_entries for each statement execute function killed()`.execute(db);
}

async function dropFailure(db: Kysely<Database>, kind: StoreKind): Promise<void> {
  await sql`drop trigger killed${sql.raw(kind === 'postgres' ? ' on history_entries' : '')}`.execute(db);
}

describe.each(storeKinds)('migration 0008 on a day stored before hashtags were matched by name, on %s', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    await legacyDatabase(database.url);
  });
  afterEach(async () => {
    await database.drop();
  });

  it('keeps one row per hashtag a day, the better-ranked, counts the day anew and re-keys what watches fired for', async () => {
    const store = await openStore(database.url);
    try {
      const { db } = store;
      expect(await appliedMigrations(db)).toContain(MERGE);
      const day = await db.selectFrom('history_entries').select(['entry_id', 'name_key', 'rank']).where('chart_key', '=', HASHTAGS.key).where('day', '=', DAY).orderBy('rank').execute();
      const names = day.map((r) => r.name_key);
      expect(new Set(names).size).toBe(names.length);
      expect(day.length).toBe(39);
      // TikTok One's later page 1 is what a write now keeps: its id and its rank.
      expect(day.find((r) => r.name_key === 'tag21')).toEqual({ entry_id: tiktokOneId('tag21'), name_key: 'tag21', rank: 20 });
      expect(day.some((r) => r.entry_id === creativeCenterId('tag21'))).toBe(false);
      // Rank 21 is no one's now: the day saw part of the chart, as a write now counts it.
      const days = await db.selectFrom('history_days').select(['day', 'total', 'entries']).where('chart_key', '=', HASHTAGS.key).orderBy('day').execute();
      expect(days).toEqual([
        { day: PREVIOUS_DAY, total: 40, entries: 40 },
        { day: DAY, total: 40, entries: 39 },
      ]);

      const matches = await db.selectFrom('watch_matches').select(['watch_id', 'match_key', 'created_at']).orderBy('watch_id').orderBy('match_key').execute();
      expect(matches).toEqual([
        // The earliest of the two prom records; the one no row or delivery names stays as it was.
        { watch_id: PROM_WATCH, match_key: UNKNOWN_MATCH, created_at: Date.parse(`${DAY}T09:00:00Z`) },
        { watch_id: PROM_WATCH, match_key: `${DAY}|prom`, created_at: Date.parse(`${DAY}T09:00:00Z`) },
        // Songs are matched by id: both "Intro" rows and both records stay.
        { watch_id: SONG_WATCH, match_key: `${DAY}|clip-1`, created_at: Date.parse(`${DAY}T09:00:00Z`) },
        { watch_id: SONG_WATCH, match_key: `${DAY}|clip-2`, created_at: Date.parse(`${DAY}T09:00:00Z`) },
      ]);
      const songs = await db.selectFrom('history_entries').select(['entry_id', 'rank']).where('chart_key', '=', SONGS.key).orderBy('rank').execute();
      expect(songs).toEqual([
        { entry_id: 'clip-1', rank: 1 },
        { entry_id: 'clip-2', rank: 2 },
      ]);
      expect(await db.selectFrom('history_days').select('entries').where('chart_key', '=', SONGS.key).executeTakeFirst()).toEqual({ entries: 2 });

      // Run again, as after a kill between its commit and Kysely's record of it: nothing changes.
      const merged = await historyState(db);
      await migrations(store.dialect)[MERGE]!.up(db);
      expect(await historyState(db)).toEqual(merged);
    } finally {
      await store.close();
    }
  });

  it('leaves the stored days and records as they were when stopped part way, and merges on the next start', async () => {
    let store = await openStore(database.url, { migrate: false });
    const before = await historyState(store.db);
    await failOnDeletingEntries(store.db, kind);
    await store.close();

    await expect(openStore(database.url)).rejects.toThrow(/0008_history_merge_hashtags_by_name failed.*killed mid-migration/);

    store = await openStore(database.url, { migrate: false });
    try {
      expect(await appliedMigrations(store.db)).not.toContain(MERGE);
      expect(await historyState(store.db)).toEqual(before);
      await dropFailure(store.db, kind);
    } finally {
      await store.close();
    }
    store = await openStore(database.url);
    try {
      expect(await appliedMigrations(store.db)).toContain(MERGE);
      expect((await historyState(store.db)).matches.filter((m) => m.watch_id === PROM_WATCH).map((m) => m.match_key)).toEqual([UNKNOWN_MATCH, `${DAY}|prom`]);
    } finally {
      await store.close();
    }
  });
});
