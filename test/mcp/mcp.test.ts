import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, findEndpoint } from '../../src/catalog/index.js';
import { runCli } from '../../src/cli.js';
import { defaultConfig } from '../../src/config.js';
import { startDemo } from '../../src/server.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { freshDatabase } from '../support/databases.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FLAGSHIP = 'tiktok-popular-trend-hashtag';

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await t?.close();
});

/** An MCP client over stdio: `trendlens mcp` as a real child process calling the test server (or `trendlensUrl`) over HTTP. */
async function stdioClient(apiKey: string, trendlensUrl = baseUrl): Promise<Client> {
  const client = new Client({ name: 'trendlens-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/cli.ts', 'mcp'],
      cwd: ROOT,
      env: { TRENDLENS_API_KEY: apiKey, TRENDLENS_URL: trendlensUrl },
      stderr: 'inherit',
    }),
  );
  return client;
}

/** An MCP client over Streamable HTTP at the test server's (or `serverUrl`'s) own `/mcp`. */
async function httpClient(apiKey: string, serverUrl = baseUrl): Promise<Client> {
  const client = new Client({ name: 'trendlens-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${serverUrl}/mcp`), { requestInit: { headers: { 'x-api-key': apiKey } } }));
  return client;
}

interface Metering {
  request_id: string | null;
  status: number | null;
  credits_charged: number | null;
  credits_remaining: number | null;
  upstream_source: string | null;
}

const meteringOf = (result: CallToolResult) => (result._meta as { trendlens: Metering }).trendlens;
const textOf = (result: CallToolResult) => (result.content[0] as { type: 'text'; text: string }).text;

async function usageSource(requestId: string | null): Promise<string | undefined> {
  if (requestId === null) return undefined;
  await t.services.usage.flush();
  const row = await t.services.store.db.selectFrom('usage_events').select(['source', 'credits', 'operation_id']).where('request_id', '=', requestId).executeTakeFirst();
  return row?.source;
}

describe.each([
  ['stdio', stdioClient],
  ['Streamable HTTP', httpClient],
] as const)('MCP over %s', (_transport, connect) => {
  let client: Client;
  let caller: Awaited<ReturnType<TestApp['newCaller']>>;

  beforeAll(async () => {
    caller = await t.newCaller();
    client = await connect(caller.apiKey);
  }, 60_000);

  afterAll(async () => {
    await client?.close();
  });

  it('lists one tool per catalog endpoint, named by operation id, with the params as JSON Schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(endpoints.map((e) => e.operationId));
    const flagship = tools.find((tool) => tool.name === FLAGSHIP);
    expect(flagship?.inputSchema.properties).toMatchObject({
      period: { type: 'integer', enum: [7, 30, 120], default: 7 },
      page: { type: 'integer', default: 1 },
      country_code: { type: 'string' },
    });
    expect(flagship?.inputSchema.properties?.page).toMatchObject({ description: expect.stringContaining('Clamped to 1–10') });
    expect(flagship?.description).toContain('8 credits');
  });

  it('calls the flagship and gets the REST data, charged 8 credits and recorded with source mcp', async () => {
    const before = await t.services.credits.snapshot(caller.accountId);
    const result = (await client.callTool({ name: FLAGSHIP, arguments: { country_code: 'us', limit: 5, period: 30 } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const meter = meteringOf(result);
    expect(meter.credits_charged).toBe(8);
    expect((await t.services.credits.snapshot(caller.accountId)).balance).toBe(before.balance - 8);

    const rest = await t.app.inject({ url: '/api/v1/tiktok/popular-trend/hashtag?country_code=us&limit=5&period=30', headers: { 'x-api-key': caller.apiKey } });
    expect(rest.headers['x-credits-charged']).toBe('8');
    expect(result.structuredContent).toEqual(rest.json());
    expect(JSON.parse(textOf(result))).toEqual(rest.json());

    expect(await usageSource(meter.request_id)).toBe('mcp');
  });

  it('returns a tool error carrying invalid_input and the bad param for period 14, charging nothing', async () => {
    const before = await t.services.credits.snapshot(caller.accountId);
    const result = (await client.callTool({ name: FLAGSHIP, arguments: { period: 14 } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('invalid_input: period must be one of 7, 30, 120');
    expect(result.structuredContent).toMatchObject({ error: 'invalid_input', status: 400 });
    expect(meteringOf(result).credits_charged).toBe(0);
    expect((await t.services.credits.snapshot(caller.accountId)).balance).toBe(before.balance);
  });

  it('clamps out-of-range paging as REST does instead of refusing it', async () => {
    const result = (await client.callTool({ name: FLAGSHIP, arguments: { page: 0, limit: 500 } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ data: { data: { pagination: { page: 1, size: 100 } } } });
  });

  it('passes a CSV param given as a list', async () => {
    const result = (await client.callTool({ name: 'tiktok-top-ads-list', arguments: { country_code: ['us', 'gb'], limit: 3 } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ code: 200 });
  });

  it('describes a CSV param as a list or one comma-separated string, and takes the string', async () => {
    const { tools } = await client.listTools();
    const topAds = tools.find((tool) => tool.name === 'tiktok-top-ads-list');
    expect(topAds?.inputSchema.properties?.country_code).toMatchObject({
      anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }],
    });
    const result = (await client.callTool({ name: 'tiktok-top-ads-list', arguments: { country_code: 'us, gb', limit: 3 } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ code: 200 });
  });

  it('refuses a param the tool does not take with invalid_input naming it and the tool\'s params, charging nothing', async () => {
    const before = await t.services.credits.snapshot(caller.accountId);
    const result = (await client.callTool({ name: FLAGSHIP, arguments: { country: 'US' } })) as CallToolResult;
    const params = Object.keys(findEndpoint(FLAGSHIP)!.params).join(', ');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(`invalid_input: country is not a param of this tool (its params: ${params})`);
    expect(result.structuredContent).toEqual({
      error: 'invalid_input',
      message: `country is not a param of this tool (its params: ${params})`,
      status: 400,
      envelope: { code: 400, msg: 'Invalid input', data: { errors: [{ param: 'country', message: `is not a param of this tool (its params: ${params})` }] } },
    });
    expect(meteringOf(result)).toMatchObject({ request_id: null, credits_charged: 0, upstream_source: null });
    expect((await t.services.credits.snapshot(caller.accountId)).balance).toBe(before.balance);
  });

  it('names the param to use instead of an alias or a catalog-rejected name', async () => {
    const alias = (await client.callTool({ name: 'tiktok-top-ads-list', arguments: { q: 'coffee' } })) as CallToolResult;
    expect(textOf(alias)).toBe('invalid_input: q is not a param of this tool (use keyword)');
    const rejected = (await client.callTool({ name: 'tiktok-top-ads-detail', arguments: { id: '1' } })) as CallToolResult;
    expect(textOf(rejected)).toBe('invalid_input: id is not a param of this tool (use material_id)');
  });

  it('answers an unknown tool with the JSON-RPC error -32602, not a tool result', async () => {
    await expect(client.callTool({ name: 'nope', arguments: {} })).rejects.toMatchObject({
      code: ErrorCode.InvalidParams,
      message: expect.stringContaining('Unknown tool: nope'),
    });
  });
});

describe('MCP errors', () => {
  it('turns a revoked key into a tool error carrying revoked_api_key', async () => {
    const caller = await t.newCaller();
    const client = await stdioClient(caller.apiKey);
    try {
      await t.services.keys.revoke(caller.accountId, caller.keyId);
      const result = (await client.callTool({ name: FLAGSHIP, arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^revoked_api_key: /);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('turns a Trendlens that does not answer into trendlens_unreachable with structured content', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const client = await stdioClient('tl_live_unused', 'http://127.0.0.1:1');
    try {
      const result = (await client.callTool({ name: FLAGSHIP, arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/^trendlens_unreachable: no answer from Trendlens \(/);
      expect(result.structuredContent).toEqual({ error: 'trendlens_unreachable', message: expect.stringMatching(/^no answer from Trendlens/), status: null });
      expect(meteringOf(result)).toMatchObject({ request_id: null, status: null, credits_charged: null, upstream_source: null });
    } finally {
      await client.close();
    }
  }, 60_000);

  it('answers a body that is not JSON with the JSON-RPC parse error -32700', async () => {
    const caller = await t.newCaller();
    const res = await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'x-api-key': caller.apiKey },
      body: '{"jsonrpc": "2.0", "id": 1,',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ jsonrpc: '2.0', id: null, error: { code: ErrorCode.ParseError, message: 'Parse error: Invalid JSON' } });
  });

  it('checks the key before it reads the body: no key and no JSON is our 401', async () => {
    const res = await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: 'not json',
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 401, msg: 'Authentication required', data: { error: 'missing_api_key' } });
  });

  it('refuses /mcp without an API key with our 401 envelope', async () => {
    const res = await fetch(`${baseUrl}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 401, msg: 'Authentication required', data: { error: 'missing_api_key' } });
  });

  it('answers GET /mcp with 405: the server is stateless and opens no stream', async () => {
    const res = await fetch(`${baseUrl}/mcp`, { headers: { 'x-api-key': 'x' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('refuses to start trendlens mcp without TRENDLENS_API_KEY, saying which variable', async () => {
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await runCli(['mcp'], {}, { stdout: new PassThrough(), stderr });
    expect(code).toBe(2);
    expect(err).toContain('TRENDLENS_API_KEY is not set');
  });
});

describe('MCP with DISABLED_ENDPOINTS', () => {
  const DISABLED = 'tiktok-popular-trend-video';
  let app: TestApp;
  let client: Client;

  beforeAll(async () => {
    app = await startTestApp({ config: { DISABLED_ENDPOINTS: [DISABLED] } });
    const url = await app.app.listen({ port: 0, host: '127.0.0.1' });
    client = await httpClient((await app.newCaller()).apiKey, url);
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
  });

  it('leaves the disabled endpoint out of tools/list', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(endpoints.map((e) => e.operationId).filter((id) => id !== DISABLED));
  });

  it('answers a call to it by name with the REST 403 endpoint_disabled', async () => {
    const result = (await client.callTool({ name: DISABLED, arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('endpoint_disabled: The operator has disabled this endpoint.');
    expect(result.structuredContent).toMatchObject({ error: 'endpoint_disabled', status: 403 });
  });
});

describe('MCP upstream_source in demo mode', () => {
  let demo: Awaited<ReturnType<typeof startDemo>>;
  let drop: () => Promise<void>;
  let client: Client;

  beforeAll(async () => {
    const database = await freshDatabase('sqlite');
    drop = database.drop;
    demo = await startDemo(defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1' }));
    client = await httpClient(demo.apiKey, demo.url);
  });

  afterAll(async () => {
    await client?.close();
    await demo?.close();
    await drop?.();
  });

  it('is null on a refusal, although demo mode sends X-Upstream-Source on every API response', async () => {
    const rest = await fetch(`${demo.url}/api/v1/tiktok/popular-trend/hashtag?period=14`, { headers: { 'x-api-key': demo.apiKey } });
    expect(rest.status).toBe(400);
    expect(rest.headers.get('x-upstream-source')).toBe('simulator');

    const result = (await client.callTool({ name: FLAGSHIP, arguments: { period: 14 } })) as CallToolResult;
    expect(result.isError).toBe(true);
    expect(meteringOf(result)).toMatchObject({ status: 400, upstream_source: null });
  });

  it('names the source on a 2xx and on an upstream-caused 503', async () => {
    const ok = (await client.callTool({ name: FLAGSHIP, arguments: { country_code: 'US' } })) as CallToolResult;
    expect(meteringOf(ok)).toMatchObject({ status: 200, upstream_source: 'simulator' });
    // The 2026 world's TikTok One cannot serve the chart without a country (docs/upstreams.md § Source routing).
    const refused = (await client.callTool({ name: FLAGSHIP, arguments: {} })) as CallToolResult;
    expect(refused.structuredContent).toMatchObject({ error: 'upstream_unavailable', status: 503 });
    expect(meteringOf(refused)).toMatchObject({ status: 503, upstream_source: 'simulator' });
  });
});
