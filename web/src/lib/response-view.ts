import { formatCell } from './format.js';

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

/** Item fields drawn as curves rather than shown as cells. */
const CURVE_KEYS = new Set(['trend', 'popularity_curve', 'sparkline']);

/** The curve of an item (`trend: [{time, value}]`, `popularity_curve: [{timestamp, value}]`, `sparkline: number[]`), or null. */
export function trendOf(item: Record<string, unknown>): TrendPoint[] | null {
  const raw = item.trend ?? item.popularity_curve;
  if (Array.isArray(raw) && raw.length > 0) {
    const points = raw.flatMap((p): TrendPoint[] => {
      if (!isRecord(p)) return [];
      const time = typeof p.time === 'number' ? p.time : typeof p.timestamp === 'number' ? (p.timestamp > 1e12 ? Math.round(p.timestamp / 1000) : p.timestamp) : null;
      return time !== null && typeof p.value === 'number' ? [{ time, value: p.value }] : [];
    });
    return points.length > 0 ? points : null;
  }
  if (Array.isArray(item.sparkline) && item.sparkline.length > 0 && item.sparkline.every((v) => typeof v === 'number')) {
    return (item.sparkline as number[]).map((value, i) => ({ time: i + 1, value }));
  }
  return null;
}

/** Whether an item's curve is over dates (Unix seconds) rather than positions. */
export function trendIsTimed(item: Record<string, unknown>): boolean {
  return !Array.isArray(item.sparkline) || item.trend !== undefined || item.popularity_curve !== undefined;
}

/** Table columns: scalar or `{value|label|name}` fields of the first items, curves kept out (drawn as sparklines). */
export function tableColumns(items: readonly Record<string, unknown>[], max = 8): string[] {
  const columns: string[] = [];
  for (const item of items.slice(0, 5)) {
    for (const [key, value] of Object.entries(item)) {
      if (CURVE_KEYS.has(key) || columns.includes(key)) continue;
      if (cellText(value) !== null) columns.push(key);
    }
  }
  return columns.slice(0, max);
}

/** The first object in a body with at least three scalar fields (a detail response's record), breadth-first, with its path. */
export function findRecord(body: unknown): { path: string; record: Record<string, unknown> } | null {
  const queue: [string, unknown][] = [['', body]];
  while (queue.length > 0) {
    const [path, value] = queue.shift()!;
    if (!isRecord(value)) continue;
    const scalars = Object.entries(value).filter(([k, v]) => k !== 'code' && k !== 'msg' && v !== null && typeof v !== 'object');
    if (scalars.length >= 3 && path !== '') return { path, record: value };
    for (const [k, v] of Object.entries(value)) queue.push([path ? `${path}.${k}` : k, v]);
  }
  return null;
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

/** A cell for people: numbers formatted by what their key names (lib/format), objects by their label. */
export function displayCell(key: string, value: unknown, locale?: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return formatCell(key, value, locale);
  return cellText(value) ?? '';
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
