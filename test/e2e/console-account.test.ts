import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/config.js';
import { startDemo, type RunningServer } from '../../src/server.js';
import { seriousViolations } from './support/axe.js';
import { browserTestsAvailable, CHROMIUM_ARGS, CHROMIUM_PATH, operatorLink } from './support/browser.js';
import { linkIn, startMailbox } from '../support/mailbox.js';

const available = browserTestsAvailable();

const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'another long passphrase';


let browser: Browser;
let cleanups: Array<() => Promise<void>> = [];

/** The demo server (simulated upstream, nothing reaches the internet) over a fresh SQLite file. */
async function serve(config: Partial<Config> = {}): Promise<RunningServer & { databaseUrl: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'trendlens-e2e-account-'));
  const databaseUrl = join(dir, 'e2e.db');
  const server = await startDemo(defaultConfig({ DATABASE_URL: databaseUrl, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...config }));
  cleanups.push(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ...server, databaseUrl };
}

/** A free loopback port, so PUBLIC_URL can name the server before it starts: links in e-mails come from PUBLIC_URL only. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function newPage(url: string): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, baseURL: url });
  cleanups.push(() => context.close());
  return context.newPage();
}

async function signUp(page: Page, email: string) {
  await page.goto('/console/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(OLD_PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/console/keys');
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Polls for what the page shows next, patient enough for a machine busy with other suites. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const emailStatus = (page: Page) => page.getByTestId('email-status').textContent();
const alerts = (page: Page) => page.getByRole('alert').allTextContents();
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** On a reset page: sets NEW_PASSWORD, then shows the old password refused and the new one signed in. */
async function setNewPassword(page: Page, email: string) {
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set password' }).click();
  await eventually(() => heading(page)).toBe('Password changed');
  await page.getByRole('link', { name: 'Sign in with the new password' }).click();
  await page.waitForURL('**/console/sign-in');
  await signIn(page, email, OLD_PASSWORD);
  await eventually(() => alerts(page)).toEqual(['Email or password is wrong.']);
  await signIn(page, email, NEW_PASSWORD);
  await eventually(() => heading(page)).toBe('Welcome');
}

describe.skipIf(!available)('Console account recovery in Chromium', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  }, 60_000);
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups = [];
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('verifies the address and resets a forgotten password with the operator’s links; used and bad links say so', { timeout: 90_000 }, async () => {
    const server = await serve();
    const page = await newPage(server.url);
    const email = 'forgetful@example.com';
    await signUp(page, email);

    // Verify-email: the operator's link marks the address verified, and the Console shows it.
    await page.goto('/console');
    await eventually(() => emailStatus(page)).toBe('Address not verified.');
    expect(await page.getByTestId('email-status-risk').textContent()).toMatch(/a password reset through this address revokes the account's API keys/);
    await page.getByRole('button', { name: 'Send a new verification link' }).click();
    await eventually(() => page.getByText('This server does not send e-mail: ask its operator for a verification link.').count()).toBe(1);
    const verifyLink = await operatorLink(server, 'verify-link', email);
    // Opened signed out (another browser, say): a sign-in first, which comes back to the link.
    const elsewhere = await newPage(server.url);
    await elsewhere.goto(verifyLink);
    await eventually(() => elsewhere.getByTestId('verify-sign-in').getByRole('status').textContent()).toMatch(/^Sign in to verify this address\./);
    expect(await elsewhere.getByTestId('verify-sign-in').getByRole('link', { name: 'Forgot your password?' }).getAttribute('href')).toBe('/console/forgot-password');
    await signIn(elsewhere, email, OLD_PASSWORD);
    await eventually(() => heading(elsewhere)).toBe('Address verified');
    expect(await elsewhere.getByText(`${email} is verified.`).getAttribute('role')).toBe('status');
    await page.goto('/console');
    await eventually(() => emailStatus(page)).toBe('Address verified.');
    await page.goto(verifyLink);
    await eventually(() => heading(page)).toBe('Verification failed');
    expect(await alerts(page)).toEqual(['This verification link is unknown, already used or expired (links work once, for three days).']);

    // Signed out, "Forgot your password?" follows the password field in the Tab order and opens with Enter.
    await page.goto('/console');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/console/sign-in');
    await page.getByLabel('Email').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Forgot your password?');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/console/forgot-password');
    await eventually(() => heading(page)).toBe('Reset your password');

    // A malformed address is named at the field; a good one gets the neutral answer, whoever it belongs to.
    await page.getByLabel('Email').fill('forgetful.example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await eventually(() => alerts(page)).toEqual(['Email must be an email address.']);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await eventually(() => heading(page)).toBe('Ask the operator for a link');
    const answer = await page.getByTestId('reset-requested').textContent();
    expect(answer).toBe('This server does not send e-mail. Ask its operator for a password reset link; it works once, for an hour.');
    await page.goto('/console/forgot-password');
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await eventually(() => page.getByTestId('reset-requested').textContent()).toBe(answer);

    // The reset link: a refused password keeps the link usable; a good one changes it.
    const resetLink = await operatorLink(server, 'reset-link', email);
    expect(resetLink).toMatch(new RegExp(`^${server.url}/console/reset-password\\?token=`));
    await page.goto(resetLink);
    await page.getByLabel('New password').fill('password123');
    await page.getByRole('button', { name: 'Set password' }).click();
    await eventually(() => alerts(page)).toEqual([expect.stringMatching(/^The password .+\.$/)]);
    expect(await page.getByLabel('New password').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    // The new password set: the old one fails, the new one signs in.
    await setNewPassword(page, email);

    // The used link, a made-up one and one without a token each say the link does not work and offer a new one.
    for (const [link, words] of [
      [resetLink, 'This password reset link is unknown, already used or expired (links work once, for an hour).'],
      ['/console/reset-password?token=not-a-real-token', 'This password reset link is unknown, already used or expired (links work once, for an hour).'],
    ] as const) {
      await page.goto(link);
      await page.getByLabel('New password').fill('yet another passphrase');
      await page.getByRole('button', { name: 'Set password' }).click();
      await eventually(() => heading(page)).toBe('This link does not work');
      expect(await alerts(page)).toEqual([words]);
    }
    await page.goto('/console/reset-password');
    await eventually(() => heading(page)).toBe('This link does not work');
    expect(await alerts(page)).toEqual(['This link has no token.']);
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await page.waitForURL('**/console/forgot-password');
    // Nothing of the above changed the password.
    await page.goto('/console');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/console/sign-in');
    await signIn(page, email, NEW_PASSWORD);
    await eventually(() => heading(page)).toBe('Welcome');
  });

  it('says why a reset request over the hourly limit is refused and when to try again, not a word about sign-ins', { timeout: 90_000 }, async () => {
    const server = await serve();
    // The browser's request is this IP's sixth in the hour: five go first from the test itself.
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/console/auth/reset/request`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `p${i}@example.com` }) });
      expect(res.status).toBe(200);
    }
    const page = await newPage(server.url);
    await page.goto('/console/forgot-password');
    await page.getByLabel('Email').fill('forgetful@example.com');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await eventually(() => alerts(page)).toEqual([
      expect.stringMatching(/^Password reset requests are limited to 5 an hour from one IP address and 500 an hour in all, and the limit is reached\. Try again in \d+ minutes?\.$/),
    ]);
    expect(await heading(page)).toBe('Reset your password');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('mails the reset link asked for on the forgot-password page, and the mailed link sets the password', { timeout: 90_000 }, async () => {
    const mailbox = await startMailbox();
    cleanups.push(() => mailbox.close());
    const port = await freePort();
    const server = await serve({ SMTP_URL: mailbox.url, PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` });
    const page = await newPage(server.url);
    const email = 'mailed@example.com';
    await signUp(page, email);
    // Sign-up mails the verification link; the Console shows the address verified once it is opened.
    await eventually(() => mailbox.messages.length).toBe(1);
    await page.goto(linkIn(mailbox.messages[0] ?? '').href);
    await eventually(() => heading(page)).toBe('Address verified');
    await page.getByRole('link', { name: 'Go to the Console' }).click();
    await eventually(() => emailStatus(page)).toBe('Address verified.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/console/sign-in');

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(` ${email.toUpperCase()} `);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await eventually(() => heading(page)).toBe('Check your e-mail');
    expect(await page.getByTestId('reset-requested').textContent()).toBe(
      `If ${email.toUpperCase()} belongs to an account, a link to choose a new password is on its way. It works once, for an hour.`,
    );
    await eventually(() => mailbox.messages.length).toBe(2);
    expect(mailbox.messages[1]).toContain(`To: ${email}`);

    await page.goto(linkIn(mailbox.messages[1] ?? '').href);
    await setNewPassword(page, email);
  });
});
