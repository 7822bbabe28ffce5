import { beforeEach, describe, expect, it } from 'vitest';
import { ANALYSIS_METRICS, findEndpoint } from '../../src/catalog/index.js';
import type { SimulatorFault } from '../../src/simulator/index.js';
import {
  NO_PERMISSION,
  NO_PERMISSION_DATA,
  contractSuite,
  describeUnknownIds,
  expectDoubleWrapped,
  expectInvalid,
  expectUpstreamFailure,
  itCachesFor,
  itKeepsWorkingIn2026,
  itMapsUpstreamFaults,
  outliveCaches,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/analysis';
const KEYFRAME = 'top_ads/keyframe';
const PERCENTILE = 'top_ads/percentile';
const endpoint = findEndpoint('tiktok-top-ads-analysis')!;

/** `freshId()`: a material id from the Top Ads list that no earlier test has asked for. */
const { t, call, fresh: freshId } = contractSuite(PATH, { fresh: 'materialIds' });

describe('200', () => {
  it('answers a listed material with the double-wrapped analysis its schema describes, charged 8', async () => {
    const reply = await call(`?material_id=${freshId()}`);
    expectDoubleWrapped(reply, endpoint);
  });

  it('makes both upstream calls, keyframe and percentile, once each', async () => {
    t.simulator.resetStats();
    await call(`?material_id=${freshId()}`);
    expect(t.simulator.stats().byPath).toEqual({ [KEYFRAME]: 1, [PERCENTILE]: 1 });
  });

  it('defaults metric to retain_ctr (CTR, ctr_percentile) and period_type to 7', async () => {
    const id = freshId();
    const { body } = await call(`?material_id=${id}`);
    expect(body.data.data).toMatchObject({ metric: 'retain_ctr', metric_label: 'CTR', percentile_metric: 'ctr_percentile', period_type: 7 });
    expect((await call(`?material_id=${id}&metric=retain_ctr&period_type=7`)).res.headers['x-cache']).toBe('HIT');
  });

  it.each(Object.entries(ANALYSIS_METRICS))('maps metric %s to its label and percentile metric', async (metric, { label, percentileMetric }) => {
    const { res, body } = await call(`?material_id=${freshId()}&metric=${metric}`);
    expect(res.statusCode).toBe(200);
    const data = body.data.data;
    expect(data).toMatchObject({ metric, metric_label: label, percentile_metric: percentileMetric });
    expect(data.percentile_data).toEqual({ [percentileMetric]: data.percentile });
    expect(data.percentile).toBeGreaterThanOrEqual(0);
    expect(data.percentile).toBeLessThanOrEqual(1);
  });

  it.each([30, 180])('echoes period_type %i', async (periodType) => {
    const { body } = await call(`?material_id=${freshId()}&period_type=${periodType}`);
    expect(body.data.data.period_type).toBe(periodType);
  });

  it('gives one point per second of the video', async () => {
    const { body } = await call(`?material_id=${freshId()}`);
    const { analysis, duration } = body.data.data as { analysis: Array<{ second: number }>; duration: number };
    expect(analysis.map((p) => p.second)).toEqual(Array.from({ length: Math.floor(duration) + 1 }, (_, i) => i));
  });

  itCachesFor(t, 6, call, () => `?material_id=${freshId()}`);

  itKeepsWorkingIn2026(t, () => call(`?material_id=${freshId()}`));
});

describe('400', () => {
  it.each([
    ['a missing material_id', '', 'material_id'],
    ['a material_id with letters', '?material_id=abc', 'material_id'],
    ['metric ctr (the label, not the id)', '?material_id=1&metric=ctr', 'metric'],
    ['metric ctr_percentile (the percentile name)', '?material_id=1&metric=ctr_percentile', 'metric'],
    ['period_type 14', '?material_id=1&period_type=14', 'period_type'],
    ['period_type 120', '?material_id=1&period_type=120', 'period_type'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });
});

describeUnknownIds({ call, upstreamCode: 40004, cases: [['a made-up material_id', () => '?material_id=1234567890']] });

describe('5xx from the upstream, charging nothing', () => {
  beforeEach(() => outliveCaches(t));

  const request = () => call(`?material_id=${freshId()}`);
  itMapsUpstreamFaults({ t, request, upstream: KEYFRAME, suffix: ' on keyframe' });
  itMapsUpstreamFaults({ t, request, upstream: PERCENTILE, suffix: ' on percentile' });

  it.each([KEYFRAME, PERCENTILE])('fails though the other call succeeded when only %s fails', async (path) => {
    const fault: SimulatorFault = { kind: 'http_error', status: 503, body: 'text' };
    t.simulator.addFault({ fault, path });
    t.simulator.resetStats();
    expectUpstreamFailure(await request(), 502, { error: 'upstream_bad_response', detail: 'upstream_error' });
    const other = path === KEYFRAME ? PERCENTILE : KEYFRAME;
    expect(t.simulator.stats().byPath[other]).toBe(1);
  });

  it.each([KEYFRAME, PERCENTILE])('502 no_permission when 40101 persists on %s after one re-sign', async (path) => {
    t.simulator.addFault({ fault: NO_PERMISSION, path });
    t.simulator.resetStats();
    expectUpstreamFailure(await request(), 502, NO_PERMISSION_DATA);
    expect(t.simulator.stats().byPath[path]).toBe(2);
  });
});
