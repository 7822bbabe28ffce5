import type { ReactNode } from 'react';
import type { PlanJson } from '../lib/catalog.js';
import { formatNumber } from '../lib/format.js';

const money = (n: number) => `$${n.toLocaleString(undefined, { minimumFractionDigits: n % 1 ? 2 : 0 })}`;

/** The plans this server offers, the caller's own marked when given, with an optional action per plan. */
export function PlansTable({ plans, current, action }: { plans: PlanJson[]; current?: string; action?: (plan: PlanJson) => ReactNode }) {
  if (plans.length === 0) return <p>This server lists no plans.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Plans">
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Price/mo</th>
            <th scope="col">Credits/mo</th>
            <th scope="col">Daily cap</th>
            <th scope="col">Rate</th>
            <th scope="col">Overage per 1,000 credits</th>
            <th scope="col">Watches</th>
            {action && <th scope="col">Change</th>}
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id} aria-current={p.id === current ? 'true' : undefined}>
              <td data-label="Plan">
                {p.name} (<code>{p.id}</code>){p.id === current && <strong> — your plan</strong>}
              </td>
              <td data-label="Price/mo">{money(p.price_usd)}</td>
              <td data-label="Credits/mo">{formatNumber(p.included_credits)}</td>
              <td data-label="Daily cap">{p.daily_credit_limit === null ? 'none' : formatNumber(p.daily_credit_limit)}</td>
              <td data-label="Rate">{formatNumber(p.rate_limit_per_minute)}/min</td>
              <td data-label="Overage">{p.overage_usd_per_1k === null ? 'none' : `${money(p.overage_usd_per_1k)}, ${p.overage_default ? 'on by default' : 'opt-in'}`}</td>
              <td data-label="Watches">{formatNumber(p.watch_limit)}</td>
              {action && <td data-label="Change">{action(p)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
