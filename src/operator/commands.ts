import { AccountTokens, createInvites, escapeUnshown, normaliseEmail, PlanRequests, toKeyView, type Account } from '../accounts/index.js';
import { systemClock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { accountLink } from '../console/mailer.js';
import { withOperatorAdmin, type OperatorAdmin } from './admin.js';
import { runDoctor } from './doctor.js';
import { exportUsage, usageCsv } from './usage-export.js';

/** A refusal the operator can fix, printed without a stack: exit code 1, or 2 for bad usage. */
export class OperatorError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const OPERATOR_USAGE = `Operating in public
  accounts list [--status active|suspended|deleted]
  accounts show --email E                  account, credits, keys, sessions, pending plan request
  accounts reset-link --email E            prints a one-time password reset link (1 h)
  accounts verify-link --email E           prints a one-time e-mail verification link (3 days)
  accounts delete --email E                erases personal data, keys and sessions; keeps the ledger
  keys list --email E
  keys revoke --id K                       refused at once on every instance (with REDIS_URL)
  sessions revoke --email E                signs the account out everywhere
  usage export --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] [--email E]
  invites create [--count N] [--days D] [--note T]
  plans requests                           pending plan changes asked for in the Console
  plans approve --id R | plans reject --id R
  operators add <email> | operators remove <email>
                                           mark or unmark an account as operator (Console: collection)
  operators list                           operators, and which OPERATOR_EMAILS names
  doctor                                   configuration, database, migrations, Redis, upstream check`;

/** The flags these commands add to the CLI's parser. */
export const OPERATOR_OPTIONS = {
  id: { type: 'string' },
  status: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  count: { type: 'string' },
  days: { type: 'string' },
  note: { type: 'string' },
} as const;

export interface OperatorFlags {
  /** What follows the command's two words, e.g. the e-mail of `operators add <email>`. */
  subject?: string | undefined;
  email?: string | undefined;
  id?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  format?: string | undefined;
  count?: string | undefined;
  days?: string | undefined;
  note?: string | undefined;
  json: boolean;
}

type Print = (value: unknown, text: string) => void;

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new OperatorError(`missing --${flag}`, 2);
  return value.trim();
}

function wholeNumber(value: string | undefined, flag: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new OperatorError(`--${flag} must be a whole number from 1 to ${max}, got "${value}"`, 2);
  return Number(value);
}

function day(value: string | undefined, flag: string): string {
  const text = need(value, flag);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)) || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) {
    throw new OperatorError(`--${flag} must be a UTC day as YYYY-MM-DD, got "${text}"`, 2);
  }
  return text;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function accountView(a: Account) {
  return {
    id: a.id,
    email: a.status === 'deleted' ? null : a.email,
    name: a.name,
    plan: a.plan_id,
    status: a.status,
    email_verified: a.email_verified_at !== null,
    created_at: iso(a.created_at),
    period_end: iso(a.period_end),
    credits_remaining: a.credits_balance,
    credits_used: a.credits_used,
    overage_credits: a.overage_credits,
  };
}

/** The origin of links the CLI prints: PUBLIC_URL, else where this machine's server listens. */
function linkOrigin(config: Config): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

async function account(a: OperatorAdmin, email: string | undefined): Promise<Account> {
  return a.accounts.requireByEmail(need(email, 'email'));
}

/** Ends sessions and drops cached key lookups everywhere: what suspension and plan changes need. */
export async function reachEveryInstance(a: OperatorAdmin, accountId: string, opts: { endSessions: boolean }): Promise<void> {
  if (opts.endSessions) await a.store.db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  await a.keys.invalidateAccount(accountId);
  a.credits.forget(accountId);
}

/**
 * Runs one of the operator's commands; false when `command` is not one of them. Every command
 * prints a line of text, or with --json one JSON value.
 */
export async function runOperatorCommand(command: string, flags: OperatorFlags, env: Record<string, string | undefined>, print: Print): Promise<boolean> {
  const run = <T>(work: (a: OperatorAdmin) => Promise<T>) => withOperatorAdmin(loadConfig(env), work);
  switch (command) {
    case 'accounts list': {
      const status = flags.status;
      if (status !== undefined && !['active', 'suspended', 'deleted'].includes(status)) throw new OperatorError('--status must be active, suspended or deleted', 2);
      const rows = await run((a) => a.accounts.list(status ? { status: status as Account['status'] } : {}));
      const views = rows.map(accountView);
      print(
        { accounts: views },
        views.length === 0
          ? 'No accounts.'
          : views.map((v) => `${v.id}  ${escapeUnshown(v.email ?? '(erased)').padEnd(32)} ${v.plan.padEnd(10)} ${v.status.padEnd(9)} ${v.credits_remaining} credits left`).join('\n'),
      );
      return true;
    }
    case 'accounts show': {
      const view = await run(async (a) => {
        const acc = await account(a, flags.email);
        const keys = (await a.keys.list(acc.id)).map((k) => toKeyView(k, Date.now()));
        const sessions = await a.store.db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', acc.id).executeTakeFirstOrThrow();
        const pending = await new PlanRequests(a.store.db, systemClock).pendingOf(acc.id);
        return { ...accountView(acc), keys, sessions: Number(sessions.n), pending_plan_request: pending ? { id: pending.id, plan: pending.plan_id, created_at: iso(pending.created_at) } : null };
      });
      print(
        view,
        [
          `${view.email} (${view.id}), plan ${view.plan}, ${view.status}${view.email_verified ? ', e-mail verified' : ''}`,
          `credits: ${view.credits_remaining} left, ${view.credits_used} used (${view.overage_credits} overage) until ${view.period_end}`,
          `sessions: ${view.sessions}; keys: ${view.keys.length === 0 ? 'none' : ''}`,
          ...view.keys.map((k) => `  ${k.id}  ${k.masked_key}  ${escapeUnshown(k.name)}  ${k.status}`),
          ...(view.pending_plan_request ? [`pending plan request ${view.pending_plan_request.id}: ${view.pending_plan_request.plan}`] : []),
        ].join('\n'),
      );
      return true;
    }
    case 'accounts reset-link':
    case 'accounts verify-link': {
      const purpose = command === 'accounts reset-link' ? 'reset' : 'verify';
      const { email, link } = await run(async (a) => {
        const acc = await account(a, flags.email);
        if (acc.status === 'deleted') throw new OperatorError(`account ${acc.id} is deleted`);
        const token = await new AccountTokens(a.store.db, systemClock).issue(acc.id, purpose);
        return { email: acc.email, link: accountLink(linkOrigin(a.config), purpose, token) };
      });
      const what = purpose === 'reset' ? 'password reset link' : 'verification link, to be opened signed in to the account,';
      print({ email, purpose, link }, `One-time ${what} for ${email}:\n${link}`);
      return true;
    }
    case 'accounts delete': {
      const result = await run(async (a) => {
        const acc = await account(a, flags.email);
        a.keys.forgetHashes(await a.accounts.erase(acc.id));
        a.credits.forget(acc.id);
        return { id: acc.id };
      });
      print({ id: result.id, status: 'deleted' }, `Account ${result.id} is deleted: e-mail, keys and sessions erased, ledger kept.`);
      return true;
    }
    case 'keys list': {
      const keys = await run(async (a) => {
        const acc = await account(a, flags.email);
        return (await a.keys.list(acc.id)).map((k) => toKeyView(k, Date.now()));
      });
      print({ keys }, keys.length === 0 ? 'No keys.' : keys.map((k) => `${k.id}  ${k.masked_key}  ${escapeUnshown(k.name).padEnd(20)} ${k.status.padEnd(8)} last used ${k.last_used_at ?? 'never'}`).join('\n'));
      return true;
    }
    case 'keys revoke': {
      const id = need(flags.id, 'id');
      const key = await run(async (a) => {
        const row = await a.store.db.selectFrom('api_keys').select('account_id').where('id', '=', id).executeTakeFirst();
        if (!row) throw new OperatorError(`no key with id ${id}`);
        const result = await a.keys.revoke(row.account_id, id);
        if (!result.ok) throw new OperatorError(`no key with id ${id}`);
        return toKeyView(result.row, Date.now());
      });
      print({ key }, `Key ${key.id} (${key.masked_key}) is revoked.`);
      return true;
    }
    case 'sessions revoke': {
      const result = await run(async (a) => {
        const acc = await account(a, flags.email);
        const deleted = await a.store.db.deleteFrom('sessions').where('account_id', '=', acc.id).executeTakeFirst();
        return { email: acc.email, sessions_ended: Number(deleted.numDeletedRows) };
      });
      print(result, `Ended ${result.sessions_ended} session(s) of ${result.email}.`);
      return true;
    }
    case 'usage export': {
      const from = day(flags.from, 'from');
      const to = day(flags.to, 'to');
      if (from > to) throw new OperatorError('--from must not be after --to', 2);
      const format = flags.format ?? (flags.json ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw new OperatorError('--format must be csv or json', 2);
      if (format === 'csv' && flags.json) throw new OperatorError('--format csv and --json ask for two formats: choose one', 2);
      const rows = await run(async (a) => {
        const accountId = flags.email ? (await account(a, flags.email)).id : undefined;
        return exportUsage(a.store.db, { from, to, ...(accountId ? { accountId } : {}) });
      });
      // The export is the output itself, in the format asked for; --json alone means JSON.
      print({ from, to, rows }, format === 'json' ? JSON.stringify({ from, to, rows }) : usageCsv(rows));
      return true;
    }
    case 'invites create': {
      const count = wholeNumber(flags.count, 'count', 1, 1000);
      const days = wholeNumber(flags.days, 'days', 14, 365);
      const { codes, expiresAt } = await run((a) => createInvites(a.store.db, systemClock, { count, ttlMs: days * 86_400_000, note: flags.note ?? null }));
      print({ codes, expires_at: iso(expiresAt) }, `${count === 1 ? 'Invite code' : `${count} invite codes`}, each good for one sign-up until ${iso(expiresAt)}:\n${codes.join('\n')}`);
      return true;
    }
    case 'plans requests': {
      const rows = await run((a) => new PlanRequests(a.store.db, systemClock).listPending());
      const requests = rows.map((r) => ({ id: r.id, email: r.email, current_plan: r.current_plan, plan: r.plan_id, created_at: iso(r.created_at) }));
      print({ requests }, requests.length === 0 ? 'No pending plan requests.' : requests.map((r) => `${r.id}  ${escapeUnshown(r.email)}  ${r.current_plan} → ${r.plan}  ${r.created_at}`).join('\n'));
      return true;
    }
    case 'plans approve':
    case 'plans reject': {
      const id = need(flags.id, 'id');
      const decision = command === 'plans approve' ? 'approved' : 'rejected';
      const result = await run(async (a) => decidePlanRequest(a, id, decision));
      print({ id, status: decision, email: result.email, plan: result.plan }, `Plan request ${id} ${decision}: ${result.email} ${decision === 'approved' ? 'is now' : 'stays'} on plan ${result.plan}.`);
      return true;
    }
    case 'operators add':
    case 'operators remove': {
      const email = flags.subject?.trim() || flags.email?.trim();
      if (!email) throw new OperatorError(`${command} needs an account's e-mail, e.g. trendlens ${command} ops@example.com`, 2);
      const operator = command === 'operators add';
      const result = await run(async (a) => {
        if (!(await a.accounts.setOperator(email, operator))) throw new OperatorError(`no account with email ${normaliseEmail(email)}`);
        // The next Console request reads the flag from the database: no cache to drop.
        const verified = (await a.accounts.requireByEmail(email)).email_verified_at !== null;
        return { email: normaliseEmail(email), operator, configured: a.accounts.isConfiguredOperator(email), verified };
      });
      const note =
        !operator && result.configured
          ? ' OPERATOR_EMAILS still names it, so the next start marks it again: remove it there too.'
          : operator && !result.verified
            ? ` Its address is not verified yet, and the operator pages open only once it is (trendlens accounts verify-link --email ${result.email}).`
            : '';
      print(result, `${result.email} is ${operator ? 'now an operator' : 'no longer an operator'}.${note}`);
      return true;
    }
    case 'operators list': {
      const operators = await run(async (a) =>
        (await a.accounts.listOperators()).map((acc) => ({ id: acc.id, email: acc.email, status: acc.status, configured: a.accounts.isConfiguredOperator(acc.email) })),
      );
      print(
        { operators },
        operators.length === 0
          ? 'No operators. Mark one with `trendlens operators add <email>` or OPERATOR_EMAILS.'
          : operators.map((o) => `${o.id}  ${escapeUnshown(o.email).padEnd(32)} ${o.status.padEnd(9)}${o.configured ? ' (OPERATOR_EMAILS)' : ''}`).join('\n'),
      );
      return true;
    }
    case 'doctor': {
      const report = await runDoctor(env);
      print(report, report.lines.join('\n'));
      if (!report.ok) throw new OperatorError('doctor found problems (above)');
      return true;
    }
    default:
      return false;
  }
}

/** Approves (changing the plan at once) or rejects a pending request. */
export async function decidePlanRequest(a: OperatorAdmin, id: string, decision: 'approved' | 'rejected'): Promise<{ email: string; plan: string }> {
  const requests = new PlanRequests(a.store.db, systemClock);
  const pending = (await requests.listPending()).find((r) => r.id === id);
  if (!pending) throw new OperatorError(`no pending plan request with id ${id}`);
  const plan = a.plans.get(pending.plan_id);
  if (decision === 'approved' && !plan) throw new OperatorError(`plan "${pending.plan_id}" is no longer configured; reject the request instead`);
  if (!(await requests.decide(id, decision))) throw new OperatorError(`no pending plan request with id ${id}`);
  if (decision === 'approved' && plan) {
    await a.credits.changePlan(pending.account_id, plan);
    await reachEveryInstance(a, pending.account_id, { endSessions: false });
    return { email: pending.email, plan: plan.id };
  }
  return { email: pending.email, plan: pending.current_plan };
}

