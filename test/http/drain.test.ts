import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { followConnections, type ConnectionDrain } from '../../src/http/index.js';

/** A plain Node server whose `/slow` answers after `slowMs`; every other path at once. */
async function serve(slowMs = 0): Promise<{ server: Server; drain: ConnectionDrain; port: number }> {
  const server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('late'), slowMs);
    else res.end('ok');
  });
  const drain = followConnections(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, drain, port: (server.address() as { port: number }).port };
}

const closing = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Resolves with the drain's result, or 'still draining' if it has not ended after `ms`. */
const within = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<'still draining'>((resolve) => setTimeout(() => resolve('still draining'), ms))]);

async function socketTo(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  sockets.push(socket);
  return socket;
}

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});

describe('followConnections: a shutdown ends when its requests do', () => {
  it('closes a connection that has sent nothing, which closeIdleConnections leaves open on Node 20', async () => {
    const { server, drain, port } = await serve();
    const silent = await socketTo(port);
    const hungUp = once(silent, 'close');
    // Accepted once a request on another connection has been answered.
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');

    expect(await within(drain.drain(closing(server), 60_000), 10_000)).toEqual({ cut: 0 });
    await hungUp;
  });

  it('lets a request in flight finish, answered whole, before the server closes', async () => {
    const { server, drain, port } = await serve(300);
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const drained = drain.drain(closing(server), 60_000);
    const res = await inFlight;
    expect(await res.text()).toBe('late');
    expect(await within(drained, 10_000)).toEqual({ cut: 0 });
  });

  it('cuts a client that sends half its headers once the deadline passes, and counts it', async () => {
    const { server, drain, port } = await serve();
    const slowloris = await socketTo(port);
    slowloris.write('GET / HTTP/1.1\r\nHost: example\r\n');
    const hungUp = once(slowloris, 'close');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const drained = drain.drain(closing(server), 500);
    expect(await within(drained, 100)).toBe('still draining');
    expect(await within(drained, 10_000)).toEqual({ cut: 1 });
    await hungUp;
  });
});
