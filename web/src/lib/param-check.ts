import type { Param } from './catalog.js';

/** A catalog pattern as a RegExp: Unicode-aware (`\p{L}`), or null when this browser cannot read it. */
function compile(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u');
  } catch {
    return null;
  }
}

/**
 * Why a form value would be refused for its catalog param, or null when it is fine (empty is fine:
 * the param is then not sent). Out-of-range values of clamped params are fine too: the server
 * clamps them. The server stays the judge; this only lets a deep link show a bad value as bad.
 */
export function paramProblem(param: Param, raw: string): string | null {
  const value = raw.trim();
  if (value === '') return param.required ? 'is required' : null;
  if (param.type === 'integer') {
    if (!/^-?\d+$/.test(value)) return 'must be a whole number';
    const n = Number(value);
    if (!param.clamp && param.minimum !== undefined && n < param.minimum) return `must be at least ${param.minimum}`;
    if (!param.clamp && param.maximum !== undefined && n > param.maximum) return `must be at most ${param.maximum}`;
  }
  if (param.type === 'boolean' && !['true', 'false', '1', '0'].includes(value)) return 'must be true or false';
  const items = param.type === 'csv' ? value.split(',').map((v) => v.trim()).filter(Boolean) : [value];
  if (param.enum) {
    const allowed = param.enum.map(String);
    const bad = items.filter((v) => !allowed.includes(v));
    if (bad.length > 0) return `must be one of ${allowed.join(', ')} (got ${bad.join(', ')})`;
  }
  const pattern = param.pattern ? compile(param.pattern) : null;
  if (pattern && !items.every((v) => pattern.test(v))) return 'has the wrong format';
  if (param.maxLength !== undefined && value.length > param.maxLength) return `must be at most ${param.maxLength} characters`;
  return null;
}

/** Every param with a problem, by name. */
export function formProblems(params: readonly Param[], values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of params) {
    const why = paramProblem(p, values[p.name] ?? '');
    if (why) out[p.name] = why;
  }
  return out;
}
