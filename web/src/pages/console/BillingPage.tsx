import { useCallback, useEffect, useId, useState } from 'react';
import { PlansTable } from '../../components/PlansTable.js';
import { plansOf, sharedCatalog, type PlanJson } from '../../lib/catalog.js';
import type { Billing, User } from '../../lib/console-api.js';
import { formatNumber, formatTime } from '../../lib/format.js';
import { planAction, type PlansAnswer } from '../../lib/plan-change.js';
import { api, ErrorText } from './shared.js';

function Meter({ label, used, total }: { label: string; used: number; total: number | null }) {
  const pct = total ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="field">
      <p style={{ margin: 0 }}>
        {label}: {formatNumber(used)} {total !== null ? `of ${formatNumber(total)} (${pct}%)` : 'used (no cap)'}
      </p>
      {total !== null && (
        <div className="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used}>
          <div style={{ width: `${pct}%` }} />
        </div>
      )}
    </div>
  );
}

function OperatorNote({ user }: { user: User }) {
  return (
    <p>
      Plan changes are made by the operator of this server. Send them your account email (<strong>{user.email}</strong>) and the plan you want; they
      move the account with <code>trendlens accounts set-plan --email {user.email} --plan &lt;plan&gt;</code>, and the new credits apply at once.
    </p>
  );
}

/**
 * More credits: the plans this server offers, the current one marked, and a plan-change request to
 * the operator where the Console API takes one (`plans`, `plans/request`). A server without those
 * routes lists the plans from catalog.json and says how the operator changes a plan.
 */
function ChangePlan({ user, current }: { user: User; current: string }) {
  const [answer, setAnswer] = useState<PlansAnswer | null>(null);
  const [fallback, setFallback] = useState<PlanJson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const load = useCallback(async () => {
    const res = await api.call<PlansAnswer>('GET', 'plans');
    if (res.ok) return setAnswer(res.data);
    if (res.status !== 404) setError(res.message);
    sharedCatalog().then((c) => setFallback(plansOf(c)), () => setFallback([]));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const ask = async (plan: PlanJson) => {
    const res = await api.call<{ request: { plan_id: string } }>('POST', 'plans/request', { plan_id: plan.id });
    if (!res.ok) return setError(res.message);
    setError(null);
    setMessage(`Requested the ${plan.name} plan. The operator has been told and will switch your account.`);
    await load();
  };
  const cancel = async () => {
    const res = await api.call<{ cancelled: boolean }>('POST', 'plans/request/cancel');
    if (!res.ok) return setError(res.message);
    setMessage('Your plan request is cancelled.');
    await load();
  };
  return (
    <section className="panel" id="change-plan" aria-labelledby="change-plan-h">
      <h2 id="change-plan-h">More credits: change plan</h2>
      {answer ? (
        <>
          <PlansTable
            plans={answer.plans}
            current={answer.current_plan}
            action={(plan) => {
              const action = planAction(plan, answer);
              if (action === 'pending') {
                return (
                  <>
                    Requested {formatTime(answer.pending_request?.created_at)}{' '}
                    <button type="button" onClick={cancel}>Cancel request</button>
                  </>
                );
              }
              return action === 'request' ? (
                <button type="button" onClick={() => ask(plan)} aria-label={`Request the ${plan.name} plan`}>Request</button>
              ) : null;
            }}
          />
          <p className="hint">A request goes to the operator of this server, who switches the account; the new plan's credits apply at once.</p>
        </>
      ) : fallback ? (
        <>
          <PlansTable plans={fallback} current={current} />
          <OperatorNote user={user} />
        </>
      ) : (
        !error && <p>Loading plans…</p>
      )}
      <ErrorText message={error} />
      <p aria-live="polite" className="success">{message}</p>
    </section>
  );
}

/** Plan, credits, overage settings and the way to more credits. */
export function BillingPage({ user }: { user: User }) {
  const [billing, setBilling] = useState<Billing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [hardLimit, setHardLimit] = useState('');
  const ids = { overage: useId(), hard: useId() };
  const show = (b: Billing) => {
    setBilling(b);
    setHardLimit(b.hard_limit_credits === null ? '' : String(b.hard_limit_credits));
  };
  useEffect(() => {
    api.call<Billing>('GET', 'billing/me').then((r) => (r.ok ? show(r.data) : setError(r.message)));
  }, []);
  useEffect(() => {
    if (billing && location.hash === '#change-plan') document.getElementById('change-plan')?.scrollIntoView();
  }, [billing]);
  const save = async (changes: { allow_overage?: boolean; hard_limit_credits?: number | null }) => {
    const res = await api.call<Billing>('PATCH', 'billing/settings', changes);
    if (!res.ok) return setError(res.message);
    setError(null);
    show(res.data);
    setMessage('Saved.');
  };
  if (!billing) return error ? <ErrorText message={error} /> : <p>Loading billing…</p>;
  const { plan } = billing;
  return (
    <div>
      <h1>Billing</h1>
      <section className="panel">
        <h2>{plan.name} plan</h2>
        <dl className="facts">
          <dt>Price</dt>
          <dd>${plan.price_usd}/month</dd>
          <dt>Included</dt>
          <dd>{formatNumber(plan.included_credits)} credits/month</dd>
          <dt>Daily cap</dt>
          <dd>{plan.daily_credit_limit === null ? 'none' : formatNumber(plan.daily_credit_limit)}</dd>
          <dt>Rate limit</dt>
          <dd>{formatNumber(plan.rate_limit_per_minute)} requests/minute</dd>
          <dt>Period</dt>
          <dd>{formatTime(billing.period.start)} – {formatTime(billing.period.end)}</dd>
        </dl>
      </section>
      <section className="panel">
        <h2>Credits</h2>
        <Meter label="Monthly credits used" used={billing.credits.used} total={billing.credits.included} />
        <p>{formatNumber(billing.credits.remaining)} included credits remaining.</p>
        <Meter label="Today's credits" used={billing.daily.used} total={billing.daily.limit} />
        <p className="hint">The daily count resets at {formatTime(billing.daily.resets_at)}.</p>
      </section>
      <section className="panel">
        <h2>Overage</h2>
        {billing.overage.available ? (
          <>
            <p>
              ${plan.overage_usd_per_1k} per 1,000 credits beyond the included amount. This period: {formatNumber(billing.overage.credits)} overage credits, about $
              {billing.overage.estimated_usd.toFixed(2)}.
            </p>
            <label className="check" htmlFor={ids.overage}>
              <input id={ids.overage} type="checkbox" checked={billing.overage.allowed} onChange={(e) => save({ allow_overage: e.target.checked })} />
              Allow overage when included credits run out
            </label>
            <form
              className="field"
              onSubmit={(e) => {
                e.preventDefault();
                const v = hardLimit.trim();
                if (v !== '' && !/^[0-9]+$/.test(v)) return setError('The hard limit must be a whole number of credits, or empty for none.');
                void save({ hard_limit_credits: v === '' ? null : Number(v) });
              }}
            >
              <label htmlFor={ids.hard}>Hard limit (total credits this period, empty for none)</label>
              <div className="row">
                <input id={ids.hard} type="text" inputMode="numeric" value={hardLimit} onChange={(e) => setHardLimit(e.target.value)} style={{ width: 200 }} />
                <button type="submit">Save limit</button>
              </div>
            </form>
          </>
        ) : (
          <p>The {plan.name} plan has no overage: requests stop when the included credits are used up.</p>
        )}
        <ErrorText message={error} />
        <p aria-live="polite" className="success">{message}</p>
      </section>
      <ChangePlan user={user} current={plan.id} />
    </div>
  );
}
