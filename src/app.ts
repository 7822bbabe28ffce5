import cors from '@fastify/cors';
import type { Socket } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { API_PREFIX, RESPONSE_HEADER_NAMES, registerCatalogRoutes, registerPublicDocuments, registerStatusRoute, registerWebApp, WEB_DIST } from './api/index.js';
import { endpoints } from './catalog/index.js';
import { registerConsoleRoutes } from './console/index.js';
import { ApiError, envelope, STATUS_MESSAGES } from './http/index.js';
import { ulid } from './ids.js';
import { registerMcpRoute } from './mcp/index.js';
import type { Services } from './services.js';
import { registerHealthRoutes } from './health/index.js';
import { recordRequestMetrics, registerMetricsRoute } from './metrics/index.js';
import { MAX_HEADER_BYTES, REQUEST_TIMEOUT_MS } from './security/index.js';

// The one place both route sets meet: the public API (src/api) and the Console (src/console) each
// stand on src/http and the Services type, and neither imports the other.

export interface AppOptions {
  /** The process's logger (src/logging.ts); without it the app logs nothing, as in tests. */
  log?: FastifyBaseLogger;
}

function isFastifyClientError(error: unknown): error is FastifyError {
  const status = (error as FastifyError | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The methods routed at a path, for a preflight's `Allow`. */
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function errorReply(reply: FastifyReply, status: number, data: unknown): FastifyReply {
  return reply.code(status).send(envelope(status, STATUS_MESSAGES[status] ?? 'Error', data));
}

/**
 * What Node refuses before a request exists (headers over the limit, a malformed request line, a
 * request that never arrived in full) is answered in our envelope, with a request id of its own for
 * support, instead of Node's or Fastify's words.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, data] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, { error: 'headers_too_large' }]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, { error: 'request_timeout' }]
        : [400, { errors: [{ param: 'request', message: 'is not a valid HTTP/1.1 request (its request line or a header is malformed)' }] }];
  const body = JSON.stringify(envelope(status, STATUS_MESSAGES[status] ?? 'Error', data));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_MESSAGES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: req_${ulid()}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/**
 * One cheap access line per request, instead of Fastify's two with the whole request and reply
 * serialised; `LOG_LEVEL=warn` turns it off. Errors keep Fastify's own error-level lines.
 */
class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) return super.requestCompleted(error, request, reply);
    request.log.info({ method: request.method, url: loggedUrl(request.url), status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  }
}

/** A `token` in a query is a password reset or e-mail verification link's secret: whoever reads the log could use it. */
const TOKEN_VALUE = /([?&]token=)[^&#]*/gi;

/** The URL as the access log may keep it, with token values replaced. */
function loggedUrl(url: string): string {
  return url.includes('token=') ? url.replace(TOKEN_VALUE, '$1[redacted]') : url;
}

/**
 * An absolute-form request target (`GET http://host/path?q HTTP/1.1`, which a server must accept) as
 * its origin form, so that routing and every hook see `/path?q`: the `/api/` checks that set
 * `Cache-Control: no-store` would otherwise miss it.
 */
export function originForm(url: string): string {
  if (url.startsWith('/')) return url;
  const afterScheme = url.indexOf('://');
  if (afterScheme < 0) return url;
  const path = url.indexOf('/', afterScheme + 3);
  const query = url.indexOf('?', afterScheme + 3);
  if (query >= 0 && (path < 0 || query < path)) return `/${url.slice(query)}`;
  return path < 0 ? '/' : url.slice(path);
}

/** Builds the HTTP app over ready services; listening is the caller's business. */
export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.log ? { loggerInstance: opts.log } : { logger: false }),
    logController: new AccessLog(),
    genReqId: () => `req_${ulid()}`,
    // Client-supplied request ids are ignored (docs/api-contract.md § Headers).
    requestIdHeader: false,
    trustProxy: services.config.TRUST_PROXY,
    // Size and time bounds for requests from the open internet (README § Operating in public).
    bodyLimit: services.config.BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    http: { maxHeaderSize: MAX_HEADER_BYTES },
    clientErrorHandler: answerClientError,
    rewriteUrl: (request) => originForm(request.url ?? '/'),
    // Node's parser, not Fastify's default: a value that is not UTF-8 once percent-decoded comes out
    // with U+FFFD, which the catalog refuses naming the param, instead of staying percent-encoded
    // and being sent upstream as typed. Every key is read: the parser's default stops at 1,000, and a
    // param after them would be served and charged as if absent. MAX_HEADER_BYTES bounds the query.
    routerOptions: { querystringParser: (query) => parseQuery(query, undefined, undefined, { maxKeys: 0 }) },
    // A path with broken percent-encoding never reaches a route or the hooks: it is answered here.
    frameworkErrors: (error, request, reply) =>
      errorReply(reply.header('X-Request-Id', request.id).header('Cache-Control', 'no-store'), 400, {
        errors: [{ param: 'path', message: error.code === 'FST_ERR_BAD_URL' ? 'has malformed percent-encoding' : error.message }],
      }),
  });

  // A callback hook, not an async one: it runs on every request and needs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
    // Demo data is never passed off as live (docs/architecture.md § Sources and honest modes).
    if (services.mode === 'demo' && request.url.startsWith(API_PREFIX)) reply.header('X-Upstream-Source', 'simulator');
    done();
  });

  app.addHook('onResponse', recordRequestMetrics);

  // Browsers need no CORS grant for the web app's own origin; other origins get one only when the
  // operator lists them. Without such a list the plugin is left out: it cost a tenth of the CPU of a
  // cached request, and the not-found handler answers stray preflights.
  const allowedOrigins = services.config.CORS_ORIGINS ?? (services.config.PUBLIC_URL ? [services.config.PUBLIC_URL] : []);
  if (allowedOrigins.length > 0) {
    await app.register(cors, {
      origin: allowedOrigins,
      methods: ['GET', 'OPTIONS'],
      allowedHeaders: ['x-api-key', 'authorization', 'idempotency-key', 'x-trendlens-client', 'content-type'],
      // docs/api-contract.md § Headers: every header of ours is readable by a browser client.
      exposedHeaders: [...RESPONSE_HEADER_NAMES],
      maxAge: 600,
    });
  }

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiError) {
      // People get the message; logs get the code, at error level when it is our side or upstream's.
      if (error.status >= 500) request.log.error({ code: error.code, cause: error.message }, 'request failed');
      else request.log.info({ code: error.code, cause: error.message }, 'request refused');
      return reply
        .headers(error.headers)
        .code(error.status)
        .send(envelope(error.status, STATUS_MESSAGES[error.status] ?? 'Error', error.data));
    }
    if (isFastifyClientError(error)) {
      // A body sent to no route: the route is what is wrong (docs/api-contract.md § Errors, route before params).
      if (request.is404) return errorReply(reply, 404, { error: 'route_not_found' });
      // Body parsing and size problems: the client's fault, said in words.
      if (error.statusCode === 413) return errorReply(reply, 413, { error: 'payload_too_large' });
      if (error.statusCode === 415) return errorReply(reply, 415, { error: 'unsupported_media_type' });
      return errorReply(reply, 400, { errors: [{ param: 'body', message: error.message }] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(envelope(500, STATUS_MESSAGES[500] ?? 'Internal server error', { error: 'internal_error' }));
  });

  app.setNotFoundHandler((request, reply) => {
    // A preflight the CORS plugin declined (an origin not granted) still learns what the route allows.
    const path = request.url.split('?', 1)[0] ?? request.url;
    // API paths route every method (405 for all but GET), so the methods that answer are those of a
    // route that is not the 405 one.
    const allowed = METHODS.filter((method) => app.hasRoute({ method, url: path }) && !(path.startsWith(API_PREFIX) && method !== 'GET'));
    if (request.method === 'OPTIONS' && allowed.length > 0) {
      return reply.code(204).header('Allow', [...allowed, 'OPTIONS'].join(', ')).send();
    }
    return errorReply(reply, 404, { error: 'route_not_found' });
  });

  registerHealthRoutes(app, services);
  if (services.config.METRICS_TOKEN) registerMetricsRoute(app, services.config.METRICS_TOKEN);
  registerPublicDocuments(app, services);
  registerStatusRoute(app, services);
  await registerConsoleRoutes(app, services);
  registerCatalogRoutes(app, services, endpoints);
  registerMcpRoute(app, services);
  await registerWebApp(app, { root: WEB_DIST });
  return app;
}
