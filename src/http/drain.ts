import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How often a draining server looks again for connections that have nothing left to answer. */
const SWEEP_MS = 100;

export interface ConnectionDrain {
  /**
   * Waits for `closing` (the server's own close: it stops accepting and waits for every connection)
   * while closing the connections that have nothing in flight as they appear, and every connection
   * once `deadlineMs` has passed. Resolves with how many connections the deadline cut.
   */
  drain(closing: Promise<unknown>, deadlineMs: number): Promise<{ cut: number }>;
}

/**
 * Follows a server's connections so that a shutdown ends when its requests do, not when its clients
 * choose to hang up. Node's `server.close()` waits for every connection, and until Node fixed it in
 * 2026 (nodejs/node#63452) `closeIdleConnections()` left out a connection that had not sent a byte:
 * browsers open such connections ahead of need (a headless Chromium's one held a test server's
 * shutdown for 69 s). And once closing, Node no longer enforces `headersTimeout` or `requestTimeout`,
 * so a client that sends half its headers would hold the shutdown for good: the deadline restores
 * that bound.
 */
export function followConnections(server: Server): ConnectionDrain {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  const closeIdle = () => {
    server.closeIdleConnections();
    for (const socket of open) if (socket.bytesRead === 0) socket.destroy();
  };
  return {
    async drain(closing, deadlineMs) {
      let cut = 0;
      closeIdle();
      const sweep = setInterval(closeIdle, SWEEP_MS);
      const deadline = setTimeout(() => {
        cut = open.size;
        server.closeAllConnections();
      }, deadlineMs);
      try {
        await closing;
      } finally {
        clearInterval(sweep);
        clearTimeout(deadline);
      }
      return { cut };
    },
  };
}
