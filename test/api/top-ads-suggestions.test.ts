import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
  expectSameEntry,
  itKeepsWorkingIn2026,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/suggestions';
const UPSTREAM = 'top_ads/query_suggestion';
const endpoint = findEndpoint('tiktok-top-ads-suggestions')!;

const { t, call } = contractSuite(PATH);

const words = (body: any): string[] => body.data.data.query;

describe('200', () => {
  it('answers the default request with the double-wrapped suggestions its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
  });

  it('defaults count to 50 and scenario to 1: fifty suggestions, and the explicit form hits the same entry', async () => {
    const { body } = await call('');
    expect(words(body)).toHaveLength(50);
    expect((await call('?count=50&scenario=1')).res.headers['x-cache']).toBe('HIT');
  });

  it('returns at most count suggestions', async () => {
    const { body } = await call('?count=5');
    expect(words(body)).toHaveLength(5);
    expect(words(body)).toEqual(words((await call('')).body).slice(0, 5));
  });

  it.each([
    ['count 0 as 1', 'count=0', 'count=1'],
    ['count 51 as 50', 'count=51', 'count=50'],
    ['a huge count as 50', 'count=99999999999999999999', 'count=50'],
  ])('clamps %s: the same cached answer', async (_, clamped, explicit) => {
    await expectSameEntry(call, `?${explicit}&scenario=2`, `?${clamped}&scenario=2`);
  });

  it('serves scenario 2', async () => {
    const { res, body } = await call('?scenario=2&count=3');
    expect(res.statusCode).toBe(200);
    expect(words(body)).toHaveLength(3);
  });

  itKeepsWorkingIn2026(t, () => call('?count=7'), (reply) => expect(words(reply.body)).toHaveLength(7));
});

describe('400', () => {
  it.each([
    ['count abc', '?count=abc', 'count'],
    ['count 2.5', '?count=2.5', 'count'],
    ['scenario 3', '?scenario=3', 'scenario'],
    ['scenario 0', '?scenario=0', 'scenario'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });
});

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });
