export { createMcpServer, MCP_SERVER_INFO, type RestCaller } from './server.js';
export { catalogTools, toolFor, toolQuery, type McpTool } from './tools.js';
export { toolResult, type RestAnswer } from './results.js';
export { registerMcpRoute, MCP_PATH, MCP_CLIENT_LABEL } from './http.js';
export { serveMcpOverStdio, parseStdioEnv, DEFAULT_TRENDLENS_URL, type StdioSettings } from './stdio.js';
