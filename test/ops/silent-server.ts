import { createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP server on loopback that accepts every connection and never answers: a hung database host, or a
 * port another program holds. Nothing refuses, so only a client's own timeout ends its wait.
 */
export class SilentServer {
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  port = 0;

  async start(): Promise<this> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      // Read and drop what the client sends: a socket never read never sees the client's end, nor closes.
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** Resolves once every client has closed its connection: a refused start leaves none open. */
  async drained(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.sockets.size > 0) {
      if (Date.now() > deadline) throw new Error(`${this.sockets.size} connection(s) to the silent server still open after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
