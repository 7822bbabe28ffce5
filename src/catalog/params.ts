import { z } from 'zod';
import { isCountryCode } from './countries.js';

/** How a param is shown to people and machines (OpenAPI, docs, Playground form). */
export type ParamType = 'integer' | 'boolean' | 'string' | 'csv';

/**
 * One query param of a catalog endpoint. `schema` turns the trimmed raw string into the typed value
 * (docs/api-contract.md § Params and canonical form); the other fields describe it for OpenAPI, docs and the Playground.
 */
export interface ParamDef<T = unknown> {
  type: ParamType;
  description: string;
  required: boolean;
  default?: T;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  /** Out-of-range values are clamped into [minimum, maximum], never rejected. */
  clamp?: boolean;
  pattern?: string;
  maxLength?: number;
  example?: string;
  /** Other query names accepted for this param; the canonical name wins when both are present. */
  aliases?: readonly string[];
  /** Accepted for compatibility, validated, then not sent upstream. */
  ignored?: boolean;
  /** Optional, but the Playground starts with the example filled: the live source needs a value to answer. */
  prefill?: boolean;
  schema: z.ZodType<T, string>;
}

type Common = { description: string; example?: string };

const INTEGER = /^-?[0-9]+$/;
const integerMessage = 'must be an integer';

function clampInteger(raw: string, min: number, max: number): number {
  // Compare as BigInt so "99999999999999999999" clamps instead of becoming 1e20.
  const n = BigInt(raw);
  if (n < BigInt(min)) return min;
  if (n > BigInt(max)) return max;
  return Number(n);
}

function listOf(values: readonly (string | number)[]): string {
  return values.join(', ');
}

/** An integer clamped into [min, max] (docs/api-contract.md § Params and canonical form: out of range is clamped, never an error). */
export function clampedInt(
  opts: Common & { min: number; max: number; default: number },
): ParamDef<number> {
  return {
    type: 'integer',
    required: false,
    clamp: true,
    minimum: opts.min,
    maximum: opts.max,
    default: opts.default,
    description: opts.description,
    example: opts.example ?? String(opts.default),
    schema: z
      .string()
      .regex(INTEGER, { message: integerMessage, abort: true })
      .transform((s) => clampInteger(s, opts.min, opts.max)),
  };
}

/** An integer from a closed set, e.g. period 7/30/120. */
export function intEnum<const V extends readonly number[]>(
  values: V,
  opts: Common & { default?: V[number] },
): ParamDef<V[number]> {
  return {
    type: 'integer',
    required: false,
    enum: values,
    default: opts.default,
    description: opts.description,
    example: opts.example ?? String(opts.default ?? values[0]),
    schema: z
      .string()
      .regex(INTEGER, { message: integerMessage, abort: true })
      .transform(Number)
      .refine((n): n is V[number] => values.includes(n), `must be one of ${listOf(values)}`),
  };
}

/** A string from a closed set. */
export function stringEnum<const V extends readonly string[]>(
  values: V,
  opts: Common & { default?: V[number] },
): ParamDef<V[number]> {
  return {
    type: 'string',
    required: false,
    enum: values,
    default: opts.default,
    description: opts.description,
    example: opts.example ?? opts.default ?? values[0],
    schema: z
      .string()
      .refine((s): s is V[number] => values.includes(s), `must be one of ${listOf(values)}`),
  };
}

/** `true`/`false`/`1`/`0` in any case (docs/api-contract.md § Params and canonical form). */
export function bool(opts: Common & { default?: boolean }): ParamDef<boolean> {
  return {
    type: 'boolean',
    required: false,
    default: opts.default,
    description: opts.description,
    example: opts.example ?? String(opts.default ?? false),
    schema: z
      .string()
      .transform((s) => s.toLowerCase())
      .refine((s) => ['true', 'false', '1', '0'].includes(s), 'must be true, false, 1 or 0')
      .transform((s) => s === 'true' || s === '1'),
  };
}

/** ISO 3166-1 alpha-2, any case, upper-cased (docs/api-contract.md § Params and canonical form). */
export function countryCode(opts: Common): ParamDef<string> {
  return {
    type: 'string',
    required: false,
    pattern: '^[A-Za-z]{2}$',
    description: opts.description,
    example: opts.example ?? 'US',
    schema: z
      .string()
      .transform((s) => s.toUpperCase())
      .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code'),
  };
}

/** Free text with a length limit and optional pattern/normalisation. */
export function text(
  opts: Common & {
    required?: boolean;
    maxLength: number;
    pattern?: RegExp;
    patternMessage?: string;
    normalise?: (s: string) => string;
    aliases?: readonly string[];
  },
): ParamDef<string> {
  const normalise = opts.normalise ?? ((s: string) => s);
  return {
    type: 'string',
    required: opts.required ?? false,
    maxLength: opts.maxLength,
    pattern: opts.pattern?.source,
    aliases: opts.aliases,
    description: opts.description,
    example: opts.example,
    schema: z
      .string()
      .transform(normalise)
      .refine((s) => s.length >= 1, 'must not be empty')
      .refine((s) => [...s].length <= opts.maxLength, `must be at most ${opts.maxLength} characters`)
      .refine((s) => !opts.pattern || opts.pattern.test(s), opts.patternMessage ?? 'has an invalid format'),
  };
}

/** The first few bad items, each cut short: an error names what to fix without echoing a whole query back. */
function quoteSome(items: readonly string[], most = 5, width = 40): string {
  const shown = items.slice(0, most).map((s) => ([...s].length > width ? `${[...s].slice(0, width).join('')}…` : s));
  return items.length > most ? `${shown.join(', ')} and ${items.length - most} more` : shown.join(', ');
}

/**
 * A comma-separated list: split, trimmed, empties dropped, each item validated, de-duplicated and
 * sorted (docs/api-contract.md § Params and canonical form), so equal lists share one canonical form and one cache entry.
 */
export function csv(
  opts: Common & { item: RegExp; itemMessage: string; normaliseItem?: (s: string) => string; validItem?: (s: string) => boolean },
): ParamDef<string[]> {
  const normalise = opts.normaliseItem ?? ((s: string) => s);
  return {
    type: 'csv',
    required: false,
    pattern: opts.item.source,
    description: opts.description,
    example: opts.example,
    schema: z.string().transform((raw, ctx) => {
      const items = raw
        .split(',')
        .map((s) => normalise(s.trim()))
        .filter((s) => s.length > 0);
      const bad = items.filter((s) => !opts.item.test(s) || (opts.validItem !== undefined && !opts.validItem(s)));
      if (bad.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${opts.itemMessage} (got ${quoteSome(bad)})` });
        return z.NEVER;
      }
      return [...new Set(items)].sort();
    }),
  };
}

/** A CSV of ISO-2 country codes. */
export function countryCodes(opts: Common): ParamDef<string[]> {
  return csv({
    ...opts,
    example: opts.example ?? 'US,GB',
    item: /^[A-Z]{2}$/,
    normaliseItem: (s) => s.toUpperCase(),
    validItem: isCountryCode,
    itemMessage: 'each item must be an ISO 3166-1 alpha-2 country code',
  });
}

/** A CSV of numeric ids. */
export function digitIds(opts: Common): ParamDef<string[]> {
  return csv({ ...opts, item: /^[0-9]{1,20}$/, itemMessage: 'each item must be a numeric id' });
}

/** A required numeric id kept as a string (upstream ids exceed 2^53). */
export function digitId(opts: Common & { maxDigits: number }): ParamDef<string> {
  return text({
    ...opts,
    required: true,
    maxLength: opts.maxDigits,
    pattern: new RegExp(`^[0-9]{1,${opts.maxDigits}}$`),
    patternMessage: `must be 1 to ${opts.maxDigits} digits`,
  });
}

/** Marks a param as required. */
export function required<T>(def: ParamDef<T>): ParamDef<T> {
  return { ...def, required: true };
}

/**
 * Keeps a param optional but starts the Playground with its example, because the source that answers
 * today needs it (TikTok One has no all-regions chart: docs/upstreams.md § TikTok One).
 */
export function prefilled<T>(def: ParamDef<T>): ParamDef<T> {
  return { ...def, prefill: true };
}

/** Marks a param as accepted and validated but not applied upstream (Crawlora compatibility). */
export function ignored<T>(def: ParamDef<T>): ParamDef<T> {
  return { ...def, ignored: true };
}

/** Standard paging (docs/api-contract.md § Pagination): page clamped to 1..maxPage, limit 1..100 default 20. */
export function paging(maxPage: 10 | 1000) {
  return {
    page: clampedInt({ min: 1, max: maxPage, default: 1, description: 'Page number, 1-based.' }),
    limit: clampedInt({ min: 1, max: 100, default: 20, description: 'Items per page.' }),
  };
}
