import { buildConnector, Client } from 'undici';
import { AddressNotAllowedError, guardedLookup, literalAddressError, systemResolver, type HostResolver } from './url-guard.js';

/** How one POST to a receiver ended: its status, or a short fixed reason in words. Never the receiver's body. */
export interface PostOutcome {
  ok: boolean;
  code: number | null;
  error: string | null;
}

export interface WebhookTransportOptions {
  /** WEBHOOK_ALLOW_PRIVATE: connect to loopback and private addresses too. */
  allowPrivate: boolean;
  /** How host names are resolved (default: the system's `dns.lookup`). */
  resolve?: HostResolver;
  /** The whole exchange, connection included (README § Trend history: 10 s). */
  timeoutMs: number;
}

/**
 * How much of a reply is read before the connection is dropped: only to let a receiver that sends a
 * short body finish it. Nothing read is kept.
 */
const REPLY_READ_LIMIT = 1024;

/** The first `code` on an error or its causes (undici nests the system error). */
function codeOf(error: unknown): string | undefined {
  let cur: unknown = error;
  for (let depth = 0; depth < 4 && cur !== null && typeof cur === 'object'; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function refusal(error: unknown): AddressNotAllowedError | undefined {
  let cur: unknown = error;
  for (let depth = 0; depth < 4 && cur !== null && typeof cur === 'object'; depth++) {
    if (cur instanceof AddressNotAllowedError) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** A network failure as a short fixed reason: no error text from the socket, the TLS stack or the receiver. */
function failureReason(error: unknown, timedOut: boolean, timeoutMs: number): string {
  const refused = refusal(error);
  if (refused) return refused.message;
  if (timedOut) return `timed out after ${seconds(timeoutMs)}`;
  const code = codeOf(error) ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return 'host not found';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return `timed out after ${seconds(timeoutMs)}`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'connection closed before an answer';
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code) || code.includes('CERT')) return 'TLS handshake failed';
  if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW' || code.startsWith('HPE_') || code === 'UND_ERR_INFO') return 'invalid HTTP answer';
  return 'request failed';
}

/**
 * POSTs webhook deliveries (README § Trend history). Each attempt has a connection of its own, closed
 * after it, so every attempt resolves and checks the name afresh and no attempt can be handed another's
 * half-closed socket. The connection's address is the one `guardedLookup` checked (a host written as an
 * address is checked here, as no lookup happens then); redirects are never followed (an undici
 * `Client` does not); and at most `REPLY_READ_LIMIT` bytes of a reply are read before the connection is
 * dropped: a receiver's body is never kept or shown.
 */
export class WebhookTransport {
  private readonly connect: buildConnector.connector;

  constructor(private readonly opts: WebhookTransportOptions) {
    const connector = buildConnector({ lookup: guardedLookup(opts.resolve ?? systemResolver, opts.allowPrivate), timeout: opts.timeoutMs });
    this.connect = (options, callback) => {
      const refused = literalAddressError(options.hostname, opts.allowPrivate);
      if (refused) callback(refused, null);
      else connector(options, callback);
    };
  }

  async post(url: URL, headers: Record<string, string>, body: string): Promise<PostOutcome> {
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    const client = new Client(url.origin, { connect: this.connect, pipelining: 1 });
    try {
      const response = await client.request({ path: `${url.pathname}${url.search}`, method: 'POST', headers, body, signal, reset: true });
      // Read a little (so a short reply ends cleanly) and drop the rest with the connection; failures here change nothing.
      await response.body.dump({ limit: REPLY_READ_LIMIT, signal }).catch(() => undefined);
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return { ok, code: response.statusCode, error: ok ? null : `HTTP ${response.statusCode}` };
    } catch (error) {
      return { ok: false, code: null, error: failureReason(error, signal.aborted, this.opts.timeoutMs) };
    } finally {
      await client.destroy().catch(() => undefined);
    }
  }
}
