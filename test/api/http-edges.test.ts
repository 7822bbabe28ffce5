import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originForm } from '../../src/app.js';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * Requests that go wrong before a route runs (a body for no route, a wrong media type, a path or
 * query that does not decode, headers over the limit) still get our envelope with a request id,
 * the offending part named, and no charge (docs/api-contract.md § Errors).
 */

const FLAGSHIP = '/api/v1/tiktok/popular-trend/hashtag';
const REQUEST_ID = /^req_[0-9A-HJKMNP-TV-Z]{26}$/;

let t: TestApp;
let caller: Awaited<ReturnType<TestApp['newCaller']>>;
let origin: string;

beforeAll(async () => {
  t = await startTestApp();
  caller = await t.newCaller();
  origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => t.close());

const balance = async () => (await t.services.credits.snapshot(caller.accountId)).balance;

/**
 * Sends raw bytes over a socket of its own and gives back the whole answer as text. The socket is
 * half-closed after them unless `waitForClose` (a request that must be served: a client gone is not).
 */
function raw(request: string, waitForClose = false): Promise<string> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    if (waitForClose) socket.write(request);
    else socket.end(request);
  });
}

function envelopeOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

describe('before a route runs', () => {
  it('answers a PUT with a broken JSON body on an API path 405, not 400', async () => {
    const res = await t.app.inject({ method: 'PUT', url: FLAGSHIP, headers: { 'content-type': 'application/json', 'x-api-key': caller.apiKey }, payload: '{bad' });
    expect(res.statusCode).toBe(405);
    expect(res.json().data).toEqual({ error: 'method_not_allowed', allow: ['GET'] });
  });

  it('answers a body sent to no route 404, not 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/nope', headers: { 'content-type': 'application/json' }, payload: '{bad' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 404, msg: 'Not Found', data: { error: 'route_not_found' } });
  });

  it.each([
    ['text/xml', '<a/>'],
    ['text/plain', '{"email":"a@example.com","password":"correct horse battery"}'],
  ])('answers a Console body sent as %s 415', async (type, payload) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/console/auth/sign-in', headers: { 'content-type': type }, payload });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ code: 415, msg: 'Unsupported Media Type', data: { error: 'unsupported_media_type' } });
  });

  it('answers a path with broken percent-encoding 400 in the envelope, with a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/popular-trend/hash%FFtag', headers: { 'x-api-key': caller.apiKey } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 400, msg: 'Invalid input', data: { errors: [{ param: 'path', message: 'has malformed percent-encoding' }] } });
    expect(res.headers['x-request-id']).toMatch(REQUEST_ID);
  });

  it('names a param that is not UTF-8 or holds a control character once decoded, and charges nothing', async () => {
    const before = await balance();
    for (const [query, param] of [
      ['keyword=caf%E9', 'keyword'],
      ['keyword=a%00b', 'keyword'],
      ['country_code=U%0AS', 'country_code'],
      // C1 controls are control characters too (U+0085 NEL, U+009B CSI).
      ['keyword=a%C2%85b', 'keyword'],
      ['keyword=a%C2%9Bb', 'keyword'],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/tiktok/top-ads/list?${query}`, headers: { 'x-api-key': caller.apiKey } });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().data.errors).toEqual([{ param, message: 'must be UTF-8 text without control characters once percent-decoded' }]);
    }
    const accented = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/top-ads/list?keyword=caf%C3%A9', headers: { 'x-api-key': caller.apiKey } });
    expect(accented.statusCode).toBe(200);
    expect(await balance()).toBe(before - 8);
  });

  it('reads every param of a query with over a thousand keys: a bad one after them is still a 400, a good one still counts', async () => {
    const junk = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&');
    const before = await balance();
    const bad = await t.app.inject({ method: 'GET', url: `/api/v1/tiktok/top-ads/list?${junk}&period=abc`, headers: { 'x-api-key': caller.apiKey } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().data.errors).toEqual([{ param: 'period', message: expect.any(String) }]);
    expect(await balance()).toBe(before);
    const good = await t.app.inject({ method: 'GET', url: `${FLAGSHIP}?${junk}&country_code=US&period=30`, headers: { 'x-api-key': caller.apiKey } });
    expect(good.statusCode).toBe(200);
    const plain = await t.app.inject({ method: 'GET', url: `${FLAGSHIP}?country_code=US&period=30`, headers: { 'x-api-key': caller.apiKey } });
    expect(good.json().data).toEqual(plain.json().data);
  });

  it('answers headers over the limit 431 in the envelope, with a request id', async () => {
    const answer = await raw(`GET ${FLAGSHIP}?keyword=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1.1 431 /);
    expect(answer).toMatch(/\r\nX-Request-Id: req_[0-9A-HJKMNP-TV-Z]{26}\r\n/);
    expect(envelopeOf(answer)).toEqual({ code: 431, msg: 'Request Header Fields Too Large', data: { error: 'headers_too_large' } });
  });

  it('serves an absolute-form request target as its origin form, Cache-Control: no-store included', async () => {
    const answer = await raw(`GET ${origin}${FLAGSHIP}?country_code=US&limit=1 HTTP/1.1\r\nHost: x\r\nx-api-key: ${caller.apiKey}\r\nConnection: close\r\n\r\n`, true);
    expect(answer).toMatch(/^HTTP\/1.1 200 /);
    expect(answer).toMatch(/\r\ncache-control: no-store\r\n/i);
  });

  it.each([
    ['/api/v1/x?a=1', '/api/v1/x?a=1'],
    ['http://h:1/api/v1/x?a=1', '/api/v1/x?a=1'],
    ['https://h/api?b=http://c/d', '/api?b=http://c/d'],
    ['http://h?a=1', '/?a=1'],
    ['http://h', '/'],
    ['*', '*'],
  ])('reads the request target %s as %s', (target, expected) => {
    expect(originForm(target)).toBe(expected);
  });

  it('answers a malformed request line 400 in the envelope', async () => {
    const answer = await raw('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 400 /);
    expect(envelopeOf(answer)).toMatchObject({ code: 400, msg: 'Invalid input', data: { errors: [{ param: 'request' }] } });
  });

  it("lists every method a Console route takes in a preflight's Allow", async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/console/keys' });
    expect(res.statusCode).toBe(204);
    expect(res.headers.allow).toBe('GET, POST, OPTIONS');
    const api = await t.app.inject({ method: 'OPTIONS', url: FLAGSHIP });
    expect(api.headers.allow).toBe('GET, OPTIONS');
  });
});
