import { describe, expect, it } from 'vitest';
import { REQUEST_MESSAGES, runRequest } from './request.js';

const KEY = 'tl_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1Z7z8R';

describe('runRequest', () => {
  it('sends the key and the playground label, and reports status, latency, size and headers', async () => {
    let seen: Headers | undefined;
    const clock = [100, 142];
    const fake: typeof fetch = async (_url, init) => {
      seen = new Headers(init?.headers);
      return new Response('{"code":200}', { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' } });
    };
    const result = await runRequest('http://h/api/v1/x', KEY, { fetch: fake, now: () => clock.shift()! }).result;
    expect(seen?.get('x-api-key')).toBe(KEY);
    expect(seen?.get('x-trendlens-client')).toBe('playground');
    expect(result).toMatchObject({ ok: true, status: 200, ms: 42, bytes: 12, body: '{"code":200}' });
    expect(result.ok && result.headers).toContainEqual(['x-request-id', 'req_1']);
  });

  it('sends the label of the page that asks', async () => {
    let seen: Headers | undefined;
    const fake: typeof fetch = async (_url, init) => {
      seen = new Headers(init?.headers);
      return new Response('{}', { status: 200 });
    };
    await runRequest('http://h/api/v1/x', KEY, { fetch: fake, client: 'console' }).result;
    expect(seen?.get('x-trendlens-client')).toBe('console');
  });

  it('says "No response received (network or CORS)" when fetch fails', async () => {
    const fake: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await runRequest('http://h', KEY, { fetch: fake }).result).toEqual({ ok: false, reason: 'network', message: REQUEST_MESSAGES.network });
  });

  it('refuses to send without a key', async () => {
    expect(await runRequest('http://h', null).result).toMatchObject({ ok: false, reason: 'no_key' });
  });

  it('can be cancelled', async () => {
    const fake: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const running = runRequest('http://h', KEY, { fetch: fake });
    running.cancel();
    expect(await running.result).toMatchObject({ ok: false, reason: 'cancelled', message: 'Request cancelled.' });
  });
});
