import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AnyEndpoint } from '../catalog/index.js';
import { refusedInput, toolResult, unreachable, type RestAnswer } from './results.js';
import { catalogTools, toolQuery, unknownParams } from './tools.js';

/** Sends one GET to the public API (`/api/v1<path>?<query>`) as the MCP caller and returns its answer. */
export type RestCaller = (pathAndQuery: string) => Promise<RestAnswer>;

/** The server's name and version as MCP clients see them. */
export const MCP_SERVER_INFO = { name: 'trendlens', version: '0.1.0' } as const;

/**
 * An MCP server with one tool per catalog endpoint. Each call is a REST request through `rest`, so it
 * is identified, rate limited, charged and recorded exactly as the REST call it wraps. The low-level
 * Server is used because the tools' input schemas are JSON Schemas generated from the catalog, and the
 * catalog's own parser (behind REST) does the validating, with the same 400 a REST caller gets.
 *
 * `disabled` (the operator's `DISABLED_ENDPOINTS`) leaves those tools out of `tools/list`, since a
 * model would only spend calls on them. A call by name still goes to REST and gets its 403
 * `endpoint_disabled`, the answer the stdio server (which cannot know a remote server's list) gets too.
 */
export function createMcpServer(endpoints: readonly AnyEndpoint[], creditCost: number | null, rest: RestCaller, disabled: readonly string[]): Server {
  const tools = catalogTools(endpoints.filter((e) => !disabled.includes(e.operationId)), creditCost);
  const byName = new Map(endpoints.map((e) => [e.operationId, e]));
  const server = new Server(MCP_SERVER_INFO, {
    capabilities: { tools: { listChanged: false } },
    instructions:
      'Trendlens serves TikTok Creative Center data (trending hashtags, songs, creators, videos, Top Ads, keyword insights). ' +
      'Each tool wraps one GET endpoint of the Trendlens API and is charged like it. Start with tiktok-popular-trend-hashtag.',
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const endpoint = byName.get(request.params.name);
    // A protocol error, not a tool error: there is no tool to have failed (docs/mcp.md § Results and errors).
    if (!endpoint) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    const args = request.params.arguments ?? {};
    const unknown = unknownParams(endpoint, args);
    if (unknown.length > 0) return refusedInput(unknown);
    try {
      return toolResult(await rest(endpoint.path + toolQuery(args)));
    } catch (error) {
      // Only the stdio server can get here: the Trendlens it calls did not answer at all.
      return unreachable(error instanceof Error ? error.message : String(error));
    }
  });
  return server;
}
