import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../clock.js';
import { DEPRECATED, NO_PERMISSION, requestId, type Answer } from './envelope.js';
import { errorMessage, FaultBook, parseFault, parseFaultRule } from './faults.js';
import { toJsonText } from './json.js';
import { retiredIn2026, ROUTES } from './routes.js';
import { userSign } from './sign.js';
import type { FaultRule, SimulatorFault, SimulatorHandle, SimulatorMode, SimulatorOptions, SimulatorStats } from './types.js';

const PREFIX = '/creative_radar_api/v1/';
const CONTROL = '/__simulator';
const LOGIN_PATH = '/business/login';
const MODES: readonly SimulatorMode[] = ['legacy-2023', 'signed-2024', 'deprecated-2026'];
/** Bound on remembered anonymous-user-ids (drop_first_signed); forgetting them only re-arms the drop. */
const SEEN_LIMIT = 100_000;

const LOGIN_HTML =
  '<!DOCTYPE html><html><head><title>Log in | TikTok For Business</title></head>' +
  '<body><div id="root">Log in to continue to Creative Center</div></body></html>';

/** Starts the Creative Center stand-in on a real port (docs/upstreams.md § Simulator). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const clock: Clock = options.clock ?? systemClock;
  const maxAge = options.maxSignatureAgeSeconds;
  let mode: SimulatorMode = options.mode ?? 'signed-2024';
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
      else answer = route({ query: url.searchParams, nowMs: clock.now(), loggedIn: hasSession(req) });
    }
    const body = envelopeText(answer, key);
    if (fault?.kind !== 'malformed') return send(res, 200, 'application/json; charset=utf-8', body);
    if (fault.variant === 'truncated') return send(res, 200, 'application/json; charset=utf-8', body.slice(0, Math.floor(body.length / 2)));
    if (fault.variant === 'garbage') return send(res, 200, 'application/json; charset=utf-8', `${body}\n<!-- edge cache: hit -->}`);
    return send(res, 200, 'text/html; charset=utf-8', body);
  }

  function handleUpstream(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const path = url.pathname.slice(PREFIX.length).replace(/\/+$/, '');
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
      const taken = faults.take(path);
      if (taken) {
        fault = taken.fault;
        useFault = taken.use;
        if (fault.kind !== 'drop_first_signed') useFault();
      }
    }

    const key = `${path}?${url.searchParams.toString()}`;
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
        return send(res, 200, 'application/json; charset=utf-8', envelopeText({ code: fault.code, msg: fault.msg ?? errorMessage(fault.code), data: {} }, key));
      case 'slow': {
        pending.add(res);
        const timer = setTimeout(() => {
          timers.delete(timer);
          pending.delete(res);
          if (!res.destroyed) answerUpstream(req, res, path, url, undefined, useFault);
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
        return answerUpstream(req, res, path, url, fault, useFault);
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
      return sendJson(res, 200, { mode, faults: faults.list(), stats });
    }
    if (req.method === 'POST' && sub === '/mode') {
      const body = (await readJson(req)) as { mode?: unknown } | undefined;
      const next = body?.mode;
      if (typeof next !== 'string' || !MODES.includes(next as SimulatorMode)) {
        return sendJson(res, 400, { error: `mode must be one of ${MODES.join(', ')}` });
      }
      mode = next as SimulatorMode;
      return sendJson(res, 200, { mode });
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
    if (url.pathname.startsWith(PREFIX)) return handleUpstream(req, res, url);
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
    setMode(next: SimulatorMode) {
      mode = next;
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

/** A non-empty `sessionid` cookie marks a logged-in caller (docs/upstreams.md § Transport and signing, § Simulator). */
function hasSession(req: IncomingMessage): boolean {
  const cookie = req.headers.cookie ?? '';
  return cookie.split(';').some((part) => {
    const [name, ...rest] = part.split('=');
    return name?.trim() === 'sessionid' && rest.join('=').trim() !== '';
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
