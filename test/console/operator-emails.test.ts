import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig } from '../../src/config.js';
import { freshDatabase, storeKinds, type TestDatabase } from '../support/databases.js';
import { Agent, body, PASSWORD, START, verifyAddress } from './harness.js';

const OPERATOR = 'ops@example.com';
const COLLECT = '/operator/collect';

describe.each(storeKinds)('OPERATOR_EMAILS makes operators of verified addresses only (%s)', (kind) => {
  let database: TestDatabase;
  const running: Array<{ close(): Promise<void> }> = [];
  beforeEach(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(async () => {
    for (const instance of [...running].reverse()) await instance.close();
    await database.drop();
  });

  /** An instance over the test's database, as a start with these OPERATOR_EMAILS makes it. */
  async function start(operatorEmails: string[]) {
    const services = await createServices(defaultConfig({ DATABASE_URL: database.url, OPERATOR_EMAILS: operatorEmails }), { clock: new ManualClock(START) });
    const app = await buildApp(services);
    await app.ready();
    const instance = {
      services,
      app,
      async close() {
        running.splice(running.indexOf(instance), 1);
        await app.close();
        await services.close();
      },
    };
    running.push(instance);
    return instance;
  }

  async function signUp(app: Awaited<ReturnType<typeof start>>['app'], email: string): Promise<Agent> {
    const agent = new Agent(app);
    expect((await agent.post('/auth/sign-up', { email, password: PASSWORD })).statusCode).toBe(201);
    return agent;
  }

  it('an unverified sign-up with the address is no operator: me says so and the operator routes answer 403 forbidden', async () => {
    const { app, services } = await start([OPERATOR]);
    const squatter = await signUp(app, 'OPS@example.com');
    expect(body(await squatter.get('/me')).data.operator).toBe(false);
    for (const res of [await squatter.get(COLLECT), await squatter.post(COLLECT, { chart: 'hashtag', country_code: 'FR', period: 7 }), await squatter.post(`${COLLECT}/run`)]) {
      expect(res.statusCode).toBe(403);
      expect(body(res).data.error).toBe('forbidden');
    }
    expect(await services.history.collector.targets()).toEqual([]);
  });

  it('the account becomes one when it opens its verification link, without a restart', async () => {
    const { app, services } = await start([OPERATOR]);
    const owner = await signUp(app, OPERATOR);
    await verifyAddress(services, owner);
    expect(body(await owner.get('/me')).data.operator).toBe(true);
    expect((await owner.get(COLLECT)).statusCode).toBe(200);
  });

  it('a start marks the verified account of the address, and leaves an unverified one alone', async () => {
    const before = await start([]);
    await signUp(before.app, OPERATOR);
    const proven = await signUp(before.app, 'lead@example.com');
    await verifyAddress(before.services, proven);
    await before.close();

    const after = await start([OPERATOR, 'lead@example.com']);
    expect((await after.services.accounts.requireByEmail(OPERATOR)).is_operator).toBe(0);
    expect((await after.services.accounts.requireByEmail('lead@example.com')).is_operator).toBe(1);
    const signedIn = new Agent(after.app);
    await signedIn.post('/auth/sign-in', { email: OPERATOR, password: PASSWORD });
    expect((await signedIn.get(COLLECT)).statusCode).toBe(403);
  });

  it('a mark an unverified account already holds (given by an earlier version) opens nothing until the address is verified', async () => {
    const { app, services } = await start([]);
    const marked = await signUp(app, OPERATOR);
    await services.store.db.updateTable('accounts').set({ is_operator: 1 }).where('id', '=', marked.accountId!).execute();
    expect(body(await marked.get('/me')).data.operator).toBe(false);
    const refused = await marked.get(COLLECT);
    expect(refused.statusCode).toBe(403);
    expect(body(refused).data).toEqual({
      error: 'forbidden',
      message: 'Operators manage collection once their e-mail address is verified: open the link of a verification e-mail first.',
    });
    await verifyAddress(services, marked);
    expect((await marked.get(COLLECT)).statusCode).toBe(200);
  });
});
