import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUnknownIds,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/song/detail';
const UPSTREAM = 'popular_trend/sound/detail';
const endpoint = findEndpoint('tiktok-popular-trend-song-detail')!;

/** `freshClip()`: a clip id from the song chart that no earlier test has asked for. */
const { t, call, fresh: freshClip } = contractSuite(PATH, { fresh: 'clipIds' });

describe('200', () => {
  it('answers a chart clip with the double-wrapped detail its schema describes, charged 8', async () => {
    const clip = freshClip();
    const reply = await call(`?clip_id=${clip}`);
    expectDoubleWrapped(reply, endpoint);
    expect(reply.body.data).toMatchObject({ data: { sound: { clip_id: clip } } });
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('has no rank on the detail page and liked null for the anonymous upstream caller', async () => {
    const { body } = await call(`?clip_id=${freshClip()}`);
    expect(body.data.data.sound.rank).toBeNull();
    expect(body.data.data.liked).toBeNull();
    expect(body.data.data.disliked).toBe(false);
  });

  it('defaults period to 7 (seven daily points) and all regions without country_code', async () => {
    const clip = freshClip();
    const { body } = await call(`?clip_id=${clip}`);
    expect(body.data.data.sound.trend).toHaveLength(7);
    expect(body.data.data.sound.country_code).toBe('');
    const explicit = await call(`?clip_id=${clip}&period=7`);
    expect(explicit.res.headers['x-cache']).toBe('HIT');
  });

  it.each([
    [30, 30],
    [120, 18],
  ])('widens the trend with period %i', async (period, points) => {
    const { body } = await call(`?clip_id=${freshClip()}&period=${period}`);
    expect(body.data.data.sound.trend).toHaveLength(points);
  });

  it('upper-cases country_code and answers for that country', async () => {
    const { body } = await call(`?clip_id=${freshClip()}&country_code=us`);
    expect(body.data.data.sound.country_code).toBe('US');
  });

  it('trims the clip id', async () => {
    const clip = freshClip();
    const { res, body } = await call(`?clip_id=%20${clip}%20`);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.sound.clip_id).toBe(clip);
  });
});

describe('400', () => {
  it.each([
    ['a missing clip_id', '', 'clip_id'],
    ['a clip_id with letters', '?clip_id=abc', 'clip_id'],
    ['a clip_id of 21 digits', `?clip_id=${'7'.repeat(21)}`, 'clip_id'],
    ['a negative clip_id', '?clip_id=-7', 'clip_id'],
    ['period 365 (hashtag detail only)', '?clip_id=7&period=365', 'period'],
    ['country_code USA', '?clip_id=7&country_code=USA', 'country_code'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });

  it('says clip_id is required', async () => {
    const { body } = await call('');
    expect(body.data.errors).toEqual([{ param: 'clip_id', message: 'is required' }]);
  });
});

describeUnknownIds({
  call,
  cases: [
    ['a clip the upstream does not know', () => '?clip_id=1234567890'],
    ['a country the upstream does not cover', () => `?clip_id=${freshClip()}&country_code=AQ`],
  ],
});

describeUpstreamFailures({ t, request: () => call(`?clip_id=${freshClip()}`), upstream: UPSTREAM, deprecatedIn2026: 'retired' });
