import type { PlanJson } from './catalog.js';

/** `GET /api/console/plans`: the plans in force, the caller's own and any request still open. */
export interface PlansAnswer {
  plans: PlanJson[];
  current_plan: string;
  pending_request: { id: string; plan_id: string; status: string; created_at: string } | null;
}

/** What a plan's row offers: it is yours, it is what you asked for, or it can be asked for. */
export type PlanAction = 'current' | 'pending' | 'request';

/** The action of each plan's row; while a request is open, other plans wait for it. */
export function planAction(plan: PlanJson, answer: Pick<PlansAnswer, 'current_plan' | 'pending_request'>): PlanAction | null {
  if (plan.id === answer.current_plan) return 'current';
  if (answer.pending_request?.plan_id === plan.id) return 'pending';
  return answer.pending_request ? null : 'request';
}
