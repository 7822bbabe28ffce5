import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { defaultConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { call } from './http-client.js';

const SECRET = 'webhook-secret-0123456789';

describe('plans for users: Console API, operator approval and the payment webhook', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let hook: Server;
  const received: Array<{ body: string; signature: string | undefined }> = [];

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ body, signature: req.headers['x-trendlens-signature'] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(hook.address() as { port: number }).port}/plan-hook`;
    database = await freshDatabase('sqlite');
    server = await startServer(
      defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1', PLAN_WEBHOOK_URL: hookUrl, PLAN_WEBHOOK_SECRET: SECRET }),
    );
  });

  afterAll(async () => {
    await server?.close();
    await database?.drop();
    await new Promise((r) => hook?.close(r));
  });

  it('lists plans, takes a request, signs it to the webhook, and the operator’s approval changes the plan', async () => {
    const signUp = await call(`${server.url}/api/console/auth/sign-up`, { method: 'POST', body: { email: 'up@example.com', password: 'a long enough passphrase' } });
    const auth = { session: signUp.session as string, csrf: signUp.body.data.csrf_token as string };

    const plans = await call(`${server.url}/api/console/plans`, auth);
    expect(plans.body.data.plans.map((p: { id: string }) => p.id)).toEqual(['free', 'starter', 'growth', 'pro', 'business', 'enterprise']);
    expect(plans.body.data).toMatchObject({ current_plan: 'free', pending_request: null });

    const unknown = await call(`${server.url}/api/console/plans/request`, { method: 'POST', body: { plan_id: 'gold' }, ...auth });
    expect(unknown.status).toBe(400);
    expect(unknown.body.data.errors[0].param).toBe('plan_id');
    const same = await call(`${server.url}/api/console/plans/request`, { method: 'POST', body: { plan_id: 'free' }, ...auth });
    expect(same.body.data.errors).toEqual([{ param: 'plan_id', message: 'is already the current plan' }]);

    const asked = await call(`${server.url}/api/console/plans/request`, { method: 'POST', body: { plan_id: 'growth' }, ...auth });
    expect(asked.status).toBe(201);
    const requestId = asked.body.data.request.id as string;
    expect((await call(`${server.url}/api/console/plans`, auth)).body.data.pending_request).toMatchObject({ id: requestId, plan_id: 'growth', status: 'pending' });

    for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    const delivery = received[0];
    expect(delivery?.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(delivery?.body ?? '').digest('hex')}`);
    expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({ type: 'plan_change.requested', request_id: requestId, email: 'up@example.com', current_plan: 'free', requested_plan: 'growth' });

    let out = '';
    const sink = { write: (c: string) => ((out += c), true) } as unknown as NodeJS.WritableStream;
    expect(await runCli(['plans', 'approve', '--id', requestId, '--json'], { DATABASE_URL: database.url }, { stdout: sink, stderr: sink })).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ status: 'approved', plan: 'growth' });
    const billing = await call(`${server.url}/api/console/billing/me`, auth);
    expect(billing.body.data.plan.id).toBe('growth');
    expect((await call(`${server.url}/api/console/plans`, auth)).body.data).toMatchObject({ current_plan: 'growth', pending_request: null });
  });
});
