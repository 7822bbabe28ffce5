import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ulid } from 'ulid';
import { POSTGRES_URL, postgresAvailable } from './services.js';

/** A fresh, empty database and how to throw it away. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

/** The store kinds every store test runs on; PostgreSQL only where it is reachable (see services.ts). */
export const storeKinds: StoreKind[] = postgresAvailable ? ['sqlite', 'postgres'] : ['sqlite'];

/** A new SQLite file in a temporary folder, or a new PostgreSQL database on the machine's server. */
export async function freshDatabase(kind: StoreKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'trendlens-test-'));
    return { url: join(dir, 'trendlens.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tl_${ulid().toLowerCase()}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
