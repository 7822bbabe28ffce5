import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { KeyName, toKeyView, type KeyChange } from '../accounts/index.js';
import { ApiError, envelope } from '../http/index.js';
import type { ConsoleContext } from './context.js';
import { parseInput, parseQuery } from './input.js';

/** docs/api-contract.md § API keys: grace defaults to a day and is at most a week. */
export const DEFAULT_GRACE_SECONDS = 86_400;
export const MAX_GRACE_SECONDS = 604_800;

const CreateBody = z.object({ name: KeyName.optional() });
const RenameBody = z.object({ name: KeyName });
const RotateBody = z.object({
  grace_period_seconds: z
    .int('must be an integer')
    .min(0, `must be 0–${MAX_GRACE_SECONDS}`)
    .max(MAX_GRACE_SECONDS, `must be 0–${MAX_GRACE_SECONDS}`)
    .default(DEFAULT_GRACE_SECONDS),
});
const ListQuery = z.object({
  status: z.enum(['active', 'grace', 'revoked', 'expired'], 'must be one of active, grace, revoked, expired').optional(),
});
const IdParams = z.object({ id: z.string() });

/** A refused key change as its HTTP error; an unknown or foreign id is the same 404 (docs/api-contract.md § Console API). */
function refusal(result: Extract<KeyChange<object>, { ok: false }>): ApiError {
  return new ApiError(result.reason === 'not_found' ? 'resource_not_found' : result.reason);
}

/** keys, keys/{id}, keys/{id}/rotate, keys/{id}/revoke. No route ever shows a stored key again. */
export function registerKeyRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth } = ctx;
  const { keys, clock } = services;

  app.get('/keys', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { status } = parseQuery(ListQuery, request.query);
    const now = clock.now();
    const views = (await keys.list(account.id)).map((row) => toKeyView(row, now));
    return envelope(200, 'OK', { keys: status ? views.filter((k) => k.status === status) : views });
  });

  app.post('/keys', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { name } = parseInput(CreateBody, request.body);
    const result = await keys.issue(account.id, name);
    if (!result.ok) throw refusal(result);
    return reply.code(201).send(envelope(201, 'Created', { key: toKeyView(result.row, clock.now()), api_key: result.apiKey }));
  });

  app.patch('/keys/:id', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    const { name } = parseInput(RenameBody, request.body);
    const result = await keys.rename(account.id, id, name);
    if (!result.ok) throw refusal(result);
    return envelope(200, 'OK', { key: toKeyView(result.row, clock.now()) });
  });

  app.post('/keys/:id/rotate', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    const { grace_period_seconds: grace } = parseInput(RotateBody, request.body);
    const result = await keys.rotate(account.id, id, grace * 1000);
    if (!result.ok) throw refusal(result);
    const now = clock.now();
    return reply.code(201).send(
      envelope(201, 'Created', {
        key: toKeyView(result.row, now),
        api_key: result.apiKey,
        previous_key: toKeyView(result.previous, now),
        grace_period_seconds: grace,
      }),
    );
  });

  app.post('/keys/:id/revoke', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const { id } = parseInput(IdParams, request.params);
    const result = await keys.revoke(account.id, id);
    if (!result.ok) throw refusal(result);
    return envelope(200, 'OK', { key: toKeyView(result.row, clock.now()) });
  });
}
