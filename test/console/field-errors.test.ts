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

  describe('400 › a name with control or text-direction characters (security audit finding 3)', () => {
    const UNSHOWN = 'must not contain control or text-direction characters';
    it.each([
      ['NUL', 'a\u0000b'],
      ['ESC (a terminal colour)', 'evil\u001b[31mRED'],
      ['a line break inside', 'key\nkey_FAKE  tl_live_fake  active'],
      ['DEL', 'a\u007fb'],
      ['a C1 control', 'a\u0085b'],
      ['a right-to-left override', 'gnp.\u202eexe'],
      ['a left-to-right embedding', 'a\u202ab'],
      ['a first-strong isolate', 'a\u2068b'],
    ])('names name for %s: key create and rename, sign-up, a watch, changing nothing', async (_, name) => {
      const before = await state();
      const refusals = [
        await agent.post('/keys', { name }),
        await agent.patch(`/keys/${keyId}`, { name }),
        await h.agent().post('/auth/sign-up', { email: 'new@example.com', password: 'correct horse battery', name }),
        await agent.post('/watches', { kind: 'entry', chart: 'hashtag', name, endpoint_id: 'whe_none' }),
      ];
      for (const res of refusals) expect(body(res)).toEqual({ code: 400, msg: 'Invalid input', data: { errors: [{ param: 'name', message: UNSHOWN }] } });
      expect(await state()).toEqual(before);
    });

    it('still trims line breaks around a name, and takes other scripts and marks', async () => {
      const res = await agent.post('/keys', { name: '\n  Clé de production — 生产 ✓\t' });
      expect(res.statusCode).toBe(201);
      expect(body(res).data.key.name).toBe('Clé de production — 生产 ✓');
    });
  });

  describe('400 › sign-up names every bad field at once, the password policy too (security audit finding 5)', () => {
    it.each([
      ['email and password', { email: 'bad', password: 'short' }, ['email', 'password']],
      ['email, password and name', { email: 'bad', password: 'short', name: 'n'.repeat(101) }, ['email', 'password', 'name']],
      ['name and a common password', { email: 'a@example.com', password: 'Password123', name: 'n'.repeat(101) }, ['password', 'name']],
      ['name and the address as password', { email: 'a@example.com', password: 'a@example.com', name: 'n'.repeat(101) }, ['password', 'name']],
    ])('%s', async (_, payload, params) => {
      const res = await h.agent().post('/auth/sign-up', payload);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors.map((e: { param: string }) => e.param).sort()).toEqual([...params].sort());
    });

    it('keeps the policy’s words, and compares no password with an address that is not one', async () => {
      const res = await h.agent().post('/auth/sign-up', { email: 'bad', password: 'short' });
      expect(body(res).data.errors).toEqual([
        { param: 'email', message: 'must be an email address' },
        { param: 'password', message: 'must be 10–128 characters' },
      ]);
      // "bad" is in the password, but "bad" is no address: only the address is named.
      const only = await h.agent().post('/auth/sign-up', { email: 'bad', password: 'a bad but long passphrase' });
      expect(body(only).data.errors).toEqual([{ param: 'email', message: 'must be an email address' }]);
    });

    it('reset names an unknown link and a refused password together', async () => {
      const res = await h.agent().post('/auth/reset', { token: 'no-such-token', password: 'short' });
      expect(body(res).data.errors).toEqual([
        { param: 'token', message: 'is unknown, used or expired: ask for a new link' },
        { param: 'password', message: 'must be 10–128 characters' },
      ]);
    });
  });

  describe('400 › messages that say what the caller did (security audit finding 9)', () => {
    it('a password over 1024 characters gets the policy’s 10–128, at sign-up, reset and change', async () => {
      const long = 'x'.repeat(1025);
      const signUp = await h.agent().post('/auth/sign-up', { email: 'long@example.com', password: long });
      expect(body(signUp).data.errors).toEqual([{ param: 'password', message: 'must be 10–128 characters' }]);
      const reset = await h.agent().post('/auth/reset', { token: 'no-such-token', password: long });
      expect(body(reset).data.errors).toContainEqual({ param: 'password', message: 'must be 10–128 characters' });
      const change = await agent.post('/account/password', { current_password: 'correct horse battery', new_password: long });
      expect(body(change).data.errors).toEqual([{ param: 'new_password', message: 'must be 10–128 characters' }]);
    });

    it.each([
      ['from', 'from=2026-11-01', 'to', 'is required with from: from and to go together'],
      ['to', 'to=2026-11-01', 'from', 'is required with to: from and to go together'],
    ])('?%s alone says that from and to go together, not range=custom', async (_, query, param, message) => {
      const res = await agent.get(`/usage/overview?${query}`);
      expect(body(res).data.errors).toEqual([{ param, message }]);
      expect(body(await agent.get(`/usage/overview?range=custom&${query}`)).data.errors).toEqual([{ param, message: 'is required with range=custom' }]);
    });

    it.each([
      ['/usage/requests?limit=1&limit=2', [{ param: 'limit', message: 'must be given at most once' }]],
      ['/usage/requests?limit=1&limit=2&status=abc', [{ param: 'limit', message: 'must be given at most once' }, { param: 'status', message: 'must be 2xx, 4xx, 5xx or a status code' }]],
      ['/usage/overview?range=day&range=week&from=x', [{ param: 'range', message: 'must be given at most once' }, { param: 'from', message: 'must be an RFC 3339 date-time' }]],
      ['/keys?status=active&status=revoked', [{ param: 'status', message: 'must be given at most once' }]],
    ])('a repeated param is "must be given at most once", with the other bad params (%s)', async (path, errors) => {
      const res = await agent.get(path);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors).toEqual(errors);
    });

    it('ignores a repeated param no route takes, as any unknown one', async () => {
      expect((await agent.get('/keys?utm=a&utm=b')).statusCode).toBe(200);
    });

    it('refuses a hashtag watch whose name holds "#" past the leading one, which no hashtag does; other charts’ names may', async () => {
      const watch = (chart: string, name: string) => agent.post('/watches', { kind: 'entry', chart, name, endpoint_id: 'whe_none' });
      const message = 'must not contain "#" past the leading one: a hashtag never does';
      expect(body(await watch('hashtag', '##foo')).data.errors).toEqual([{ param: 'name', message }]);
      expect(body(await watch('hashtag', '#foo#bar')).data.errors).toEqual([{ param: 'name', message }]);
      // With other bad fields too, each is named.
      const more = await agent.post('/watches', { kind: 'entry', chart: 'hashtag', name: '##foo', top_n: 0, endpoint_id: 'whe_none' });
      expect(body(more).data.errors.map((e: { param: string }) => e.param).sort()).toEqual(['name', 'top_n']);
      // Past the schema, only the (unknown) endpoint is refused: the name was taken.
      const pass = [{ param: 'endpoint_id', message: 'is not one of your webhook endpoints' }];
      expect(body(await watch('hashtag', '#foo')).data.errors).toEqual(pass);
      expect(body(await watch('song', 'Song #1')).data.errors).toEqual(pass);
    });
  });
});
