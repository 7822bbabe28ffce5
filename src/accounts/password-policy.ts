import { readFileSync } from 'node:fs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';

// Resolved against the package root, so the same path works from src/ (tsx, tests) and dist/.
const LIST_FILE = new URL('../../src/accounts/data/common-passwords.txt', import.meta.url);

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.toLowerCase()),
  );
  return common;
}

/**
 * NIST SP 800-63B (5.1.1.2) for memorised secrets: a length range, no composition rules, and a refusal
 * of passwords that are common, breached-pattern or about this service or person. Returns the reason
 * in words for the 400, or null when the password is acceptable.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) return `must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`;
  const lowered = password.normalize('NFC').toLowerCase();
  if (commonPasswords().has(lowered)) return 'is too common: choose a longer or less predictable one';
  if (new Set(lowered).size <= 2) return 'repeats too few characters: choose a less predictable one';
  const email = context.email?.trim().toLowerCase();
  const local = email?.split('@')[0];
  // The whole address anywhere in it (`carol@example.com!`), or the local part with little added.
  if (email && (lowered.includes(email) || (local && local.length >= 4 && lowered.includes(local) && lowered.length - local.length < 6))) {
    return 'is too close to the e-mail address';
  }
  return null;
}
