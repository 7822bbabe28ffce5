/** Lenient readers of upstream query parameters: bad values fall back, as the upstream appears to. */

export function intParam(q: URLSearchParams, name: string, fallback: number): number {
  const raw = q.get(name);
  if (raw === null || !/^-?[0-9]+$/.test(raw.trim())) return fallback;
  return Number(raw.trim());
}

/** `page` ≥ 1 and `limit` in 1…max (the upstream's per-page ceiling). */
export function paging(q: URLSearchParams, max: number): { page: number; limit: number } {
  return {
    page: Math.max(1, intParam(q, 'page', 1)),
    limit: Math.min(max, Math.max(1, intParam(q, 'limit', 20))),
  };
}

export function oneOf<T extends number | string>(value: T, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value) ? value : fallback;
}

/** A trimmed, non-empty parameter, or undefined. */
export function str(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name)?.trim();
  return v ? v : undefined;
}

/** A comma list, trimmed, empties dropped. */
export function csv(q: URLSearchParams, name: string): string[] {
  return (q.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function boolParam(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}
