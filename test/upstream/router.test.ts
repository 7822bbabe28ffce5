import { describe, expect, it } from 'vitest';
import { parseParams, type AnyEndpoint } from '../../src/catalog/index.js';
import { popularTrendHashtagDetail } from '../../src/catalog/trends/popular-trend-hashtag-detail.js';
import { popularTrendHashtag } from '../../src/catalog/trends/popular-trend-hashtag.js';
import { popularTrendSong } from '../../src/catalog/trends/popular-trend-song.js';
import { ManualClock } from '../../src/clock.js';
import { SourceRouter, type Source, type UpstreamAccess, type UpstreamAdapter, type UpstreamResult } from '../../src/upstream/index.js';

/** Source routing with scripted sources: order, memory, circuits per adapter, login order, retirement. */

function scripted(adapter: UpstreamAdapter, next: () => UpstreamResult, extra: { access?: UpstreamAccess; loginOnly?: string[] } = {}) {
  const source: Source & { calls: number } = {
    id: adapter,
    adapter,
    access: extra.access ?? 'anonymous',
    calls: 0,
    needsLogin: (id) => extra.loginOnly?.includes(id) ?? false,
    async fetch() {
      source.calls++;
      return next();
    },
    async close() {},
  };
  return source;
}

const ok: UpstreamResult = { ok: true, data: { served: true } };
const deprecated: UpstreamResult = { ok: false, failure: { kind: 'unavailable', detail: 'deprecated' } };
const timeout: UpstreamResult = { ok: false, failure: { kind: 'timeout' } };

function params(endpoint: AnyEndpoint, query: Record<string, string> = {}) {
  const parsed = parseParams(endpoint, query);
  if (!parsed.ok) throw new Error('params');
  return parsed.params;
}

describe('source router', () => {
  it('skips a source that said deprecated for 15 minutes, then asks it again', async () => {
    const clock = new ManualClock();
    const legacy = scripted('creative-center', () => deprecated);
    const one = scripted('tiktok-one', () => ok);
    const router = new SourceRouter({ sources: [legacy, one], clock });
    const p = params(popularTrendHashtag, { country_code: 'US' });
    expect(await router.fetch(popularTrendHashtag, p)).toMatchObject({ ok: true, adapter: 'tiktok-one' });
    expect(await router.fetch(popularTrendHashtag, p)).toMatchObject({ ok: true, adapter: 'tiktok-one' });
    expect(legacy.calls).toBe(1);
    clock.advance(15 * 60_000);
    await router.fetch(popularTrendHashtag, p);
    expect(legacy.calls).toBe(2);
  });

  it("answers with what a live source said, not with another source's deprecated, whichever was asked first", async () => {
    const refused: UpstreamResult = { ok: false, failure: { kind: 'unavailable', detail: 'not_available', hint: 'only order_by=vv has a match' } };
    for (const order of [['tiktok-one', 'creative-center'], ['creative-center', 'tiktok-one']] as const) {
      const router = new SourceRouter({
        sources: [scripted('creative-center', () => deprecated), scripted('tiktok-one', () => refused)],
        clock: new ManualClock(),
        order: { global: order, perOperation: {} },
      });
      expect(await router.fetch(popularTrendHashtag, params(popularTrendHashtag, { country_code: 'US' }))).toMatchObject({
        ok: false,
        failure: refused.failure,
        adapter: 'tiktok-one',
      });
    }
  });

  it('keeps a circuit per adapter: one adapter failing does not stop the other', async () => {
    const clock = new ManualClock();
    const legacy = scripted('creative-center', () => timeout);
    const one = scripted('tiktok-one', () => ok);
    const router = new SourceRouter({ sources: [legacy, one], clock, breakerThreshold: 2 });
    const p = params(popularTrendHashtag, { country_code: 'US' });
    for (let i = 0; i < 3; i++) expect(await router.fetch(popularTrendHashtag, p)).toMatchObject({ ok: true, adapter: 'tiktok-one' });
    expect(legacy.calls).toBe(2);
    const status = router.status([popularTrendHashtag])[0]!;
    expect(status.sources.map((s) => [s.adapter, s.circuit])).toEqual([
      ['creative-center', 'open'],
      ['tiktok-one', 'closed'],
    ]);
    expect(status.serving).toBe('tiktok-one');
  });

  it('takes a definite not-found as the answer without asking the next source', async () => {
    const one = scripted('tiktok-one', () => ({ ok: false, failure: { kind: 'not_found' } }), { access: 'logged-in' });
    const legacy = scripted('creative-center', () => ok);
    const router = new SourceRouter({ sources: [legacy, one], clock: new ManualClock() });
    const result = await router.fetch(popularTrendHashtagDetail, params(popularTrendHashtagDetail, { hashtag_name: 'x', country_code: 'US' }));
    expect(result).toMatchObject({ ok: false, failure: { kind: 'not_found' }, adapter: 'tiktok-one' });
    expect(legacy.calls).toBe(0);
  });

  it('asks a login-only operation of an anonymous source last', () => {
    const anonymous = scripted('tiktok-one', () => ok, { loginOnly: ['tiktok-popular-trend-hashtag-detail'] });
    const legacy = scripted('creative-center', () => ok);
    const router = new SourceRouter({ sources: [legacy, anonymous], clock: new ManualClock() });
    expect(router.candidates(popularTrendHashtagDetail).map((s) => s.adapter)).toEqual(['creative-center', 'tiktok-one']);
    const loggedIn = scripted('tiktok-one', () => ok, { access: 'logged-in', loginOnly: ['tiktok-popular-trend-hashtag-detail'] });
    const router2 = new SourceRouter({ sources: [legacy, loggedIn], clock: new ManualClock() });
    expect(router2.candidates(popularTrendHashtagDetail).map((s) => s.adapter)).toEqual(['tiktok-one', 'creative-center']);
  });

  it('turns "every source gone" on a retired operation into retired, and any other failure into that failure', async () => {
    const router = new SourceRouter({ sources: [scripted('creative-center', () => deprecated)], clock: new ManualClock() });
    expect(await router.fetch(popularTrendSong, params(popularTrendSong))).toMatchObject({
      ok: false,
      failure: { kind: 'retired', since: '2026', reason: popularTrendSong.retired!.reason },
    });
    const flaky = new SourceRouter({ sources: [scripted('creative-center', () => timeout)], clock: new ManualClock() });
    expect(await flaky.fetch(popularTrendSong, params(popularTrendSong))).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
  });
});
