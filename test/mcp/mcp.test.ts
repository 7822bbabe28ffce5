import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/catalog/index.js';
import { runCli } from '../../src/cli.js';
import { startTestApp, type TestApp } from '../support/app.js';

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

/** An MCP client over stdio: `trendlens mcp` as a real child process calling the test server over HTTP. */
async function stdioClient(apiKey: string): Promise<Client> {
  const client = new Client({ name: 'trendlens-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/cli.ts', 'mcp'],
      cwd: ROOT,
      env: { TRENDLENS_API_KEY: apiKey, TRENDLENS_URL: baseUrl },
      stderr: 'inherit',
    }),
  );
  return client;
}

/** An MCP client over Streamable HTTP at the server's own `/mcp`. */
async function httpClient(apiKey: string): Promise<Client> {
  const client = new Client({ name: 'trendlens-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), { requestInit: { headers: { 'x-api-key': apiKey } } }));
  return client;
}

interface Metering {
  request_id: string;
  credits_charged: number;
  credits_remaining: number | null;
}

const meteringOf = (result: CallToolResult) => (result._meta as { trendlens: Metering }).trendlens;
const textOf = (result: CallToolResult) => (result.content[0] as { type: 'text'; text: string }).text;

async function usageSource(requestId: string): Promise<string | undefined> {
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
