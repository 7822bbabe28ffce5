/** Bodies above this many bytes are shown truncated, with a download (docs/api-contract.md § Playground, decided there). */
export const TRUNCATE_BYTES = 1_000_000;
/** A table shows at most this many rows; the JSON view and the download hold the rest. */
export const TABLE_ROW_LIMIT = 100;

/** The body as shown: pretty JSON when small enough to parse cheaply, else the raw text cut at the limit. */
export function displayBody(body: string, bytes: number): { text: string; truncated: boolean; parsed: unknown } {
  if (bytes > TRUNCATE_BYTES) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    return { text: `${body.slice(0, TRUNCATE_BYTES)}\n…`, truncated: true, parsed };
  }
  try {
    const parsed: unknown = JSON.parse(body);
    return { text: JSON.stringify(parsed, null, 2), truncated: false, parsed };
  } catch {
    return { text: body, truncated: false, parsed: undefined };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first list of objects in a response body, breadth-first (`data.data.list`, `sound_list`, …), with its path. */
export function findList(body: unknown): { path: string; items: Record<string, unknown>[] } | null {
  const queue: [string, unknown][] = [['', body]];
  while (queue.length > 0) {
    const [path, value] = queue.shift()!;
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isRecord)) return { path, items: value as Record<string, unknown>[] };
      continue;
    }
    if (isRecord(value)) for (const [k, v] of Object.entries(value)) queue.push([path ? `${path}.${k}` : k, v]);
  }
  return null;
}

/** One point of a trend curve. */
export interface TrendPoint {
  time: number;
  value: number;
}

/** The curve of a hashtag or song item (`trend: [{time, value}]`), or null. */
export function trendOf(item: Record<string, unknown>): TrendPoint[] | null {
  const trend = item.trend;
  if (!Array.isArray(trend) || trend.length === 0) return null;
  const points = trend.filter((p): p is TrendPoint => isRecord(p) && typeof p.time === 'number' && typeof p.value === 'number');
  return points.length > 0 ? points : null;
}

/** Table columns: scalar or `{value|label|name}` fields of the first items, trend kept out (drawn as a sparkline). */
export function tableColumns(items: readonly Record<string, unknown>[], max = 8): string[] {
  const columns: string[] = [];
  for (const item of items.slice(0, 5)) {
    for (const [key, value] of Object.entries(item)) {
      if (key === 'trend' || columns.includes(key)) continue;
      if (cellText(value) !== null) columns.push(key);
    }
  }
  return columns.slice(0, max);
}

/** A value as a table cell, or null when it is not something a cell can show. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isRecord(value)) {
    for (const k of ['value', 'label', 'name', 'id']) {
      const v = value[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return null;
}

/** The SVG path of a sparkline over `width`×`height`, values scaled to their own range. */
export function sparklinePath(points: readonly TrendPoint[], width: number, height: number): string {
  if (points.length === 0) return '';
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  return points
    .map((p, i) => {
      const x = points.length > 1 ? i * step : width / 2;
      const y = height - 1 - ((p.value - min) / span) * (height - 2);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** `1.2 KB`, `5.0 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
