import { createHash } from 'node:crypto';

/** Salt of the web client's signing module (docs/upstreams.md § Transport and signing). */
const SALT = 'A7B&9z#1G6$2K@8M!3';

/**
 * The upstream's `user-sign`: MD5 of `salt-id-timestamp`, its two 16-digit halves folded with XOR
 * (docs/upstreams.md § Transport and signing). Written independently of the real client, which it checks.
 */
export function userSign(id: string, timestamp: string): string {
  const h = createHash('md5').update(`${SALT}-${id}-${timestamp}`).digest('hex');
  let sign = '';
  for (let i = 0; i < 16; i++) {
    sign += (parseInt(h[i]!, 16) ^ parseInt(h[i + 16]!, 16)).toString(16);
  }
  return sign;
}
