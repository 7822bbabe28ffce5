/** What a live request ended with: a response of any status, or none at all (docs/api-contract.md § Playground). */
export type RequestResult =
  | { ok: true; status: number; ms: number; bytes: number; headers: [string, string][]; body: string; contentType: string }
  | { ok: false; reason: RequestFailure; message: string };

export type RequestFailure = 'network' | 'cancelled' | 'no_key';

/** Every message the runner shows people, in one place. */
export const REQUEST_MESSAGES: Record<RequestFailure, string> = {
  network: 'No response received (network or CORS)',
  cancelled: 'Request cancelled.',
  no_key: 'Add an API key to send a live request.',
};

function failure(reason: RequestFailure): RequestResult {
  return { ok: false, reason, message: REQUEST_MESSAGES[reason] };
}

/** A request in flight that can be cancelled. */
export interface RunningRequest {
  result: Promise<RequestResult>;
  cancel(): void;
}

export interface RunOptions {
  /** The `X-Trendlens-Client` label: which page sent it (docs/api-contract.md § Usage records). */
  client?: 'playground' | 'console';
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Sends one live GET with `x-api-key` and `X-Trendlens-Client: playground` or `console` (a label only: docs/api-contract.md § Usage records);
 * latency is measured in the browser, from send to the last byte of the body.
 */
export function runRequest(url: string, key: string | null, opts: RunOptions = {}): RunningRequest {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const now = opts.now ?? (() => performance.now());
  const controller = new AbortController();
  const result = (async (): Promise<RequestResult> => {
    if (!key) return failure('no_key');
    const started = now();
    try {
      const response = await doFetch(url, {
        method: 'GET',
        headers: { 'x-api-key': key, 'X-Trendlens-Client': opts.client ?? 'playground', accept: 'application/json' },
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      const buffer = await response.arrayBuffer();
      const ms = Math.round(now() - started);
      const headers: [string, string][] = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      headers.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return {
        ok: true,
        status: response.status,
        ms,
        bytes: buffer.byteLength,
        headers,
        body: new TextDecoder().decode(buffer),
        contentType: response.headers.get('content-type') ?? '',
      };
    } catch {
      return failure(controller.signal.aborted ? 'cancelled' : 'network');
    }
  })();
  return { result, cancel: () => controller.abort() };
}
