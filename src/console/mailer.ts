import nodemailer from 'nodemailer';
import type { TokenPurpose } from '../accounts/index.js';

/**
 * How long a mail server may keep a send waiting (nodemailer's defaults run to minutes): sends run after
 * the answer, and close() waits for them. SMTP_URL's query (`?socketTimeout=…`) overrides these.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** Sends the Console's e-mails; absent when SMTP_URL is not set (the operator's CLI prints links instead). */
export interface Mailer {
  /** Mails the one-time link for `token`; its origin is PUBLIC_URL's, never the Host of the request that asked. */
  sendLink(to: string, purpose: TokenPurpose, token: string): Promise<void>;
  /** Runs mail work after the answer has gone (so its timing says nothing), reporting a failure to `onError`. */
  inBackground(work: () => Promise<void>, onError: (error: unknown) => void): void;
  /** Waits for the work in the background, then closes the transport. */
  close(): Promise<void>;
}

/** A mailer over the SMTP server named by `smtpUrl` (`smtp://user:pass@host:port`, or smtps://), with links on `linkOrigin`. */
export function createMailer(smtpUrl: string, from: string, linkOrigin: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  const running = new Set<Promise<void>>();
  return {
    async sendLink(to, purpose, token) {
      await transport.sendMail({ from, to, ...linkMail(purpose, accountLink(linkOrigin, purpose, token)) });
    },
    inBackground(work, onError) {
      const task = work()
        .catch(onError)
        .finally(() => running.delete(task));
      running.add(task);
    },
    async close() {
      await Promise.allSettled(running);
      transport.close();
    },
  };
}

/** The web app's page for a one-time link: the Console reads `token` and posts it back. */
export function accountLink(origin: string, purpose: TokenPurpose, token: string): string {
  const page = purpose === 'reset' ? 'reset-password' : 'verify-email';
  return `${origin.replace(/\/$/, '')}/console/${page}?token=${encodeURIComponent(token)}`;
}

/** The text of a reset or verification e-mail. */
function linkMail(purpose: TokenPurpose, link: string): { subject: string; text: string } {
  return purpose === 'reset'
    ? {
        subject: 'Reset your Trendlens password',
        text: `Someone asked to reset the password of this Trendlens account. To choose a new one, open:\n\n${link}\n\nThe link works once, for an hour, until the password changes or the account signs in with this address verified. If it was not you, ignore this e-mail.\n`,
      }
    : {
        subject: 'Verify your Trendlens e-mail address',
        text:
          `To verify this address for your Trendlens account, open this link signed in to the account:\n\n${link}\n\nThe link works once, for three days.\n\n` +
          // Verifying needs the account's session, so a reader who did not sign up cannot prove the address for whoever did (README § Operating in public).
          `If you did not sign up for Trendlens, someone else used your address. To take the account over, ask for a new password under "Forgot your password?" on the sign-in page; that ends the other person's sessions and revokes the API keys they created.\n`,
      };
}
