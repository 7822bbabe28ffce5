import { ConsoleApi } from '../../lib/console-api.js';

/** The one Console API client of the page: it holds the session's CSRF token. */
export const api = new ConsoleApi();

/** An error said in words, announced to screen readers. */
export function ErrorText({ message }: { message: string | null }) {
  return message ? (
    <p role="alert" className="error">
      {message}
    </p>
  ) : null;
}

/** A key shown once right after sign-up, handed to the Keys page that shows it. */
let pendingSecret: { name: string; key: string } | null = null;

/** Leaves a just-created key for the Keys page to show once. */
export function handOverSecret(secret: { name: string; key: string }): void {
  pendingSecret = secret;
}

/** Takes the key left by sign-up, if any; a second call gets nothing. */
export function takeSecret(): { name: string; key: string } | null {
  const secret = pendingSecret;
  pendingSecret = null;
  return secret;
}
