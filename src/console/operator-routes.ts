import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isOperator } from '../accounts/index.js';
import { addTarget, parseTarget, removeTarget, target, targetLabel, TargetError, type CollectTarget, type TargetProblem, type TargetState, type TargetView } from '../history/index.js';
import { ApiError, envelope } from '../http/index.js';
import type { ConsoleContext } from './context.js';
import { parseInput } from './input.js';
import type { ConsoleCaller } from './session-auth.js';

/** The body field each part of a target comes from. */
const PART_PARAM: Record<TargetProblem['part'], string> = { chart: 'chart', country: 'country_code', period: 'period' };

const TargetBody = z.object({
  chart: z.string('must be a string').trim().min(1, 'is required'),
  country_code: z.string('must be a string').trim().max(10, 'must be an ISO 3166-1 alpha-2 country code').nullable().optional(),
  period: z.int('must be an integer').nullable().optional(),
});
const LabelParams = z.object({ label: z.string() });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A target as the operator page lists it: where it comes from and how its latest attempt went. */
function targetView({ target: t, latest }: TargetState): TargetView {
  return {
    label: targetLabel(t),
    chart: t.chart,
    country_code: t.country,
    period: t.period,
    origin: t.origin,
    last_day: latest?.day ?? null,
    last_status: latest === null ? null : latest.status === 'done' ? 'ok' : 'failed',
    last_error: latest?.status === 'failed' ? latest.error : null,
  };
}

/** A target check's problems as the 400's field errors. */
function fieldErrors(error: TargetError, param?: string) {
  return ApiError.invalidInput(error.problems.map((p) => ({ param: param ?? PART_PARAM[p.part], message: p.reason })));
}

/**
 * operator/collect, operator/collect/{label}, operator/collect/run (README § Trend history):
 * the collection targets, their state and "collect now", for operator accounts only. They share the
 * target check and the collector with `trendlens collect`.
 */
export function registerOperatorRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth } = ctx;
  const { collector, backgroundRun } = services.history;

  /** The signed-in caller if an operator with a verified address: 401 signed out, 403 `forbidden` otherwise (CSRF as usual). */
  async function operator(request: FastifyRequest, reply: FastifyReply): Promise<ConsoleCaller> {
    const caller = await auth.signedIn(request, reply);
    if (caller.account.is_operator !== 1) {
      throw new ApiError('forbidden', { data: { error: 'forbidden', message: 'Only operators manage collection; an operator is marked with `trendlens operators add <email>` or OPERATOR_EMAILS.' } });
    }
    if (!isOperator(caller.account)) {
      throw new ApiError('forbidden', { data: { error: 'forbidden', message: 'Operators manage collection once their e-mail address is verified: open the link of a verification e-mail first.' } });
    }
    return caller;
  }

  async function stateOf(t: CollectTarget): Promise<TargetState | undefined> {
    return (await collector.state()).find((s) => s.target.key.key === t.key.key);
  }

  app.get('/operator/collect', async (request, reply) => {
    await operator(request, reply);
    const enabled = services.history.scheduling();
    const due = enabled ? await collector.nextDueAt() : null;
    return envelope(200, 'OK', {
      targets: (await collector.state()).map(targetView),
      // The scheduler ticks every minute: a time already past means the next tick.
      schedule: { enabled, next_run_at: iso(due === null ? null : Math.max(due, services.clock.now())) },
      run: backgroundRun.view(),
    });
  });

  app.post('/operator/collect', async (request, reply) => {
    await operator(request, reply);
    const body = parseInput(TargetBody, request.body);
    let added: CollectTarget;
    try {
      added = target({ chart: body.chart, country: body.country_code || null, period: body.period ?? null }, 'stored');
    } catch (error) {
      if (error instanceof TargetError) throw fieldErrors(error);
      throw error;
    }
    const label = targetLabel(added);
    const existing = (await collector.targets()).find((t) => t.key.key === added.key.key);
    if (existing || !(await addTarget(services.store.db, added, services.clock.now()))) {
      const where = existing?.origin === 'setting' ? 'by the COLLECT setting' : 'already';
      throw new ApiError('conflict', { data: { error: 'conflict', message: `${label} is collected ${where}.` } });
    }
    const state = (await stateOf(added)) ?? { target: added, lastCollected: null, today: 'pending', latest: null };
    return reply.code(201).send(envelope(201, 'Created', { target: targetView(state) }));
  });

  app.delete('/operator/collect/:label', async (request, reply) => {
    await operator(request, reply);
    const { label } = parseInput(LabelParams, request.params);
    let removed: CollectTarget;
    try {
      removed = parseTarget(label, 'stored');
    } catch (error) {
      if (error instanceof TargetError) throw fieldErrors(error, 'label');
      throw error;
    }
    const shown = targetLabel(removed);
    const existing = (await collector.targets()).find((t) => t.key.key === removed.key.key);
    if (existing?.origin === 'setting') {
      throw ApiError.invalidInput([{ param: 'label', message: `${shown} comes from the COLLECT setting; remove it there` }]);
    }
    if (!(await removeTarget(services.store.db, removed))) {
      throw new ApiError('resource_not_found', { data: { error: 'resource_not_found', message: `${shown} is not collected.` } });
    }
    return envelope(200, 'OK', { deleted: shown });
  });

  app.post('/operator/collect/run', async (request, reply) => {
    await operator(request, reply);
    const run = await backgroundRun.start();
    if (!run) {
      throw new ApiError('conflict', { data: { error: 'conflict', message: 'A collection is running on this or another instance; try again once it ends.' } });
    }
    return reply.code(202).send(envelope(202, 'Accepted', { run }));
  });
}
