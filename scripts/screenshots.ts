/**
 * Writes README screenshots to docs/screenshots/: the Playground after a live request (chart and
 * table), Docs, and the Console's overview, keys and usage pages, from the real server in demo mode
 * in headless Chromium. Run with `npm run screenshots` (builds first).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startE2e } from '../test/e2e/support/browser.js';

const OUT = resolve(import.meta.dirname, '..', 'docs', 'screenshots');
mkdirSync(OUT, { recursive: true });

const e2e = await startE2e();
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

  const mobile = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: e2e.url, colorScheme: 'dark', deviceScaleFactor: 2 });
  const phone = await mobile.newPage();
  await phone.goto('/playground');
  await phone.getByRole('button', { name: 'Send', exact: true }).waitFor();
  await phone.screenshot({ path: join(OUT, 'playground-mobile-dark.png') });
  console.log('wrote docs/screenshots/playground-mobile-dark.png');
} finally {
  await e2e.close();
}
