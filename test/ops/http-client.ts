import { request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  /** The `tl_session` cookie value the answer set, if any. */
  session?: string;
}

/**
 * A JSON request over real HTTP, from a chosen loopback address (127.0.0.2 and up are other
 * clients as far as the server's per-IP limits can tell).
 */
export function call(
  url: string,
  opts: { method?: string; body?: unknown; from?: string; headers?: Record<string, string>; session?: string; csrf?: string } = {},
): Promise<Answer> {
  const target = new URL(url);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { ...opts.headers };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (opts.session) headers.cookie = `tl_session=${opts.session}`;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  if (opts.method && opts.method !== 'GET') headers.origin ??= target.origin;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname + target.search, method: opts.method ?? 'GET', headers, localAddress: opts.from ?? '127.0.0.1', agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('tl_session='));
          const session = cookie?.slice('tl_session='.length).split(';', 1)[0];
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON (e.g. Prometheus text): left as text.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ...(session ? { session } : {}) });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
