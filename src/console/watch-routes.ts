import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DisplayText } from '../accounts/index.js';
import { isCountryCode } from '../catalog/index.js';
import { chartPeriods, ENDPOINT_LIMIT, periodProblem, PUBLIC_CHARTS, watchLimit, type WatchInput } from '../history/index.js';
import { ApiError, envelope } from '../http/index.js';
import type { ConsoleContext } from './context.js';
import { ALWAYS, parseInput } from './input.js';

const Country = z
  .string('must be a string')
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code')
  .nullable()
  .default(null);
/** Every period some chart takes, from the catalog; whether the watch's chart takes it is checked with the chart. */
const PERIODS = [...new Set(PUBLIC_CHARTS.flatMap((chart) => chartPeriods(chart) ?? []))].sort((a, b) => a - b);
const Rank = z.int('must be an integer').min(1, 'must be 1–100').max(100, 'must be 1–100');
const Common = {
  chart: z.enum(PUBLIC_CHARTS, `must be one of ${PUBLIC_CHARTS.join(', ')}`),
  country_code: Country,
  period: z
    .int('must be an integer')
    .refine((period) => PERIODS.includes(period), `must be one of ${PERIODS.join(', ')}`)
    .nullable()
    .default(null),
  endpoint_id: z.string('must be a webhook endpoint id').min(1, 'must be a webhook endpoint id'),
};
const ChartPeriod = z.object({ chart: Common.chart, period: Common.period });

/**
 * A period the watch's chart does not take (video has no 120): such a watch could never fire. A chart
 * without periods (creators) ignores the field, as movers does.
 */
function periodOfChart(body: unknown, ctx: z.RefinementCtx): void {
  const parsed = ChartPeriod.safeParse(body);
  const problem = parsed.success && parsed.data.period !== null ? periodProblem(parsed.data.chart, parsed.data.period) : null;
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['period'], message: problem });
}
const HashtagEntry = z.object({ chart: z.literal('hashtag'), name: z.string() });

/**
 * A hashtag never holds `#`: a name left with one once its leading `#` is dropped (`##foo`, `#a#b`) is
 * no hashtag's, and such a watch could never fire. Other charts' names may hold it (a song "Song #1").
 */
function hashtagName(body: unknown, ctx: z.RefinementCtx): void {
  const parsed = HashtagEntry.safeParse(body);
  if (parsed.success && parsed.data.name.includes('#')) {
    ctx.addIssue({ code: 'custom', path: ['name'], message: 'must not contain "#" past the leading one: a hashtag never does' });
  }
}
const KIND_MESSAGE = 'must be one of entry, new_entry, rank_change';
const Kind = z.enum(['entry', 'new_entry', 'rank_change'], KIND_MESSAGE);
const WatchBody = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('entry'),
      ...Common,
      name: DisplayText.transform((s) => s.replace(/^#/, '')).pipe(z.string().min(1, 'must be 1–100 characters').max(100, 'must be 1–100 characters')),
      top_n: Rank.nullable().default(null),
    }),
    z.object({ kind: z.literal('new_entry'), ...Common, top_n: Rank }),
    z.object({
      kind: z.literal('rank_change'),
      ...Common,
      min_change: z.int('must be an integer').min(1, 'must be 1–99').max(99, 'must be 1–99'),
      top_n: Rank.nullable().default(null),
    }),
  ],
  KIND_MESSAGE,
)
  .superRefine(periodOfChart, ALWAYS)
  .superRefine(hashtagName, ALWAYS);
/** Checked when `kind` is missing or unknown: it fails on `kind` and names the fields every kind needs. */
const AnyKind = z.object({ kind: Kind, ...Common }).superRefine(periodOfChart, ALWAYS);
const EndpointBody = z.object({ url: z.string('must be a string').trim().min(1, 'is required').max(2000, 'must be at most 2000 characters') });
const IdParams = z.object({ id: z.string() });

/**
 * Test events and re-enables per account per hour, across its endpoints (docs/api-contract.md § Console API):
 * each makes the server call out, or lets a failing endpoint be called again.
 */
export const WEBHOOK_TESTS_PER_HOUR = 30;
export const WEBHOOK_ENABLES_PER_HOUR = 10;
const WEBHOOK_ACTION_WINDOW_MS = 3_600_000;

/** Counts one test event or re-enable for the account; 429 `rate_limited`, with when to retry, past the limit. */
async function limitWebhookAction(ctx: ConsoleContext, accountId: string, action: 'test' | 'enable'): Promise<void> {
  const limit = action === 'test' ? WEBHOOK_TESTS_PER_HOUR : WEBHOOK_ENABLES_PER_HOUR;
  const decision = await ctx.attempts.hit(`webhook-${action}:account:${accountId}`, limit, WEBHOOK_ACTION_WINDOW_MS);
  if (decision.allowed) return;
  const what = action === 'test' ? 'Test events' : 'Re-enabling endpoints';
  const wait = decision.retryAfterSeconds < 60 ? `${decision.retryAfterSeconds} s` : `${Math.ceil(decision.retryAfterSeconds / 60)} min`;
  throw new ApiError('rate_limited', {
    data: { error: 'rate_limited', retry_after_seconds: decision.retryAfterSeconds, message: `${what} are limited to ${limit} an hour per account, and the limit is reached. Try again in ${wait}.` },
    headers: { 'Retry-After': String(decision.retryAfterSeconds) },
  });
}

/**
 * A watch body through the schema of its `kind`; without a known one, a 400 naming `kind` and each bad
 * field every kind shares, where the union alone would name only `kind` (docs/api-contract.md § Console API:
 * "400 naming each bad field").
 */
function parseWatch(body: unknown): WatchInput {
  const known = Kind.safeParse((body as { kind?: unknown } | null | undefined)?.kind).success;
  // AnyKind never succeeds here (its `kind` is the one that failed), so only WatchBody's output is returned.
  return parseInput(known ? WatchBody : AnyKind, body) as WatchInput;
}

/**
 * watches, webhooks, webhooks/{id}/enable|test|deliveries (README § Trend history): a signed-in user's
 * watches on charts and the endpoints their matches are delivered to.
 */
export function registerWatchRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth } = ctx;
  const { watches, webhooks } = services.history;

  app.get('/watches', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    return envelope(200, 'OK', { watches: await watches.list(account.id), limit: watchLimit(services.plans, account.plan_id) });
  });

  app.post('/watches', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const input = parseWatch(request.body);
    if (!(await webhooks.find(account.id, input.endpoint_id))) {
      throw ApiError.invalidInput([{ param: 'endpoint_id', message: 'is not one of your webhook endpoints' }]);
    }
    const limit = watchLimit(services.plans, account.plan_id);
    if ((await watches.count(account.id)) >= limit) {
      throw new ApiError('plan_limit_reached', {
        data: { error: 'plan_limit_reached', limit: 'watches', max: limit, plan: account.plan_id, message: `The ${account.plan_id} plan allows ${limit} watches.` },
      });
    }
    return reply.code(201).send(envelope(201, 'Created', { watch: await watches.create(account.id, input) }));
  });

  app.delete('/watches/:id', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    if (!(await watches.remove(account.id, id))) throw new ApiError('resource_not_found');
    return envelope(200, 'OK', { deleted: id });
  });

  app.get('/webhooks', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    return envelope(200, 'OK', { endpoints: await webhooks.list(account.id), limit: ENDPOINT_LIMIT });
  });

  app.post('/webhooks', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { url } = parseInput(EndpointBody, request.body);
    const verdict = await webhooks.check(url);
    if (!verdict.ok) throw ApiError.invalidInput([{ param: 'url', message: verdict.reason }]);
    if ((await webhooks.count(account.id)) >= ENDPOINT_LIMIT) {
      throw new ApiError('plan_limit_reached', {
        data: { error: 'plan_limit_reached', limit: 'webhook_endpoints', max: ENDPOINT_LIMIT, plan: account.plan_id, message: `An account holds at most ${ENDPOINT_LIMIT} webhook endpoints.` },
      });
    }
    const { endpoint, secret } = await webhooks.create(account.id, verdict.url);
    return reply.code(201).send(envelope(201, 'Created', { endpoint, secret }));
  });

  app.delete('/webhooks/:id', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    if (!(await webhooks.remove(account.id, id))) throw new ApiError('resource_not_found');
    return envelope(200, 'OK', { deleted: id });
  });

  app.post('/webhooks/:id/enable', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    // Counted only for the caller's own endpoint: a mistyped or foreign id (404) uses up no allowance.
    if (!(await webhooks.find(account.id, id))) throw new ApiError('resource_not_found');
    await limitWebhookAction(ctx, account.id, 'enable');
    const endpoint = await webhooks.enable(account.id, id);
    if (!endpoint) throw new ApiError('resource_not_found');
    return envelope(200, 'OK', { endpoint });
  });

  app.post('/webhooks/:id/test', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    // As enable: a 404 uses up none of the allowance.
    if (!(await webhooks.find(account.id, id))) throw new ApiError('resource_not_found');
    await limitWebhookAction(ctx, account.id, 'test');
    const deliveryId = await webhooks.enqueue(account.id, id, {
      type: 'webhook.test',
      watchId: null,
      data: { message: 'A test event from Trendlens: your endpoint receives and verifies deliveries.' },
    });
    await webhooks.deliverNow(deliveryId);
    const delivery = (await webhooks.deliveries(account.id, id)).find((d) => d.id === deliveryId);
    return reply.code(202).send(envelope(202, 'Accepted', { delivery }));
  });

  app.get('/webhooks/:id/deliveries', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    if (!(await webhooks.find(account.id, id))) throw new ApiError('resource_not_found');
    return envelope(200, 'OK', { deliveries: await webhooks.deliveries(account.id, id) });
  });
}
