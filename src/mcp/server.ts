import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AnyEndpoint } from '../catalog/index.js';
import { toolResult, type RestAnswer } from './results.js';
import { catalogTools, toolQuery } from './tools.js';

/** Sends one GET to the public API (`/api/v1<path>?<query>`) as the MCP caller and returns its answer. */
export type RestCaller = (pathAndQuery: string) => Promise<RestAnswer>;

/** The server's name and version as MCP clients see them. */
export const MCP_SERVER_INFO = { name: 'trendlens', version: '0.1.0' } as const;

/**
 * An MCP server with one tool per catalog endpoint. Each call is a REST request through `rest`, so it
 * is identified, rate limited, charged and recorded exactly as the REST call it wraps. The low-level
 * Server is used because the tools' input schemas are JSON Schemas generated from the catalog, and the
 * catalog's own parser (behind REST) does the validating, with the same 400 a REST caller gets.
 */
export function createMcpServer(endpoints: readonly AnyEndpoint[], creditCost: number | null, rest: RestCaller): Server {
  const tools = catalogTools(endpoints, creditCost);
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
    if (!endpoint) {
      return { isError: true, content: [{ type: 'text', text: `route_not_found: no tool named ${request.params.name}` }] };
    }
    try {
      return toolResult(await rest(endpoint.path + toolQuery(request.params.arguments ?? {})));
    } catch (error) {
      // Only the stdio server can get here: the Trendlens it calls did not answer at all.
      const reason = error instanceof Error ? error.message : String(error);
      return { isError: true, content: [{ type: 'text', text: `trendlens_unreachable: no answer from Trendlens (${reason})` }] };
    }
  });
  return server;
}
