import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IdentifiedKey } from '../../accounts/index.js';
import type { StoredResponse } from '../../billing/index.js';
import type { AnyEndpoint, CanonicalRequest } from '../../catalog/index.js';
import type { UsageEvent } from '../../usage/index.js';
import { ApiError } from '../../http/index.js';
import type { HistoryAnswer } from '../../history/index.js';
import type { Services } from '../../services.js';
import { admitRequest, attributedCaller, beginIdempotency, chargeCredits, identifyCaller, limitRate, readParams, reserveCredits, upstreamError } from './stages.js';

export const API_PREFIX = '/api/v1';

/** What the record stage writes about a routed request (docs/api-contract.md § Usage records), filled in as stages pass. */
export interface Metering {
  operationId: string;
  canonical: string | null;
  caller: IdentifiedKey | null;
  credits: number;
  overageCredits: number;
  cache: 'HIT' | 'MISS' | 'STALE' | null;
  upstreamSource: string | null;
  /** The handler has returned or thrown: what is charged is final. */
  handled: boolean;
  /** The status to record when the client left before the answer was written. */
  abandonedStatus: number | null;
  recorded: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    metering?: Metering;
  }
}

/** Opens the request's usage record; the stages fill it in as they pass. */
function startMetering(request: FastifyRequest, endpoint: AnyEndpoint): Metering {
  const meter: Metering = {
    operationId: endpoint.operationId, canonical: null, caller: null, credits: 0, overageCredits: 0, cache: null, upstreamSource: null,
    handled: false, abandonedStatus: null, recorded: false,
  };
  request.metering = meter;
  return meter;
}

/** Headers a replay repeats from the first answer; the rest are the replay's own. */
const REPLAYED_HEADERS = ['content-type', 'x-cache', 'age', 'x-upstream-source', 'x-upstream-adapter', 'x-upstream-access', 'x-upstream-period', 'x-served-from'];

async function replay(services: Services, reply: FastifyReply, caller: IdentifiedKey, stored: StoredResponse): Promise<FastifyReply> {
  reply.headers(stored.headers);
  reply.header('Idempotent-Replayed', 'true');
  reply.header('X-Credits-Charged', '0');
  reply.header('X-Credits-Remaining', String((await services.credits.snapshot(caller.accountId)).balance));
  return reply.code(stored.status).send(stored.body);
}

/**
 * One metered request, top to bottom (docs/architecture.md § A request's path): params → identify →
 * admit (rate limit, idempotency, credits) → fetch → charge → reply; the record stage runs when the
 * response has gone out, or when the handler ends if the client has gone already, so every charge
 * has its usage record.
 */
function meteredHandler(services: Services, endpoint: AnyEndpoint, record: UsageRecorder) {
  const disabled = services.config.DISABLED_ENDPOINTS.includes(endpoint.operationId);
  return async function handle(request: FastifyRequest, reply: FastifyReply) {
    const meter = startMetering(request, endpoint);
    let abandoned = false;
    reply.raw.once('close', () => {
      if (reply.raw.writableFinished) return;
      abandoned = true;
      if (meter.handled) record(request, reply, meter.abandonedStatus ?? reply.statusCode);
    });
    try {
      return await serve(services, endpoint, disabled, meter, request, reply);
    } catch (error) {
      meter.abandonedStatus = error instanceof ApiError ? error.status : 500;
      throw error;
    } finally {
      meter.handled = true;
      if (abandoned) record(request, reply, meter.abandonedStatus ?? reply.statusCode);
    }
  };
}

async function serve(services: Services, endpoint: AnyEndpoint, disabled: boolean, meter: Metering, request: FastifyRequest, reply: FastifyReply) {
  const cost = services.config.CREDIT_COST;
  let input: CanonicalRequest;
  try {
    input = readParams(endpoint, request.query, request.url);
  } catch (error) {
    meter.caller = await attributedCaller(services, request);
    throw error;
  }
  meter.canonical = input.canonical;
  const caller = await identifyCaller(services, request, reply);
  meter.caller = caller;
  if (disabled) throw new ApiError('endpoint_disabled');

  let idempotency: Awaited<ReturnType<typeof beginIdempotency>> = null;
  let charge: { remaining: number; overage: number };
  if (request.headers['idempotency-key'] === undefined) {
    charge = await admitRequest(services, request, reply, caller);
  } else {
    await limitRate(services, request, reply, caller);
    idempotency = await beginIdempotency(services, request, caller, input.canonical);
    if (idempotency?.kind === 'replay') return replay(services, reply, caller, idempotency.response);
  }

  let stored: StoredResponse | null = null;
  try {
    if (idempotency) charge = await reserveCredits(services, request, caller);
    let outcome: Awaited<ReturnType<Services['upstream']['fetch']>> | HistoryAnswer;
    try {
      outcome =
        endpoint.servedFrom === 'history'
          ? await services.history.serve(endpoint, input.params)
          : await services.upstream.fetch(endpoint, input.canonical, input.params);
    } catch (error) {
      await services.credits.release(request.id);
      throw error;
    }
    meter.upstreamSource = outcome.sourceId;
    if (!outcome.ok) {
      await services.credits.release(request.id);
      throw upstreamError(outcome.failure, outcome.sourceId, outcome.adapter);
    }
    await chargeCredits(services, request, caller);
    meter.credits = cost;
    meter.overageCredits = charge!.overage;
    meter.cache = outcome.cache;

    reply.header('X-Credits-Charged', String(cost));
    reply.header('X-Credits-Remaining', String(charge!.remaining));
    reply.header('X-Cache', outcome.cache);
    if (outcome.ageSeconds !== undefined) reply.header('Age', String(outcome.ageSeconds));
    reply.header('X-Upstream-Source', outcome.sourceId);
    // History answers come from no upstream adapter; they name themselves in their own headers.
    if ('adapter' in outcome) {
      reply.header('X-Upstream-Adapter', outcome.adapter);
      reply.header('X-Upstream-Access', outcome.access);
    }
    reply.headers(outcome.headers);
    reply.type('application/json; charset=utf-8');
    if (idempotency) {
      const headers = Object.fromEntries(REPLAYED_HEADERS.flatMap((h) => (reply.hasHeader(h) ? [[h, String(reply.getHeader(h))]] : [])));
      stored = { status: 200, headers, body: outcome.body.toString('utf8') };
    }
    return reply.send(outcome.body);
  } finally {
    // Not `await idempotency?.finish()`: awaiting nothing still costs every request a turn of the microtask queue.
    if (idempotency) await idempotency.finish(stored);
  }
}

/** 405 for the other methods on a catalog path; a routed request, so it is recorded too, with its caller as a 400 is. */
function methodNotAllowed(services: Services, endpoint: AnyEndpoint) {
  return async function refuse(request: FastifyRequest): Promise<never> {
    startMetering(request, endpoint).caller = await attributedCaller(services, request);
    throw new ApiError('method_not_allowed', {
      data: { error: 'method_not_allowed', allow: ['GET'] },
      headers: { Allow: 'GET, OPTIONS' },
    });
  };
}

/** Where a request came from, by its `X-Trendlens-Client` label (docs/api-contract.md § Usage records). */
function usageSource(label: string | string[] | undefined): UsageEvent['source'] {
  return label === 'playground' || label === 'console' || label === 'mcp' ? label : 'api';
}

type UsageRecorder = (request: FastifyRequest, reply: FastifyReply, status: number) => void;

/** The record stage (docs/api-contract.md § Usage records): one usage record per routed request, written in batches. */
function usageRecorder(services: Services): UsageRecorder {
  return function record(request, reply, status) {
    const meter = request.metering;
    if (!meter || meter.recorded) return;
    meter.recorded = true;
    const query = request.url.indexOf('?');
    const elapsed = Math.round(reply.elapsedTime);
    services.usage.record({
      request_id: request.id,
      time: services.clock.now() - elapsed,
      account_id: meter.caller?.accountId ?? null,
      key_id: meter.caller?.keyId ?? null,
      operation_id: meter.operationId,
      canonical_query: meter.canonical ?? `${meter.operationId}?${query < 0 ? '' : request.url.slice(query + 1)}`,
      status,
      latency_ms: elapsed,
      credits: meter.credits,
      overage_credits: meter.overageCredits,
      cache: meter.cache,
      upstream_source: meter.upstreamSource,
      ip: request.ip,
      user_agent: request.headers['user-agent'] ?? null,
      // A label only: it changes nothing about how the request is served or charged.
      source: usageSource(request.headers['x-trendlens-client']),
    });
  };
}

/** Routes generated from the catalog: one GET per endpoint, 405 for the other methods. */
export function registerCatalogRoutes(app: FastifyInstance, services: Services, endpoints: readonly AnyEndpoint[]): void {
  const record = usageRecorder(services);
  const onResponse = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    record(request, reply, reply.statusCode);
    done();
  };
  for (const endpoint of endpoints) {
    const url = API_PREFIX + endpoint.path;
    // No implicit HEAD: it would run the whole metered pipeline and charge for a body nobody gets.
    app.get(url, { exposeHeadRoute: false, onResponse }, meteredHandler(services, endpoint, record));
    // Refused in onRequest, before Fastify parses a body: a PUT with broken JSON is a 405, not a 400.
    // The handler is the same refusal, as Fastify needs one; it is never reached.
    const refuse = methodNotAllowed(services, endpoint);
    app.route({ method: ['HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url, onRequest: refuse, onResponse, handler: refuse });
  }
}
