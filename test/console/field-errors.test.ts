import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { body, consoleHarness, verifyAddress, type Agent, type Harness } from './harness.js';

// parseInput does not depend on the store's dialect; the routes' own files cover their refusals on both.
describe('Console field errors (docs/api-contract.md § Console API: "400 naming each bad field")', () => {
  let h: Harness;
  let agent: Agent;
  let keyId: string;
  beforeEach(async () => {
    h = await consoleHarness('sqlite', { config: { OPERATOR_EMAILS: ['op@example.com'] } });
    agent = await h.signedUp('op@example.com');
    // OPERATOR_EMAILS makes an operator of a proven address only.
    await verifyAddress(h.services, agent);
    keyId = body(await agent.post('/keys', { name: 'k' })).data.key.id;
  });
  afterEach(async () => {
    await h.close();
  });

  /** Every table a Console write could touch, to show that a refused one changed nothing. */
  async function state() {
    const db = h.services.store.db;
    const tables = ['accounts', 'sessions', 'api_keys', 'account_tokens', 'plan_requests', 'sign_in_failures', 'webhook_endpoints', 'watches', 'collect_targets'] as const;
    return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.selectFrom(t).selectAll().execute()] as const)));
  }

  const required = (...params: string[]) => params.map((param) => ({ param, message: 'is required' }));

  describe('400 › a missing field is "is required", never a wrong type', () => {
    it.each([
      ['POST', '/auth/sign-up', required('email', 'password')],
      ['POST', '/auth/sign-in', required('email', 'password')],
      ['POST', '/auth/reset/request', required('email')],
      ['POST', '/auth/reset', required('token', 'password')],
      ['POST', '/auth/verify', required('token')],
      ['POST', '/account/password', required('current_password', 'new_password')],
      ['POST', '/account/delete', required('password')],
      ['PATCH', '/keys/{id}', required('name')],
      ['POST', '/plans/request', required('plan_id')],
      ['POST', '/webhooks', required('url')],
      ['POST', '/watches', required('kind', 'chart', 'endpoint_id')],
      ['POST', '/operator/collect', required('chart')],
    ] as const)('%s %s with {}', async (method, path, errors) => {
      const before = await state();
      const res = await agent.send(method, path.replace('{id}', keyId), {});
      expect(res.statusCode).toBe(400);
      expect(body(res)).toEqual({ code: 400, msg: 'Invalid input', data: { errors } });
      expect(await state()).toEqual(before);
    });

    it('reads an absent body as {}', async () => {
      const res = await h.agent().post('/auth/sign-in');
      expect(body(res).data.errors).toEqual(required('email', 'password'));
    });
  });

  describe('400 › a field of the wrong type says which type it must be', () => {
    it.each([
      ['POST', '/auth/sign-in', { email: 1, password: ['x'] }, [{ param: 'email', message: 'must be a string' }, { param: 'password', message: 'must be a string' }]],
      ['POST', '/auth/sign-up', { email: null, password: 10 }, [{ param: 'email', message: 'must be a string' }, { param: 'password', message: 'must be a string' }]],
      ['POST', '/keys', { name: 7 }, [{ param: 'name', message: 'must be a string' }]],
      ['POST', '/keys/{id}/rotate', { grace_period_seconds: '60' }, [{ param: 'grace_period_seconds', message: 'must be an integer' }]],
      ['PATCH', '/billing/settings', { allow_overage: 'yes', hard_limit_credits: '5' }, [{ param: 'allow_overage', message: 'must be true or false' }, { param: 'hard_limit_credits', message: 'must be an integer or null' }]],
      [
        'POST',
        '/watches',
        { kind: 'entry', chart: 1, endpoint_id: 2, name: 3, top_n: '5' },
        [
          { param: 'chart', message: 'must be one of hashtag, song, creator, video' },
          { param: 'endpoint_id', message: 'must be a webhook endpoint id' },
          { param: 'name', message: 'must be a string' },
          { param: 'top_n', message: 'must be an integer' },
        ],
      ],
    ] as const)('%s %s', async (method, path, payload, errors) => {
      const before = await state();
      const res = await agent.send(method, path.replace('{id}', keyId), payload);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors).toEqual(errors);
      expect(await state()).toEqual(before);
    });
  });
});
