import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { runCli } from '../../src/cli.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig } from '../../src/config.js';
import type { Services } from '../../src/services.js';
import { SIMULATED_SESSION_COOKIE, SIMULATED_SESSION_ID, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { createCreativeCenterSource, createTikTokOneSource } from '../../src/upstream/index.js';
import { TEST_PLAN } from '../support/app.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * A TikTok One session that expired (docs/upstreams.md § TikTok One transport): TikTok still answers
 * its cookies, as an anonymous caller, without `x-tt-agw-login: 1`. Over the real app and a real
 * simulator: each answer says the access it was served with, the operator is warned once per
 * session, and `trendlens upstream check` names the fix.
 */

const FLAGSHIP = '/api/v1/tiktok/popular-trend/hashtag';
const DETAIL = '/api/v1/tiktok/popular-trend/hashtag/detail';
const VIDEOS = '/api/v1/tiktok/popular-trend/video';
const SECOND_SESSION_ID = 'sim-session-2';
const SECOND_SESSION = `sessionid=${SECOND_SESSION_ID}; sid_tt=${SECOND_SESSION_ID}; csrftoken=sim-csrf-2`;

interface Warning {
  obj: Record<string, unknown>;
  msg: string;
}

interface Instance {
  app: FastifyInstance;
  services: Services;
  apiKey: string;
  /** Every warning logged, in order. */
  warnings: Warning[];
  close(): Promise<void>;
}

let sim: SimulatorHandle;
let database: TestDatabase;
let instances = 0;
const clock = new ManualClock(Date.UTC(2026, 10, 25, 12, 0, 0));

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clock, era: '2026' });
  database = await freshDatabase('sqlite');
});
afterAll(async () => {
  await sim.close();
  await database.drop();
});
afterEach(() => sim.clearExpiredSessions());

/** The real app over the simulator, TikTok One sending `cookies`, background warnings captured. */
async function instance(cookies: string[]): Promise<Instance> {
  const warnings: Warning[] = [];
  const common = { id: 'simulator', timeoutMs: 2_000, budgetMs: 5_000, retries: 0, backoff: () => 0, clock };
  const services = await createServices(defaultConfig({ DATABASE_URL: database.url }), {
    clock,
    plans: [...DEFAULT_PLANS, TEST_PLAN],
    sources: [
      createCreativeCenterSource({ ...common, baseUrl: sim.baseUrl }),
      createTikTokOneSource({ ...common, baseUrl: sim.tiktokOne.baseUrl, usBaseUrl: sim.tiktokOne.usBaseUrl, cookies }),
    ],
    gateway: { breakerThreshold: 1_000 },
    log: { error: () => {}, info: () => {}, warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg }) },
  });
  const app = await buildApp(services);
  await app.ready();
  const account = await services.accounts.create({ email: `expired${++instances}@example.com`, planId: 'test' });
  const { apiKey } = await services.keys.create(account.id, 'test');
  return {
    app,
    services,
    apiKey,
    warnings,
    async close() {
      await app.close();
      await services.close();
    },
  };
}

async function get(t: Instance, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { 'x-api-key': t.apiKey } });
  return { res, body: res.json() as { data: any } };
}

/** The warnings that name the session fix. */
const sessionWarnings = (t: Instance) => t.warnings.filter((w) => w.msg.includes('UPSTREAM_COOKIES'));

describe('an expired TikTok One session, over the API', () => {
  it('is reported anonymous in X-Upstream-Access, on the MISS and on the HIT, while a live session says logged-in', async () => {
    const t = await instance([SIMULATED_SESSION_COOKIE]);
    try {
      const live = await get(t, `${FLAGSHIP}?country_code=US&limit=20`);
      expect(live.res.headers['x-upstream-access']).toBe('logged-in');
      expect(live.body.data.data.pagination.total).toBe(100);

      sim.expireSession();
      for (const cache of ['MISS', 'HIT']) {
        const lapsed = await get(t, `${FLAGSHIP}?country_code=GB&limit=20`);
        expect(lapsed.res.statusCode).toBe(200);
        expect(lapsed.res.headers['x-cache']).toBe(cache);
        expect(lapsed.res.headers['x-upstream-adapter']).toBe('tiktok-one');
        expect(lapsed.res.headers['x-upstream-access']).toBe('anonymous');
        expect(lapsed.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 3, has_more: false });
      }
      const videos = await get(t, `${VIDEOS}?country_code=US&limit=20`);
      expect(videos.res.headers['x-upstream-access']).toBe('anonymous');
      expect(videos.body.data.data.videos).toHaveLength(4);

      // Routing still plans with the configured session: the status page says so.
      const status = (await t.app.inject({ method: 'GET', url: '/api/v1/status' })).json().data.operations;
      const flagship = status.find((o: { operation_id: string }) => o.operation_id === 'tiktok-popular-trend-hashtag');
      expect(flagship.sources.find((s: { adapter: string }) => s.adapter === 'tiktok-one').access).toBe('logged-in');
    } finally {
      await t.close();
    }
  });

  it('answers hashtag detail 503 login_required, not a 404 read off the anonymous top 3', async () => {
    const t = await instance([SIMULATED_SESSION_COOKIE]);
    try {
      const chart = (await get(t, `${FLAGSHIP}?country_code=US&limit=20`)).body.data.data.list as Array<{ hashtag_name: string }>;
      const tenth = chart[9]!.hashtag_name;
      sim.expireSession();
      // Past the adapter's minute of page reuse, so the detail's chart lookup is answered afresh.
      clock.advance(120_000);
      const detail = await get(t, `${DETAIL}?hashtag_name=${tenth}&country_code=US`);
      expect(detail.res.statusCode).toBe(503);
      expect(detail.body.data).toMatchObject({ error: 'upstream_unavailable', detail: 'login_required' });
    } finally {
      await t.close();
    }
  });

  it('warns the operator once per expired session, naming it by its place and the fix, never its cookie', async () => {
    const t = await instance([SIMULATED_SESSION_COOKIE, SECOND_SESSION]);
    try {
      sim.expireSession(SECOND_SESSION_ID);
      // One upstream call per request, round-robin: the first request goes out with session 1, the second with session 2, …
      const served: string[] = [];
      for (const country of ['US', 'GB', 'FR', 'DE', 'JP', 'ID']) {
        served.push(String((await get(t, `${FLAGSHIP}?country_code=${country}&limit=20`)).res.headers['x-upstream-access']));
      }
      expect(served).toEqual(['logged-in', 'anonymous', 'logged-in', 'anonymous', 'logged-in', 'anonymous']);

      const warned = sessionWarnings(t);
      expect(warned).toHaveLength(1);
      expect(warned[0]!.msg).toContain('session 2 of 2 in UPSTREAM_COOKIES');
      expect(warned[0]!.msg).toContain('Set UPSTREAM_COOKIES to fresh cookies of a logged-in TikTok One session');
      expect(warned[0]!.obj).toMatchObject({ operationId: 'tiktok-popular-trend-hashtag', adapter: 'tiktok-one' });
      expect(JSON.stringify(t.warnings)).not.toContain(SECOND_SESSION_ID);

      sim.expireSession(SIMULATED_SESSION_ID);
      await get(t, `${FLAGSHIP}?country_code=TH&limit=20`);
      await get(t, `${FLAGSHIP}?country_code=VN&limit=20`);
      expect(sessionWarnings(t).map((w) => w.msg.match(/session \d of 2/)?.[0])).toEqual(['session 2 of 2', 'session 1 of 2']);
    } finally {
      await t.close();
    }
  });
});

describe('trendlens upstream check with an expired session', () => {
  // The command's sources run on the system clock: so does this simulator.
  let checked: SimulatorHandle;
  beforeAll(async () => {
    checked = await startSimulator({ port: 0, era: '2026', expiredSessions: [SIMULATED_SESSION_ID] });
  });
  afterAll(() => checked.close());

  type Row = { operation_id: string; working: boolean; attempts: Array<{ adapter: string; outcome: string; fix?: string }> };

  async function check(env: Record<string, string>) {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const code = await runCli(['upstream', 'check', '--json'], { UPSTREAM_SIMULATOR_URL: checked.url, ...env }, { stdout, stderr: new PassThrough() });
    return { code, report: JSON.parse(out) as { operations: Row[]; ok: boolean } };
  }
  const attempts = (rows: Row[], id: string) => rows.find((r) => r.operation_id === id)!.attempts.map((a) => [a.adapter, a.outcome]);

  it('says "session expired" with the fix where TikTok One answered the cookies anonymously, and exits 1', async () => {
    const { code, report } = await check({ UPSTREAM_COOKIES: SIMULATED_SESSION_COOKIE });
    expect(code).toBe(1);
    expect(attempts(report.operations, 'tiktok-popular-trend-hashtag')).toEqual([
      ['creative-center', 'deprecated'],
      ['tiktok-one', 'session expired'],
    ]);
    expect(attempts(report.operations, 'tiktok-popular-trend-hashtag-detail')[0]).toEqual(['tiktok-one', 'session expired']);
    expect(attempts(report.operations, 'tiktok-creative-center-videos')).toEqual([['tiktok-one', 'session expired']]);
    const expired = report.operations.flatMap((r) => r.attempts).filter((a) => a.outcome === 'session expired');
    for (const a of expired) expect(a.fix).toContain('set UPSTREAM_COOKIES to fresh cookies of a logged-in TikTok One session');
    expect(report.operations.find((r) => r.operation_id === 'tiktok-popular-trend-hashtag')!.working).toBe(false);
  });
});
