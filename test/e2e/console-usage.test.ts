import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { browserTestsAvailable, startE2e, type E2eServer } from './support/browser.js';

const available = browserTestsAvailable();
let e2e: E2eServer;

/* Callbacks given to page.evaluate run in the browser; the Node project has no DOM types. */
declare const window: { innerWidth: number };
declare const document: { documentElement: { scrollWidth: number }; activeElement: { getAttribute(name: string): string | null } | null };

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const rows = (page: Page) => page.getByTestId('recent-requests').locator('tbody tr');
const logStatus = (page: Page) => page.getByTestId('request-log-status').textContent();

/** Presses Refresh until the log says `text`: usage is written in batches, a moment after each request. */
async function refreshUntil(page: Page, text: string) {
  await expect
    .poll(
      async () => {
        await page.getByRole('button', { name: 'Refresh' }).click();
        await page.waitForTimeout(250);
        return logStatus(page);
      },
      { timeout: 15_000, interval: 250 },
    )
    .toBe(text);
}

async function signUpWithKeys(page: Page, names: string[]): Promise<string[]> {
  await page.goto('/console/sign-up');
  await page.getByLabel('Email').fill(`usage-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/console/keys');
  const keys: string[] = [];
  for (const name of names) {
    await page.getByLabel('Key name').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect.poll(() => page.getByRole('heading', { name: `Your new key “${name}”` }).count()).toBe(1);
    keys.push((await page.getByTestId('new-api-key').textContent()) ?? '');
    await page.getByRole('button', { name: 'I have saved it' }).click();
  }
  return keys;
}

describe.skipIf(!available)('Console usage page in Chromium', () => {
  beforeAll(async () => {
    e2e = await startE2e();
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('filters the request log by status, endpoint and key, checks custom dates, and loads older requests', { timeout: 90_000 }, async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, baseURL: e2e.url });
    const page = await context.newPage();
    const [key] = await signUpWithKeys(page, ['usage main', 'spare']);
    expect(key).toMatch(/^tl_live_/);

    // A free account's burst is 5 requests: three successes on two endpoints and one 400 stay inside it.
    const call = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${e2e.url}/api/v1${path}`, { headers: { 'x-api-key': key!, ...headers } }).then((r) => r.status);
    expect(await call('/tiktok/popular-trend/hashtag?country_code=US')).toBe(200);
    expect(await call('/tiktok/popular-trend/hashtag?period=30&country_code=US')).toBe(200);
    expect(await call('/tiktok/top-ads/list')).toBe(200);
    // An Idempotency-Key over 255 characters is refused after the key is known, so the 400 is the account's.
    expect(await call('/tiktok/popular-trend/hashtag', { 'idempotency-key': 'x'.repeat(256) })).toBe(400);

    await page.goto('/console/usage');
    await refreshUntil(page, 'Showing all 4 requests.');
    expect(await page.getByTestId('usage-overview').textContent()).toContain('4 (3 successful, 1 error)');

    // Status: 4xx shows only the 400.
    await page.getByLabel('Status', { exact: true }).selectOption('4xx');
    await expect.poll(() => logStatus(page)).toBe('Showing all 1 request.');
    expect(await rows(page).first().locator('td').nth(1).textContent()).toBe('400');
    await page.getByLabel('Status', { exact: true }).selectOption('2xx');
    await expect.poll(() => logStatus(page)).toBe('Showing all 3 requests.');
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => logStatus(page)).toBe('Showing all 4 requests.');

    // Endpoint: built from catalog.json, narrows to the one Top Ads request.
    const endpoint = page.getByLabel('Endpoint', { exact: true });
    await expect.poll(() => endpoint.locator('option').count()).toBeGreaterThan(10);
    await endpoint.selectOption({ label: '/tiktok/top-ads/list' });
    await expect.poll(() => logStatus(page)).toBe('Showing all 1 request.');
    expect(await rows(page).first().textContent()).toContain('/tiktok/top-ads/list');
    await endpoint.selectOption('');
    await expect.poll(() => logStatus(page)).toBe('Showing all 4 requests.');

    // Key: every panel follows it; the spare key has made no requests.
    const spare = await page.getByLabel('Key', { exact: true }).locator('option', { hasText: '— spare' }).getAttribute('value');
    await page.getByLabel('Key', { exact: true }).selectOption(spare!);
    await expect.poll(() => page.getByTestId('no-requests').count()).toBe(1);
    await expect.poll(() => page.getByTestId('usage-overview').textContent()).toContain('0 (0 successful, 0 errors)');
    await page.getByLabel('Key', { exact: true }).selectOption('');
    await expect.poll(() => logStatus(page)).toBe('Showing all 4 requests.');

    // Custom dates: checked in words before anything is sent.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/console/usage/')) sent.push(r.url());
    });
    const today = Date.now();
    await page.getByLabel('Range', { exact: true }).selectOption('custom');
    await page.getByLabel('From (UTC)').fill(day(today - 2 * DAY_MS));
    await page.getByLabel('To (UTC, included)').fill(day(today - 3 * DAY_MS));
    await expect.poll(() => page.getByTestId('range-problem').textContent()).toMatch(/^The end date \(.+\) is before the start date/);
    await page.getByLabel('From (UTC)').fill(day(today - 100 * DAY_MS));
    await expect.poll(() => page.getByTestId('range-problem').textContent()).toMatch(/at most 93 days; .* covers 98 days/);
    expect(sent.filter((u) => u.includes(`to=${day(today - 3 * DAY_MS)}`))).toEqual([]);
    expect(await page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(true);
    await page.getByLabel('From (UTC)').fill(day(today - 2 * DAY_MS));
    await page.getByLabel('To (UTC, included)').fill(day(today));
    expect(await page.getByRole('button', { name: 'Refresh' }).isDisabled()).toBe(false);
    await expect.poll(() => logStatus(page)).toBe('Showing all 4 requests.');
    expect(await page.getByTestId('range-problem').count()).toBe(0);

    // A server 400 with field errors is said in words too.
    const refuse = (route: Route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ code: 400, msg: 'Invalid input', data: { error: 'invalid_input', errors: [{ param: 'to', message: 'must not be before from' }] } }),
      });
    await page.route('**/api/console/usage/overview?**', refuse);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContain('Please check: End date must not be before the start date.');
    await page.unroute('**/api/console/usage/overview?**', refuse);

    // No layout break at 375 px with the custom dates and every filter showing; no serious axe findings.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Range', { exact: true }).selectOption('week');

    // More than a page: past the burst the rate limiter answers 429, and each of those is a usage record too.
    const statuses = await Promise.all(Array.from({ length: 60 }, () => call('/tiktok/popular-trend/hashtag?country_code=US')));
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    await refreshUntil(page, 'Showing the newest 50 requests. Older requests can be loaded.');
    await expect.poll(() => page.getByTestId('usage-overview').textContent(), { timeout: 10_000 }).toContain('64 (');
    expect(await rows(page).count()).toBe(50);

    // "Load older requests" by keyboard: disabled while the page loads, then appended, then gone at the end.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/console/usage/requests?*cursor=*', async (route) => {
      await held;
      await route.continue();
    });
    const older = page.getByRole('button', { name: /older requests/ });
    await older.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => older.textContent()).toBe('Loading older requests…');
    expect(await older.isDisabled()).toBe(true);
    expect(await rows(page).count()).toBe(50);
    release();
    await expect.poll(() => logStatus(page)).toBe('Showing all 64 requests.');
    expect(await rows(page).count()).toBe(64);
    expect(await older.count()).toBe(0);
    // The focus moves to the table rather than being lost with the button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)).toBe('Recent requests, scrollable');
    expect(new Set(await rows(page).locator('td:nth-child(2)').allTextContents()).has('400')).toBe(true);

    await context.close();
  });
});
