import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/catalog/index.js';
import { runCli } from '../../src/cli.js';
import { loadConfig } from '../../src/config.js';
import { SIMULATED_SESSION_COOKIE, startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { parseSourceOrder, sourcesFor } from '../../src/upstream/index.js';

/** `trendlens upstream check` against a real simulator in each era, and the `UPSTREAM_SOURCES` syntax. */

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(() => sim.close());

async function check(env: Record<string, string>, ...flags: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await runCli(['upstream', 'check', ...flags], { UPSTREAM_SIMULATOR_URL: sim.url, ...env }, { stdout, stderr });
  return { code, out, err };
}

type Row = { operation_id: string; working: boolean; retired: boolean; attempts: Array<{ adapter: string; outcome: string; fix?: string }> };
const row = (rows: Row[], id: string): Row => rows.find((r) => r.operation_id === id)!;

describe('trendlens upstream check', () => {
  it('2026, logged in: every operation TikTok still serves works, the retired ones are marked, exit 0', async () => {
    sim.setEra('2026');
    const r = await check({ UPSTREAM_COOKIES: SIMULATED_SESSION_COOKIE }, '--json');
    expect(r.code).toBe(0);
    const { operations, ok } = JSON.parse(r.out) as { operations: Row[]; ok: boolean };
    expect(ok).toBe(true);
    expect(operations).toHaveLength(endpoints.filter((e) => e.servedFrom !== 'history').length);
    expect(row(operations, 'tiktok-popular-trend-hashtag').attempts.map((a) => [a.adapter, a.outcome])).toEqual([
      ['creative-center', 'deprecated'],
      ['tiktok-one', 'ok'],
    ]);
    expect(row(operations, 'tiktok-popular-trend-hashtag-detail').attempts.map((a) => [a.adapter, a.outcome])).toEqual([['tiktok-one', 'ok']]);
    expect(row(operations, 'tiktok-top-ads-list').attempts).toMatchObject([{ adapter: 'creative-center', outcome: 'ok' }]);
    for (const id of ['tiktok-popular-trend-song', 'tiktok-popular-trend-song-detail', 'tiktok-popular-trend-creator', 'tiktok-keyword-insights']) {
      expect(row(operations, id)).toMatchObject({ working: false, retired: true });
    }
    expect(operations.filter((o) => !o.working && !o.retired)).toEqual([]);
  });

  it('2026, anonymous: hashtag detail needs a login, says how to give one, exit 1', async () => {
    sim.setEra('2026');
    const r = await check({});
    expect(r.code).toBe(1);
    const line = r.out.split('\n').find((l) => l.includes('login needed'));
    expect(line).toContain('tiktok-one');
    expect(line).toContain('set UPSTREAM_COOKIES');
    expect(r.out).toMatch(/operation\s+adapter\s+result\s+fix/);
    expect(r.out).toContain('retired by TikTok');
    expect(r.out).toMatch(/1 without a working source\.$/m);
  });

  it('2024: every operation has a working source, the legacy API all live', async () => {
    sim.setEra('2024');
    const r = await check({ UPSTREAM_COOKIES: SIMULATED_SESSION_COOKIE }, '--json');
    const { operations } = JSON.parse(r.out) as { operations: Row[] };
    const legacy = operations.filter((o) => endpoints.find((e) => e.operationId === o.operation_id)!.sources.includes('creative-center'));
    expect(legacy.every((o) => o.working)).toBe(true);
    expect(row(operations, 'tiktok-popular-trend-hashtag').attempts.map((a) => [a.adapter, a.outcome])).toEqual([['creative-center', 'ok']]);
    expect(row(operations, 'tiktok-creative-center-hashtags')).toMatchObject({ working: true, retired: false });
    expect(r.code).toBe(0);
    sim.setEra('2026');
  });

  it('says unreachable with the variable to check when nothing answers', async () => {
    const r = await check({ UPSTREAM_SIMULATOR_URL: 'http://127.0.0.1:9', UPSTREAM_TIMEOUT_MS: '500' }, '--json');
    expect(r.code).toBe(1);
    const flagship = row(JSON.parse(r.out).operations, 'tiktok-popular-trend-hashtag');
    expect(flagship.attempts.map((a) => a.outcome)).toEqual(['unreachable', 'unreachable']);
    expect(flagship.attempts[1]?.fix).toContain('TIKTOK_ONE_BASE_URL');
  });

  it('follows UPSTREAM_SOURCES: a pinned operation asks only its pinned adapter', async () => {
    const r = await check({ UPSTREAM_COOKIES: SIMULATED_SESSION_COOKIE, UPSTREAM_SOURCES: 'tiktok-popular-trend-hashtag=tiktok-one' }, '--json');
    expect(row(JSON.parse(r.out).operations, 'tiktok-popular-trend-hashtag').attempts.map((a) => a.adapter)).toEqual(['tiktok-one']);
  });

  it('refuses a malformed UPSTREAM_SOURCES naming the variable, exit 2', async () => {
    const r = await check({ UPSTREAM_SOURCES: 'tiktok-popular-trend-song=tiktok-one' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('UPSTREAM_SOURCES');
    expect(r.err).toContain('cannot be served by tiktok-one');
  });
});

describe('UPSTREAM_SOURCES', () => {
  const flagship = endpoints.find((e) => e.operationId === 'tiktok-popular-trend-hashtag')!;
  const topAds = endpoints.find((e) => e.operationId === 'tiktok-top-ads-list')!;

  it('reorders globally, narrowing each operation to what it declares', () => {
    const parsed = parseSourceOrder('tiktok-one,creative-center', endpoints);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(sourcesFor(flagship, parsed.order)).toEqual(['tiktok-one', 'creative-center']);
    expect(sourcesFor(topAds, parsed.order)).toEqual(['creative-center']);
  });

  it('lets a per-operation entry win over the global list', () => {
    const parsed = parseSourceOrder(' tiktok-one ; tiktok-popular-trend-hashtag = creative-center ', endpoints);
    expect(parsed.ok && sourcesFor(flagship, parsed.order)).toEqual(['creative-center']);
  });

  it('keeps the catalog order for an operation the global list cannot serve', () => {
    const parsed = parseSourceOrder('tiktok-one', endpoints);
    expect(parsed.ok && sourcesFor(topAds, parsed.order)).toEqual(['creative-center']);
  });

  it.each([
    ['tiktok-two', 'unknown adapter "tiktok-two"'],
    ['no-such-op=tiktok-one', 'unknown operation id "no-such-op"'],
    ['tiktok-one,tiktok-one', 'named twice'],
    ['tiktok-one;creative-center', 'more than one global list'],
    ['tiktok-popular-trend-hashtag=', 'empty adapter name'],
  ])('refuses %s', (text, message) => {
    const parsed = parseSourceOrder(text, endpoints);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('is checked when the configuration loads, naming the variable', () => {
    expect(() => loadConfig({ UPSTREAM_SOURCES: 'tiktok-two' })).toThrow(/UPSTREAM_SOURCES: "tiktok-two": unknown adapter/);
  });
});
