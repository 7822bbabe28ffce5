import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { API_PREFIX } from '../api/index.js';
import { endpoints } from '../catalog/index.js';
import { ConfigError } from '../config.js';
import type { RestAnswer } from './results.js';
import { createMcpServer, MCP_SERVER_INFO, type RestCaller } from './server.js';

/** The default Trendlens the stdio server calls: a local `npm run demo` or `npm start`. */
export const DEFAULT_TRENDLENS_URL = 'http://localhost:8080';

/** Longer than the server's own 25 s request budget, so its answer, even a 504, gets through. */
const REQUEST_TIMEOUT_MS = 30_000;

const StdioEnv = z.object({
  TRENDLENS_API_KEY: z.string({ error: 'TRENDLENS_API_KEY is not set: give it the API key the tools should use' }).trim().min(1, 'TRENDLENS_API_KEY is empty'),
  TRENDLENS_URL: z.url({ protocol: /^https?$/, error: 'TRENDLENS_URL must be an http(s) URL' }).default(DEFAULT_TRENDLENS_URL),
});

/** What `trendlens mcp` needs: the key to call with and the Trendlens to call. */
export interface StdioSettings {
  apiKey: string;
  baseUrl: string;
}

/** Reads the stdio server's settings from the environment; a bad value throws, naming the variable. */
export function parseStdioEnv(env: Record<string, string | undefined>): StdioSettings {
  const parsed = StdioEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'TRENDLENS_API_KEY'), parsed.error.issues.map((i) => i.message).join('; '));
  }
  return { apiKey: parsed.data.TRENDLENS_API_KEY, baseUrl: parsed.data.TRENDLENS_URL.replace(/\/+$/, '') };
}

/** Tool calls as HTTP requests to a Trendlens server, labelled `mcp` for its usage records. */
function restOverHttp(settings: StdioSettings): RestCaller {
  return async (pathAndQuery): Promise<RestAnswer> => {
    const res = await fetch(settings.baseUrl + API_PREFIX + pathAndQuery, {
      headers: { 'x-api-key': settings.apiKey, 'x-trendlens-client': 'mcp', 'user-agent': `${MCP_SERVER_INFO.name}-mcp/${MCP_SERVER_INFO.version}` },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  };
}

/**
 * `trendlens mcp`: an MCP server on stdin/stdout whose tools call a Trendlens server over HTTP with
 * one API key. Resolves when the client closes stdin. Nothing but protocol messages goes to stdout.
 */
export async function serveMcpOverStdio(settings: StdioSettings, stdin: NodeJS.ReadableStream = process.stdin, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  // The remote server's DISABLED_ENDPOINTS are not known here: every tool is listed, and a disabled one answers 403.
  const server = createMcpServer(endpoints, null, restOverHttp(settings), []);
  const transport = new StdioServerTransport(stdin as never, stdout as never);
  const ended = new Promise<void>((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
    transport.onclose = resolve;
  });
  await server.connect(transport);
  await ended;
  await server.close();
}
