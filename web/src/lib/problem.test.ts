import { describe, expect, it } from 'vitest';
import { countdownText, NO_KEY_PROBLEM, problemOf } from './problem.js';

const ORIGIN = 'http://localhost:8080';

describe('problemOf', () => {
  it('is null for a 2xx', () => {
    expect(problemOf(200, '{}', [], ORIGIN)).toBeNull();
  });
  it('names every offending parameter of a 400', () => {
    const body = JSON.stringify({ code: 400, msg: 'Invalid input', data: { errors: [{ param: 'period', message: 'must be one of 7, 30, 120' }] } });
    const p = problemOf(400, body, [], ORIGIN)!;
    expect(p.fields).toEqual({ period: 'must be one of 7, 30, 120' });
    expect(p.message).toBe('Check period must be one of 7, 30, 120.');
    expect(p.action).toBe('fix_params');
  });
  it('asks for a key on a 401', () => {
    const p = problemOf(401, JSON.stringify({ code: 401, msg: 'Authentication required', data: { error: 'invalid_api_key' } }), [], ORIGIN)!;
    expect(p).toMatchObject({ action: 'key', code: 'invalid_api_key', title: 'This API key is not valid' });
  });
  it('says in words that a key was revoked, not only its code', () => {
    const p = problemOf(401, JSON.stringify({ code: 401, msg: 'Authentication required', data: { error: 'revoked_api_key' } }), [], ORIGIN)!;
    expect(p).toMatchObject({ action: 'key', title: 'This API key was revoked' });
    expect(p.message).toMatch(/^A revoked key stops working at once\./);
  });
  it('keeps the generic words for a 401 code it does not know', () => {
    const p = problemOf(401, JSON.stringify({ code: 401, msg: 'Authentication required', data: { error: 'something_new' } }), [], ORIGIN)!;
    expect(p).toMatchObject({ title: 'This request needs a valid API key', message: 'Authentication required' });
  });
  it('counts down a rate limit and keeps the upgrade path inside the app', () => {
    const data = { reason: 'rate_limited', message: 'Rate limit of 5 requests per minute reached.', retry_after_seconds: 12, upgrade_url: `${ORIGIN}/console/billing` };
    const p = problemOf(429, JSON.stringify({ code: 429, msg: 'Too Many Requests', data }), [['retry-after', '12']], ORIGIN)!;
    expect(p).toMatchObject({ action: 'wait', retryAfterSeconds: 12, upgradePath: '/console/billing', message: data.message });
  });
  it("replaces the server's rate-limit sentence, whose \"Retry in\" would contradict the countdown", () => {
    const data = { reason: 'rate_limited', message: 'Rate limit of 5 requests per minute reached. Retry in 10 s.', retry_after_seconds: 10, rate_limit_per_minute: 5 };
    const p = problemOf(429, JSON.stringify({ code: 429, msg: 'Too Many Requests', data }), [['retry-after', '10']], ORIGIN)!;
    expect(p).toMatchObject({ action: 'wait', retryAfterSeconds: 10, message: 'The limit is 5 requests per minute.' });
  });
  it('sends a 402 to more credits, reading Retry-After when the body has no seconds', () => {
    const p = problemOf(402, JSON.stringify({ code: 402, msg: 'Payment Required', data: { reason: 'insufficient_credits', upgrade_url: null } }), [['Retry-After', '3600']], ORIGIN)!;
    expect(p).toMatchObject({ action: 'credits', retryAfterSeconds: 3600, upgradePath: null });
  });
  it('offers a retry on a 503 with Retry-After, and none on a final one, titled by its reason', () => {
    const blocked = JSON.stringify({ code: 503, msg: 'Service Unavailable', data: { error: 'upstream_unavailable', detail: 'blocked' } });
    expect(problemOf(503, blocked, [['retry-after', '30']], ORIGIN)).toMatchObject({ action: 'retry', title: 'The upstream is unavailable', retryAfterSeconds: 30 });
    const message = 'TikTok One needs country_code: it has no all-regions chart.';
    const refused = JSON.stringify({ code: 503, msg: 'Service Unavailable', data: { error: 'upstream_unavailable', detail: 'not_available', message } });
    expect(problemOf(503, refused, [], ORIGIN)).toMatchObject({ action: 'none', title: 'TikTok cannot serve these parameters', message });
    const retired = JSON.stringify({ code: 503, msg: 'Service Unavailable', data: { error: 'upstream_retired', since: '2026', message: 'TikTok no longer serves this data' } });
    expect(problemOf(503, retired, [], ORIGIN)).toMatchObject({ action: 'none', title: 'TikTok no longer serves this data' });
  });
  it('survives a body that is not JSON', () => {
    expect(problemOf(502, '<html>', [], ORIGIN)).toMatchObject({ message: 'HTTP 502', action: 'retry' });
  });
});

describe('NO_KEY_PROBLEM', () => {
  it('has no HTTP status, since nothing was sent, and a message that adds to its title', () => {
    expect(NO_KEY_PROBLEM.status).toBeNull();
    expect(NO_KEY_PROBLEM.message.replace(/\.$/, '')).not.toBe(NO_KEY_PROBLEM.title);
    expect(NO_KEY_PROBLEM.action).toBe('key');
  });
});

describe('countdownText', () => {
  it('reads as seconds, then minutes and seconds', () => {
    expect(countdownText(42)).toBe('42 s');
    expect(countdownText(65)).toBe('1 min 05 s');
    expect(countdownText(-3)).toBe('0 s');
  });
});
