import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IdentifiedKey } from '../../accounts/index.js';
import { accountRateKey, AdmissionUnavailable, ChargeRefused, IDEMPOTENCY_KEY, type IdempotencyStart, type RateDecision, type ReserveResult } from '../../billing/index.js';
import { parseParams, type AnyEndpoint, type CanonicalRequest, type RawQuery } from '../../catalog/index.js';
import { FINAL_UNAVAILABLE_DETAILS, type UpstreamFailure } from '../../upstream/index.js';
import { creditRejection, rateRejection } from '../billing-rejection.js';
import { ApiError } from '../../http/index.js';
import type { Services } from '../../services.js';

/**
 * The stages of a metered request (docs/architecture.md § A request's path), one function each, in the order the handler calls
 * them. Each either returns what the next stage needs or throws the ApiError its status names.
 */

/** Parsed queries by operation and raw query string: callers repeat the same few queries. */
const parsedQueries = new Map<string, CanonicalRequest>();
const PARSED_QUERIES_KEPT = 10_000;

/**
 * params: parse → coerce → clamp/default → canonical form (400 naming every bad param). Parsing is a
 * pure function of the raw query, so a valid one is remembered by its text (a Map lookup instead of a
 * schema walk on the hot path); the result is frozen, as several requests share it.
 */
export function readParams(endpoint: AnyEndpoint, query: unknown, url: string): CanonicalRequest {
  const mark = url.indexOf('?');
  const key = `${endpoint.operationId}?${mark < 0 ? '' : url.slice(mark + 1)}`;
  const known = parsedQueries.get(key);
  if (known) return known;
  const parsed = parseParams(endpoint, (query ?? {}) as RawQuery);
  if (!parsed.ok) throw ApiError.invalidInput(parsed.errors);
  const result: CanonicalRequest = Object.freeze({ params: Object.freeze(parsed.params), canonical: parsed.canonical });
  if (parsedQueries.size >= PARSED_QUERIES_KEPT) parsedQueries.clear();
  parsedQueries.set(key, result);
  return result;
}

/** The key a request presents: `x-api-key` or `Authorization: Bearer`; both and different is a conflict. */
export function presentedKey(request: FastifyRequest): { key?: string; conflict: boolean } {
  const header = request.headers['x-api-key'];
  const fromHeader = typeof header === 'string' ? header.trim() : undefined;
  const auth = request.headers.authorization;
  const bearer = auth?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (fromHeader && bearer && fromHeader !== bearer) return { conflict: true };
  const key = fromHeader || bearer;
  return key === undefined ? { conflict: false } : { key, conflict: false };
}

/**
 * The caller behind a request refused before the credentials step (a 400), for its usage record
 * only: the status order of docs/api-contract.md § Credentials and request order is unchanged, but people see their own bad requests.
 */
export async function attributedCaller(services: Services, request: FastifyRequest): Promise<IdentifiedKey | null> {
  const { key, conflict } = presentedKey(request);
  if (conflict || key === undefined) return null;
  // A 400 is answered before authentication, so it must not become an unlimited key-store probe: a
  // cached key is attributed for free, an uncached one only within the per-IP anonymous allowance.
  const cached = services.keys.cachedCaller(key);
  if (cached !== undefined) return cached;
  // Counters unreachable: the 400 goes out unattributed, neither turned into a 503 nor an unlimited probe.
  const decision = await services.rateLimiter.hit(`ip:${request.ip}`, ANONYMOUS_RATE_PER_MINUTE).catch((error: unknown) => {
    if (error instanceof AdmissionUnavailable) return null;
    throw error;
  });
  if (!decision?.allowed) return null;
  const result = await services.keys.identify(key, request.ip);
  return result.ok ? result.key : null;
}

/** Rate-limit headers of docs/api-contract.md § Headers (IETF draft plus the X- trio). */
export function setRateHeaders(reply: FastifyReply, d: RateDecision): void {
  reply.header('RateLimit-Policy', `"minute";q=${d.limit};w=60`);
  reply.header('RateLimit', `"minute";r=${d.remaining};t=${d.resetSeconds}`);
  reply.header('X-RateLimit-Limit', String(d.limit));
  reply.header('X-RateLimit-Remaining', String(d.remaining));
  reply.header('X-RateLimit-Reset', String(d.resetSeconds));
}

/** Requests without a valid key are limited per IP (docs/api-contract.md § Rate limits), so guessing keys is slow. */
export const ANONYMOUS_RATE_PER_MINUTE = 60;

/** identify: API key → hash → key record (401), suspended account (403). */
export async function identifyCaller(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<IdentifiedKey> {
  const { key, conflict } = presentedKey(request);
  const result = conflict
    ? ({ ok: false, reason: 'conflicting_credentials' } as const)
    : await services.keys.identify(key, request.ip);
  if (result.ok) {
    if (result.key.accountStatus === 'suspended') throw new ApiError('account_suspended');
    return result.key;
  }
  const decision = await services.rateLimiter.hit(`ip:${request.ip}`, ANONYMOUS_RATE_PER_MINUTE).catch(meteringUnavailable);
  if (!decision.allowed) throw rateLimited(services, request, reply, decision, null);
  // RFC 9110 asks every 401 for a challenge; RFC 6750 says how a bearer token that was sent is refused.
  const challenge = result.reason === 'missing_api_key' ? 'Bearer realm="trendlens"' : 'Bearer realm="trendlens", error="invalid_token"';
  throw new ApiError(result.reason, { headers: { 'WWW-Authenticate': challenge } });
}

/** Counters that decide admission are unreachable: a clear 503, nothing charged (README.md § Metering). */
export function meteringUnavailable(error: unknown): never {
  if (error instanceof AdmissionUnavailable) throw new ApiError('metering_unavailable', { headers: { 'Retry-After': '1' }, message: String(error.cause) });
  throw error;
}

/** admit, part 1: the per-account, per-minute rate limit (429). Every identified request counts. */
export async function limitRate(services: Services, request: FastifyRequest, reply: FastifyReply, caller: IdentifiedKey): Promise<void> {
  const plan = services.plans.require(caller.planId);
  const decision = await services.rateLimiter.hit(accountRateKey(caller.accountId), plan.rate_limit_per_minute).catch(meteringUnavailable);
  setRateHeaders(reply, decision);
  if (!decision.allowed) await refuseOverRate(services, request, reply, caller, decision);
}

/** The 429 of an identified caller, with its credits in the body. Only called when refused: an admitted request awaits nothing here. */
async function refuseOverRate(services: Services, request: FastifyRequest, reply: FastifyReply, caller: IdentifiedKey, decision: RateDecision): Promise<never> {
  const snapshot = await services.credits.snapshot(caller.accountId);
  throw rateLimited(services, request, reply, decision, snapshot);
}

/**
 * admit, both parts in one step (rate limit 429, then daily cap and credits 402): one Redis script
 * across instances, memory alone on one. Used when no Idempotency-Key sits between the two parts.
 */
export async function admitRequest(services: Services, request: FastifyRequest, reply: FastifyReply, caller: IdentifiedKey): Promise<{ remaining: number; overage: number }> {
  const plan = services.plans.require(caller.planId);
  const cost = services.config.CREDIT_COST;
  const { rate, credits } = await services.admission.admit(caller.accountId, request.id, cost, plan.rate_limit_per_minute).catch(meteringUnavailable);
  setRateHeaders(reply, rate);
  if (!rate.allowed) await refuseOverRate(services, request, reply, caller, rate);
  return creditsOrRefusal(services, request, credits!);
}

function rateLimited(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  decision: RateDecision,
  snapshot: Awaited<ReturnType<Services['credits']['snapshot']>> | null,
): ApiError {
  setRateHeaders(reply, decision);
  const data = rateRejection(decision, snapshot, {
    plans: services.plans,
    cost: services.config.CREDIT_COST,
    now: services.clock.now(),
    upgradeUrl: services.consoleBillingUrl(request),
  });
  return new ApiError('rate_limited', { data, headers: { 'Retry-After': String(data.retry_after_seconds) } });
}

/**
 * Idempotency (docs/api-contract.md § Idempotency), between the rate limit and the reservation: a replay is answered from
 * the first 2xx without a charge; the same key with another request is a 400. Null without the header.
 */
export async function beginIdempotency(
  services: Services,
  request: FastifyRequest,
  caller: IdentifiedKey,
  fingerprint: string,
): Promise<Exclude<IdempotencyStart, { kind: 'conflict' }> | null> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw ApiError.invalidInput([{ param: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
  }
  const start = await services.idempotency.begin(caller.accountId, header, fingerprint);
  if (start.kind === 'conflict') {
    throw new ApiError('idempotency_key_reused', {
      data: { error: 'idempotency_key_reused', errors: [{ param: 'Idempotency-Key', message: 'was already used for a different request' }] },
    });
  }
  return start;
}

/** admit, part 2: daily cap and credit reservation (402). Returns the included credits left and the overage taken. */
export async function reserveCredits(services: Services, request: FastifyRequest, caller: IdentifiedKey): Promise<{ remaining: number; overage: number }> {
  const result = await services.credits.reserve(caller.accountId, request.id, services.config.CREDIT_COST).catch(meteringUnavailable);
  return creditsOrRefusal(services, request, result);
}

function creditsOrRefusal(services: Services, request: FastifyRequest, result: ReserveResult): { remaining: number; overage: number } {
  const cost = services.config.CREDIT_COST;
  if (result.ok) return { remaining: result.remaining, overage: result.overage };
  const data = creditRejection(result.reason, result.snapshot, {
    plans: services.plans,
    cost,
    now: services.clock.now(),
    upgradeUrl: services.consoleBillingUrl(request),
  });
  throw new ApiError(result.reason, { data, headers: { 'Retry-After': String(data.retry_after_seconds) } });
}

/** Turns an upstream failure into its outer status (docs/api-contract.md § Errors); the source and adapter go along. */
export function upstreamError(failure: UpstreamFailure, sourceId: string, adapter?: string): ApiError {
  const headers: Record<string, string> = { 'X-Upstream-Source': sourceId };
  if (adapter !== undefined) headers['X-Upstream-Adapter'] = adapter;
  // The failure's own words (which field missed the schema, which code came back) go to the log only.
  const message = `${sourceId}: ${JSON.stringify(failure)}`;
  switch (failure.kind) {
    case 'bad_response':
      return new ApiError('upstream_bad_response', { data: { error: 'upstream_bad_response', detail: failure.detail }, headers, message });
    case 'unavailable': {
      if (!FINAL_UNAVAILABLE_DETAILS.has(failure.detail)) headers['Retry-After'] = String(failure.retryAfterSeconds ?? 30);
      // A hint is our own sentence (e.g. which parameter TikTok One cannot serve), safe to show.
      const hint = failure.hint === undefined ? {} : { message: failure.hint };
      return new ApiError('upstream_unavailable', { data: { error: 'upstream_unavailable', detail: failure.detail, ...hint }, headers, message });
    }
    case 'retired':
      return new ApiError('upstream_retired', {
        data: { error: 'upstream_retired', since: failure.since, message: `TikTok no longer serves this data (since ${failure.since}): ${failure.reason}` },
        headers,
        message,
      });
    case 'timeout':
      return new ApiError('upstream_timeout', { headers, message });
    case 'not_found':
      return new ApiError('resource_not_found', { headers, message });
  }
}

/**
 * settle: the charge of a 2xx, durable before the answer goes out. A charge the ledger refused (the
 * credits were taken elsewhere meanwhile) is a 402 like any other shortage.
 */
export async function chargeCredits(services: Services, request: FastifyRequest, caller: IdentifiedKey): Promise<void> {
  try {
    await services.credits.commit(request.id);
  } catch (error) {
    if (!(error instanceof ChargeRefused)) throw error;
    const snapshot = await services.credits.snapshot(caller.accountId);
    creditsOrRefusal(services, request, { ok: false, reason: 'insufficient_credits', snapshot });
  }
}
