import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWellFormedApiKey, MAX_LIVE_KEYS } from '../../src/accounts/index.js';
import { storeKinds } from '../support/databases.js';
import { body, consoleHarness, type Agent, type Harness } from './harness.js';

const KEY_FIELDS = ['id', 'name', 'key_prefix', 'key_suffix', 'masked_key', 'status', 'source', 'created_at', 'updated_at', 'rotated_at', 'expires_at', 'revoked_at', 'last_used_at', 'last_used_ip'];

describe.each(storeKinds)('console keys on %s', (kind) => {
  let h: Harness;
  let agent: Agent;
  beforeEach(async () => {
    h = await consoleHarness(kind);
    agent = await h.signedUp();
  });
  afterEach(async () => {
    await h.close();
  });

  async function createKey(name = 'production', who = agent): Promise<{ key: any; api_key: string }> {
    const res = await who.post('/keys', { name });
    expect(res.statusCode).toBe(201);
    return body(res).data;
  }

  describe('GET keys', () => {
    it('200 › lists every key, newest first, never the key itself', async () => {
      const a = await createKey('a');
      h.clock.advance(1000);
      const b = await createKey('b');
      const res = await agent.get('/keys');
      expect(res.statusCode).toBe(200);
      const { keys } = body(res).data;
      expect(keys.map((k: any) => k.name)).toEqual(['b', 'a']);
      expect(Object.keys(keys[0]).sort()).toEqual([...KEY_FIELDS].sort());
      expect(res.body).not.toContain(a.api_key);
      expect(res.body).not.toContain(b.api_key);
    });

    it('200 › ?status filters by the status as of now', async () => {
      const a = await createKey('a');
      const b = await createKey('b');
      await agent.post(`/keys/${a.key.id}/revoke`);
      await agent.post(`/keys/${b.key.id}/rotate`, { grace_period_seconds: 60 });
      const names = async (status: string) => body(await agent.get(`/keys?status=${status}`)).data.keys.map((k: any) => k.status);
      expect(await names('revoked')).toEqual(['revoked']);
      expect(await names('grace')).toEqual(['grace']);
      expect(await names('active')).toEqual(['active']);
      h.clock.advance(60_000);
      expect(await names('expired')).toEqual(['expired']);
      expect(await names('grace')).toEqual([]);
    });

    it('400 › names status when it is not a status', async () => {
      const res = await agent.get('/keys?status=gone');
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe('status');
    });

    it('401 › without a session', async () => {
      expect((await h.agent().get('/keys')).statusCode).toBe(401);
    });

    it('shows only the caller’s keys', async () => {
      const other = await h.signedUp();
      await createKey('theirs', other);
      expect(body(await agent.get('/keys')).data.keys).toEqual([]);
    });
  });

  describe('POST keys', () => {
    it('201 › returns the key once, masked in the view, stored as a hash', async () => {
      const { key, api_key } = await createKey(' production ');
      expect(isWellFormedApiKey(api_key)).toBe(true);
      expect(key).toMatchObject({
        id: expect.stringMatching(/^key_/),
        name: 'production',
        key_prefix: api_key.slice(8, 16),
        key_suffix: api_key.slice(-4),
        masked_key: `tl_live_${api_key.slice(8, 16)}…${api_key.slice(-4)}`,
        status: 'active',
        source: 'created',
        rotated_at: null,
        expires_at: null,
        revoked_at: null,
        last_used_at: null,
      });
      const rows = await h.services.store.db.selectFrom('api_keys').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(api_key);
      expect((await h.services.keys.identify(api_key)).ok).toBe(true);
    });

    it('201 › without a name, "Default key", then "Key 2", "Key 3", … skipping names in use, revoked keys’ too', async () => {
      const named = async (payload: object) => {
        const res = await agent.post('/keys', payload);
        expect(res.statusCode).toBe(201);
        return body(res).data.key as { id: string; name: string };
      };
      const first = await named({});
      expect(first.name).toBe('Default key');
      await agent.post(`/keys/${first.id}/revoke`);
      await createKey('Key 3');
      // A bare POST with a JSON content type and no body at all is the same request.
      const bare = await agent.send('POST', '/keys', undefined, { headers: { 'content-type': 'application/json' } });
      expect(body(bare).data.key.name).toBe('Key 2');
      expect((await named({})).name).toBe('Key 4');
      expect(body(await agent.get('/keys')).data.keys.map((k: { name: string }) => k.name).sort()).toEqual(['Default key', 'Key 2', 'Key 3', 'Key 4']);
    });

    it.each([
      ['empty', { name: '   ' }, 'must be 1–64 characters'],
      ['65 characters', { name: 'n'.repeat(65) }, 'must be 1–64 characters'],
      ['not a string', { name: 7 }, 'must be a string'],
      ['null', { name: null }, 'must be a string'],
    ])('400 › names name when it is %s, creating nothing', async (_, payload, message) => {
      const res = await agent.post('/keys', payload);
      expect(res.statusCode).toBe(400);
      expect(body(res)).toMatchObject({ code: 400, data: { errors: [{ param: 'name', message }] } });
      expect(body(await agent.get('/keys')).data.keys).toEqual([]);
    });

    it(`409 › key_limit_reached past ${MAX_LIVE_KEYS} active or grace keys; revoked ones do not count`, async () => {
      const first = await createKey('k0');
      for (let i = 1; i < MAX_LIVE_KEYS; i++) await createKey(`k${i}`);
      const res = await agent.post('/keys', { name: 'one too many' });
      expect(res.statusCode).toBe(409);
      expect(body(res)).toEqual({ code: 409, msg: 'Conflict', data: { error: 'key_limit_reached' } });
      await agent.post(`/keys/${first.key.id}/revoke`);
      expect((await agent.post('/keys', { name: 'room again' })).statusCode).toBe(201);
    });

    it('403 › csrf_failed without the token', async () => {
      expect((await agent.post('/keys', { name: 'x' }, { csrf: null })).statusCode).toBe(403);
    });

    it('401 › without a session', async () => {
      expect((await h.agent().post('/keys', { name: 'x' })).statusCode).toBe(401);
    });
  });

  describe('PATCH keys/{id}', () => {
    it('200 › renames the key', async () => {
      const { key } = await createKey('old');
      h.clock.advance(5000);
      const res = await agent.patch(`/keys/${key.id}`, { name: 'new' });
      expect(res.statusCode).toBe(200);
      expect(body(res).data.key).toMatchObject({ id: key.id, name: 'new', updated_at: new Date(h.clock.now()).toISOString() });
    });

    it.each([
      ['empty', { name: '' }, 'must be 1–64 characters'],
      ['missing: a rename needs the new name', {}, 'is required'],
    ])('400 › names name when it is %s', async (_, payload, message) => {
      const { key } = await createKey();
      const res = await agent.patch(`/keys/${key.id}`, payload);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors).toEqual([{ param: 'name', message }]);
      expect(body(await agent.get('/keys')).data.keys[0].name).toBe('production');
    });

    it.each(['foreign', 'unknown'])('404 › resource_not_found for a %s id', async (which) => {
      const other = await h.signedUp();
      const id = which === 'foreign' ? (await createKey('theirs', other)).key.id : 'key_01JUNKNOWN0000000000000000';
      const res = await agent.patch(`/keys/${id}`, { name: 'mine now' });
      expect(res.statusCode).toBe(404);
      expect(body(res)).toEqual({ code: 404, msg: 'Not Found', data: { error: 'resource_not_found' } });
    });

    it('403 › csrf_failed from another origin', async () => {
      const { key } = await createKey();
      expect((await agent.patch(`/keys/${key.id}`, { name: 'x' }, { origin: 'https://evil.example' })).statusCode).toBe(403);
    });
  });

  describe('POST keys/{id}/rotate', () => {
    it('201 › a new key with the same name; the old one in grace for a day by default', async () => {
      const old = await createKey('prod');
      const res = await agent.post(`/keys/${old.key.id}/rotate`);
      expect(res.statusCode).toBe(201);
      const data = body(res).data;
      expect(data.grace_period_seconds).toBe(86_400);
      expect(isWellFormedApiKey(data.api_key)).toBe(true);
      expect(data.key).toMatchObject({ name: 'prod', source: 'rotated', status: 'active' });
      expect(data.previous_key).toMatchObject({
        id: old.key.id,
        status: 'grace',
        rotated_at: new Date(h.clock.now()).toISOString(),
        expires_at: new Date(h.clock.now() + 86_400_000).toISOString(),
      });
      expect(res.body).not.toContain(old.api_key);
    });

    it('the old key works through its grace period and is expired after it', async () => {
      const old = await createKey();
      expect((await h.services.keys.identify(old.api_key)).ok).toBe(true);
      const rotated = body(await agent.post(`/keys/${old.key.id}/rotate`, { grace_period_seconds: 3600 })).data;
      h.clock.advance(3_599_000);
      expect((await h.services.keys.identify(old.api_key)).ok).toBe(true);
      h.clock.advance(1000);
      expect(await h.services.keys.identify(old.api_key)).toEqual({ ok: false, reason: 'expired_api_key' });
      expect((await h.services.keys.identify(rotated.api_key)).ok).toBe(true);
      expect(body(await agent.get('/keys')).data.keys.find((k: any) => k.id === old.key.id).status).toBe('expired');
    });

    it('201 › grace 0 expires the old key at once, even if its lookup was cached', async () => {
      const old = await createKey();
      expect((await h.services.keys.identify(old.api_key)).ok).toBe(true);
      const res = await agent.post(`/keys/${old.key.id}/rotate`, { grace_period_seconds: 0 });
      expect(res.statusCode).toBe(201);
      expect(body(res).data.previous_key.status).toBe('expired');
      expect(await h.services.keys.identify(old.api_key)).toEqual({ ok: false, reason: 'expired_api_key' });
    });

    it('tells other instances through onInvalidate', async () => {
      const seen: string[] = [];
      h.services.keys.onInvalidate = (hash) => seen.push(hash);
      const old = await createKey();
      await agent.post(`/keys/${old.key.id}/rotate`);
      expect(seen).toHaveLength(1);
    });

    it.each([-1, 604_801, 1.5, '60'])('400 › names grace_period_seconds = %s', async (grace) => {
      const { key } = await createKey();
      const res = await agent.post(`/keys/${key.id}/rotate`, { grace_period_seconds: grace });
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe('grace_period_seconds');
    });

    it('404 › resource_not_found for another account’s key', async () => {
      const other = await h.signedUp();
      const theirs = await createKey('theirs', other);
      const res = await agent.post(`/keys/${theirs.key.id}/rotate`);
      expect(res.statusCode).toBe(404);
      expect((await h.services.keys.identify(theirs.api_key)).ok).toBe(true);
    });

    it('409 › key_not_active for a revoked or grace key', async () => {
      const a = await createKey('a');
      await agent.post(`/keys/${a.key.id}/revoke`);
      expect(body(await agent.post(`/keys/${a.key.id}/rotate`))).toMatchObject({ code: 409, data: { error: 'key_not_active' } });
      const b = await createKey('b');
      await agent.post(`/keys/${b.key.id}/rotate`);
      expect((await agent.post(`/keys/${b.key.id}/rotate`)).statusCode).toBe(409);
    });

    it('409 › key_limit_reached when a grace period would make 21 live keys; grace 0 still rotates', async () => {
      const first = await createKey('k0');
      for (let i = 1; i < MAX_LIVE_KEYS; i++) await createKey(`k${i}`);
      expect(body(await agent.post(`/keys/${first.key.id}/rotate`)).data).toEqual({ error: 'key_limit_reached' });
      expect((await agent.post(`/keys/${first.key.id}/rotate`, { grace_period_seconds: 0 })).statusCode).toBe(201);
    });

    it('403 › csrf_failed without the token', async () => {
      const { key } = await createKey();
      expect((await agent.post(`/keys/${key.id}/rotate`, undefined, { csrf: null })).statusCode).toBe(403);
    });
  });

  describe('POST keys/{id}/revoke', () => {
    it('200 › revokes at once, even a cached key; revoking again changes nothing', async () => {
      const { key, api_key } = await createKey();
      expect((await h.services.keys.identify(api_key)).ok).toBe(true);
      const res = await agent.post(`/keys/${key.id}/revoke`);
      expect(res.statusCode).toBe(200);
      expect(body(res).data.key).toMatchObject({ id: key.id, status: 'revoked', revoked_at: new Date(h.clock.now()).toISOString() });
      expect(await h.services.keys.identify(api_key)).toEqual({ ok: false, reason: 'revoked_api_key' });
      h.clock.advance(1000);
      const again = await agent.post(`/keys/${key.id}/revoke`);
      expect(body(again).data.key.revoked_at).toBe(body(res).data.key.revoked_at);
      expect(body(await agent.get('/keys')).data.keys).toHaveLength(1);
    });

    it('200 › accepts an empty JSON body', async () => {
      const { key } = await createKey();
      const res = await agent.post(`/keys/${key.id}/revoke`, '', { headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(200);
    });

    it('404 › resource_not_found for another account’s key, which stays valid', async () => {
      const other = await h.signedUp();
      const theirs = await createKey('theirs', other);
      expect((await agent.post(`/keys/${theirs.key.id}/revoke`)).statusCode).toBe(404);
      expect((await h.services.keys.identify(theirs.api_key)).ok).toBe(true);
    });

    it('403 › csrf_failed without Origin', async () => {
      const { key } = await createKey();
      expect((await agent.post(`/keys/${key.id}/revoke`, undefined, { origin: null })).statusCode).toBe(403);
    });

    it('401 › without a session', async () => {
      const { key } = await createKey();
      expect((await h.agent().post(`/keys/${key.id}/revoke`)).statusCode).toBe(401);
    });
  });
});
