/**
 * Writes README screenshots to docs/screenshots/: the Playground after a live request (chart and
 * table), Docs, and the Console's overview, keys, usage, webhooks and watches pages, from the real
 * server in demo mode in headless Chromium. Run with `npm run screenshots` (builds first).
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { startE2e } from '../test/e2e/support/browser.js';

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

// A webhook receiver on this machine, which the demo server may call only with WEBHOOK_ALLOW_PRIVATE.
const receiver = createServer((req, res) => req.resume().on('end', () => res.writeHead(204).end()));
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/trendlens`;

const e2e = await startE2e({ WEBHOOK_ALLOW_PRIVATE: true });
try {
  const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: e2e.url, colorScheme: 'light' });
  const page = await context.newPage();
  const shot = async (name: string, fullPage = false) => {
    await page.screenshot({ path: join(OUT, name), fullPage });
    console.log(`wrote docs/screenshots/${name}`);
  };

  await page.goto('/playground');
  await page.getByRole('button', { name: 'Set up API key' }).click();
  await page.getByLabel('Paste your API key').fill(e2e.apiKey);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.getByLabel('country_code', { exact: true }).fill('US');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('response-status').waitFor();
  await page.getByTestId('chart').locator('canvas').waitFor();
  await shot('playground.png');
  await page.getByRole('tab', { name: 'Table' }).click();
  await shot('playground-response.png');

  await page.goto('/docs/TikTok/tiktok-popular-trend-hashtag-detail');
  await page.getByText('Open in Playground').waitFor();
  await shot('docs.png');

  await page.goto('/console/sign-up');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/console/keys');
  await page.getByLabel('Key name').fill('production server');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByRole('heading', { name: 'Your new key “production server”' }).waitFor();
  await page.getByTestId('key-list').waitFor();
  await shot('console-keys.png');
  const key = (await page.getByTestId('new-api-key').textContent()) ?? '';
  for (const path of ['tiktok/popular-trend/hashtag', 'tiktok/popular-trend/song', 'tiktok/top-ads/spotlight', 'tiktok/popular-trend/hashtag?period=30']) {
    await fetch(`${e2e.url}/api/v1/${path}`, { headers: { 'x-api-key': key, 'X-Trendlens-Client': 'playground' } });
  }
  await page.goto('/console/usage');
  for (let i = 0; i < 40 && (await page.getByTestId('recent-requests').count()) === 0; i++) {
    await page.waitForTimeout(250);
    await page.getByRole('button', { name: 'Refresh' }).click();
  }
  await shot('console-usage.png');
  await page.goto('/console');
  await page.getByTestId('credits-left').waitFor();
  await page.getByText('active keys').waitFor();
  await shot('console-overview.png');

  await page.goto('/console/webhooks');
  await page.getByLabel('Endpoint URL').fill(hookUrl);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await page.getByTestId('webhook-secret').waitFor();
  const endpoint = page.getByTestId('webhook-endpoint');
  await endpoint.getByRole('button', { name: `Send test event to ${hookUrl}` }).click();
  await endpoint.getByTestId('delivery-log').locator('tbody tr').first().waitFor();
  await shot('console-webhooks.png');
  await page.goto('/console/watches');
  await page.getByLabel('Name', { exact: true }).fill('prom');
  await page.getByLabel('Top N (optional)').fill('10');
  await page.getByLabel('Country (optional)').fill('US');
  await page.getByRole('button', { name: 'Create watch' }).click();
  await page.getByRole('button', { name: 'Delete the watch “prom” enters the top 10' }).waitFor();
  await shot('console-watches.png');

  const mobile = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: e2e.url, colorScheme: 'dark', deviceScaleFactor: 2 });
  const phone = await mobile.newPage();
  await phone.goto('/playground');
  await phone.getByRole('button', { name: 'Send', exact: true }).waitFor();
  await phone.screenshot({ path: join(OUT, 'playground-mobile-dark.png') });
  console.log('wrote docs/screenshots/playground-mobile-dark.png');
} finally {
  await e2e.close();
  receiver.close();
}
