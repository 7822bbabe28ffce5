import { buildApp } from '../../src/app.js';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig } from '../../src/config.js';
import { SIMULATED_SESSION_COOKIE, startSimulator } from '../../src/simulator/index.js';
import { createTikTokOneSource, type UpstreamAccess } from '../../src/upstream/index.js';
import { TEST_PLAN, type TestApp } from './app.js';
import { freshDatabase } from './databases.js';

let seq = 0;

/**
 * The real app served by the real TikTok One client over a real simulator in its 2026 era, for the
 * operations TikTok One alone serves. `logged-in` sends the simulator's session cookie, as an
 * operator's `UPSTREAM_COOKIES` would; `anonymous` sends none.
 */
export async function startTikTokOneApp(opts: { access: UpstreamAccess; timeoutMs?: number }): Promise<TestApp> {
  const database = await freshDatabase('sqlite');
  const clock = new ManualClock(Date.now());
  const simulator = await startSimulator({ port: 0, clock, era: '2026' });
  const source = createTikTokOneSource({
    ...simulator.tiktokOne,
    id: 'simulator',
    cookies: opts.access === 'logged-in' ? [SIMULATED_SESSION_COOKIE] : [],
    timeoutMs: opts.timeoutMs ?? 1_000,
    budgetMs: 5_000,
    retries: 1,
    backoff: () => 0,
    clock,
  });
  const services = await createServices(defaultConfig({ DATABASE_URL: database.url }), {
    clock,
    plans: [...DEFAULT_PLANS, TEST_PLAN],
    source,
    // Faults from one test must not open the circuit for the next; the breaker has its own tests.
    gateway: { breakerThreshold: 1_000 },
  });
  const app = await buildApp(services);
  await app.ready();
  return {
    app,
    services,
    simulator,
    clock,
    async newCaller({ planId = 'test' } = {}) {
      const account = await services.accounts.create({ email: `one-caller${++seq}@example.com`, planId });
      const { row, apiKey } = await services.keys.create(account.id, 'test');
      return { apiKey, accountId: account.id, keyId: row.id };
    },
    async close() {
      await app.close();
      await services.close();
      await simulator.close();
      await database.drop();
    },
  };
}
