import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX, identifyCaller } from '../api/index.js';
import { endpoints } from '../catalog/index.js';
import { ApiError } from '../http/index.js';
import type { Services } from '../services.js';
import type { RestAnswer } from './results.js';
import { createMcpServer, type RestCaller } from './server.js';

/** Where the Streamable HTTP transport answers. */
export const MCP_PATH = '/mcp';

/** The label the usage record of a tool call carries (`docs/api-contract.md` § Usage records). */
export const MCP_CLIENT_LABEL = 'mcp';

function headerText(value: string | string[] | number | undefined): string | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
}

/**
 * Tool calls run the public API's own route in-process (`inject`): the caller's key, address and
 * user agent go along, so identification, rate limits, credits, idempotency and the usage record are
 * those of the REST call, with the record labelled `mcp`.
 */
function restAsCaller(app: FastifyInstance, request: FastifyRequest): RestCaller {
  const credentials: Record<string, string> = {};
  const apiKey = headerText(request.headers['x-api-key']);
  if (apiKey !== undefined) credentials['x-api-key'] = apiKey;
  if (request.headers.authorization !== undefined) credentials.authorization = request.headers.authorization;
  return async (pathAndQuery): Promise<RestAnswer> => {
    const res = await app.inject({
      method: 'GET',
      url: API_PREFIX + pathAndQuery,
      remoteAddress: request.ip,
      headers: {
        ...credentials,
        'x-trendlens-client': MCP_CLIENT_LABEL,
        ...(request.headers['user-agent'] !== undefined && { 'user-agent': request.headers['user-agent'] }),
      },
    });
    const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, headerText(value)]));
    return { status: res.statusCode, headers, body: res.body };
  };
}

/** The body of a POST that is not JSON: the handler answers it with JSON-RPC's parse error once the key is checked. */
const NOT_JSON = Symbol('not JSON');

/** JSON-RPC's answer to a body that does not parse, worded as the SDK's transport words it when it reads a body itself. */
const PARSE_ERROR = { jsonrpc: '2.0', error: { code: ErrorCode.ParseError, message: 'Parse error: Invalid JSON' }, id: null } as const;

/**
 * MCP over Streamable HTTP at `/mcp`, stateless: each POST gets its own server and transport, so any
 * instance behind a load balancer can answer any message. The API key comes in `x-api-key` or
 * `Authorization: Bearer` and is checked before the MCP layer sees the message.
 *
 * The route has a scope of its own so that its JSON parser can differ from the app's: a body that does
 * not parse is a JSON-RPC message's fault and gets JSON-RPC's -32700, not the REST 400 envelope, and
 * only after the key was checked, like a message that parses.
 */
export function registerMcpRoute(app: FastifyInstance, services: Services): void {
  void app.register(async (scope) => {
    // Fastify's own parser with its default refusal of `__proto__` and `constructor` keys, as the app's.
    const json = scope.getDefaultJsonParser('error', 'error');
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
      json(request, body, (error, value) => done(null, error ? NOT_JSON : value));
    });

    scope.post(MCP_PATH, async (request, reply) => {
      await identifyCaller(services, request, reply);
      if (request.body === NOT_JSON) return reply.code(400).header('Cache-Control', 'no-store').send(PARSE_ERROR);
      const server = createMcpServer(endpoints, services.config.CREDIT_COST, restAsCaller(app, request), services.config.DISABLED_ENDPOINTS);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      reply.raw.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      // The transport writes the response itself; Fastify's own headers must go with it.
      reply.hijack();
      reply.raw.setHeader('X-Request-Id', request.id);
      reply.raw.setHeader('Cache-Control', 'no-store');
      await transport.handleRequest(request.raw, reply.raw, request.body);
    });
    // Stateless: no server-initiated stream to open and no session to end.
    scope.route({
      method: ['GET', 'DELETE'],
      url: MCP_PATH,
      handler: async () => {
        throw new ApiError('method_not_allowed', { data: { error: 'method_not_allowed', allow: ['POST'] }, headers: { Allow: 'POST' } });
      },
    });
  });
}
