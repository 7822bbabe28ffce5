import { describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/catalog/index.js';
import { buildCatalogJson } from '../../../src/api/openapi/index.js';
import { alignSeries, chartsOf, pointCount, type LineChart, type MoversChart } from './chart-data.js';

const catalog = buildCatalogJson({ endpoints, plans: [] });
const sample = (id: string) => catalog.endpoints.find((e) => e.operationId === id)!.sample;

describe('chartsOf', () => {
  it("draws hashtag detail's trend as one dated line", () => {
    const [chart] = chartsOf(sample('tiktok-popular-trend-hashtag-detail')) as LineChart[];
    expect(chart).toMatchObject({ kind: 'lines', xKind: 'time', invert: false });
    expect(chart!.series[0]!.label).toBe('prom');
    expect(pointCount(chart!)).toBeGreaterThan(1);
  });

  it('draws one line per list item, up to six, over the union of their days', () => {
    const list = Array.from({ length: 8 }, (_, i) => ({ hashtag_name: `tag${i}`, trend: [{ time: 100 + i, value: i }, { time: 200, value: 1 }] }));
    const [chart] = chartsOf({ data: { data: { list } } }) as LineChart[];
    expect(chart!.series.map((s) => s.label)).toEqual(['tag0', 'tag1', 'tag2', 'tag3', 'tag4', 'tag5']);
    expect(chart!.x).toEqual([100, 101, 102, 103, 104, 105, 200]);
    expect(chart!.series[1]!.values).toEqual([null, 1, null, null, null, null, 1]);
  });

  it('reads popularity_curve with millisecond timestamps as seconds', () => {
    const [chart] = chartsOf({ data: { name: 'x', popularity_curve: [{ timestamp: 1776729600000, value: 3 }] } }) as LineChart[];
    expect(chart!.x).toEqual([1776729600]);
  });

  it('draws history points by date with rank inverted, rank first', () => {
    const data = {
      hashtag_id: '1', hashtag_name: 'prom', covered_days: ['2026-04-20', '2026-04-21'],
      points: [
        { date: '2026-04-20', rank: 3, publish_cnt: 10, video_views: 100 },
        { date: '2026-04-21', rank: 1, publish_cnt: 12, video_views: 150 },
      ],
    };
    const charts = chartsOf({ code: 200, msg: 'OK', data }) as LineChart[];
    expect(charts.map((c) => c.yLabel)).toEqual(['rank', 'publish_cnt', 'video_views']);
    expect(charts[0]).toMatchObject({ invert: true, joinGaps: false, x: [1776643200, 1776729600], title: 'rank of prom by day' });
  });

  it('keeps a covered day without a point as a gap, never a zero', () => {
    const data = { hashtag_name: 'prom', covered_days: ['2026-04-19', '2026-04-20', '2026-04-21'], points: [{ date: '2026-04-19', rank: 4 }, { date: '2026-04-21', rank: 1 }] };
    const [rank] = chartsOf({ data }) as LineChart[];
    expect(rank!.x).toHaveLength(3);
    expect(rank!.series[0]!.values).toEqual([4, null, 1]);
  });

  it('lists movers with their sparklines', () => {
    const data = { chart: 'hashtag', direction: 'up', list: [{ id: '1', name: 'prom', rank: 2, previous_rank: 9, rank_change: 7, metric: 50, previous_metric: 20, metric_growth: 1.5, first_seen: false, sparkline: [9, 6, 2] }] };
    const [chart] = chartsOf({ data }) as MoversChart[];
    expect(chart).toMatchObject({ kind: 'movers', title: 'Movers (up): data.list[]' });
    expect(chart!.rows[0]).toEqual({ name: 'prom', rank: 2, previousRank: 9, rankChange: 7, metric: 50, metricGrowth: 1.5, sparkline: [9, 6, 2] });
  });

  it('finds nothing to draw in a body without curves', () => {
    expect(chartsOf(sample('tiktok-top-ads-filters'))).toEqual([]);
  });
});

describe('alignSeries', () => {
  it('sorts x and leaves gaps as null', () => {
    expect(alignSeries([{ label: 'a', points: [[2, 1], [1, 0]] }, { label: 'b', points: [[3, 5]] }])).toEqual({
      x: [1, 2, 3],
      series: [{ label: 'a', values: [0, 1, null] }, { label: 'b', values: [null, null, 5] }],
    });
  });
});
