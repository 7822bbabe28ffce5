import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock.js';
import { DEPRECATED, NO_PERMISSION, requestId, type Answer } from './envelope.js';
import { errorMessage, FaultBook, parseFault, parseFaultRule } from './faults.js';
import { toJsonText } from './json.js';
import { retiredIn2026, ROUTES } from './routes.js';
import { userSign } from './sign.js';
import type { OneContext } from './tiktok-one/context.js';
import { int64Writer, isLoggedIn, renderAnswer, SIMULATED_SESSION_ID, type OneAnswer } from './tiktok-one/protocol.js';
import { ONE_ROUTES, US_HOST_PREFIX } from './tiktok-one/routes.js';
import type {
  FaultRule,
  LongPeriod,
  SimulatorEra,
  SimulatorFault,
  SimulatorHandle,
  SimulatorMode,
  SimulatorOptions,
  SimulatorStats,
} from './types.js';

const PREFIX = '/creative_radar_api/v1/';
const CONTROL = '/__simulator';
const LOGIN_PATH = '/business/login';
const MODES: readonly SimulatorMode[] = ['legacy-2023', 'signed-2024', 'deprecated-2026'];
const ERAS: readonly SimulatorEra[] = ['2024', '2026'];
const LONG_PERIODS: readonly LongPeriod[] = [90, 120];
/** TikTok One paths on the main host and on the US video host (a path prefix stands for the host). */
const ONE_PATH = /^\/(?:us\/)?CreativeOne\//;
/** Bound on remembered anonymous-user-ids (drop_first_signed); forgetting them only re-arms the drop. */
const SEEN_LIMIT = 100_000;

const LOGIN_HTML =
  '<!DOCTYPE html><html><head><title>Log in | TikTok For Business</title></head>' +
  '<body><div id="root">Log in to continue to Creative Center</div></body></html>';

/** The era a legacy mode belongs to. */
export function eraOfMode(mode: SimulatorMode): SimulatorEra {
  return mode === 'deprecated-2026' ? '2026' : '2024';
}

/** The legacy mode after switching to `era` from `current`: a 2024 mode is kept within 2024. */
function modeForEra(era: SimulatorEra, current: SimulatorMode | undefined): SimulatorMode {
  if (era === '2026') return 'deprecated-2026';
  return current !== undefined && eraOfMode(current) === '2024' ? current : 'signed-2024';
}

/** Starts the upstream stand-in (legacy Creative Center and TikTok One) on a real port (docs/upstreams.md § Simulator). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const clock: Clock = options.clock ?? systemClock;
  const maxAge = options.maxSignatureAgeSeconds;
  if (options.era !== undefined && options.mode !== undefined && eraOfMode(options.mode) !== options.era) {
    throw new Error(`mode ${options.mode} belongs to era ${eraOfMode(options.mode)}, not ${options.era}`);
  }
  let mode: SimulatorMode = options.mode ?? modeForEra(options.era ?? '2026', undefined);
  let era: SimulatorEra = eraOfMode(mode);
  let longPeriod: LongPeriod = options.longPeriod ?? 120;
  /** `sessionid`s whose session has lapsed: answered as anonymous callers. */
  const expiredSessions = new Set<string>(options.expiredSessions ?? []);
  const faults = new FaultBook();
  let stats: SimulatorStats = { calls: 0, byPath: {} };
  const seenIds = new Set<string>();
  const pending = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();

  function send(res: ServerResponse, status: number, type: string | undefined, body: string, extra: Record<string, string> = {}): void {
    const headers: Record<string, string> = { ...extra, 'content-length': String(Buffer.byteLength(body)) };
    if (type) headers['content-type'] = type;
    res.writeHead(status, headers);
    res.end(body);
  }

  function switchEra(next: SimulatorEra): void {
    era = next;
    mode = modeForEra(next, mode);
  }

  function switchMode(next: SimulatorMode): void {
    mode = next;
    era = eraOfMode(next);
  }

  function sendJson(res: ServerResponse, status: number, value: unknown): void {
    send(res, status, 'application/json; charset=utf-8', toJsonText(value));
  }

  /** The upstream envelope `{code,msg,request_id,data}`, request_id on every answer (docs/upstreams.md § Envelope and pagination, § Simulator). */
  function envelopeText(answer: Answer, key: string): string {
    return toJsonText({ code: answer.code, msg: answer.msg, request_id: requestId(clock.now(), key), data: answer.data });
  }

  function signatureValid(req: IncomingMessage): { ok: boolean; id: string } {
    const id = header(req, 'anonymous-user-id');
    if (!id) return { ok: false, id: '' };
    if (mode === 'legacy-2023') return { ok: true, id };
    const timestamp = header(req, 'timestamp');
    const sign = header(req, 'user-sign')?.toLowerCase();
    if (!timestamp || !/^[0-9]{1,12}$/.test(timestamp) || !sign) return { ok: false, id };
    if (maxAge !== undefined && Math.abs(clock.now() / 1000 - Number(timestamp)) > maxAge) return { ok: false, id };
    const webId = header(req, 'web-id');
    const valid = sign === userSign(id, timestamp) || (webId !== undefined && sign === userSign(webId, timestamp));
    return { ok: valid, id };
  }

  function rememberSigned(id: string): boolean {
    if (seenIds.has(id)) return false;
    if (seenIds.size >= SEEN_LIMIT) seenIds.clear();
    seenIds.add(id);
    return true;
  }

  function answerUpstream(req: IncomingMessage, res: ServerResponse, path: string, url: URL, fault: SimulatorFault | undefined, useFault: () => void): void {
    const route = req.method === 'GET' || req.method === 'HEAD' ? ROUTES[path] : undefined;
    if (!route) return send(res, 404, 'text/plain; charset=utf-8', '404 page not found');
    const key = `${path}?${url.searchParams.toString()}`;
    let answer: Answer;
    const signed = signatureValid(req);
    if (!signed.ok) {
      answer = NO_PERMISSION;
    } else if (fault?.kind === 'drop_first_signed' && rememberSigned(signed.id)) {
      useFault();
      answer = NO_PERMISSION;
    } else {
      rememberSigned(signed.id);
      if (mode === 'deprecated-2026' && retiredIn2026(path)) answer = DEPRECATED;
      else answer = route({ query: url.searchParams, nowMs: clock.now(), loggedIn: hasSession(req, expiredSessions) });
    }
    const body = envelopeText(answer, key);
    if (fault?.kind !== 'malformed') return send(res, 200, 'application/json; charset=utf-8', body);
    if (fault.variant === 'truncated') return send(res, 200, 'application/json; charset=utf-8', body.slice(0, Math.floor(body.length / 2)));
    if (fault.variant === 'garbage') return send(res, 200, 'application/json; charset=utf-8', `${body}\n<!-- edge cache: hit -->}`);
    return send(res, 200, 'text/html; charset=utf-8', body);
  }

  /** A TikTok One answer: BaseResp JSON, `x-tt-agw-login: 1` when logged in, a malformed fault applied. */
  function sendOne(res: ServerResponse, answer: OneAnswer, loggedIn: boolean, fault: SimulatorFault | undefined): void {
    const { status, text } = renderAnswer(answer);
    const extra: Record<string, string> = loggedIn ? { 'x-tt-agw-login': '1' } : {};
    if (fault?.kind !== 'malformed') return send(res, status, 'application/json; charset=utf-8', text, extra);
    if (fault.variant === 'truncated') return send(res, status, 'application/json; charset=utf-8', text.slice(0, Math.floor(text.length / 2)), extra);
    if (fault.variant === 'garbage') return send(res, status, 'application/json; charset=utf-8', `${text}\n<!-- edge cache: hit -->}`, extra);
    return send(res, status, 'text/html; charset=utf-8', text, extra);
  }

  async function answerOne(req: IncomingMessage, res: ServerResponse, path: string, url: URL, fault: SimulatorFault | undefined): Promise<void> {
    // Akamai stops headless browsers before the gateway sees them (docs/upstreams.md § TikTok One).
    if ((header(req, 'user-agent') ?? '').includes('HeadlessChrome')) return send(res, 403, 'text/plain; charset=utf-8', 'Access Denied');
    const usHost = path.startsWith(US_HOST_PREFIX);
    // TikTok One answers in both eras: the 2024 world differs only in its legacy API still being live,
    // so the operations that only TikTok One serves can be explored there too.
    const route = ONE_ROUTES[usHost ? path.slice(US_HOST_PREFIX.length) : path];
    if (!route || (usHost && !route.onUsHost)) return send(res, 404, 'text/plain; charset=utf-8', '404 page not found');
    if (req.method !== route.method) return send(res, 405, 'text/plain; charset=utf-8', '405 method not allowed', { allow: route.method });
    const loggedIn = isLoggedIn(req.headers.cookie, header(req, 'x-csrftoken'), expiredSessions);
    let body: unknown = {};
    if (route.method === 'POST') {
      try {
        body = await readJson(req);
      } catch {
        body = undefined;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return sendOne(res, { kind: 'invalid_request', message: 'body must be a JSON object' }, loggedIn, fault);
      }
    }
    const ctx: OneContext = {
      body: body as Record<string, unknown>,
      query: url.searchParams,
      nowMs: clock.now(),
      loggedIn,
      int: int64Writer(header(req, 'agw-js-conv') === 'str'),
      longPeriod,
      usHost,
    };
    sendOne(res, route.answer(ctx), loggedIn, fault);
  }

  /** Either protocol's answer to a request that no transport fault intercepted. */
  function answerFor(protocol: 'legacy' | 'one', req: IncomingMessage, res: ServerResponse, path: string, url: URL, fault: SimulatorFault | undefined, useFault: () => void): void {
    if (protocol === 'legacy') return answerUpstream(req, res, path, url, fault, useFault);
    answerOne(req, res, path, url, fault).catch(() => {
      if (!res.headersSent) send(res, 400, 'text/plain; charset=utf-8', 'bad request');
    });
  }

  function handleUpstream(req: IncomingMessage, res: ServerResponse, url: URL, protocol: 'legacy' | 'one'): void {
    const path = (protocol === 'legacy' ? url.pathname.slice(PREFIX.length) : url.pathname.slice(1)).replace(/\/+$/, '');
    const alias = protocol === 'one' && path.startsWith(US_HOST_PREFIX) ? path.slice(US_HOST_PREFIX.length) : undefined;
    stats.calls += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;

    const forced = header(req, 'x-simulator-fault');
    let fault: SimulatorFault | undefined;
    let useFault = (): void => {};
    if (forced !== undefined) {
      let json: unknown;
      try {
        json = JSON.parse(forced);
      } catch {
        json = undefined;
      }
      fault = parseFault(json);
      if (!fault) return send(res, 400, 'text/plain; charset=utf-8', 'bad x-simulator-fault header');
    } else {
      const taken = faults.take(path, alias);
      if (taken) {
        fault = taken.fault;
        useFault = taken.use;
        if (fault.kind !== 'drop_first_signed') useFault();
      }
    }

    const key = `${path}?${url.searchParams.toString()}`;
    const loggedIn = protocol === 'one' && isLoggedIn(req.headers.cookie, header(req, 'x-csrftoken'), expiredSessions);
    switch (fault?.kind) {
      case 'hang':
        pending.add(res);
        res.on('close', () => pending.delete(res));
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'login_wall':
        return loginWall(res, fault.variant, url);
      case 'http_error':
        return send(res, fault.status, fault.body === 'text' ? 'text/plain; charset=utf-8' : undefined, fault.body === 'text' ? `${fault.status} ${STATUS_TEXT[fault.status]}` : '');
      case 'error_code':
        if (protocol === 'one') return sendOne(res, { kind: 'status_code', code: fault.code, message: fault.msg ?? errorMessage(fault.code) }, loggedIn, undefined);
        return send(res, 200, 'application/json; charset=utf-8', envelopeText({ code: fault.code, msg: fault.msg ?? errorMessage(fault.code), data: {} }, key));
      case 'invalid_login':
        return sendOne(res, { kind: 'invalid_login' }, false, undefined);
      case 'invalid_request':
        return sendOne(res, { kind: 'invalid_request', message: fault.message ?? 'invalid request' }, loggedIn, undefined);
      case 'slow': {
        pending.add(res);
        const timer = setTimeout(() => {
          timers.delete(timer);
          pending.delete(res);
          if (!res.destroyed) answerFor(protocol, req, res, path, url, undefined, useFault);
        }, fault.ms);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
          pending.delete(res);
        });
        return;
      }
      default:
        return answerFor(protocol, req, res, path, url, fault, useFault);
    }
  }

  function loginWall(res: ServerResponse, variant: 'redirect' | 'html' | '401' | '403', url: URL): void {
    if (variant === 'redirect') {
      const location = `${handle.url}${LOGIN_PATH}?redirect_url=${encodeURIComponent(url.pathname + url.search)}`;
      return send(res, 302, 'text/html; charset=utf-8', `<a href="${location}">Found</a>.`, { location });
    }
    send(res, variant === 'html' ? 200 : Number(variant), 'text/html; charset=utf-8', LOGIN_HTML);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const sub = url.pathname.slice(CONTROL.length);
    if (req.method === 'GET' && (sub === '' || sub === '/')) {
      return sendJson(res, 200, { era, mode, longPeriod, expiredSessions: [...expiredSessions], faults: faults.list(), stats });
    }
    if (req.method === 'POST' && sub === '/sessions/expired') {
      const sessionid = ((await readJson(req)) as { sessionid?: unknown } | undefined)?.sessionid;
      if (typeof sessionid !== 'string' || sessionid === '') return sendJson(res, 400, { error: 'body must be {"sessionid": "<the sessionid cookie>"}' });
      expiredSessions.add(sessionid);
      return sendJson(res, 200, { expiredSessions: [...expiredSessions] });
    }
    if (req.method === 'DELETE' && sub === '/sessions/expired') {
      expiredSessions.clear();
      return sendJson(res, 200, { expiredSessions: [] });
    }
    if (req.method === 'POST' && sub === '/era') {
      const next = ((await readJson(req)) as { era?: unknown } | undefined)?.era;
      if (typeof next !== 'string' || !ERAS.includes(next as SimulatorEra)) return sendJson(res, 400, { error: `era must be one of ${ERAS.join(', ')}` });
      switchEra(next as SimulatorEra);
      return sendJson(res, 200, { era, mode });
    }
    if (req.method === 'POST' && sub === '/long-period') {
      const next = ((await readJson(req)) as { longPeriod?: unknown } | undefined)?.longPeriod;
      if (!LONG_PERIODS.includes(next as LongPeriod)) return sendJson(res, 400, { error: `longPeriod must be one of ${LONG_PERIODS.join(', ')}` });
      longPeriod = next as LongPeriod;
      return sendJson(res, 200, { longPeriod });
    }
    if (req.method === 'POST' && sub === '/mode') {
      const body = (await readJson(req)) as { mode?: unknown } | undefined;
      const next = body?.mode;
      if (typeof next !== 'string' || !MODES.includes(next as SimulatorMode)) {
        return sendJson(res, 400, { error: `mode must be one of ${MODES.join(', ')}` });
      }
      switchMode(next as SimulatorMode);
      return sendJson(res, 200, { era, mode });
    }
    if (req.method === 'POST' && sub === '/faults') {
      const rule = parseFaultRule(await readJson(req));
      if (!rule) return sendJson(res, 400, { error: 'body must be a FaultRule {fault, path?, times?}' });
      faults.add(rule);
      return sendJson(res, 200, { faults: faults.list() });
    }
    if (req.method === 'DELETE' && sub === '/faults') {
      faults.clear();
      return sendJson(res, 200, { faults: [] });
    }
    if (req.method === 'POST' && sub === '/stats/reset') {
      stats = { calls: 0, byPath: {} };
      return sendJson(res, 200, { stats });
    }
    sendJson(res, 404, { error: 'unknown control route' });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    if (url.pathname.startsWith(PREFIX)) return handleUpstream(req, res, url, 'legacy');
    if (ONE_PATH.test(url.pathname)) return handleUpstream(req, res, url, 'one');
    if (url.pathname === CONTROL || url.pathname.startsWith(`${CONTROL}/`)) {
      handleControl(req, res, url).catch(() => {
        if (!res.headersSent) sendJson(res, 400, { error: 'bad request' });
      });
      return;
    }
    if (url.pathname === LOGIN_PATH) return send(res, 200, 'text/html; charset=utf-8', LOGIN_HTML);
    send(res, 404, 'text/plain; charset=utf-8', '404 page not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;

  const handle: SimulatorHandle = {
    url: origin,
    baseUrl: `${origin}${PREFIX}`,
    tiktokOne: { baseUrl: `${origin}/`, usBaseUrl: `${origin}/${US_HOST_PREFIX}` },
    get era() {
      return era;
    },
    setEra: switchEra,
    get mode() {
      return mode;
    },
    setMode: switchMode,
    get longPeriod() {
      return longPeriod;
    },
    setLongPeriod(next: LongPeriod) {
      longPeriod = next;
    },
    get expiredSessions() {
      return [...expiredSessions];
    },
    expireSession(sessionId = SIMULATED_SESSION_ID) {
      expiredSessions.add(sessionId);
    },
    clearExpiredSessions() {
      expiredSessions.clear();
    },
    addFault(rule: FaultRule) {
      faults.add(rule);
    },
    clearFaults() {
      faults.clear();
    },
    stats() {
      return { calls: stats.calls, byPath: { ...stats.byPath } };
    },
    resetStats() {
      stats = { calls: 0, byPath: {} };
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const res of pending) res.socket?.destroy();
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return handle;
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * A non-empty `sessionid` cookie that has not expired marks a logged-in caller (docs/upstreams.md §
 * Transport and signing, § Simulator); an expired session is served as logged out, as TikTok One does.
 */
function hasSession(req: IncomingMessage, expired: ReadonlySet<string>): boolean {
  const cookie = req.headers.cookie ?? '';
  return cookie.split(';').some((part) => {
    const [name, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    return name?.trim() === 'sessionid' && value !== '' && !expired.has(value);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}
