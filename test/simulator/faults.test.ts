import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, type SimulatorFault, type SimulatorHandle } from '../../src/simulator/index.js';
import { call, signedHeaders } from './helpers.js';

const clock = new ManualClock(Date.UTC(2026, 3, 21, 12, 0, 0));
const now = clock.now();
const PATH = 'popular_trend/hashtag/list?limit=3';
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock, era: '2024' });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.clearFaults());

const forced = (fault: SimulatorFault) => call(sim, PATH, { nowMs: now, extra: { 'x-simulator-fault': JSON.stringify(fault) } });

describe('faults', () => {
  it.each([
    ['401', 401],
    ['403', 403],
    ['html', 200],
  ] as const)('login_wall %s answers %i with an HTML page', async (variant, status) => {
    const r = await forced({ kind: 'login_wall', variant });
    expect(r.status).toBe(status);
    expect(r.type).toMatch(/^text\/html/);
    expect(r.text).toContain('<html');
  });

  it('login_wall redirect answers 302 to a login URL', async () => {
    const res = await fetch(sim.baseUrl + PATH, {
      headers: { ...signedHeaders(now), 'x-simulator-fault': JSON.stringify({ kind: 'login_wall', variant: 'redirect' }) },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/business\/login\?redirect_url=/);
    const followed = await fetch(res.headers.get('location')!);
    expect(followed.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it.each([500, 502, 503, 504] as const)('http_error %i with a text body or an empty one', async (status) => {
    const text = await forced({ kind: 'http_error', status, body: 'text' });
    expect(text.status).toBe(status);
    expect(text.type).toMatch(/^text\/plain/);
    expect(text.text).toContain(String(status));
    const empty = await forced({ kind: 'http_error', status, body: 'empty' });
    expect(empty.status).toBe(status);
    expect(empty.text).toBe('');
  });

  it('malformed truncated cuts the JSON body', async () => {
    const r = await forced({ kind: 'malformed', variant: 'truncated' });
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    expect(() => JSON.parse(r.text)).toThrow();
    expect(r.text.startsWith('{"code":0')).toBe(true);
  });

  it('malformed garbage appends trailing garbage', async () => {
    const r = await forced({ kind: 'malformed', variant: 'garbage' });
    expect(() => JSON.parse(r.text)).toThrow();
    expect(r.text.startsWith('{"code":0')).toBe(true);
  });

  it('malformed content_type sends valid JSON as text/html', async () => {
    const r = await forced({ kind: 'malformed', variant: 'content_type' });
    expect(r.type).toMatch(/^text\/html/);
    expect(r.json.code).toBe(0);
  });

  it('error_code answers HTTP 200 JSON with the code, 40100 as the rate-limit stand-in', async () => {
    const r = await forced({ kind: 'error_code', code: 40100 });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ code: 40100, msg: 'Too many requests', request_id: expect.stringMatching(/^[0-9]{14}[0-9A-F]{20}$/), data: {} });
    const custom = await forced({ kind: 'error_code', code: 50002, msg: 'system busy' });
    expect(custom.json.msg).toBe('system busy');
  });

  it('slow answers normally after the delay', async () => {
    const started = Date.now();
    const r = await forced({ kind: 'slow', ms: 150 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(r.json.code).toBe(0);
  });

  it('hang never answers until the client aborts', async () => {
    await expect(
      fetch(sim.baseUrl + PATH, {
        headers: { ...signedHeaders(now), 'x-simulator-fault': '{"kind":"hang"}' },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
  });

  it('drop destroys the socket', async () => {
    await expect(fetch(sim.baseUrl + PATH, { headers: { ...signedHeaders(now), 'x-simulator-fault': '{"kind":"drop"}' } })).rejects.toThrow(
      /fetch failed/,
    );
  });

  it('answers 400 for an unreadable x-simulator-fault header', async () => {
    const r = await call(sim, PATH, { nowMs: now, extra: { 'x-simulator-fault': '{"kind":"nope"}' } });
    expect(r.status).toBe(400);
  });

  it('drop_first_signed answers 40101 to the first signed call of a new anonymous-user-id only', async () => {
    sim.addFault({ fault: { kind: 'drop_first_signed' } });
    const id = randomUUID();
    expect((await call(sim, PATH, { nowMs: now, headers: signedHeaders(now, id) })).json.code).toBe(40101);
    expect((await call(sim, PATH, { nowMs: now, headers: signedHeaders(now, id) })).json.code).toBe(0);
    expect((await call(sim, PATH, { nowMs: now, headers: signedHeaders(now, randomUUID()) })).json.code).toBe(40101);
  });

  it('a rule with times applies that many times, then stops', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 503, body: 'empty' }, times: 2 });
    expect((await call(sim, PATH, { nowMs: now })).status).toBe(503);
    expect((await call(sim, PATH, { nowMs: now })).status).toBe(503);
    expect((await call(sim, PATH, { nowMs: now })).status).toBe(200);
  });

  it('a rule with a path leaves other paths alone', async () => {
    sim.addFault({ fault: { kind: 'error_code', code: 40100 }, path: 'top_ads/v2/list' });
    expect((await call(sim, PATH, { nowMs: now })).json.code).toBe(0);
    expect((await call(sim, 'top_ads/v2/list', { nowMs: now })).json.code).toBe(40100);
  });

  it('clearFaults removes every rule', async () => {
    sim.addFault({ fault: { kind: 'http_error', status: 500, body: 'text' } });
    sim.clearFaults();
    expect((await call(sim, PATH, { nowMs: now })).status).toBe(200);
  });
});

describe('close', () => {
  it('ends hanging and slow requests instead of waiting for them', async () => {
    const other = await startSimulator({ clock, era: '2024' });
    const hanging = fetch(other.baseUrl + PATH, { headers: { ...signedHeaders(now), 'x-simulator-fault': '{"kind":"hang"}' } }).catch((e: Error) => e);
    const slow = fetch(other.baseUrl + PATH, { headers: { ...signedHeaders(now), 'x-simulator-fault': '{"kind":"slow","ms":60000}' } }).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hanging).toBeInstanceOf(Error);
    expect(await slow).toBeInstanceOf(Error);
  });
});

describe('control surface', () => {
  it('reports state, switches mode and manages faults over HTTP', async () => {
    const state = await (await fetch(`${sim.url}/__simulator`)).json();
    expect(state).toMatchObject({ mode: 'signed-2024', faults: [] });

    expect((await fetch(`${sim.url}/__simulator/mode`, { method: 'POST', body: JSON.stringify({ mode: 'deprecated-2026' }) })).status).toBe(200);
    expect((await call(sim, PATH, { nowMs: now })).json.msg).toBe('deprecated');
    expect((await fetch(`${sim.url}/__simulator/mode`, { method: 'POST', body: JSON.stringify({ mode: 'nope' }) })).status).toBe(400);
    sim.setMode('signed-2024');

    const rule = { fault: { kind: 'http_error', status: 502, body: 'text' }, times: 1 };
    expect((await fetch(`${sim.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify(rule) })).status).toBe(200);
    expect(((await (await fetch(`${sim.url}/__simulator`)).json()) as { faults: unknown }).faults).toEqual([rule]);
    expect((await call(sim, PATH, { nowMs: now })).status).toBe(502);

    await fetch(`${sim.url}/__simulator/faults`, { method: 'POST', body: JSON.stringify({ fault: { kind: 'hang' } }) });
    expect((await fetch(`${sim.url}/__simulator/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await call(sim, PATH, { nowMs: now })).status).toBe(200);

    expect((await fetch(`${sim.url}/__simulator/faults`, { method: 'POST', body: '{"fault":{"kind":"slow"}}' })).status).toBe(400);
  });
});
