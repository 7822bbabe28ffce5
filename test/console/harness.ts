import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { AccountTokens } from '../../src/accounts/index.js';
import { buildApp } from '../../src/app.js';
import type { Services } from '../../src/services.js';
import type { Plan } from '../../src/billing/index.js';
import { ManualClock } from '../../src/clock.js';
import { createServices } from '../../src/compose.js';
import { defaultConfig, type Config } from '../../src/config.js';
import { freshDatabase, type StoreKind } from '../support/databases.js';

export const START = Date.UTC(2026, 10, 25, 12, 0, 0);
export const PASSWORD = 'correct horse battery';

export interface Harness {
  app: FastifyInstance;
  services: Services;
  clock: ManualClock;
  agent(): Agent;
  /** A signed-up, signed-in browser. */
  signedUp(email?: string): Promise<Agent>;
  close(): Promise<void>;
}

/** The real app over a fresh database. */
export async function consoleHarness(kind: StoreKind, opts: { config?: Partial<Config>; plans?: readonly Plan[] } = {}): Promise<Harness> {
  const database = await freshDatabase(kind);
  const clock = new ManualClock(START);
  const services = await createServices(defaultConfig({ DATABASE_URL: database.url, ...opts.config }), { clock, ...(opts.plans ? { plans: opts.plans } : {}) });
  const app = await buildApp(services);
  await app.ready();
  let n = 0;
  const harness: Harness = {
    app,
    services,
    clock,
    agent: () => new Agent(app),
    async signedUp(email = `user${++n}@example.com`) {
      const agent = new Agent(app);
      const res = await agent.post('/auth/sign-up', { email, password: PASSWORD, name: 'Ada' });
      if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.body}`);
      return agent;
    },
    async close() {
      await app.close();
      await services.close();
      await database.drop();
    },
  };
  return harness;
}

type Send = { headers?: Record<string, string>; origin?: string | null; csrf?: string | null; remoteAddress?: string };

/** A browser: keeps the session cookie and the CSRF token, sends a same-origin `Origin` on writes. */
export class Agent {
  cookie: string | undefined;
  csrf: string | undefined;
  accountId: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  async send(method: InjectOptions['method'], path: string, body?: unknown, opts: Send = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = `tl_session=${this.cookie}`;
    if (method !== 'GET') {
      const origin = opts.origin === undefined ? 'http://localhost' : opts.origin;
      if (origin !== null) headers.origin = origin;
      const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    Object.assign(headers, opts.headers);
    const res = await this.app.inject({
      method,
      url: `/api/console${path}`,
      headers,
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    });
    const session = res.cookies.find((c) => c.name === 'tl_session');
    if (session) this.cookie = session.value === '' ? undefined : session.value;
    const data = res.statusCode < 300 ? (res.json() as { data?: { csrf_token?: string; user?: { id: string } } }).data : undefined;
    if (data?.csrf_token) this.csrf = data.csrf_token;
    if (data?.user?.id) this.accountId = data.user.id;
    return res;
  }

  get(path: string, opts?: Send) {
    return this.send('GET', path, undefined, opts);
  }
  post(path: string, body?: unknown, opts?: Send) {
    return this.send('POST', path, body, opts);
  }
  patch(path: string, body?: unknown, opts?: Send) {
    return this.send('PATCH', path, body, opts);
  }
}

/** Opens a verification link for the agent's account, as a mailed link or `trendlens accounts verify-link` gives it. */
export async function verifyAddress(services: Services, agent: Agent): Promise<void> {
  const token = await new AccountTokens(services.store.db, services.clock).issue(agent.accountId!, 'verify');
  const res = await agent.post('/auth/verify', { token });
  if (res.statusCode !== 200) throw new Error(`verification failed: ${res.body}`);
}

/** The envelope's parts. */
export function body(res: LightMyRequestResponse): { code: number; msg: string; data: any } {
  return res.json();
}
