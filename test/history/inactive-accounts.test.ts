import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { addTarget, parseTarget } from '../../src/history/index.js';
import type { SimulatorHandle } from '../../src/simulator/index.js';
import { storeKinds, type TestDatabase } from '../support/databases.js';
import { Agent, body, PASSWORD } from '../console/harness.js';
import { DAY_MS, historyApp, historyDatabase, historySimulator, NOON, type HistoryApp } from './support.js';

/** A webhook receiver on loopback: counts the POSTs per path and answers each path with its status (200 unless told). */
class Receiver {
  readonly paths: string[] = [];
  readonly status = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const path = req.url ?? '/';
        this.paths.push(path);
        res.writeHead(this.status.get(path) ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  calls(path: string): number {
    return this.paths.filter((p) => p === path).length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe.each(storeKinds)('watches of accounts that are not active (%s)', (kind) => {
  const receiver = new Receiver();
  let clock: ManualClock;
  let simulator: SimulatorHandle;
  let database: TestDatabase;
  let t: HistoryApp;

  beforeAll(async () => {
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(async () => {
    clock = new ManualClock(NOON);
    simulator = await historySimulator('2024', clock);
    database = await historyDatabase(kind);
    t = await historyApp({ simulator, clock, databaseUrl: database.url, config: { WEBHOOK_ALLOW_PRIVATE: true } });
    await addTarget(t.services.store.db, parseTarget('hashtag:US:7', 'stored'), clock.now());
  });
  afterEach(async () => {
    await t.close();
    await simulator.close();
    await database.drop();
  });

  /** A signed-up account with an endpoint at `path` and a watch there for #prom, which today's US chart holds. */
  async function watcher(email: string, path: string): Promise<{ agent: Agent; endpointId: string; secret: string; watchId: string }> {
    const agent = new Agent(t.app);
    expect((await agent.post('/auth/sign-up', { email, password: PASSWORD })).statusCode).toBe(201);
    const endpoint = body(await agent.post('/webhooks', { url: `${receiver.url}${path}` })).data;
    const watch = await agent.post('/watches', { kind: 'entry', chart: 'hashtag', country_code: 'US', period: 7, name: '#prom', endpoint_id: endpoint.endpoint.id });
    expect(watch.statusCode).toBe(201);
    return { agent, endpointId: endpoint.endpoint.id, secret: endpoint.secret, watchId: body(watch).data.watch.id };
  }

  async function collectAndSettle(): Promise<void> {
    await t.services.history.collector.runDue();
    await t.services.history.flush();
    await t.services.history.webhooks.idle();
  }

  /** Every row of the tables a watch or webhook writes, as text. */
  async function watchTables(): Promise<string> {
    const db = t.services.store.db;
    return JSON.stringify(await Promise.all((['watches', 'webhook_endpoints', 'watch_matches', 'webhook_deliveries'] as const).map((table) => db.selectFrom(table).selectAll().execute())));
  }

  it('deleting the account erases its watches, endpoints (URL and secret), matches and deliveries, and nothing is sent for it again', async () => {
    const path = `/gone-${kind}`;
    // The receiver refuses, so the delivery stays pending, due again in 30 s.
    receiver.status.set(path, 500);
    const leaving = await watcher('leaving@example.com', path);
    await collectAndSettle();
    expect(receiver.calls(path)).toBe(1);
    const db = t.services.store.db;
    expect(await db.selectFrom('watch_matches').select('watch_id').where('watch_id', '=', leaving.watchId).execute()).toHaveLength(1);
    expect(await db.selectFrom('webhook_deliveries').select('status').where('account_id', '=', leaving.agent.accountId!).execute()).toEqual([{ status: 'pending' }]);

    expect((await leaving.agent.post('/account/delete', { password: PASSWORD })).statusCode).toBe(200);
    const left = await watchTables();
    expect(left).not.toContain(leaving.agent.accountId!);
    expect(left).not.toContain(leaving.watchId);
    expect(left).not.toContain(leaving.endpointId);
    expect(left).not.toContain(receiver.url);
    expect(left).not.toContain(leaving.secret);

    // The retry that was due, and the next day's matches, go nowhere.
    clock.advance(60_000);
    await t.services.history.webhooks.deliverDue();
    clock.advance(DAY_MS);
    await collectAndSettle();
    expect(receiver.calls(path)).toBe(1);
  });

  it('a suspended account\'s watches fire nothing while it is suspended, while an active account\'s fire', async () => {
    const [activePath, suspendedPath] = [`/active-${kind}`, `/suspended-${kind}`];
    const active = await watcher('active@example.com', activePath);
    const suspended = await watcher('suspended@example.com', suspendedPath);
    await t.services.accounts.setStatus(suspended.agent.accountId!, 'suspended');
    await collectAndSettle();
    expect(receiver.calls(activePath)).toBe(1);
    expect(receiver.calls(suspendedPath)).toBe(0);
    const db = t.services.store.db;
    expect(await db.selectFrom('watch_matches').select('watch_id').where('watch_id', '=', active.watchId).execute()).toHaveLength(1);
    expect(await db.selectFrom('watch_matches').select('watch_id').where('watch_id', '=', suspended.watchId).execute()).toEqual([]);
    expect(await db.selectFrom('webhook_deliveries').select('id').where('account_id', '=', suspended.agent.accountId!).execute()).toEqual([]);
  });
});
