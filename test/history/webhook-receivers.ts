import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a local receiver saw. */
export interface Seen {
  path: string;
  host: string;
  delivery: string;
  at: number;
}

/**
 * A receiver on 127.0.0.1 that answers as `answer` says (default 200 "ok"), recording each request,
 * and how many were open at once in all and per path.
 */
export class LocalReceiver {
  readonly seen: Seen[] = [];
  open = 0;
  maxOpen = 0;
  readonly openByPath = new Map<string, number>();
  readonly maxOpenByPath = new Map<string, number>();
  answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  };
  private server!: Server;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.seen.push({ path, host: String(req.headers.host), delivery: String(req.headers['trendlens-delivery']), at: Date.now() });
      this.open++;
      this.maxOpen = Math.max(this.maxOpen, this.open);
      const byPath = (this.openByPath.get(path) ?? 0) + 1;
      this.openByPath.set(path, byPath);
      this.maxOpenByPath.set(path, Math.max(this.maxOpenByPath.get(path) ?? 0, byPath));
      let counted = true;
      const done = () => {
        if (!counted) return;
        counted = false;
        this.open--;
        this.openByPath.set(path, (this.openByPath.get(path) ?? 1) - 1);
      };
      res.on('close', done);
      req.resume();
      req.on('end', () => this.answer(req, res));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  of(path: string): Seen[] {
    return this.seen.filter((s) => s.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port on 127.0.0.1 nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` every 10 ms until it holds or `ms` pass; whether it held. */
export async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
