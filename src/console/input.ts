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

/**
 * Parses a JSON body or a query with its zod schema; every failing field becomes one entry of the
 * 400's `data.errors` (docs/api-contract.md § Console API: field errors as 400). A field that is
 * absent reads "is required": the schema's own message says what a present value got wrong (its
 * type, say), which would mislead about a value never sent. Custom checks keep their words.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const value = input ?? {};
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    param: issue.path.length > 0 ? issue.path.join('.') : 'body',
    message: issue.code !== 'custom' && isAbsent(value, issue.path) ? 'is required' : issue.message,
  }));
  throw ApiError.invalidInput(errors);
}
