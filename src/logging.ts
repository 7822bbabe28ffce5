import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** What never reaches a log line: keys, authorization and cookies (README.md § Configuration, LOG_LEVEL). */
const REDACT = ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/**
 * The process's one logger, made before the services so that their background work (usage batches,
 * ledger flushes, history, the upstream router, Redis outages) logs as the requests do: JSON lines at
 * `LOG_LEVEL`, to stdout unless `stream` says otherwise (`serve --json` keeps stdout for its result).
 */
export function createLogger(level: Config['LOG_LEVEL'], stream?: NodeJS.WritableStream): Logger {
  return stream ? pino({ level, redact: REDACT }, stream) : pino({ level, redact: REDACT });
}
