import { isIP } from 'node:net';
import { z } from 'zod';
import { endpoints, findEndpoint } from './catalog/index.js';
import { parseCollectSetting } from './history/collect-targets.js';
import { parseSourceOrder } from './upstream/source-order.js';
import { connectTimeoutMs, dialectOf } from './store/connect.js';

const csvList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const FLAG_VALUES = ['true', 'false', '1', '0'] as const;

const flag = z.enum(FLAG_VALUES).transform((s) => s === 'true' || s === '1');

/** An http(s) URL: `new URL` alone reads `localhost:8080` as a URL of the scheme `localhost:`. */
const httpUrl = z.url('must be an http(s) URL, e.g. https://trendlens.example.com').regex(/^https?:\/\//i, 'must be an http(s) URL, e.g. https://trendlens.example.com');

/** The names proxy-addr (under Fastify's trustProxy) gives to address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or one of proxy-addr's range names. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/**
 * Refuses a PostgreSQL or Redis URL that cannot be used as written: `new URL` is what the drivers parse
 * with, so a URL it refuses would stop the start with a TypeError. The URL is not quoted: it may hold a password.
 */
function checkServerUrl(url: string, example: string, ctx: z.RefinementCtx): void {
  if (!URL.canParse(url)) {
    ctx.addIssue({ code: 'custom', message: `must be a URL such as ${example} (a port from 1 to 65535; special characters in the password %-encoded)` });
    return;
  }
  try {
    connectTimeoutMs(url);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

const PORT_RANGE = 'must be a port number from 0 to 65535 (0 for any free port)';

const PUBLIC_URL_FOR_MAIL = 'must be set when SMTP_URL is: the links in e-mails point at it (e.g. https://trendlens.example.com)';

/**
 * Every setting, parsed once from the environment (CONTRIBUTING.md § Conventions: config is parsed once). Nothing else reads
 * `process.env`; `buildApp` receives the result.
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number(PORT_RANGE).int(PORT_RANGE).min(0, PORT_RANGE).max(65_535, PORT_RANGE).default(8080),
  HOST: z.string().trim().min(1, 'must be an address or host name, e.g. 0.0.0.0 or 127.0.0.1').default('0.0.0.0'),
  /**
   * Origin people reach the server at: the only origin e-mailed links point at (so SMTP_URL requires it),
   * and the one for OpenAPI `servers` and billing bodies. When https, session cookies are always Secure.
   */
  PUBLIC_URL: httpUrl.optional(),
  /**
   * An SQLite file path (`sqlite:` and `file:` prefixes allowed) or a `postgres://` URL. Any other
   * `scheme://` is a typo, which as a path would quietly become an SQLite file of its own. A PostgreSQL
   * URL may take a `connect_timeout` in seconds (src/store/connect.ts).
   */
  DATABASE_URL: z
    .string()
    .min(1)
    .refine((url) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^(postgres|postgresql|sqlite|file):\/\//.test(url), {
      message: 'must be an SQLite file path or a postgres:// or postgresql:// URL',
    })
    .superRefine((url, ctx) => {
      if (dialectOf(url) === 'postgres') checkServerUrl(url, 'postgres://user:password@host:5432/database', ctx);
    })
    .default('./data/trendlens.db'),
  /** Takes a `connect_timeout` in seconds, as DATABASE_URL does: the wait for a server that does not answer. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .superRefine((url, ctx) => checkServerUrl(url, 'redis://host:6379', ctx))
    .optional(),
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
  UPSTREAM_SIMULATOR_URL: httpUrl.optional(),
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
   * limits would otherwise count whatever a caller claims; else the proxies' addresses/CIDRs. `true` is
   * refused: it trusts every hop, so the leftmost entry, which the client wrote, would be its address.
   * (A hop count is no way out: Fastify trusts nobody for one, as it cannot tell the proxy from a direct client.)
   */
  TRUST_PROXY: z
    .string()
    .transform((s, ctx): false | string[] => {
      if (s === 'false' || s === '0') return false;
      if (s === 'true' || s === '1') {
        ctx.addIssue({ code: 'custom', message: `${s} would trust every hop, and the client writes the first: name your proxies' addresses/CIDRs instead, e.g. loopback for a proxy on this machine, or 10.0.0.0/8` });
        return z.NEVER;
      }
      const entries = s.split(',').map((x) => x.trim()).filter(Boolean);
      const bad = entries.find((entry) => !isProxyAddress(entry));
      if (entries.length > 0 && bad === undefined) return entries;
      ctx.addIssue({ code: 'custom', message: `must be false or proxy addresses/CIDRs separated by commas (e.g. loopback or 10.0.0.0/8,192.168.1.2), got "${bad ?? s}"` });
      return z.NEVER;
    })
    .default(false),
  /** Days of chart history kept (src/history); older days are deleted. */
  HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  /** Charts collected once a UTC day, e.g. `hashtag:US:7,song:GB,creator:US` (README § Trend history). */
  COLLECT: z
    .string()
    .superRefine((text, ctx) => {
      try {
        parseCollectSetting(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .default(''),
  /** Pause between two upstream calls of a collection, so it never bursts at the upstream. */
  COLLECT_PACING_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  /** Let webhooks reach loopback, private and link-local addresses (off: SSRF protection). */
  WEBHOOK_ALLOW_PRIVATE: flag.default(false),
  /** Accounts made operators once their address is verified: at start, creation or verification (README § Trend history). */
  OPERATOR_EMAILS: csvList
    .transform((emails) => emails.map((e) => e.toLowerCase()))
    .refine((emails) => emails.every((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)), { message: 'must be e-mail addresses separated by commas, e.g. ops@example.com,lead@example.com' })
    .default([]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Operating in public (README § Operating in public).
  /** Serves `/metrics` on the main port to `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Serves `/metrics` on its own port (on HOST), without a token: keep that port private. */
  METRICS_PORT: z.coerce.number('must be a port number').int('must be a port number').min(1, 'must be 1–65535').max(65_535, 'must be 1–65535').optional(),
  /** Who may sign up: anyone, holders of an invite code, or nobody. */
  SIGNUP_MODE: z.enum(['open', 'invite', 'closed'], 'must be open, invite or closed').optional(),
  /** `email`: new accounts get their plan's credits once they verify their address. */
  SIGNUP_VERIFY: z.enum(['none', 'email'], 'must be none or email').default('none'),
  /** Sign-ups per IP per hour, and across all IPs per hour. */
  SIGNUP_LIMIT_PER_IP: z.coerce.number('must be a whole number').int('must be a whole number').positive('must be positive').default(10),
  SIGNUP_LIMIT_GLOBAL: z.coerce.number('must be a whole number').int('must be a whole number').positive('must be positive').default(300),
  /** Password hashes computed at once; more wait in a queue of PASSWORD_HASH_QUEUE, then 503 `busy`. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number('must be a whole number').int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64').default(4),
  PASSWORD_HASH_QUEUE: z.coerce.number('must be a whole number').int('must be a whole number').min(0, 'must be at least 0').default(16),
  /** `smtp://user:pass@host:port` (or smtps://): reset and verification links are e-mailed, on PUBLIC_URL. */
  SMTP_URL: z.url('must be an smtp:// or smtps:// URL').regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** The From address of those e-mails. */
  MAIL_FROM: z.string().min(3).default('Trendlens <no-reply@localhost>'),
  /** Bytes a request body may hold (Console JSON; the API takes none). */
  BODY_LIMIT_BYTES: z.coerce.number('must be a whole number').int('must be a whole number').min(1024, 'must be at least 1024').default(65_536),
  /** Where plan-change requests are POSTed, signed with PLAN_WEBHOOK_SECRET (a payment provider's hook). */
  PLAN_WEBHOOK_URL: httpUrl.optional(),
  PLAN_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
}).superRefine((config, ctx) => {
  // Unsigned, the receiver cannot tell our POSTs from anyone's, and it acts on them (README § Operating in public).
  if (config.PLAN_WEBHOOK_URL && !config.PLAN_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['PLAN_WEBHOOK_SECRET'], message: 'must be set when PLAN_WEBHOOK_URL is: it signs the POSTs (16+ characters)' });
  }
  // Taken from the request instead, a link would point wherever the sender's Host header says (README § Configuration).
  if (config.SMTP_URL && !config.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: PUBLIC_URL_FOR_MAIL });
  }
});

export type Config = z.infer<typeof ConfigSchema>;

/** The sign-up mode in force: SIGNUP_MODE, else the older SIGNUP_ENABLED flag (false = closed). */
export function signupMode(config: Config): 'open' | 'invite' | 'closed' {
  return config.SIGNUP_MODE ?? (config.SIGNUP_ENABLED ? 'open' : 'closed');
}

/** A setting the operator must fix, said in one line that names the variable (`PORT: must be …`). */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problems: string,
  ) {
    super(`invalid configuration: ${problems}`);
  }
}

/** Parses the environment, failing with one line that names each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message.replace(/\s+/g, ' ')}`);
    throw new ConfigError(String(parsed.error.issues[0]?.path[0] ?? 'environment'), problems.join('; '));
  }
  return parsed.data;
}

/**
 * The origin of e-mailed links: PUBLIC_URL, without a trailing slash. A configuration built in code
 * skips loadConfig's check, so one with SMTP_URL and no PUBLIC_URL is refused here in the same words.
 */
export function mailLinkOrigin(config: Config): string {
  if (!config.PUBLIC_URL) throw new ConfigError('PUBLIC_URL', `PUBLIC_URL: ${PUBLIC_URL_FOR_MAIL}`);
  return config.PUBLIC_URL.replace(/\/$/, '');
}

/** The configuration with every default, for tests and embedding. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...ConfigSchema.parse({}), ...overrides };
}
