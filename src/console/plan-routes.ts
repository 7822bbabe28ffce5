import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PlanRequests, type PlanRequest } from '../accounts/index.js';
import type { Config } from '../config.js';
import { ApiError, envelope } from '../http/index.js';
import type { ConsoleContext } from './context.js';
import { parseInput } from './input.js';

const RequestBody = z.object({ plan_id: z.string('must be a string').trim().min(1, 'is required').max(32, 'must be at most 32 characters') });

const WEBHOOK_TIMEOUT_MS = 5_000;

function requestView(r: PlanRequest) {
  return { id: r.id, plan_id: r.plan_id, status: r.status, created_at: new Date(r.created_at).toISOString() };
}

/**
 * Tells the operator's payment glue about a new plan request: POST of the JSON body to
 * PLAN_WEBHOOK_URL with `X-Trendlens-Signature: sha256=<hex HMAC-SHA256 of the body with
 * PLAN_WEBHOOK_SECRET>`. Fire and forget: the request stands whether or not the hook answers.
 */
function notifyWebhook(config: Config, log: FastifyBaseLogger, payload: object): void {
  if (!config.PLAN_WEBHOOK_URL) return;
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (config.PLAN_WEBHOOK_SECRET) headers['x-trendlens-signature'] = `sha256=${createHmac('sha256', config.PLAN_WEBHOOK_SECRET).update(body).digest('hex')}`;
  fetch(config.PLAN_WEBHOOK_URL, { method: 'POST', headers, body, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) }).then(
    (res) => {
      if (!res.ok) log.warn({ status: res.status }, 'the plan webhook refused a plan request');
    },
    (err: unknown) => log.warn({ err }, 'the plan webhook could not be reached'),
  );
}

/** plans (the active plan set with the caller's plan and pending request), plans/request, plans/request/cancel. */
export function registerPlanRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth } = ctx;
  const requests = new PlanRequests(services.store.db, services.clock);

  app.get('/plans', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const pending = await requests.pendingOf(account.id);
    return envelope(200, 'OK', {
      plans: services.plans.plans,
      current_plan: account.plan_id,
      pending_request: pending ? requestView(pending) : null,
    });
  });

  app.post('/plans/request', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { plan_id: planId } = parseInput(RequestBody, request.body);
    if (!services.plans.get(planId)) {
      throw ApiError.invalidInput([{ param: 'plan_id', message: `must be one of ${services.plans.plans.map((p) => p.id).join(', ')}` }]);
    }
    if (planId === account.plan_id) throw ApiError.invalidInput([{ param: 'plan_id', message: 'is already the current plan' }]);
    const opened = await requests.open(account.id, planId);
    notifyWebhook(services.config, request.log, {
      type: 'plan_change.requested',
      request_id: opened.id,
      account_id: account.id,
      email: account.email,
      current_plan: account.plan_id,
      requested_plan: planId,
      created_at: new Date(opened.created_at).toISOString(),
    });
    return reply.code(201).send(envelope(201, 'Created', { request: requestView(opened) }));
  });

  app.post('/plans/request/cancel', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    return envelope(200, 'OK', { cancelled: await requests.cancel(account.id) });
  });
}
