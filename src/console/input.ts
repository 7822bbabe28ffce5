import type { z } from 'zod';
import { ApiError } from '../http/index.js';

/**
 * Parses a JSON body or a query with its zod schema; every failing field becomes one entry of the
 * 400's `data.errors` (docs/api-contract.md § Console API: field errors as 400).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    param: issue.path.length > 0 ? issue.path.join('.') : 'body',
    message: issue.message,
  }));
  throw ApiError.invalidInput(errors);
}
