/**
 * What a response can be drawn as, found by field names alone so new endpoints chart without
 * changes here: trend curves (`trend[{time,value}]`, `popularity_curve[{timestamp,value}]`,
 * `analysis[{second,value}]`), history points (`points[{date, rank, …}]`, rank drawn inverted) and
 * movers (a `list` whose items carry `sparkline: number[]`).
 */

/** One line of a line chart; `null` where the line has no value at that x. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** A line chart over a shared x axis: Unix seconds (`time`) or plain numbers (`number`, e.g. seconds into a video). */
export interface LineChart {
  kind: 'lines';
  title: string;
  xKind: 'time' | 'number';
  xLabel: string;
  yLabel: string;
  /** Rank: 1 is best, so the axis runs downwards. */
  invert: boolean;
  /** Whether a line joins across missing values; history leaves days without a point as gaps. */
  joinGaps: boolean;
  x: number[];
  series: ChartSeries[];
}

/** One row of a movers list. */
export interface MoverRow {
  name: string;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  metric: number | null;
  metricGrowth: number | null;
  /** Ranks over the stored days, oldest first (1 is best). */
  sparkline: number[];
}

export interface MoversChart {
  kind: 'movers';
  title: string;
  rows: MoverRow[];
}

export type Chart = LineChart | MoversChart;

/** At most this many curves share one chart; more would be unreadable. */
export const MAX_SERIES = 6;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const CURVES: readonly { key: string; x: string; xKind: 'time' | 'number'; xLabel: string }[] = [
  { key: 'trend', x: 'time', xKind: 'time', xLabel: 'Date' },
  { key: 'popularity_curve', x: 'timestamp', xKind: 'time', xLabel: 'Date' },
  { key: 'analysis', x: 'second', xKind: 'number', xLabel: 'Second' },
];
const NAME_KEYS = ['hashtag_name', 'song_name', 'title', 'nick_name', 'name', 'keyword', 'ad_title', 'hashtag_id', 'clip_id', 'id'];

/** A readable name for an item: its first name-like field, else its position. */
export function itemName(item: Record<string, unknown>, fallback: string): string {
  for (const k of NAME_KEYS) {
    const v = item[k];
    if ((typeof v === 'string' && v !== '') || typeof v === 'number') return String(v);
  }
  return fallback;
}

/** Unix seconds from seconds or milliseconds. */
const seconds = (t: number) => (t > 1e12 ? Math.round(t / 1000) : t);

function curvePoints(holder: Record<string, unknown>, curve: (typeof CURVES)[number]): [number, number][] | null {
  const raw = holder[curve.key];
  if (!Array.isArray(raw)) return null;
  const points: [number, number][] = [];
  for (const p of raw) {
    if (!isRecord(p)) return null;
    const x = num(p[curve.x]);
    const y = num(p.value);
    if (x === null || y === null) return null;
    points.push([curve.xKind === 'time' ? seconds(x) : x, y]);
  }
  return points.length > 0 ? points : null;
}

/** Lines over the union of their x values, sorted; each line null where it has no point. */
export function alignSeries(lines: readonly { label: string; points: readonly [number, number][] }[]): { x: number[]; series: ChartSeries[] } {
  const x = [...new Set(lines.flatMap((l) => l.points.map(([px]) => px)))].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const series = lines.map((l) => {
    const values: (number | null)[] = x.map(() => null);
    for (const [px, py] of l.points) values[index.get(px)!] = py;
    return { label: l.label, values };
  });
  return { x, series };
}

/** Every object in a body, breadth-first, with its parent array when it sits in one. */
function objects(body: unknown): { value: Record<string, unknown>; path: string; index: number | null }[] {
  const out: { value: Record<string, unknown>; path: string; index: number | null }[] = [];
  const queue: [unknown, string, number | null][] = [[body, '', null]];
  while (queue.length > 0 && out.length < 5_000) {
    const [value, path, index] = queue.shift()!;
    if (Array.isArray(value)) value.forEach((v, i) => queue.push([v, `${path}[]`, i]));
    else if (isRecord(value)) {
      out.push({ value, path, index });
      for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null) queue.push([v, path ? `${path}.${k}` : k, null]);
    }
  }
  return out;
}

function curveCharts(all: ReturnType<typeof objects>): LineChart[] {
  const charts: LineChart[] = [];
  for (const curve of CURVES) {
    const byPath = new Map<string, { label: string; points: [number, number][] }[]>();
    for (const o of all) {
      const points = curvePoints(o.value, curve);
      if (!points) continue;
      const lines = byPath.get(o.path) ?? [];
      lines.push({ label: itemName(o.value, o.index === null ? curve.key : `#${o.index + 1}`), points });
      byPath.set(o.path, lines);
    }
    for (const [path, lines] of byPath) {
      const { x, series } = alignSeries(lines.slice(0, MAX_SERIES));
      const many = lines.length > 1;
      charts.push({
        kind: 'lines',
        title: many ? `${curve.key} of the first ${series.length} items (${path || 'body'})` : `${curve.key} of ${series[0]!.label}`,
        xKind: curve.xKind,
        xLabel: curve.xLabel,
        yLabel: 'value',
        invert: false,
        joinGaps: true,
        x,
        series,
      });
    }
  }
  return charts;
}

function historyCharts(all: ReturnType<typeof objects>): LineChart[] {
  const charts: LineChart[] = [];
  for (const o of all) {
    const raw = o.value.points;
    if (!Array.isArray(raw) || raw.length === 0 || !raw.every((p) => isRecord(p) && typeof p.date === 'string')) continue;
    const points = raw as Record<string, unknown>[];
    const day = (d: unknown) => String(d).slice(0, 10);
    const covered = Array.isArray(o.value.covered_days) ? o.value.covered_days.filter((d): d is string => typeof d === 'string').map(day) : [];
    // Every covered day is on the axis, so a day stored without the item shows as a gap, never a zero.
    const days = [...new Set([...points.map((p) => day(p.date)), ...covered])].sort();
    const x = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    if (x.some((v) => Number.isNaN(v))) continue;
    const byDay = new Map(points.map((p) => [day(p.date), p]));
    const metrics = [...new Set(points.flatMap((p) => Object.keys(p).filter((k) => k !== 'date' && num(p[k]) !== null)))];
    metrics.sort((a, b) => (a === 'rank' ? -1 : b === 'rank' ? 1 : 0));
    const name = itemName(o.value, 'history');
    for (const metric of metrics) {
      charts.push({
        kind: 'lines',
        title: `${metric} of ${name} by day`,
        xKind: 'time',
        xLabel: 'Date',
        yLabel: metric,
        invert: metric === 'rank',
        joinGaps: false,
        x,
        series: [{ label: metric, values: days.map((d) => num(byDay.get(d)?.[metric])) }],
      });
    }
  }
  return charts;
}

function moverCharts(all: ReturnType<typeof objects>, body: unknown): MoversChart[] {
  const lists = new Map<string, Record<string, unknown>[]>();
  for (const o of all) {
    if (o.index === null || !Array.isArray(o.value.sparkline)) continue;
    const items = lists.get(o.path) ?? [];
    items.push(o.value);
    lists.set(o.path, items);
  }
  const direction = isRecord(body) && isRecord(body.data) && typeof body.data.direction === 'string' ? ` (${body.data.direction})` : '';
  return [...lists.entries()].map(([path, items]) => ({
    kind: 'movers',
    title: `Movers${direction}: ${path}`,
    rows: items.map((item, i) => ({
      name: itemName(item, `#${i + 1}`),
      rank: num(item.rank),
      previousRank: num(item.previous_rank),
      rankChange: num(item.rank_change),
      metric: num(item.metric),
      metricGrowth: num(item.metric_growth),
      sparkline: (item.sparkline as unknown[]).filter((v): v is number => num(v) !== null),
    })),
  }));
}

/** Every chart a response body can be drawn as, most specific first; empty when there is nothing to draw. */
export function chartsOf(body: unknown): Chart[] {
  const all = objects(body);
  return [...moverCharts(all, body), ...historyCharts(all), ...curveCharts(all)];
}

/** How many points a chart holds (for labels and tests). */
export function pointCount(chart: Chart): number {
  if (chart.kind === 'movers') return chart.rows.reduce((n, r) => n + r.sparkline.length, 0);
  return chart.series.reduce((n, s) => n + s.values.filter((v) => v !== null).length, 0);
}
