#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { AccountName, KeyName, MAX_LIVE_KEYS, toKeyView } from './accounts/index.js';
import { CliError, describeFailure, type CliFailure } from './cli-errors.js';
import { parseStdioEnv, serveMcpOverStdio } from './mcp/index.js';
import { loadConfig, type Config } from './config.js';
import { endpoints } from './catalog/index.js';
import { systemClock } from './clock.js';
import { createAdmin, createServices, upstreamSources } from './compose.js';
import { changeTargets, listTargets, runTargets } from './history/collect-cli.js';
import { parseCollectSetting, parseTarget, type CollectTarget } from './history/index.js';
import { OPERATOR_OPTIONS, OPERATOR_USAGE, reachEveryInstance, runOperatorCommand, withOperatorAdmin } from './operator/index.js';
import { checkUpstream, formatCheckReport, SourceRouter } from './upstream/index.js';
import { eraOptions, simulatorSummary, startSimulator } from './simulator/index.js';
import { startDemo, startServer, type RunningServer } from './server.js';

const USAGE = `Usage: trendlens <command> [options]

Server
  serve                                   serve live TikTok Creative Center data (PORT, HOST, DATABASE_URL)
  demo [--era 2026|2024]                  serve simulated data and print a ready-to-use API key
                                          (DEMO_UPSTREAM_ERA, DEMO_UPSTREAM_ACCESS=anonymous for the anonymous view)
  simulator [--port N] [--host H] [--era 2024|2026] [--long-period 90|120]
                                          run the upstream simulator (Creative Center + TikTok One) on its own
  mcp                                     MCP server on stdio for AI assistants (TRENDLENS_API_KEY, TRENDLENS_URL)

Upstream
  upstream check                          call each operation once through its sources (no key, no charge);
                                          exit 1 when an operation that TikTok still serves has no working source

Accounts and credits
  accounts create --email E [--plan P] [--name N]
  accounts set-plan --email E --plan P
  accounts suspend --email E
  accounts unsuspend --email E
  keys create --email E [--name N]        prints the new key once; only its hash is stored
  credits grant --email E --amount N      adds N credits to the current period
  plans list

Trend history
  collect add <chart[:country[:period]]>  collect a chart once a UTC day, e.g. hashtag:US:7, creator:GB
  collect remove <chart[:country[:period]]>
  collect list                            targets, their last collected day and today's state
  collect run                             collect every target once now (progress bar on a terminal)

${OPERATOR_USAGE}

Every command accepts --json for machine-readable output: one JSON object on stdout, also on
failure ({"error": {"code", "message"}}). Exit code 2 for a usage error, 1 for a refusal.`;

type Out = { json: boolean; print(value: unknown, text: string): void };

const OPTIONS = {
  email: { type: 'string' },
  plan: { type: 'string' },
  name: { type: 'string' },
  amount: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  era: { type: 'string' },
  'long-period': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  ...OPERATOR_OPTIONS,
} as const;

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new CliError(`missing --${flag}`, { exitCode: 2, usage: true });
  return value.trim();
}

/**
 * A flag's value read with the schema the Console reads the same field with, so both take the same
 * input; refused, a usage error naming the flag with the Console's words.
 */
function flagValue<S extends z.ZodType>(schema: S, value: string | undefined, flag: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CliError(`--${flag} ${parsed.error.issues[0]!.message}`, { exitCode: 2 });
  return parsed.data;
}

function positiveInteger(value: string, flag: string): number {
  if (!/^[0-9]+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`--${flag} must be a positive whole number, got "${value}"`, { exitCode: 2 });
  }
  return Number(value);
}

/** --port takes what PORT takes: 0 asks for any free port. */
function portNumber(value: string): number {
  if (!/^[0-9]{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new CliError(`--port must be a port number from 0 to 65535 (0 for any free port), got "${value}"`, { exitCode: 2 });
  }
  return Number(value);
}

async function withAdmin<T>(config: Config, work: (admin: Awaited<ReturnType<typeof createAdmin>>) => Promise<T>): Promise<T> {
  const admin = await createAdmin(config);
  try {
    return await work(admin);
  } finally {
    await admin.close();
  }
}

/**
 * Graceful shutdown on SIGTERM or SIGINT: stop accepting, drain in-flight requests and the pending
 * ledger and usage batches, then return. A second signal exits at once, for an operator who will
 * not wait. Called before the command announces itself: a supervisor (or a test) that signals as
 * soon as it reads the announcement could otherwise meet the default action, and a killed process.
 */
function untilSignal(server: { close(): Promise<void> }, say: (line: string) => void = () => {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals) => {
      say(`${signal}: draining in-flight requests, then exiting (send it again to exit at once)`);
      process.once(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT', () => process.exit(130));
      process.once(signal, () => process.exit(130));
      server.close().then(() => {
        say('stopped');
        resolve();
      }, reject);
    };
    const onInt = () => {
      process.off('SIGTERM', onTerm);
      stop('SIGINT');
    };
    const onTerm = () => {
      process.off('SIGINT', onInt);
      stop('SIGTERM');
    };
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

function announce(out: Out, server: RunningServer, extra: Record<string, unknown>, lines: string[]): void {
  out.print({ url: server.url, mode: server.services.mode, ...extra }, lines.join('\n'));
}

/** Runs one CLI invocation; returns the process exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];
  let positionals: string[];
  // Set once the command has printed its result: a command that prints and then fails (doctor)
  // has said what failed in that one object, and --json promises one object.
  let printed = false;
  const fail = (failure: CliFailure, json: boolean): number => {
    io.stderr.write(`trendlens: ${failure.message}${failure.usage ? `\n\n${USAGE}` : ''}\n`);
    if (json && !printed) io.stdout.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message } })}\n`);
    return failure.exitCode;
  };
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true }));
  } catch (error) {
    // A lenient second reading only to learn whether the caller asked for JSON.
    const { json } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false }).values;
    return fail({ code: 'usage_error', message: (error as Error).message, exitCode: 2, usage: true }, json === true);
  }
  const out: Out = {
    json: values.json,
    print(value, text) {
      printed = true;
      io.stdout.write(values.json ? `${JSON.stringify(value)}\n` : `${text}\n`);
    },
  };
  const [group, action, subject] = positionals;
  if (values.help || group === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (group === undefined) return fail({ code: 'usage_error', message: 'no command given', exitCode: 2, usage: true }, values.json);

  const command = action === undefined ? group : `${group} ${action}`;
  const host = values.host?.trim();
  try {
    // Blank, it would quietly leave the choice to HOST, or to every interface.
    if (host === '') throw new CliError('--host must be an address or host name, e.g. 127.0.0.1', { exitCode: 2 });
    const port = values.port === undefined ? undefined : portNumber(values.port);
    const withPort = { ...env, ...(port !== undefined ? { PORT: String(port) } : {}), ...(host ? { HOST: host } : {}) };
    switch (command) {
      case 'serve': {
        // With --json stdout carries the one object a script reads; the log goes to stderr.
        const config = loadConfig(withPort);
        const server = await startServer(config, { logger: true, ...(values.json ? { logStream: io.stderr } : {}) });
        // With UPSTREAM_SIMULATOR_URL every adapter calls that simulator: the operator must not take it for TikTok.
        const simulator = config.UPSTREAM_SIMULATOR_URL;
        const serving = simulator
          ? `Trendlens is serving at ${server.url}, with data from the upstream simulator at ${simulator} (UPSTREAM_SIMULATOR_URL), not from TikTok`
          : `Trendlens is serving live TikTok Creative Center data at ${server.url}`;
        // Listening for signals before saying so: whoever reads the line may stop the server at once.
        const stopped = untilSignal(server, (line) => server.app.log.info(line));
        announce(out, server, {}, [serving, `Playground: ${server.url}/playground`]);
        await stopped;
        return 0;
      }
      case 'demo': {
        // Demo data never lands in the live database unless the operator says so.
        const demoEnv = { DATABASE_URL: './data/demo.db', ...withPort, ...(values.era ? { DEMO_UPSTREAM_ERA: values.era } : {}) };
        const config = loadConfig(demoEnv);
        const server = await startDemo(config, { logger: false });
        const stopped = untilSignal(server);
        announce(out, server, { api_key: server.apiKey, era: config.DEMO_UPSTREAM_ERA, access: config.DEMO_UPSTREAM_ACCESS }, [
          `Trendlens demo (simulated ${config.DEMO_UPSTREAM_ERA} data, TikTok One ${config.DEMO_UPSTREAM_ACCESS}) at ${server.url}`,
          `Demo API key (enterprise plan), shown once: ${server.apiKey}`,
          '',
          `  curl "${server.url}/api/v1/tiktok/popular-trend/hashtag?country_code=US&limit=5" -H "x-api-key: ${server.apiKey}"`,
          '',
          `Playground: ${server.url}/playground`,
        ]);
        await stopped;
        return 0;
      }
      case 'simulator': {
        const eras = eraOptions(values.era, values['long-period']);
        if (typeof eras === 'string') throw new CliError(eras, { exitCode: 2 });
        const sim = await startSimulator({ port: port ?? 0, host: host ?? '127.0.0.1', ...eras });
        const summary = simulatorSummary(sim);
        const stopped = untilSignal(sim);
        out.print(summary.json, summary.text);
        await stopped;
        return 0;
      }
      case 'mcp': {
        // stdout carries the protocol: nothing else may be printed there.
        await serveMcpOverStdio(parseStdioEnv(env));
        return 0;
      }
      case 'upstream check': {
        const config = loadConfig(env);
        // One call per source and operation: a check reports what TikTok says, it does not insist.
        const sources = upstreamSources(config, systemClock, { retries: 0 });
        const router = new SourceRouter({ sources, order: config.UPSTREAM_SOURCES, clock: systemClock });
        try {
          const report = await checkUpstream(router, endpoints);
          out.print(report, formatCheckReport(report));
          return report.ok ? 0 : 1;
        } finally {
          await router.close();
        }
      }
      case 'accounts create': {
        const email = need(values.email, 'email');
        const name = flagValue(AccountName, values.name, 'name');
        const account = await withAdmin(loadConfig(env), (a) => a.accounts.create({ email, planId: values.plan, name }));
        out.print(
          { id: account.id, email: account.email, plan: account.plan_id, credits: account.credits_balance },
          `Created account ${account.email} (${account.id}) on plan ${account.plan_id} with ${account.credits_balance} credits.`,
        );
        return 0;
      }
      case 'accounts set-plan': {
        const email = need(values.email, 'email');
        const plan = need(values.plan, 'plan');
        const snapshot = await withOperatorAdmin(loadConfig(env), async (a) => {
          const account = await a.accounts.requireByEmail(email);
          const target = a.plans.get(plan);
          if (!target) throw new CliError(`unknown plan "${plan}" (plans: ${a.plans.plans.map((p) => p.id).join(', ')})`, { exitCode: 2, code: 'unknown_plan' });
          const changed = await a.credits.changePlan(account.id, target);
          // Cached key lookups carry the plan: every instance drops them.
          await reachEveryInstance(a, account.id, { endSessions: false });
          return changed;
        });
        out.print(
          { email, plan, credits_remaining: snapshot.balance },
          `Account ${email} is now on plan ${plan}, with ${snapshot.balance} credits left this period.`,
        );
        return 0;
      }
      case 'accounts suspend':
      case 'accounts unsuspend': {
        const email = need(values.email, 'email');
        const status = action === 'suspend' ? 'suspended' : 'active';
        await withOperatorAdmin(loadConfig(env), async (a) => {
          const account = await a.accounts.requireByEmail(email);
          await a.accounts.setStatus(account.id, status);
          // Keys are refused on every instance at once. A suspended account's sessions are kept so each is
          // told why (403 account_suspended, which ends it); readmission ends the rest, so a session from
          // before the suspension does not come back to life.
          await reachEveryInstance(a, account.id, { endSessions: status === 'active' });
        });
        out.print({ email, status }, `Account ${email} is ${status}.`);
        return 0;
      }
      case 'keys create': {
        const email = need(values.email, 'email');
        // Without --name the key gets the Console's default name; a blank one is a mistake, not a wish for the default.
        const name = flagValue(KeyName.optional(), values.name, 'name');
        const { row, apiKey } = await withAdmin(loadConfig(env), async (a) => {
          const account = await a.accounts.requireByEmail(email);
          // The same limit as the Console's (README.md § Accounts, keys, plans and limits (for operators)), checked in the insert's transaction.
          const issued = await a.keys.issue(account.id, name);
          if (!issued.ok) {
            throw new CliError(`${email} already holds ${MAX_LIVE_KEYS} live keys (active or in their grace period); revoke one first with \`trendlens keys revoke --id K\``, { code: issued.reason });
          }
          return issued;
        });
        out.print(
          { key: toKeyView(row, row.created_at), api_key: apiKey },
          `Created key "${row.name}" for ${email}. Copy it now; it is not shown again:\n${apiKey}`,
        );
        return 0;
      }
      case 'credits grant': {
        const email = need(values.email, 'email');
        const amount = positiveInteger(need(values.amount, 'amount'), 'amount');
        const snapshot = await withAdmin(loadConfig(env), async (a) => {
          const account = await a.accounts.requireByEmail(email);
          return a.credits.grant(account.id, amount, `grant_${Date.now()}`);
        });
        out.print({ email, granted: amount, credits_remaining: snapshot.balance }, `Granted ${amount} credits to ${email}; ${snapshot.balance} remaining this period.`);
        return 0;
      }
      case 'collect add':
      case 'collect remove': {
        if (subject === undefined) throw new CliError(`collect ${action} needs a target such as hashtag:US:7`, { exitCode: 2, usage: true });
        let target: CollectTarget;
        try {
          target = parseTarget(subject, 'stored');
        } catch (error) {
          throw new CliError((error as Error).message, { exitCode: 2 });
        }
        const now = Date.now();
        const config = loadConfig(env);
        const result = await withAdmin(config, (a) => changeTargets(a.store, parseCollectSetting(config.COLLECT), action as 'add' | 'remove', target, now));
        if (result.exitCode !== 0) throw new CliError(result.text);
        out.print(result.value, result.text);
        return 0;
      }
      case 'collect list':
      case 'collect run': {
        const services = await createServices(loadConfig(env));
        try {
          const result = action === 'list' ? await listTargets(services) : await runTargets(services, io.stdout, values.json);
          out.print(result.value, result.text);
          return result.exitCode;
        } finally {
          await services.close();
        }
      }
      case 'plans list': {
        const { plans } = await withAdmin(loadConfig(env), async (a) => a);
        const rows = plans.plans.map(
          (p) =>
            `${p.id.padEnd(12)} $${String(p.price_usd).padEnd(5)} ${String(p.included_credits).padStart(9)} credits/mo  ` +
            `${(p.daily_credit_limit === null ? 'no daily cap' : `${p.daily_credit_limit}/day`).padEnd(13)} ${p.rate_limit_per_minute}/min  ` +
            `${p.overage_usd_per_1k === null ? 'no overage' : `overage $${p.overage_usd_per_1k}/1k${p.overage_default ? ' (on)' : ' (opt-in)'}`}`,
        );
        out.print({ plans: plans.plans, default_plan: plans.defaultPlanId }, rows.join('\n'));
        return 0;
      }
      default:
        if (await runOperatorCommand(command, { ...values, subject }, env, out.print)) return 0;
        throw new CliError(`unknown command "${command}"`, { exitCode: 2, usage: true });
    }
  } catch (error) {
    const failure = describeFailure(error, { env, port: values.port, host, flagsOnly: command === 'simulator' });
    if (failure) return fail(failure, values.json);
    // A bug: scripts still get their object, and the stack goes to stderr from the caller.
    if (values.json && !printed) io.stdout.write(`${JSON.stringify({ error: { code: 'internal_error', message: error instanceof Error ? error.message : String(error) } })}\n`);
    throw error;
  }
}

// Through npm's bin link argv[1] is a symlink, so compare real paths.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`trendlens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
