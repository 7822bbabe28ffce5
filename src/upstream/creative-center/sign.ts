import { createHash } from 'node:crypto';

/** The salt of the web client's signing module (docs/upstreams.md § Transport and signing). */
const SIGN_SALT = 'A7B&9z#1G6$2K@8M!3';

/**
 * `user-sign` (docs/upstreams.md § Transport and signing): MD5 of `<salt>-<anonymous-user-id>-<timestamp>`, its two 16-digit
 * halves folded together with XOR, as 16 lower-case hex digits.
 */
export function userSign(anonymousUserId: string, timestamp: string): string {
  const h = createHash('md5').update(`${SIGN_SALT}-${anonymousUserId}-${timestamp}`).digest('hex');
  let sign = '';
  for (let i = 0; i < 16; i++) {
    sign += (parseInt(h[i]!, 16) ^ parseInt(h[i + 16]!, 16)).toString(16);
  }
  return sign;
}
