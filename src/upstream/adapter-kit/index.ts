/**
 * What both upstream adapters are built from (docs/architecture.md § Sources and honest modes): one HTTP
 * exchange with its timeout and body cap, the retry loop with backoff inside the request budget, the
 * operator's sessions and browser identity, short-lived page reuse, and the response-schema check.
 * Each adapter keeps its own signing, headers and judgement of answers.
 */
export { HttpTransport, CONNECT_ERRORS, errorCode, firstHeader, isJsonContentType, type Exchange, type ExchangeRequest, type HttpTransportOptions, type Send, type TransportLimits } from './transport.js';
export { callWithRetries, exponentialBackoff, judgeFailedExchange, type CallBudget, type CallFailed, type RetryPolicy, type Verdict } from './retries.js';
export { CookieSessions, cookieValue, DEFAULT_USER_AGENT } from './identity.js';
export { PageCache, type PageCacheOptions } from './page-cache.js';
export { checkAgainstSchema } from './schema-check.js';
export type { AdapterOptions } from './adapter-options.js';
