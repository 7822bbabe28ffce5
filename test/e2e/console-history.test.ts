import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { browserTestsAvailable, operatorLink, startE2e, type E2eServer } from './support/browser.js';

const available = browserTestsAvailable();
let e2e: E2eServer;

/** A webhook receiver on this machine: it keeps every delivery and answers 200. */
interface Receiver {
  url: string;
  deliveries: { body: string; signature: string }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const deliveries: Receiver['deliveries'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      deliveries.push({ body, signature: String(req.headers['trendlens-signature'] ?? '') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/trendlens`, deliveries, close: () => new Promise((done) => server.close(() => done())) };
}

/** OPERATOR_EMAILS names it: the account signed up with it is an operator. */
const OPERATOR_EMAIL = 'operator@example.com';

async function signUp(page: Page, email = `history-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`): Promise<void> {
  await page.goto('/console/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/console/keys');
  await page.getByRole('button', { name: 'I have saved it' }).click();
}

/** Stores today's US hashtag chart (as any answered chart is) and returns a name on it, once history answers for it. */
async function storedHashtag(): Promise<string> {
  const get = (path: string) => fetch(`${e2e.url}/api/v1/tiktok/popular-trend${path}`, { headers: { 'x-api-key': e2e.apiKey } });
  const chart = (await (await get('/hashtag?country_code=US&period=7')).json()) as { data: { data: { list: { hashtag_name: string }[] } } };
  const name = chart.data.data.list[0]!.hashtag_name;
  // History is written in the background, a moment after the answer.
  await expect.poll(async () => (await get(`/hashtag/history?hashtag_name=${encodeURIComponent(name)}&country_code=US&period=7`)).status, { timeout: 15_000 }).toBe(200);
  return name;
}

describe.skipIf(!available)('Console watches, webhooks, history and collection in Chromium', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
    e2e = await startE2e({
      // The receiver listens on loopback, which the SSRF guard refuses unless the operator allows it.
      WEBHOOK_ALLOW_PRIVATE: true,
      OPERATOR_EMAILS: [OPERATOR_EMAIL],
      // One target from the setting (the operator page cannot remove it); the demo simulator serves it.
      COLLECT: 'hashtag:US:7',
    });
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
    await receiver?.close();
  });

  it('adds a webhook endpoint, shows its secret once, delivers a test event, creates watches up to the limit and draws a history', { timeout: 120_000 }, async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, baseURL: e2e.url, locale: 'en-GB' });
    const page = await context.newPage();
    await signUp(page);
    // Not an operator: no collection page in the nav.
    expect(await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Operator: collection' }).count()).toBe(0);

    // Webhooks: a URL the server refuses is marked on the field with its reason.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect.poll(() => page.getByText('No endpoints yet.').count()).toBe(1);
    const urlField = page.getByLabel('Endpoint URL');
    await urlField.fill('ftp://127.0.0.1/hooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('Endpoint URL: must use http or https, not ftp');
    expect(await urlField.getAttribute('aria-invalid')).toBe('true');

    // A good one: the secret is shown once, with the notice, and is gone after a reload.
    await urlField.fill(receiver.url);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect.poll(() => page.getByTestId('webhook-secret').count()).toBe(1);
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret.length).toBeGreaterThan(16);
    expect(await page.getByRole('region', { name: `Signing secret for ${receiver.url}` }).textContent()).toContain('You will not see this secret again.');
    expect(await urlField.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('endpoint-limit').textContent()).toBe('1 of 10 endpoints');
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByTestId('webhook-endpoint').count()).toBe(1);
    expect(await page.content()).not.toContain(secret);

    // Send test event: delivered to the receiver, signed with that secret, and in the delivery log.
    const endpoint = page.getByTestId('webhook-endpoint');
    expect(await endpoint.locator('.badge').textContent()).toBe('Enabled');
    await endpoint.getByRole('button', { name: `Send test event to ${receiver.url}` }).click();
    await expect.poll(() => endpoint.getByTestId('test-result').textContent(), { timeout: 15_000 }).toBe('Delivered: your endpoint answered HTTP 200.');
    expect(receiver.deliveries).toHaveLength(1);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(receiver.deliveries[0]!.signature)!;
    expect(createHmac('sha256', secret).update(`${t}.${receiver.deliveries[0]!.body}`).digest('hex')).toBe(v1);
    const logRow = endpoint.getByTestId('delivery-log').locator('tbody tr');
    await expect.poll(() => logRow.count()).toBe(1);
    const cells = await logRow.first().locator('td').allTextContents();
    expect(cells.slice(1)).toEqual(['webhook.test', 'Delivered', '200', '1']);
    expect(await endpoint.getByRole('button', { name: 'Hide delivery log' }).getAttribute('aria-expanded')).toBe('true');

    // Watches: the plan's limit, a field error from the server, then up to the limit and past it.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Watches' }).click();
    await expect.poll(() => page.getByTestId('watch-limit').textContent()).toBe('0 of 5 watches on your plan.');
    await expect.poll(() => page.getByLabel('Chart', { exact: true }).locator('option').count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Create watch' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('Name: must be 1–100 characters');
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Name', { exact: true }).fill('#prom');
    await page.getByLabel('Top N (optional)').fill('10');
    await page.getByLabel('Country (optional)').fill('US');
    await page.getByRole('button', { name: 'Create watch' }).click();
    await expect.poll(() => page.getByTestId('watch-limit').textContent()).toBe('1 of 5 watches on your plan.');
    const firstRow = await page.getByTestId('watch-list').locator('tbody tr').first().locator('td').allTextContents();
    expect(firstRow.slice(0, 5)).toEqual(['“prom” enters the top 10', 'A name enters the chart', 'hashtag', 'US, 7 days', receiver.url]);

    await page.getByLabel('Any new entry in the top N').check();
    await page.getByLabel('Top N', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Create watch' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('Top N: must be an integer');
    for (const [n, expected] of [['5', 2], ['10', 3], ['20', 4], ['50', 5]] as const) {
      await page.getByLabel('Top N', { exact: true }).fill(n);
      await page.getByRole('button', { name: 'Create watch' }).click();
      await expect.poll(() => page.getByTestId('watch-limit').textContent()).toBe(`${expected} of 5 watches on your plan.`);
    }
    await page.getByLabel('Top N', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Create watch' }).click();
    await expect.poll(() => page.locator('.callout-warn').textContent()).toContain('Watch limit reached');
    expect(await page.locator('.callout-warn').textContent()).toContain('The free plan allows 5 watches.');
    // The last success no longer stands beside the refusal.
    expect(await page.getByText(/^Created the watch/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Delete asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete the watch “prom” enters the top 10' }).click();
    await expect.poll(() => page.getByTestId('watch-limit').textContent()).toBe('4 of 5 watches on your plan.');

    // History: the key sign-up kept for this tab draws one stored hashtag's rank, 1 on top.
    const name = await storedHashtag();
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'History' }).click();
    await expect.poll(() => page.getByTestId('active-key').textContent()).toMatch(/^Active Playground key: tl_live_.+\(this tab only\)$/);
    await page.getByLabel('hashtag_name').fill(name);
    await page.getByLabel('country_code').fill('US');
    await page.getByRole('button', { name: 'Draw history' }).click();
    const chart = page.getByRole('region', { name: 'Rank by day' }).getByTestId('chart');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 15_000 }).toBe(1);
    expect(await chart.locator('figcaption').textContent()).toBe(`rank of ${name} by day`);
    expect(await chart.getAttribute('data-inverted')).toBe('true');
    expect(await chart.getAttribute('data-points')).toBe('1');
    expect(await page.getByTestId('history-summary').textContent()).toMatch(/^1 day on the chart out of 1 stored day;/);
    // Hovering the plot shows the day's rank in the legend.
    await chart.locator('.u-over').hover();
    await expect.poll(() => chart.locator('.u-legend .u-series').nth(1).locator('.u-value').textContent()).toMatch(/^\d+$/);
    // One stored day: movers say there is nothing to compare with yet.
    await expect.poll(() => page.getByTestId('movers-empty').textContent()).toMatch(/^History holds only .+ of this chart: there is no earlier day to compare with yet\.$/);
    expect(await seriousViolations(page)).toEqual([]);

    // Deleting the endpoint asks first, and takes its watches with it.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Webhooks' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Delete ${receiver.url}` }).click();
    await expect.poll(() => page.getByText('No endpoints yet.').count()).toBe(1);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Watches' }).click();
    await expect.poll(() => page.getByTestId('watch-limit').textContent()).toBe('0 of 5 watches on your plan.');
    await context.close();
  });

  it('shows operators the collection page: targets, add with field errors, a run with progress, remove; others get a 403', { timeout: 120_000 }, async () => {
    const newContext = () => e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, baseURL: e2e.url, locale: 'en-GB' });
    const consoleNav = (page: Page) => page.getByRole('navigation', { name: 'Console' });

    // Someone else: no link, a clear refusal on a direct visit, and the server's own 403 behind it.
    const other = await newContext();
    const otherPage = await other.newPage();
    await signUp(otherPage);
    await otherPage.goto('/console/operator');
    await expect.poll(() => otherPage.getByRole('alert').textContent()).toBe('This page is for the operators of this server.');
    expect(await consoleNav(otherPage).getByRole('link', { name: 'Operator: collection' }).count()).toBe(0);
    const refused = await otherPage.request.get('/api/console/operator/collect');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { data: { error: string } }).data.error).toBe('forbidden');
    await other.close();

    // The address OPERATOR_EMAILS names is an operator once it is verified.
    const context = await newContext();
    const page = await context.newPage();
    await signUp(page, OPERATOR_EMAIL);
    await page.goto(await operatorLink(e2e, 'verify-link', OPERATOR_EMAIL));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Address verified');
    await page.goto('/console');
    await consoleNav(page).getByRole('link', { name: 'Operator: collection' }).click();
    const rows = page.getByTestId('collect-targets').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    // Its last day and status depend on whether the scheduler has collected it yet today.
    expect((await rows.nth(0).locator('td').allTextContents()).slice(0, 3)).toEqual(['hashtag:US:7', 'US, 7 days', 'COLLECT setting']);
    // A target of the setting cannot be removed here, and says why.
    expect(await rows.nth(0).getByRole('button', { name: 'Remove' }).isDisabled()).toBe(true);
    expect(await rows.nth(0).locator('span[title]').getAttribute('title')).toBe('Listed in the COLLECT setting: remove it there and restart the server.');
    expect(await page.getByText(/^Collected daily; next run \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\.$/).count()).toBe(1);

    // Add: the server's field error lands on the field; a good one joins the list; one already collected is a conflict.
    const country = page.getByLabel('Country (optional)');
    await page.getByLabel('Chart', { exact: true }).selectOption('video');
    await country.fill('XX1');
    await page.getByRole('button', { name: 'Add chart' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toBe('Country (optional): XX1 is not an ISO 3166-1 alpha-2 country code');
    expect(await country.getAttribute('aria-invalid')).toBe('true');
    expect(await rows.count()).toBe(1);
    await country.fill('DE');
    await page.getByRole('button', { name: 'Add chart' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByText('Added video:DE:7.').count()).toBe(1);
    expect(await country.getAttribute('aria-invalid')).toBeNull();
    expect((await rows.nth(1).locator('td').allTextContents()).slice(0, 3)).toEqual(['video:DE:7', 'DE, 7 days', 'added here or with the CLI']);
    await page.getByLabel('Chart', { exact: true }).selectOption('hashtag');
    await country.fill('US');
    await page.getByRole('button', { name: 'Add chart' }).click();
    await expect.poll(() => page.locator('.callout-error').textContent()).toContain('hashtag:US:7 is collected by the COLLECT setting.');
    expect(await rows.count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);

    // Run now: a progress bar over both charts while the page polls, then how it ended, each chart collected today.
    await page.getByRole('button', { name: 'Run collection now' }).click();
    const progress = page.getByRole('progressbar', { name: 'Collection progress' });
    await expect.poll(() => progress.count()).toBe(1);
    expect(await progress.getAttribute('aria-valuemax')).toBe('2');
    expect(await page.getByRole('button', { name: 'Collecting…' }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('collect-run').textContent(), { timeout: 30_000 }).toMatch(/^Last run finished \d{1,2} \w{3} \d{4}, \d\d:\d\d UTC: 2 of 2 charts done, 0 failed\.$/);
    expect(await progress.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run collection now' }).isDisabled()).toBe(false);
    for (const row of [rows.nth(0), rows.nth(1)]) {
      const [lastDay, status] = (await row.locator('td').allTextContents()).slice(3, 5);
      expect(lastDay).toMatch(/^\d{1,2} \w{3} \d{4}$/);
      expect(status).toBe('OK');
    }

    // Remove asks first; the setting's target stays.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove video:DE:7' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByText('Removed video:DE:7.').count()).toBe(1);
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('hashtag:US:7');
    await context.close();
  });
});
