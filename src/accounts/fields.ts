import { z } from 'zod';

/**
 * Characters that act rather than show: Unicode Cc (NUL, ESC, line breaks, C1) and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). In a stored name they recolour
 * an operator's terminal, forge rows in a listing or make text read other than it is; no name needs them.
 */
const UNSHOWN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const EVERY_UNSHOWN = new RegExp(UNSHOWN.source, 'gu');

/**
 * Text a person chose for others (and the operator) to read: trimmed, and refused when it holds a
 * character of UNSHOWN. Each field adds its own length rule. The public API refuses control characters
 * in its params alike.
 */
export const DisplayText = z
  .string('must be a string')
  .trim()
  .refine((text) => !UNSHOWN.test(text), 'must not contain control or text-direction characters');

/**
 * Stored text as a terminal should print it: each character of UNSHOWN as a visible `\u001b`, since
 * what was stored before DisplayText refused them is still read back.
 */
export function escapeUnshown(text: string): string {
  return text.replace(EVERY_UNSHOWN, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** An e-mail address as an account is created with it, through the Console or the CLI. */
export const Email = z.string('must be a string').trim().pipe(z.email('must be an email address').max(254, 'must be at most 254 characters'));

/** An account's name: optional, at most 100 characters; blank is none. */
export const AccountName = DisplayText.max(100, 'must be at most 100 characters')
  .nullish()
  .transform((name) => name || null);

/** An API key's name (docs/api-contract.md § Console API: 1–64 characters). */
export const KeyName = DisplayText.min(1, 'must be 1–64 characters').max(64, 'must be 1–64 characters');
