import { z } from 'zod';
import { endpoints, findEndpoint } from './catalog/index.js';
import { parseSourceOrder } from './upstream/source-order.js';

const csvList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((s) => s === 'true' || s === '1');

/**
 * Every setting, parsed once from the environment (CONTRIBUTING.md § Conventions: config is parsed once). Nothing else reads
 * `process.env`; `buildApp` receives the result.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Origin people reach the server at, for links in docs, OpenAPI `servers` and billing bodies. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).default('./data/trendlens.db'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional(),
  UPSTREAM_BASE_URL: z.url().default('https://ads.tiktok.com/creative_radar_api/v1/'),
  /** Operator-supplied TikTok session cookies, separated by `||`, used round-robin. */
  UPSTREAM_COOKIES: z
    .string()
    .transform((s) => s.split('||').map((x) => x.trim()).filter(Boolean))
    .default([]),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** TikTok One, where Creative Center lives since 2026 (docs/upstreams.md § TikTok One). */
  TIKTOK_ONE_BASE_URL: z.url().default('https://ads.tiktok.com/'),
  /** TikTok One's US host, which serves the US top videos. */
  TIKTOK_ONE_US_BASE_URL: z.url().default('https://ads.us.tiktok.com/'),
  /** Points every adapter at one simulator (`trendlens simulator`): staging and load tests. */
  UPSTREAM_SIMULATOR_URL: z.url().optional(),
  /**
   * Overrides the catalog's source order (docs/upstreams.md § Source routing): `adapter[,adapter]`
   * for every operation, `<operation id>=adapter[,adapter]` for one, entries separated by `;`.
   */
  UPSTREAM_SOURCES: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseSourceOrder(text, endpoints);
      if (parsed.ok) return parsed.order;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    })
    .optional(),
  /** The simulated world of `trendlens demo`: 2026 (TikTok One, legacy trend lists deprecated) or 2024. */
  DEMO_UPSTREAM_ERA: z.enum(['2024', '2026']).default('2026'),
  /** Whether the demo calls TikTok One with the simulated session (`logged-in`) or without (`anonymous`). */
  DEMO_UPSTREAM_ACCESS: z.enum(['logged-in', 'anonymous']).default('logged-in'),
  CORS_ORIGINS: csvList.optional(),
  PLANS_FILE: z.string().min(1).optional(),
  DEFAULT_PLAN: z.string().min(1).default('free'),
  CREDIT_COST: z.coerce.number().int().positive().default(8),
  SIGNUP_ENABLED: flag.default(true),
  /** Operation ids the operator has switched off: callers get 403 `endpoint_disabled`. */
  DISABLED_ENDPOINTS: csvList
    .refine((ids) => ids.every((id) => findEndpoint(id) !== undefined), {
      message: `must list catalog operation ids, e.g. ${endpoints[0]?.operationId ?? ''}`,
    })
    .default([]),
  /**
   * Whom to believe about the client address (`X-Forwarded-For`): nobody by default, since per-IP
   * limits would otherwise count whatever a caller claims. `true`, or proxy addresses/CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .transform((s): boolean | string[] => (s === 'true' ? true : s === 'false' ? false : s.split(',').map((x) => x.trim()).filter(Boolean)))
    .default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment, failing with a message that names each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The configuration with every default, for tests and embedding. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...ConfigSchema.parse({}), ...overrides };
}
