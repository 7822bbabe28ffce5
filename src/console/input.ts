import type { z } from 'zod';
import { ApiError } from '../http/index.js';

/** True when the field at `path` is absent from `input` (its parent object exists but holds nothing there). */
function isAbsent(input: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let parent: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  return typeof parent === 'object' && parent !== null && (parent as Record<PropertyKey, unknown>)[path[path.length - 1]!] === undefined;
}

/** One entry of a 400's `data.errors`. */
export type FieldError = { param: string; message: string };

/** Checked even when other fields failed, so the 400 names each bad field: for a schema's refinements across fields. */
export const ALWAYS = { when: () => true };

/** The schema's output, or one field error per failing field (parseInput's rules). */
function readInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldError[] } {
  const value = input ?? {};
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    param: issue.path.length > 0 ? issue.path.join('.') : 'body',
    message: issue.code !== 'custom' && isAbsent(value, issue.path) ? 'is required' : issue.message,
  }));
  return { ok: false, errors };
}

/**
 * Parses a JSON body or route params with its zod schema (a query: parseQuery); every failing field becomes one entry of the
 * 400's `data.errors` (docs/api-contract.md § Console API: field errors as 400). A field that is
 * absent reads "is required": the schema's own message says what a present value got wrong (its
 * type, say), which would mislead about a value never sent. Custom checks keep their words.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = readInput(schema, input);
  if (!result.ok) throw ApiError.invalidInput(result.errors);
  return result.data;
}

/**
 * Parses a query string as parseInput does a body. Fastify reads a name given twice as an array, whose
 * type error would mislead: every Console param is a scalar, so such a param is "must be given at most
 * once", as the public API says (docs/api-contract.md § Params and canonical form), named in the same
 * 400 as any other bad param. A repeated name the schema does not take is ignored, as any unknown one.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, query: unknown): z.infer<S> {
  const params = (query ?? {}) as Record<string, unknown>;
  const repeated = Object.keys(params).filter((name) => name in schema.shape && Array.isArray(params[name]));
  if (repeated.length === 0) return parseInput(schema, params);
  const rest = Object.fromEntries(Object.entries(params).filter(([name]) => !repeated.includes(name)));
  const result = readInput(schema, rest);
  throw ApiError.invalidInput([
    ...repeated.map((param) => ({ param, message: 'must be given at most once' })),
    ...(result.ok ? [] : result.errors.filter((error) => !repeated.includes(error.param))),
  ]);
}
