import { lookup } from 'node:dns/promises';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may not reach unless the operator allows it: loopback, private, shared (CGN),
 * link-local (the cloud metadata address), documentation, benchmarking, multicast and reserved ranges,
 * and the IPv6 forms that carry or translate an IPv4 address (IPv4-compatible, IPv4-translated, NAT64,
 * 6to4, Teredo), whose IPv4 part could be any of those.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // `::`, `::1` and the IPv4-compatible `::a.b.c.d`.
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** `::ffff:a.b.c.d` once `URL` has written it in hex, as it writes every IPv4-mapped address. */
const MAPPED = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;

/**
 * Whether an address may not be reached: loopback, private, link-local, multicast, reserved or
 * unspecified, IPv4-mapped IPv6 judged by its IPv4 address. Anything that is not an IP address counts
 * as private.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, 'ipv4');
  if (family !== 6) return true;
  let canonical: string;
  try {
    canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    // A zone id (`fe80::1%eth0`) or anything else URL will not take: not a public address.
    return true;
  }
  const mapped = MAPPED.exec(canonical);
  if (mapped) {
    const high = parseInt(mapped[1]!, 16);
    const low = parseInt(mapped[2]!, 16);
    return PRIVATE.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return PRIVATE.check(canonical, 'ipv6');
}

/**
 * Resolves a host name to its addresses. The default asks the system (`dns.lookup`, as `fetch` would);
 * tests and embedders pass their own (a name that answers differently each time, as a rebinding DNS
 * server does).
 */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** The system's resolver: every address `dns.lookup` gives, in its order. */
export const systemResolver: HostResolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

const ALLOW_HINT = '(the operator can allow these with WEBHOOK_ALLOW_PRIVATE=true)';
/** A refused name: which private address it resolved to is not said (it would map the operator's network). */
export const RESOLVES_PRIVATE = `resolves to a loopback, private or link-local address ${ALLOW_HINT}`;
const literalRefused = (address: string) => `resolves to ${address}, a loopback, private or link-local address ${ALLOW_HINT}`;

/** A webhook URL's verdict: usable, or refused with the reason in words. */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/** The host of a URL without an IPv6 literal's brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/**
 * What can be checked without DNS: http(s) only, no credentials, and a host written as an IP address
 * (in any form `URL` reads: decimal, hex, IPv4-mapped) not private unless `allowPrivate`.
 */
export function checkWebhookTarget(raw: string, allowPrivate: boolean): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be an absolute http or https URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `must use http or https, not ${url.protocol.replace(':', '')}` };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'must not carry a user name or password' };
  const host = hostOf(url);
  if (!allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) return { ok: false, reason: literalRefused(host) };
  return { ok: true, url };
}

/**
 * Checks a webhook target at creation (SSRF): `checkWebhookTarget`, then every address the host
 * resolves to must be public, unless `allowPrivate` (WEBHOOK_ALLOW_PRIVATE) lets local receivers
 * through. This is advice for the person creating it: a name can resolve elsewhere later, so each
 * delivery checks the address it connects to again (`guardedLookup`).
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, resolve: HostResolver = systemResolver): Promise<UrlVerdict> {
  const verdict = checkWebhookTarget(raw, allowPrivate);
  if (!verdict.ok || allowPrivate) return verdict;
  const host = hostOf(verdict.url);
  if (isIP(host) !== 0) return verdict;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: `host ${host} cannot be resolved` };
  }
  if (addresses.length === 0) return { ok: false, reason: `host ${host} cannot be resolved` };
  if (addresses.some(isPrivateAddress)) return { ok: false, reason: RESOLVES_PRIVATE };
  return verdict;
}

/** A connection refused because the address it would reach is not public; `reason` is said to the user. */
export class AddressNotAllowedError extends Error {
  readonly code = 'ERR_WEBHOOK_ADDRESS_NOT_ALLOWED';

  constructor(readonly reason: string) {
    super(`url refused: ${reason}`);
    this.name = 'AddressNotAllowedError';
  }
}

/** A connection's address check for a host written as an IP address (`net.connect` resolves nothing then). */
export function literalAddressError(host: string, allowPrivate: boolean): AddressNotAllowedError | null {
  const bare = host.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(bare) === 0 || !isPrivateAddress(bare)) return null;
  return new AddressNotAllowedError(literalRefused(bare));
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function notFound(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  return error;
}

/**
 * A `lookup` for `net.connect`/`tls.connect` that resolves once with `resolve`, refuses the connection
 * when any address is not public (unless `allowPrivate`), and hands the checked addresses to the socket,
 * which connects to one of them: the address checked is the address dialled, with no second resolution
 * a rebinding DNS server could answer differently.
 */
export function guardedLookup(resolve: HostResolver, allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (answers) => {
        if (!allowPrivate && (answers.length === 0 || answers.some(isPrivateAddress))) {
          callback(answers.length === 0 ? notFound(hostname) : new AddressNotAllowedError(RESOLVES_PRIVATE), []);
          return;
        }
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const addresses = answers
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => a.family !== 0 && (family === 0 || a.family === family));
        const [first] = addresses;
        if (!first) callback(notFound(hostname), []);
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : notFound(hostname), []),
    );
  };
}
