import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { popularTrendHashtag } from '../../src/catalog/trends/popular-trend-hashtag.js';
import { ManualClock } from '../../src/clock.js';
import {
  callWithRetries,
  checkAgainstSchema,
  cookieValue,
  CookieSessions,
  errorCode,
  exponentialBackoff,
  HttpTransport,
  isJsonContentType,
  judgeFailedExchange,
  PageCache,
  type CallFailed,
  type Exchange,
  type Verdict,
} from '../../src/upstream/adapter-kit/index.js';
import type { UpstreamFailure } from '../../src/upstream/index.js';

const FAILURE: UpstreamFailure = { kind: 'bad_response', detail: 'upstream_error', message: 'upstream HTTP 503' };
const far = () => performance.now() + 60_000;

/** An attempt that answers the given verdicts in turn and records the timeouts it was handed. */
function scripted<R>(verdicts: Verdict<R>[]) {
  const timeouts: number[] = [];
  const attempt = async (timeoutMs: number): Promise<Verdict<R>> => {
    timeouts.push(timeoutMs);
    const next = verdicts.shift();
    if (!next) throw new Error('attempted more often than scripted');
    return next;
  };
  return { attempt, timeouts };
}

describe('callWithRetries', () => {
  it('returns a done verdict at once', async () => {
    const { attempt, timeouts } = scripted<string>([{ next: 'done', result: 'answer' }]);
    expect(await callWithRetries({ backoff: () => 0 }, { deadline: far(), timeoutMs: 1234 }, attempt)).toBe('answer');
    expect(timeouts).toEqual([1234]);
  });

  it('retries with backoff until the retries are spent, then reports the last failure', async () => {
    const delays: number[] = [];
    const last: UpstreamFailure = { kind: 'timeout' };
    const { attempt, timeouts } = scripted<string>([
      { next: 'retry', failure: FAILURE },
      { next: 'retry', failure: FAILURE },
      { next: 'retry', failure: last },
    ]);
    const backoff = (n: number) => {
      delays.push(n);
      return 0;
    };
    expect(await callWithRetries({ retries: 2, backoff }, { deadline: far(), timeoutMs: 100 }, attempt)).toEqual({ ok: false, failure: last });
    expect(timeouts).toHaveLength(3);
    expect(delays).toEqual([0, 1]);
  });

  it('succeeds on a retry', async () => {
    const { attempt } = scripted<string>([{ next: 'retry', failure: FAILURE }, { next: 'done', result: 'second' }]);
    expect(await callWithRetries({ retries: 1, backoff: () => 0 }, { deadline: far(), timeoutMs: 100 }, attempt)).toBe('second');
  });

  it('goes again without spending a retry or backing off', async () => {
    const { attempt, timeouts } = scripted<string>([{ next: 'again' }, { next: 'again' }, { next: 'done', result: 'third' }]);
    const backoff = () => {
      throw new Error('backed off');
    };
    expect(await callWithRetries({ retries: 0, backoff }, { deadline: far(), timeoutMs: 100 }, attempt)).toBe('third');
    expect(timeouts).toHaveLength(3);
  });

  it('defaults to two retries', async () => {
    const { attempt, timeouts } = scripted<string>(Array.from({ length: 3 }, () => ({ next: 'retry' as const, failure: FAILURE })));
    await callWithRetries({ backoff: () => 0 }, { deadline: far(), timeoutMs: 100 }, attempt);
    expect(timeouts).toHaveLength(3);
  });

  it('starts no attempt once the budget is spent', async () => {
    const { attempt, timeouts } = scripted<string>([]);
    expect(await callWithRetries({}, { deadline: performance.now() - 1, timeoutMs: 100 }, attempt)).toEqual({ ok: false, failure: { kind: 'timeout' } });
    expect(timeouts).toEqual([]);
  });

  it('starts no attempt once the signal has aborted', async () => {
    const { attempt, timeouts } = scripted<string>([]);
    const result = await callWithRetries({}, { deadline: far(), timeoutMs: 100, signal: AbortSignal.abort() }, attempt);
    expect(result).toEqual({ ok: false, failure: { kind: 'timeout' } });
    expect(timeouts).toEqual([]);
  });

  it('gives up with the failure when the backoff would outlast the budget', async () => {
    const { attempt, timeouts } = scripted<string>([{ next: 'retry', failure: FAILURE }]);
    const budget = { deadline: performance.now() + 30_000, timeoutMs: 100 };
    expect(await callWithRetries({ retries: 5, backoff: () => 3_600_000 }, budget, attempt)).toEqual({ ok: false, failure: FAILURE });
    expect(timeouts).toHaveLength(1);
  });

  it('hands an attempt no more time than the budget has left', async () => {
    const { attempt, timeouts } = scripted<string>([{ next: 'done', result: 'x' }]);
    await callWithRetries({}, { deadline: performance.now() + 30_000, timeoutMs: 3_600_000 }, attempt);
    expect(timeouts[0]).toBeLessThanOrEqual(30_000);
    expect(timeouts[0]).toBeGreaterThan(0);
  });
});

describe('exponentialBackoff', () => {
  it('doubles from about 250 ms, capped at 2 s, each between half and all of it', () => {
    for (let i = 0; i < 50; i++) {
      expect(exponentialBackoff(0)).toBeGreaterThanOrEqual(125);
      expect(exponentialBackoff(0)).toBeLessThanOrEqual(250);
      expect(exponentialBackoff(2)).toBeGreaterThanOrEqual(500);
      expect(exponentialBackoff(2)).toBeLessThanOrEqual(1000);
      expect(exponentialBackoff(20)).toBeGreaterThanOrEqual(1000);
      expect(exponentialBackoff(20)).toBeLessThanOrEqual(2000);
    }
  });
});

describe('judgeFailedExchange', () => {
  it('retries a timeout', () => {
    expect(judgeFailedExchange({ type: 'timeout' })).toEqual({ next: 'retry', failure: { kind: 'timeout' } });
  });

  it('retries a refused connection as connect_failed, and other network errors as upstream errors', () => {
    expect(judgeFailedExchange({ type: 'network', connectFailed: true, message: 'x' })).toEqual({
      next: 'retry',
      failure: { kind: 'unavailable', detail: 'connect_failed' },
    });
    expect(judgeFailedExchange({ type: 'network', connectFailed: false, message: 'network error ECONNRESET: reset' })).toEqual({
      next: 'retry',
      failure: { kind: 'bad_response', detail: 'upstream_error', message: 'network error ECONNRESET: reset' },
    });
  });

  it('does not retry an oversized body', () => {
    expect(judgeFailedExchange({ type: 'too_large', bytes: 16 })).toEqual({
      next: 'done',
      result: { ok: false, failure: { kind: 'bad_response', detail: 'upstream_error', message: 'body over 16 bytes' } },
    });
  });
});

describe('transport helpers', () => {
  it('finds an error code on nested causes', () => {
    expect(errorCode(new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'ECONNREFUSED' }) }))).toBe('ECONNREFUSED');
    expect(errorCode(new Error('none'))).toBeUndefined();
    expect(errorCode('not an error')).toBeUndefined();
  });

  it('knows JSON media types, parameters ignored', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/problem+json')).toBe(true);
    expect(isJsonContentType('Text/JSON')).toBe(true);
    expect(isJsonContentType('text/html')).toBe(false);
    expect(isJsonContentType('')).toBe(false);
  });
});

describe('HttpTransport against a real HTTP server', () => {
  let server: Server;
  let base: string;
  let failuresLeft = 0;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      requests++;
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/flaky' && failuresLeft-- > 0) {
        res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        return;
      }
      if (url.pathname === '/refused') {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"InvalidRequest"}');
        return;
      }
      if (url.pathname === '/silent') return; // never answers
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-echo-method': req.method ?? '' });
        res.end(JSON.stringify({ method: req.method, body, agent: req.headers['user-agent'] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** One call whose verdict is always `done` with the exchange itself, so the test sees what came back. */
  async function exchangeOnce(transport: HttpTransport, path: string, init: { method?: 'GET' | 'POST'; body?: string } = {}) {
    const result = await transport.call<{ ok: true; exchange: Exchange }>({ deadline: far() }, async (send) => ({
      next: 'done',
      result: { ok: true, exchange: await send({ method: init.method ?? 'GET', url: new URL(path, base), headers: { 'user-agent': 'kit-test' }, body: init.body }) },
    }));
    await transport.close();
    return 'exchange' in result ? result.exchange : result;
  }

  it('sends the request and reads a 2xx body with its headers', async () => {
    const exchange = await exchangeOnce(new HttpTransport({ adapter: 'creative-center' }), 'echo', { method: 'POST', body: '{"a":1}' });
    expect(exchange).toMatchObject({ type: 'response', status: 200, contentType: 'application/json', headers: { 'x-echo-method': 'POST' } });
    expect(JSON.parse((exchange as { text: string }).text)).toEqual({ method: 'POST', body: '{"a":1}', agent: 'kit-test' });
  });

  it('drains a non-2xx body unread by default, and reads it where the adapter asks', async () => {
    const drained = await exchangeOnce(new HttpTransport({ adapter: 'creative-center' }), 'refused');
    expect(drained).toMatchObject({ type: 'response', status: 400 });
    expect(drained).not.toHaveProperty('text');
    const reading = new HttpTransport({ adapter: 'creative-center', readsBody: (status) => status < 500 });
    expect(await exchangeOnce(reading, 'refused')).toMatchObject({ type: 'response', status: 400, text: '{"code":"InvalidRequest"}' });
  });

  it('stops reading a body over the cap', async () => {
    expect(await exchangeOnce(new HttpTransport({ adapter: 'creative-center', maxBodyBytes: 8 }), 'echo')).toEqual({ type: 'too_large', bytes: 8 });
  });

  it('ends an exchange that outlasts its timeout as a timeout', async () => {
    expect(await exchangeOnce(new HttpTransport({ adapter: 'creative-center', timeoutMs: 50 }), 'silent')).toEqual({ type: 'timeout' });
  });

  it('reports a refused connection as a network error that made no connection', async () => {
    const transport = new HttpTransport({ adapter: 'creative-center' });
    const result = await transport.call<{ ok: true; exchange: Exchange }>({ deadline: far() }, async (send) => ({
      next: 'done',
      result: { ok: true, exchange: await send({ method: 'GET', url: new URL('http://127.0.0.1:9/'), headers: {} }) },
    }));
    await transport.close();
    expect(result).toMatchObject({ exchange: { type: 'network', connectFailed: true } });
  });

  it('retries as the verdict says, with a fresh request each attempt', async () => {
    failuresLeft = 2;
    requests = 0;
    const transport = new HttpTransport({ adapter: 'creative-center', retries: 2, backoff: () => 0 });
    let built = 0;
    const result = await transport.call<{ ok: true; status: number } | CallFailed>({ deadline: far() }, async (send) => {
      built++;
      const exchange = await send({ method: 'GET', url: new URL('flaky', base), headers: {} });
      if (exchange.type === 'response' && exchange.status >= 500) return { next: 'retry', failure: FAILURE };
      return { next: 'done', result: { ok: true, status: exchange.type === 'response' ? exchange.status : 0 } };
    });
    await transport.close();
    expect(result).toEqual({ ok: true, status: 200 });
    expect(built).toBe(3);
    expect(requests).toBe(3);
  });
});

describe('CookieSessions', () => {
  it('sends the sessions round-robin, each with x-csrftoken from its csrftoken', () => {
    const sessions = new CookieSessions(['sessionid=a; csrftoken=ta', '  ', 'sessionid=b']);
    expect(sessions.loggedIn).toBe(true);
    const sent = [0, 1, 2].map(() => {
      const headers: Record<string, string> = {};
      sessions.addTo(headers);
      return headers;
    });
    expect(sent).toEqual([
      { cookie: 'sessionid=a; csrftoken=ta', 'x-csrftoken': 'ta' },
      { cookie: 'sessionid=b' },
      { cookie: 'sessionid=a; csrftoken=ta', 'x-csrftoken': 'ta' },
    ]);
  });

  it('adds nothing without sessions', () => {
    const sessions = new CookieSessions([' ', '']);
    const headers: Record<string, string> = { accept: 'application/json' };
    sessions.addTo(headers);
    expect(sessions.loggedIn).toBe(false);
    expect(headers).toEqual({ accept: 'application/json' });
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; csrftoken = t=ok ;b=2', 'csrftoken')).toBe('t=ok');
    expect(cookieValue('a=1', 'csrftoken')).toBeUndefined();
  });
});

describe('PageCache', () => {
  const ok = (n: number) => ({ ok: true as const, n });
  const failed: CallFailed = { ok: false, failure: FAILURE };

  function counting<R>(result: R) {
    const load = async () => {
      load.calls++;
      return result;
    };
    load.calls = 0;
    return load;
  }

  it('reuses a successful answer until its time is up', async () => {
    const clock = new ManualClock();
    const pages = new PageCache<ReturnType<typeof ok>>({ clock, ttlMs: 1000 });
    const load = counting(ok(1));
    await pages.get('k', load);
    clock.advance(999);
    expect(await pages.get('k', load)).toEqual(ok(1));
    expect(load.calls).toBe(1);
    clock.advance(1);
    await pages.get('k', load);
    expect(load.calls).toBe(2);
  });

  it('never keeps a failure', async () => {
    const pages = new PageCache<CallFailed>({ clock: new ManualClock() });
    const load = counting(failed);
    await pages.get('k', load);
    await pages.get('k', load);
    expect(load.calls).toBe(2);
  });

  it('keeps nothing with a zero time to live', async () => {
    const pages = new PageCache<ReturnType<typeof ok>>({ clock: new ManualClock(), ttlMs: 0 });
    const load = counting(ok(1));
    await pages.get('k', load);
    await pages.get('k', load);
    expect(load.calls).toBe(2);
  });

  it('lets concurrent loads of one key share a single call', async () => {
    const pages = new PageCache<ReturnType<typeof ok>>({ clock: new ManualClock() });
    const load = counting(ok(7));
    expect(await Promise.all([pages.get('k', load), pages.get('k', load), pages.get('k', load)])).toEqual([ok(7), ok(7), ok(7)]);
    expect(load.calls).toBe(1);
  });

  it('drops the oldest page beyond its size, and everything on clear', async () => {
    const pages = new PageCache<ReturnType<typeof ok>>({ clock: new ManualClock(), maxEntries: 2 });
    const loads = { a: counting(ok(1)), b: counting(ok(2)), c: counting(ok(3)) };
    await pages.get('a', loads.a);
    await pages.get('b', loads.b);
    await pages.get('c', loads.c);
    await pages.get('b', loads.b);
    await pages.get('c', loads.c);
    expect([loads.a.calls, loads.b.calls, loads.c.calls]).toEqual([1, 1, 1]);
    await pages.get('a', loads.a);
    expect(loads.a.calls).toBe(2);
    pages.clear();
    await pages.get('c', loads.c);
    expect(loads.c.calls).toBe(2);
  });
});

describe('checkAgainstSchema', () => {
  it('passes a conforming answer with its headers', () => {
    const result = checkAgainstSchema(popularTrendHashtag, { ok: true, data: popularTrendHashtag.sample, headers: { 'X-Upstream-Period': '120' } });
    expect(result).toMatchObject({ ok: true, headers: { 'X-Upstream-Period': '120' } });
  });

  it('turns an off-contract answer into schema_mismatch naming the operation', () => {
    const result = checkAgainstSchema(popularTrendHashtag, { ok: true, data: { code: 'x' } });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad_response', detail: 'schema_mismatch' } });
    expect((result as { failure: { message: string } }).failure.message).toMatch(/^tiktok-popular-trend-hashtag /);
  });

  it('passes a failure through unchanged', () => {
    const failure: UpstreamFailure = { kind: 'timeout' };
    expect(checkAgainstSchema(popularTrendHashtag, { ok: false, failure })).toEqual({ ok: false, failure });
  });
});
