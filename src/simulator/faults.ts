import { z } from 'zod';
import type { FaultRule, SimulatorFault } from './types.js';

/** Parsing of faults that arrive over HTTP (control surface, `x-simulator-fault` header). */

const faultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('login_wall'), variant: z.enum(['redirect', 'html', '401', '403']) }),
  z.object({ kind: z.literal('slow'), ms: z.number().int().min(0).max(600_000) }),
  z.object({ kind: z.literal('hang') }),
  z.object({ kind: z.literal('drop') }),
  z.object({
    kind: z.literal('http_error'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
    body: z.enum(['text', 'empty']),
  }),
  z.object({ kind: z.literal('malformed'), variant: z.enum(['truncated', 'garbage', 'content_type']) }),
  z.object({ kind: z.literal('error_code'), code: z.number().int(), msg: z.string().optional() }),
  z.object({ kind: z.literal('drop_first_signed') }),
  z.object({ kind: z.literal('invalid_login') }),
  z.object({ kind: z.literal('invalid_request'), message: z.string().optional() }),
]);

const ruleSchema = z.object({
  fault: faultSchema,
  path: z.string().min(1).optional(),
  times: z.number().int().min(1).optional(),
});

export function parseFault(value: unknown): SimulatorFault | undefined {
  const parsed = faultSchema.safeParse(value);
  return parsed.success ? (parsed.data as SimulatorFault) : undefined;
}

export function parseFaultRule(value: unknown): FaultRule | undefined {
  const parsed = ruleSchema.safeParse(value);
  return parsed.success ? (parsed.data as FaultRule) : undefined;
}

/** Message of the rate-limit stand-in and of other configured codes. */
export function errorMessage(code: number): string {
  return code === 40100 ? 'Too many requests' : 'error';
}

/** Rules in force, consumed in order: the first rule matching a path applies. */
export class FaultBook {
  private rules: Array<{ rule: FaultRule; left: number }> = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule: { ...rule }, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule, left }) => (Number.isFinite(left) ? { ...rule, times: left } : { ...rule }));
  }

  /**
   * The first rule for this path (or its host-less `alias`). Its count drops when applied;
   * drop_first_signed is applied (and counted) only when it actually drops a call, so the caller
   * decides via `use`.
   */
  take(path: string, alias?: string): { fault: SimulatorFault; use: () => void } | undefined {
    const entry = this.rules.find(({ rule }) => rule.path === undefined || rule.path === path || (alias !== undefined && rule.path === alias));
    if (!entry) return undefined;
    const use = (): void => {
      entry.left -= 1;
      if (entry.left <= 0) this.rules = this.rules.filter((e) => e !== entry);
    };
    return { fault: entry.rule.fault, use };
  }
}

/** The simulator's stand-in for upstream rate limiting (docs/upstreams.md § Simulator, a simulator choice). */
export const RATE_LIMIT_CODE = 40100;
