import type { AnyEndpoint } from '../catalog/index.js';
import { payloadOf, type ChartReading } from './charts.js';
import { entryKey, type StoredDay } from './snapshots.js';

/** `rank_diff_type` values: 1 up, 2 unchanged, 3 down, 4 new to the chart. */
export const RANK_UP = 1;
export const RANK_SAME = 2;
export const RANK_DOWN = 3;
export const RANK_NEW = 4;

/** Movement of one entry, by its `entryKey`, against the previous day, or null where history cannot tell. */
export function movementOf(
  rank: number,
  previous: StoredDay,
  key: string,
): { rank_diff: number | null; rank_diff_type: number } | null {
  const before = previous.entries.get(key)?.rank;
  if (before === undefined) {
    // Absent from a day that saw only some windows of the chart says nothing: never invent "new".
    return previous.complete ? { rank_diff: null, rank_diff_type: RANK_NEW } : null;
  }
  const change = before - rank;
  return { rank_diff: Math.abs(change), rank_diff_type: change > 0 ? RANK_UP : change === 0 ? RANK_SAME : RANK_DOWN };
}

/** Whether any entry of the answer lacks the upstream's own movement fields. */
export function lacksMovement(endpoint: AnyEndpoint, data: unknown, reading: ChartReading): boolean {
  const list = payloadOf(endpoint, data)?.[reading.spec.list];
  return Array.isArray(list) && list.some((item) => typeof item === 'object' && item !== null && !('rank_diff_type' in item));
}

/**
 * The answer with `rank_diff` and `rank_diff_type` filled in from the previous day's snapshot where
 * the upstream left them out; entries the upstream did rank keep the upstream's values.
 */
export function withMovement(endpoint: AnyEndpoint, data: unknown, reading: ChartReading, previous: StoredDay): unknown {
  const payload = payloadOf(endpoint, data);
  const list = payload?.[reading.spec.list];
  if (!payload || !Array.isArray(list)) return data;
  const entries = new Map(reading.entries.map((e) => [e.id, e]));
  const enriched = list.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || 'rank_diff_type' in item) return item;
    const entry = entries.get(String((item as Record<string, unknown>)[reading.spec.id]));
    const movement = entry === undefined ? null : movementOf(entry.rank, previous, entryKey(reading.key.identity, entry));
    return movement ? { ...item, ...movement } : item;
  });
  const inner = { ...payload, [reading.spec.list]: enriched };
  return endpoint.envelope === 'double' ? { ...(data as Record<string, unknown>), data: inner } : inner;
}
