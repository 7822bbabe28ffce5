import { once } from 'node:events';
import { connect } from 'node:net';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b' };

/** One quoted argument of a MONITOR line, as Redis escapes it (`\"`, `\\`, `\n`, `\xNN`). */
function unquote(quoted: string): string {
  return quoted.replace(/\\(x[0-9a-f]{2}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e)));
}

/**
 * Watches every command the Redis server at `url` runs (name first, then its arguments), over a
 * connection of its own that speaks RESP directly; resolves once MONITOR is on. Not ioredis's
 * `monitor()`: it enters monitoring mode in a promise callback, so a command seen in the same read
 * as MONITOR's OK is taken for a reply nobody asked for ("Command queue state error") whenever other
 * clients are busy, as they are when test files run side by side.
 */
export async function monitorRedis(url: string, onCommand: (args: string[]) => void): Promise<{ close(): void }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port || 6379), hostname);
  await once(socket, 'connect');
  socket.setEncoding('utf8');
  let pending = '';
  let started = false;
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const on = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Once monitoring, a lost connection shows as commands the test never sees, and it fails there.
  socket.on('error', reject);
  socket.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\r\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!started) {
        started = true;
        if (line === '+OK') resolve();
        else reject(new Error(`MONITOR was refused: ${line}`));
      } else if (line.startsWith('+')) {
        onCommand([...line.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => unquote(m[1]!)));
      }
    }
  });
  socket.write('MONITOR\r\n');
  await on;
  return { close: () => socket.destroy() };
}
