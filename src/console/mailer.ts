import nodemailer from 'nodemailer';

/** Sends the Console's e-mails; absent when SMTP_URL is not set (the operator's CLI prints links instead). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** A mailer over the SMTP server named by `smtpUrl` (`smtp://user:pass@host:port`, or smtps://). */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
    close: () => transport.close(),
  };
}

/** The web app's page for a one-time link: the Console reads `token` and posts it back. */
export function accountLink(origin: string, purpose: 'reset' | 'verify', token: string): string {
  const page = purpose === 'reset' ? 'reset-password' : 'verify-email';
  return `${origin.replace(/\/$/, '')}/console/${page}?token=${encodeURIComponent(token)}`;
}

/** The text of a reset or verification e-mail. */
export function linkMail(purpose: 'reset' | 'verify', link: string): { subject: string; text: string } {
  return purpose === 'reset'
    ? {
        subject: 'Reset your Trendlens password',
        text: `Someone asked to reset the password of this Trendlens account. To choose a new one, open:\n\n${link}\n\nThe link works once, for an hour. If it was not you, ignore this e-mail.\n`,
      }
    : {
        subject: 'Verify your Trendlens e-mail address',
        text: `To verify this address for your Trendlens account, open:\n\n${link}\n\nThe link works once, for three days.\n`,
      };
}
