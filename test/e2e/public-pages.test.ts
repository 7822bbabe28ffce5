import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINAL_UNAVAILABLE_DETAILS } from '../../src/upstream/index.js';
import { browserTestsAvailable, startE2e, type E2eServer } from './support/browser.js';

const available = browserTestsAvailable();
let e2e: E2eServer;

// The flagship, so the bare /playground has to open another endpoint.
const DISABLED = 'tiktok-popular-trend-hashtag';

/** A fresh browser profile: no cookies, no stored key. */
async function visitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1440, height: 900 }, baseURL: e2e.url });
  return { context, page: await context.newPage() };
}

/** Everything on a page that a browser's console reports as a failure: 4xx/5xx answers, failed requests, console errors. */
function failuresOf(page: Page): string[] {
  const failures: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failures.push(`failed ${r.url()}: ${r.failure()?.errorText ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') failures.push(`console: ${m.text()}`);
  });
  return failures;
}

describe.skipIf(!available)('public pages in Chromium, signed out and with DISABLED_ENDPOINTS', () => {
  beforeAll(async () => {
    e2e = await startE2e({ DISABLED_ENDPOINTS: [DISABLED] });
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('a signed-out visitor makes no failed request in the Playground, Docs or Console sign-in', async () => {
    const { context, page } = await visitor();
    const failures = failuresOf(page);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto('/playground');
    await page.getByRole('link', { name: /^Create a free account/ }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.goto('/docs');
    await page.getByRole('heading', { name: 'Trendlens API docs' }).waitFor();
    await page.goto('/console');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(failures).toEqual([]);
    expect(asked).not.toContain('/api/console/me');
    await context.close();
  });

  it('a signed-in visitor is still known to the Playground, through the session hint', async () => {
    const { context, page } = await visitor();
    await page.goto('/console/sign-up');
    await page.getByLabel('Email').fill(`hint-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL('**/console/keys');
    // A new tab holds no key, so the Playground has to find out whether the browser is signed in.
    const tab = await context.newPage();
    const failures = failuresOf(tab);
    await tab.goto('/playground');
    await tab.getByRole('link', { name: 'Create a key for the Playground' }).first().waitFor();
    expect(failures).toEqual([]);
    await context.close();
  });

  it("lists the 503 answers no retry changes from catalog.json, which takes them from the server's one list", async () => {
    const { context, page } = await visitor();
    await page.goto('/docs/errors');
    const advice = page.getByTestId('final-503');
    await advice.waitFor();
    expect(await advice.locator('code').allTextContents()).toEqual(['Retry-After', ...FINAL_UNAVAILABLE_DETAILS, 'upstream_retired', 'message']);

    // What the page shows follows catalog.json, not a list of its own.
    await page.route('**/api/v1/catalog.json', async (route) => {
      const catalog = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...catalog, finalUnavailable: ['a_future_detail'] } });
    });
    await page.reload();
    await advice.waitFor();
    expect(await advice.locator('code').allTextContents()).toEqual(['Retry-After', 'a_future_detail', 'message']);
    await context.close();
  });

  it('leaves a switched-off endpoint out of the lists, and a link to it says it is switched off', async () => {
    const { context, page } = await visitor();
    await page.goto('/playground');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe(`/playground/${DISABLED}`);
    expect(await page.locator(`a[href="/playground/${DISABLED}"], a[href^="/playground/${DISABLED}?"]`).count()).toBe(0);
    expect(await page.locator('a[href="/playground/tiktok-popular-trend-hashtag-detail"]').count()).toBe(1);

    await page.goto(`/playground/${DISABLED}`);
    await page.getByRole('heading', { name: 'Endpoint switched off' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('endpoint_disabled');

    await page.goto('/docs');
    await page.getByRole('heading', { name: 'Trendlens API docs' }).waitFor();
    expect(await page.locator(`a[href="/docs/TikTok/${DISABLED}"]`).count()).toBe(0);
    await page.goto(`/docs/TikTok/${DISABLED}`);
    await page.getByRole('heading', { name: 'Endpoint switched off' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('endpoint_disabled');
    await context.close();
  });
});
