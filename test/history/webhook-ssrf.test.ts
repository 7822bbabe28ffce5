import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/history/index.js';
import { checkWebhookUrl, RESOLVES_PRIVATE, type HostResolver } from '../../src/history/url-guard.js';
import { WebhookTransport } from '../../src/history/webhook-transport.js';
import { Webhooks, type WebhooksOptions } from '../../src/history/webhooks.js';
import { consoleHarness, type Harness } from '../console/harness.js';
import { closedPort, eventually, LocalReceiver } from './webhook-receivers.js';

/**
 * SSRF and what a receiver can make the server keep (security audit findings 2 and 5). Every receiver
 * is on 127.0.0.1 and names resolve through a resolver the test writes: nothing here leaves the
 * machine. A "public" answer is only ever checked, never connected to.
 */

const PUBLIC = '93.184.216.34';

/** A resolver that answers from `answers` in turn (the last one repeating), counting its calls. */
function scripted(...answers: string[][]): HostResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    return answers[Math.min(calls.length, answers.length) - 1]!;
  };
  return Object.assign(resolve, { calls });
}

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '255.255.255.255',
    '192.0.2.1', '198.51.100.7', '203.0.113.9', '224.0.0.1',
    '::', '::1', '::127.0.0.1', 'fe80::1', 'fec0::1', 'fd00::1', 'ff02::1', '2001:db8::1',
    // IPv4-mapped, in both spellings, and the forms that carry an IPv4 address: NAT64, 6to4, Teredo, IPv4-translated.
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '64:ff9b::7f00:1', '64:ff9b::5db8:d822', '2002:7f00:1::1', '2001:0:4136:e378::1', '::ffff:0:7f00:1',
    'fe80::1%eth0', 'not-an-address', '',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([PUBLIC, '1.1.1.1', '2606:4700:4700::1111', '::ffff:93.184.216.34', '::ffff:5db8:d822'])('allows the public %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe('checking a URL at creation', () => {
  it('refuses a name resolving to a private address without saying which', async () => {
    const verdict = await checkWebhookUrl('http://intranet.test/hook', false, scripted(['10.20.30.40']));
    expect(verdict).toEqual({ ok: false, reason: RESOLVES_PRIVATE });
    expect(JSON.stringify(verdict)).not.toContain('10.20.30.40');
  });

  it('refuses a name when any one of its addresses is private', async () => {
    expect(await checkWebhookUrl('http://mixed.test/hook', false, scripted([PUBLIC, '127.0.0.1']))).toEqual({ ok: false, reason: RESOLVES_PRIVATE });
  });

  it('accepts a name resolving to public addresses only', async () => {
    const verdict = await checkWebhookUrl('https://hooks.test/in', false, scripted([PUBLIC]));
    expect(verdict.ok).toBe(true);
  });
});

describe('delivering to the address that was checked', () => {
  let h: Harness;
  let internal: LocalReceiver;
  let accountId: string;
  const made: Webhooks[] = [];

  function webhooks(opts: Partial<WebhooksOptions>): Webhooks {
    const w = new Webhooks({ db: h.services.store.db, clock: h.clock, allowPrivate: false, ...opts });
    made.push(w);
    return w;
  }

  async function deliveryTo(w: Webhooks, url: string) {
    const verdict = await w.check(url);
    if (!verdict.ok) throw new Error(verdict.reason);
    const { endpoint } = await w.create(accountId, verdict.url);
    await w.enqueue(accountId, endpoint.id, { type: 'webhook.test', watchId: null, data: { message: 'hi' } });
    await w.deliverDue();
    const [delivery] = await w.deliveries(accountId, endpoint.id);
    return { endpoint, delivery: delivery! };
  }

  beforeAll(async () => {
    h = await consoleHarness('sqlite');
    internal = await new LocalReceiver().start();
    accountId = (await h.services.accounts.create({ email: 'ssrf@example.com' })).id;
  });
  afterEach(() => {
    internal.answer = (_req, res) => res.writeHead(200).end('ok');
  });
  afterAll(async () => {
    for (const w of made) await w.idle();
    await internal.close();
    await h.close();
  });

  it('refuses a name that rebinds to 127.0.0.1 after passing the check, resolving it once per connection', async () => {
    // A TTL-0 rebinding server: public for the check at creation, loopback for everything after.
    const resolve = scripted([PUBLIC], ['127.0.0.1']);
    internal.answer = (_req, res) => res.writeHead(403).end('INTERNAL-ONLY admin panel: db_password=hunter2');
    const { delivery } = await deliveryTo(webhooks({ resolve }), `http://rebind.attacker.test:${internal.port}/admin`);
    expect(internal.of('/admin')).toEqual([]);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, last_status_code: null, last_error: `url refused: ${RESOLVES_PRIVATE}` });
    expect(delivery.last_error).not.toContain('127.0.0.1');
    // Once at creation, once for the one connection: the address checked is the address dialled.
    expect(resolve.calls).toEqual(['rebind.attacker.test', 'rebind.attacker.test']);
  });

  it('refuses a connection when any address of the name is private', async () => {
    const resolve = scripted([PUBLIC], [PUBLIC, '127.0.0.1']);
    const { delivery } = await deliveryTo(webhooks({ resolve }), `http://mixed.attacker.test:${internal.port}/mixed`);
    expect(internal.of('/mixed')).toEqual([]);
    expect(delivery.last_error).toBe(`url refused: ${RESOLVES_PRIVATE}`);
  });

  it('connects to the address its resolver gave (WEBHOOK_ALLOW_PRIVATE), sending the name as Host', async () => {
    const resolve = scripted(['127.0.0.1']);
    const w = webhooks({ resolve, allowPrivate: true });
    const { endpoint, delivery } = await deliveryTo(w, `http://hooks.example.test:${internal.port}/named`);
    expect(delivery).toMatchObject({ status: 'delivered', last_status_code: 200, last_error: null });
    expect(internal.of('/named')).toEqual([expect.objectContaining({ host: `hooks.example.test:${internal.port}` })]);
    // Each attempt resolves once (creation does not resolve when private receivers are allowed).
    await w.enqueue(accountId, endpoint.id, { type: 'webhook.test', watchId: null, data: {} });
    await w.deliverDue();
    expect(resolve.calls).toHaveLength(2);
  });

  it.each([
    ['IPv4 loopback', '127.0.0.1'],
    ['IPv4-mapped loopback', '[::ffff:127.0.0.1]'],
    ['IPv6 loopback', '[::1]'],
  ])('refuses a host written as %s at the connection itself', async (_, host) => {
    const transport = new WebhookTransport({ allowPrivate: false, timeoutMs: 2_000 });
    const outcome = await transport.post(new URL(`http://${host}:${internal.port}/literal`), {}, '{}');
    expect(outcome).toEqual({ ok: false, code: null, error: expect.stringMatching(/^url refused: resolves to .*, a loopback, private or link-local address/) });
    expect(internal.of('/literal')).toEqual([]);
  });

  it('does not follow a redirect to an internal address', async () => {
    const target = await new LocalReceiver().start();
    try {
      internal.answer = (_req, res) => res.writeHead(307, { location: `${target.url}/internal` }).end();
      const { delivery } = await deliveryTo(webhooks({ allowPrivate: true }), `${internal.url}/redirect`);
      expect(delivery).toMatchObject({ status: 'pending', last_status_code: 307, last_error: 'HTTP 307' });
      expect(target.seen).toEqual([]);
    } finally {
      await target.close();
    }
  });

  it("keeps only the status of a refusal, never the receiver's body", async () => {
    internal.answer = (_req, res) => res.writeHead(403, { 'content-type': 'text/plain' }).end('INTERNAL-ONLY admin panel: db_password=hunter2');
    const w = webhooks({ allowPrivate: true });
    const { endpoint, delivery } = await deliveryTo(w, `${internal.url}/body`);
    expect(delivery).toMatchObject({ last_status_code: 403, last_error: 'HTTP 403' });
    expect(JSON.stringify(await w.deliveries(accountId, endpoint.id))).not.toContain('hunter2');
  });

  it('says what failed in a few fixed words: a refused connection, a silent receiver', async () => {
    const port = await closedPort();
    const refused = await deliveryTo(webhooks({ allowPrivate: true }), `http://127.0.0.1:${port}/nobody`);
    expect(refused.delivery.last_error).toBe('connection refused');

    internal.answer = () => {}; // accepts and never answers
    const started = Date.now();
    const silent = await deliveryTo(webhooks({ allowPrivate: true, timeoutMs: 300 }), `${internal.url}/silent`);
    expect(silent.delivery).toMatchObject({ last_status_code: null, last_error: 'timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.each([
    ['announced with its length', true],
    ['sent in chunks', false],
  ])('reads at most a little of a huge reply (%s), then drops the connection', async (_, withLength) => {
    const TOTAL = 64 * 1024 * 1024;
    let written = 0;
    let closedAfter = -1;
    internal.answer = (_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain', ...(withLength ? { 'content-length': String(TOTAL) } : {}) });
      const chunk = Buffer.alloc(64 * 1024, 'A');
      const pump = () => {
        while (written < TOTAL && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (written >= TOTAL) res.end();
      };
      res.on('close', () => {
        closedAfter = written;
      });
      pump();
    };
    const started = Date.now();
    const { delivery } = await deliveryTo(webhooks({ allowPrivate: true }), `${internal.url}/huge`);
    expect(delivery).toMatchObject({ last_status_code: 500, last_error: 'HTTP 500' });
    expect(Date.now() - started).toBeLessThan(5_000);
    // What the kernel's socket buffers took before the drop, far short of the whole reply.
    expect(await eventually(() => closedAfter >= 0, 3_000)).toBe(true);
    expect(closedAfter).toBeLessThan(TOTAL / 4);
  });
});
