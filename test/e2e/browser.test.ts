import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { browserTestsAvailable, startE2e, waitPromptly, type E2eServer } from './support/browser.js';

const available = browserTestsAvailable();
const KEY_IN_TEXT = /tl_live_[0-9A-Za-z]{36}/;

let e2e: E2eServer;

/* Callbacks given to page.evaluate run in the browser; the Node project has no DOM types, so the
   few browser globals they touch are declared loosely here, for this file only. */
declare const window: any;
declare const document: { documentElement: { scrollWidth: number }; body: unknown; createRange(): { selectNodeContents(node: unknown): void; getBoundingClientRect(): Box } };
declare function getComputedStyle(element: unknown): { backgroundColor: string; borderColor: string; fontWeight: string };
type Box = { left: number; right: number };
declare interface Element { closest(selector: string): Element | null; getBoundingClientRect(): Box }
declare const navigator: { clipboard: { readText(): Promise<string> } };
declare const sessionStorage: Record<string, string>;
declare const localStorage: Record<string, string>;

/** A fresh browser profile: its own storage, clipboard allowed, copies recorded through the app's hook. */
async function freshPage(viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport, bypassCSP: true, baseURL: e2e.url });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.url });
  await context.addInitScript(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    window.addEventListener('trendlens:copied', (e: { detail: string }) => w.__copied.push(e.detail));
  });
  return { context, page: await context.newPage() };
}

const lastCopied = (page: Page) => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.at(-1) ?? null);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

async function setKey(page: Page, key: string, remember = false) {
  await page.getByRole('button', { name: /^(Set up API key|Change key)$/ }).click();
  await page.getByLabel('Paste your API key').fill(key);
  if (remember) await page.getByLabel('Remember on this device').check();
  await page.getByRole('button', { name: 'Use this key' }).click();
}

async function signUp(page: Page, prefix: string): Promise<string> {
  const email = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto('/console/sign-up');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL('**/console/keys');
  return email;
}

async function signIn(page: Page, email: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The address a `curl "<url>" …` line asks. */
const curlUrl = (text: string | null) => /curl "([^"]+)"/.exec(text ?? '')![1]!;

describe.skipIf(!available)('web app in Chromium', () => {
  beforeAll(async () => {
    e2e = await startE2e();
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  describe('Playground', () => {
    it('lists every catalog endpoint, and search narrows the count by name, path or group', async () => {
      const { context, page } = await freshPage();
      const total = ((await (await fetch(`${e2e.url}/api/v1/catalog.json`)).json()) as { endpoints: unknown[] }).endpoints.length;
      await page.goto('/playground');
      await expect.poll(() => page.getByTestId('chooser-count').textContent()).toBe(`${total} shown`);
      expect(await page.locator('h1').textContent()).toMatch(/ API Playground$/);
      expect(await page.locator('.sidebar li').count()).toBe(total);
      expect(await page.getByTestId('documented-fields').textContent()).toBe('Parameters: 7 documented fields');
      await page.getByLabel('Search endpoints').fill('song');
      const count = Number((await page.getByTestId('chooser-count').textContent())?.split(' ')[0]);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(total);
      expect(await page.locator('.sidebar li').count()).toBe(count);
      await page.getByLabel('Search endpoints').fill('keyword-insights');
      await expect.poll(() => page.locator('.sidebar li').allTextContents()).toEqual(['GETKeyword insightsretired']);
      await context.close();
    });

    it('updates the request preview and the address bar from the form, and shows the sample before the first request', async () => {
      const { context, page } = await freshPage();
      await page.goto('/playground');
      // The flagship starts with a country: TikTok One, which serves it in 2026, has no all-regions chart.
      await page.getByLabel('period', { exact: true }).selectOption('30');
      await page.getByLabel('page', { exact: true }).fill('2');
      await expect.poll(() => page.getByTestId('request-preview').textContent()).toBe(`GET ${e2e.url}/api/v1/tiktok/popular-trend/hashtag?page=2&period=30&country_code=US`);
      await expect.poll(() => page.url()).toBe(`${e2e.url}/playground/tiktok-popular-trend-hashtag?page=2&period=30&country_code=US`);
      await page.reload();
      await expect.poll(() => page.getByTestId('request-preview').textContent()).toBe(`GET ${e2e.url}/api/v1/tiktok/popular-trend/hashtag?page=2&period=30&country_code=US`);
      expect(await page.getByText('Sample response, shown before your first request.').count()).toBe(1);
      await page.getByRole('tab', { name: 'Body' }).click();
      expect(await page.getByLabel('Sample response body').textContent()).toContain('"hashtag_name"');
      await page.getByRole('tab', { name: 'Table' }).click();
      expect(await page.locator('svg.spark').count()).toBeGreaterThan(0);
      await context.close();
    });

    it('opens a deep link with its params directly', async () => {
      const { context, page } = await freshPage();
      await page.goto('/playground/tiktok-popular-trend-song?period=30&limit=5');
      await expect.poll(() => page.getByTestId('request-preview').textContent()).toBe(`GET ${e2e.url}/api/v1/tiktok/popular-trend/song?limit=5&period=30`);
      await context.close();
    });

    it('sends a live request with a key and shows status, latency, headers and the demo banner; Copy cURL holds the key only once set', async () => {
      const { context, page } = await freshPage();
      await page.goto('/playground');
      await expect.poll(() => page.getByTestId('active-key').textContent()).toBe('Active Playground key: not configured');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      // Checked in the browser, nothing sent: no HTTP status, and the title is not said twice.
      await expect.poll(() => page.getByTestId('error-callout').locator('.callout-title').textContent()).toBe('Add an API key to send a live request');
      const callout = (await page.getByTestId('error-callout').textContent())!;
      expect(callout).not.toMatch(/\b401\b/);
      expect(callout.split('Add an API key to send a live request').length).toBe(2);

      await page.getByRole('button', { name: 'Copy cURL' }).click();
      await expect.poll(() => lastCopied(page)).toContain('x-api-key: <api-key>');
      expect(await clipboard(page)).toContain('<api-key>');

      await setKey(page, 'tl_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaaab1Z7z8R');
      await expect.poll(() => page.getByText(/checksum does not match/).count()).toBe(1);
      await page.getByLabel('Paste your API key').fill(e2e.apiKey);
      await page.getByRole('button', { name: 'Use this key' }).click();
      await expect.poll(() => page.getByTestId('active-key').textContent()).toContain(`Active Playground key: ${e2e.apiKey.slice(0, 16)}…`);
      expect(await page.getByTestId('active-key').textContent()).not.toContain(e2e.apiKey);

      // Stored for this tab only, never in cookies or the URL.
      expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(e2e.apiKey);
      expect(await page.evaluate(() => Object.values(localStorage))).not.toContain(e2e.apiKey);
      expect(JSON.stringify(await context.cookies())).not.toContain(e2e.apiKey);

      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
      expect(await page.getByTestId('response-latency').textContent()).toMatch(/^\d+ ms/);
      expect(await page.getByTestId('summary-x-request-id').count()).toBe(1);
      expect(await page.getByTestId('summary-x-upstream-source').textContent()).toContain('simulator');
      await page.getByRole('tab', { name: /^Headers/ }).click();
      const headers = await page.getByTestId('response-headers').textContent();
      expect(headers).toContain('x-request-id');
      expect(headers).toContain('x-credits-charged');
      expect(headers).toContain('simulator');
      await expect.poll(() => page.getByText(/Demo mode: responses are simulated data/).count()).toBe(1);
      expect(page.url()).not.toContain(e2e.apiKey);

      await page.getByRole('button', { name: 'Copy cURL' }).click();
      await expect.poll(() => lastCopied(page)).toContain(`x-api-key: ${e2e.apiKey}`);
      expect(await clipboard(page)).toContain(e2e.apiKey);
      await context.close();
    });

    it('never puts the key in a share link, and refuses one when a value is the key', async () => {
      const { context, page } = await freshPage();
      await page.goto('/playground/tiktok-popular-trend-hashtag-detail');
      await setKey(page, e2e.apiKey, true);
      expect(await page.evaluate(() => Object.values(localStorage))).toContain(e2e.apiKey);

      await page.getByRole('button', { name: 'Copy share link' }).click();
      await expect.poll(() => lastCopied(page)).toMatch(/\/playground\//);
      const copied = await lastCopied(page);
      expect(copied).toMatch(new RegExp(`^${e2e.url}/playground/tiktok-popular-trend-hashtag-detail\\?`));
      expect(copied).not.toContain(e2e.apiKey);
      expect(copied).not.toMatch(KEY_IN_TEXT);
      expect(await clipboard(page)).not.toContain(e2e.apiKey);
      expect(await page.getByTestId('share-link').textContent()).not.toContain(e2e.apiKey);

      await page.getByLabel('hashtag_name', { exact: true }).fill(e2e.apiKey);
      const before = await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.length);
      await page.getByRole('button', { name: 'Copy share link' }).click();
      await expect.poll(() => page.getByTestId('copy-status').textContent()).toMatch(/share links never include API keys/);
      expect(await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied.length)).toBe(before);
      expect(await page.getByTestId('share-link').count()).toBe(0);
      // The address bar keeps its last key-free state.
      expect(page.url()).not.toContain(e2e.apiKey);

      await page.getByRole('button', { name: 'Forget key' }).click();
      expect(await page.evaluate(() => [...Object.values(localStorage), ...Object.values(sessionStorage)])).not.toContain(e2e.apiKey);
      await context.close();
    });

    it('redraws a chart in the new theme colours when the theme is switched', async () => {
      const { context, page } = await freshPage();
      await page.goto('/playground');
      await setKey(page, e2e.apiKey);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
      await page.getByRole('tab', { name: 'Chart' }).click();
      // The legend's marker has the series' stroke: the theme's --accent, as the canvas has.
      const marker = () => page.getByTestId('chart').locator('.u-legend .u-series').nth(1).locator('.u-marker').evaluate((e) => getComputedStyle(e).borderColor);
      await expect.poll(marker).toBe('rgb(14, 116, 144)');
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await expect.poll(marker).toBe('rgb(34, 211, 238)');
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
      await expect.poll(marker).toBe('rgb(14, 116, 144)');
      await context.close();
    });

    it("shows the Table tab's caption whole, beside a table wider than the pane", async () => {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 812 }]) {
        const { context, page } = await freshPage(viewport);
        await page.goto('/playground/tiktok-top-ads-list');
        await setKey(page, e2e.apiKey);
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
        await page.getByRole('tab', { name: 'Table' }).click();
        const caption = page.getByTestId('table-caption');
        await expect.poll(() => caption.textContent()).toBe('data.data.materials: 20 items');
        // The text itself lies inside the response panel, not centred over the part of the table scrolled out of view.
        const [text, panel] = await caption.evaluate((e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          const t = range.getBoundingClientRect();
          const p = (e as unknown as Element).closest('.panel')!.getBoundingClientRect();
          return [{ left: t.left, right: t.right }, { left: p.left, right: p.right }];
        });
        expect(text!.left, `${viewport.width}px`).toBeGreaterThanOrEqual(panel!.left);
        expect(text!.right, `${viewport.width}px`).toBeLessThanOrEqual(panel!.right);
        await context.close();
      }
    });

    it("starts hashtag history with a hashtag named, so the first Send is not a 400", async () => {
      const { context, page } = await freshPage();
      await page.goto('/playground/tiktok-popular-trend-hashtag-history');
      await setKey(page, e2e.apiKey);
      await expect.poll(() => page.getByTestId('request-preview').textContent()).toMatch(/\?hashtag_name=prom&country_code=US$/);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      // History answers from stored charts: 200 once the US chart is stored, else a 404 naming the hashtag.
      await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toMatch(/^(200|404)$/);
      await context.close();
    });

    it('keeps the page responsive with a 5 MB response: truncated view and a download', async () => {
      const { context, page } = await freshPage();
      const item = (i: number) => ({ hashtag_id: String(i), hashtag_name: `tag${i}`, rank: i, trend: Array.from({ length: 7 }, (_, d) => ({ time: 1776729600 + d * 86400, value: ((i + d) % 10) / 10 })), pad: 'x'.repeat(200) });
      const list = Array.from({ length: 14_000 }, (_, i) => item(i));
      const body = JSON.stringify({ code: 200, msg: 'OK', data: { code: 0, msg: 'OK', data: { list } } });
      expect(body.length).toBeGreaterThan(5_000_000);
      await page.route(/\/api\/v1\/tiktok\/popular-trend\/hashtag(\?|$)/, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', headers: { 'x-upstream-source': 'simulator', 'access-control-expose-headers': '*' }, body }),
      );
      await page.goto('/playground');
      await setKey(page, e2e.apiKey);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
      expect(await page.getByRole('button', { name: /^Download \([5-9]\.\d MB\)$/ }).count()).toBe(1);
      await page.getByRole('tab', { name: 'Table' }).click();
      expect(await page.getByTestId('table-caption').textContent()).toContain('first 100 shown');

      // Responsive: the main thread answers quickly, and typing still updates the chooser at once.
      const lag = await page.evaluate(() => new Promise<number>((resolve) => {
        const start = performance.now();
        setTimeout(() => resolve(performance.now() - start), 0);
      }));
      expect(lag).toBeLessThan(200);
      const started = Date.now();
      await page.getByLabel('Search endpoints').fill('keyword-insights');
      await expect.poll(() => page.getByTestId('chooser-count').textContent()).toBe('1 shown');
      expect(Date.now() - started).toBeLessThan(2_000);
      await page.getByRole('tab', { name: 'Body' }).click();
      await expect.poll(() => page.getByText(/the view shows the first 1 MB/).count()).toBe(1);
      expect((await page.getByLabel('Response body').textContent())?.length).toBeLessThan(1_100_000);
      await context.close();
    });
  });

  describe('Console', () => {
    it('signs up with a default key, creates a key without a name shown once, uses it in the Playground, and usage shows the request', async () => {
      const { context, page } = await freshPage();
      await page.goto('/console/sign-up');
      await page.getByLabel('Email').fill(`e2e-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL('**/console/keys');
      await expect.poll(() => page.getByRole('heading', { name: 'Your new key “Default key”' }).count()).toBe(1);

      await page.getByRole('button', { name: 'Create key' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Your new key “Key 2”' }).count()).toBe(1);
      const key = (await page.getByTestId('new-api-key').textContent({ timeout: 10_000 })) ?? '';
      expect(key).toMatch(/^tl_live_[0-9A-Za-z]{36}$/);
      await expect.poll(() => page.getByTestId('key-list').textContent()).toContain(`${key.slice(0, 16)}…${key.slice(-4)}`);
      await page.getByRole('button', { name: 'Copy key' }).click();
      await expect.poll(() => lastCopied(page)).toBe(key);

      // Shown once: gone after a reload, and the list holds only the masked form.
      await page.reload();
      await expect.poll(() => page.getByTestId('key-list').count()).toBe(1);
      expect(await page.getByTestId('new-api-key').count()).toBe(0);
      expect(await page.content()).not.toContain(key);

      await page.goto('/playground');
      await setKey(page, key);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');

      await page.goto('/console/usage');
      await expect
        .poll(
          async () => {
            await page.getByRole('button', { name: 'Refresh' }).click();
            await page.waitForTimeout(200);
            return page.getByTestId('recent-requests').count();
          },
          { timeout: 15_000, interval: 250 },
        )
        .toBe(1);
      const row = await page.getByTestId('recent-requests').locator('tbody tr').first().textContent();
      expect(row).toContain('/tiktok/popular-trend/hashtag');
      expect(row).toContain('200');
      expect(row).toContain('playground');

      await page.goto('/console/billing');
      await expect.poll(() => page.getByText(/Monthly credits used: 8 of/).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.locator('#change-plan tr[aria-current="true"]').textContent()).toContain('your plan');
      // The watch-limit callout of the Watches page sends people here: the limits are in the table.
      expect(await page.locator('#change-plan tr[aria-current="true"] td[data-label="Watches"]').textContent()).toBe('5');

      await page.goto('/console');
      await expect.poll(() => page.getByTestId('credits-left').textContent()).toBe('1,992');
      expect(await page.getByText('2 active keys').count()).toBe(1);
      const quickStart = await page.getByLabel('First request').textContent();
      expect(quickStart).toContain('x-api-key: <api-key>');
      // The first request to copy works as written in the default demo (TikTok One needs a country).
      expect((await fetch(curlUrl(quickStart), { headers: { 'x-api-key': key } })).status).toBe(200);
      await context.close();
    });
  });

  describe('signing in and getting a key', () => {
    it('comes back to the Console page a signed-out visit asked for, fragment included', async () => {
      const { context, page } = await freshPage();
      const email = await signUp(page, 'deep-link');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/console/sign-in');
      await page.goto('/console/billing#change-plan');
      await signIn(page, email);
      await expect.poll(() => page.getByRole('heading', { name: 'More credits: change plan' }).count()).toBe(1);
      expect(page.url()).toBe(`${e2e.url}/console/billing#change-plan`);
      // The Console's nav shows which page this is.
      const nav = page.getByRole('navigation', { name: 'Console' });
      const weight = (name: string) => nav.getByRole('link', { name, exact: true }).evaluate((e) => getComputedStyle(e).fontWeight);
      expect(await nav.getByRole('link', { name: 'Billing' }).getAttribute('aria-current')).toBe('page');
      expect(await weight('Billing')).toBe('700');
      expect(await weight('Keys')).toBe('400');
      await context.close();
    });

    it('refuses a return path to another site', async () => {
      const { context, page } = await freshPage();
      const email = await signUp(page, 'open-redirect');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.goto(`/console/sign-in?return=${encodeURIComponent('//evil.example/console')}`);
      await signIn(page, email);
      await page.waitForURL(`${e2e.url}/console`);
      await context.close();
    });

    it('offers a signed-in person a key for the Playground, in a new tab and after signing in from the Playground', { timeout: 60_000 }, async () => {
      const { context, page } = await freshPage();
      const email = await signUp(page, 'key-step');
      // A new tab has no Playground key; the session says who it is.
      const tab = await context.newPage();
      await tab.goto('/playground/tiktok-top-ads-detail');
      await expect.poll(() => tab.getByRole('link', { name: 'Create a key for the Playground' }).count()).toBe(1);
      expect(await tab.getByRole('link', { name: /^Create a free account/ }).count()).toBe(0);
      await tab.getByRole('link', { name: 'Create a key for the Playground' }).click();
      await tab.getByRole('button', { name: 'Create a key and go back' }).click();
      await tab.waitForURL('**/playground/tiktok-top-ads-detail?material_id=*');
      await expect.poll(() => tab.getByTestId('active-key').textContent()).toMatch(/^Active Playground key: tl_live_\w{8}…\w{4} \(this tab only\)$/);
      await tab.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => tab.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');

      // Signed out, from the Playground's call to action to "Sign in": back with a key, not to the same offer.
      await page.goto('/console');
      await page.getByRole('button', { name: 'Sign out' }).click();
      const { context: other, page: fresh } = await freshPage();
      await fresh.goto('/playground/tiktok-top-ads-list?order_by=ctr');
      await fresh.getByRole('link', { name: /^Create a free account/ }).click();
      await fresh.getByRole('link', { name: 'Sign in' }).click();
      await signIn(fresh, email);
      await fresh.getByRole('button', { name: 'Create a key and go back' }).click();
      await fresh.waitForURL('**/playground/tiktok-top-ads-list?order_by=ctr');
      await expect.poll(() => fresh.getByTestId('active-key').textContent()).toMatch(/^Active Playground key: tl_live_/);
      expect(await fresh.getByRole('link', { name: /^Create a / }).count()).toBe(0);
      await other.close();
      await context.close();
    });
  });

  describe('Docs', () => {
    it("gives an authentication example that answers 200 in the default demo", async () => {
      const { context, page } = await freshPage();
      await page.goto('/docs/authentication');
      const example = await page.locator('article pre').first().textContent();
      expect((await fetch(curlUrl(example), { headers: { 'x-api-key': e2e.apiKey } })).status).toBe(200);
      await context.close();
    });

    it('says an empty list is charged only on list endpoints that are not retired', async () => {
      const { context, page } = await freshPage();
      const line = () => page.getByText('An empty list is a valid, charged 2xx response.').count();
      for (const [path, expected] of [
        ['/docs/TikTok/tiktok-popular-trend-hashtag', 1],
        ['/docs/TikTok/tiktok-popular-trend-song', 0],
        ['/docs/TikTok/tiktok-popular-trend-hashtag-detail', 0],
        ['/docs/TikTok/tiktok-top-ads-safety', 0],
      ] as const) {
        await page.goto(path);
        await waitPromptly(page.getByText('Open in Playground'));
        expect(await line(), path).toBe(expected);
      }
      await context.close();
    });
  });

  describe('Billing', () => {
    it('lists the plans with the way to more credits, and requests a plan where the Console API takes requests', { timeout: 60_000 }, async () => {
      const { context, page } = await freshPage();
      await page.goto('/console/sign-up');
      await page.getByLabel('Email').fill(`plans-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL('**/console/keys');

      // Without plan routes: the catalog's plans and the operator's way.
      await page.route('**/api/console/plans', (route) => route.fulfill({ status: 404, json: { code: 404, msg: 'Not Found', data: { error: 'route_not_found' } } }));
      await page.goto('/console/billing#change-plan');
      await expect.poll(() => page.locator('#change-plan').textContent()).toContain('trendlens accounts set-plan');
      await expect.poll(() => page.locator('#change-plan tr[aria-current="true"]').textContent()).toContain('your plan');
      await page.unroute('**/api/console/plans');

      // With them: a request per plan, then the open request with a way to cancel it.
      const plans = ((await (await fetch(`${e2e.url}/api/v1/catalog.json`)).json()) as { plans: { id: string; name: string }[] }).plans;
      let pending: { id: string; plan_id: string; status: string; created_at: string } | null = null;
      await page.route('**/api/console/plans', (route) => route.fulfill({ json: { code: 200, msg: 'OK', data: { plans, current_plan: 'free', pending_request: pending } } }));
      await page.route('**/api/console/plans/request', async (route) => {
        pending = { id: 'r1', plan_id: (route.request().postDataJSON() as { plan_id: string }).plan_id, status: 'pending', created_at: new Date().toISOString() };
        await route.fulfill({ status: 201, json: { code: 201, msg: 'Created', data: { request: pending } } });
      });
      await page.reload();
      const growth = plans.find((p) => p.id === 'growth')!;
      await page.getByRole('button', { name: `Request the ${growth.name} plan` }).click();
      await expect.poll(() => page.getByText(`Requested the ${growth.name} plan.`).count()).toBe(1);
      // The page shows the message first, then the refreshed plans: wait for both.
      await expect.poll(() => page.getByRole('button', { name: 'Cancel request' }).count()).toBe(1);
      await expect.poll(() => page.getByRole('button', { name: /^Request the / }).count()).toBe(0);
      await context.close();
    });
  });

  describe('quality', () => {
    it('has no serious or critical axe violations on Playground and Docs pages', { timeout: 120_000 }, async () => {
      const { context, page } = await freshPage();
      const pages: [string, string | RegExp][] = [
        ['/playground', / shown$/],
        ['/playground/tiktok-popular-trend-hashtag-detail?period=14', '14 (invalid)'],
        ['/docs', 'Trendlens API docs'],
        ['/docs/TikTok/tiktok-popular-trend-hashtag', 'Open in Playground'],
        ['/docs/errors', 'When to retry'],
        ['/docs/billing', 'Plans'],
        ['/docs/migrating-from-crawlora', 'Differences by endpoint'],
      ];
      const found: string[] = [];
      for (const [path, text] of pages) {
        await page.goto(path);
        await waitPromptly(page.getByText(text).first(), { state: 'attached' });
        found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      }
      // A live 400 with its callout, and the response pane's chart.
      await page.goto('/playground/tiktok-popular-trend-hashtag?period=14');
      await setKey(page, e2e.apiKey);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByTestId('error-callout').waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `400 callout: ${v}`));
      expect(found).toEqual([]);
      await context.close();
    });

    it('has no serious or critical axe violations on Console pages', { timeout: 120_000 }, async () => {
      const { context, page } = await freshPage();
      const found: string[] = [];
      await page.goto('/console/sign-in');
      await page.getByText('No account?').waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `/console/sign-in: ${v}`));
      await page.goto('/console/sign-up');
      await page.getByLabel('Email').fill(`axe-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL('**/console/keys');
      for (const [path, text] of [['/console', 'Quick start'], ['/console/keys', 'Create a key'], ['/console/billing', 'Overage'], ['/console/usage', 'Recent requests']] as const) {
        await page.goto(path);
        await waitPromptly(page.getByText(text).first());
        found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      }
      expect(found).toEqual([]);
      await context.close();
    });

    it('has no horizontal overflow at 375 px', { timeout: 60_000 }, async () => {
      const { context, page } = await freshPage({ width: 375, height: 812 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      for (const [path, text] of [
        ['/playground', 'Parameters'],
        ['/playground/tiktok-top-ads-list', 'Parameters'],
        ['/docs/TikTok/tiktok-top-ads-list', 'Open in Playground'],
        ['/docs/TikTok/tiktok-popular-trend-hashtag-detail', 'Open in Playground'],
        ['/docs/billing', 'Plans'],
        ['/console/sign-in', 'No account?'],
      ] as const) {
        await page.goto(path);
        await waitPromptly(page.getByText(text).first());
        expect(await overflow(), path).toBeLessThanOrEqual(0);
      }
      // The response pane with a live list and its table, and the Console's key cards.
      await page.goto('/playground');
      await setKey(page, e2e.apiKey);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
      await page.getByRole('tab', { name: 'Table' }).click();
      expect(await overflow(), 'response table').toBeLessThanOrEqual(0);
      // The Response view replaces the Request one: it keeps the page's heading and a way to send again.
      expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Popular-trend hashtags API Playground']);
      const firstId = await page.getByTestId('summary-x-request-id').locator('dd').textContent();
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect.poll(() => page.getByTestId('summary-x-request-id').locator('dd').textContent(), { timeout: 15_000 }).not.toBe(firstId);
      await page.goto('/console/sign-up');
      await page.getByLabel('Email').fill(`narrow-${Date.now()}@example.com`);
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL('**/console/keys');
      await page.getByTestId('key-list').waitFor();
      expect(await overflow(), '/console/keys').toBeLessThanOrEqual(0);
      // Status and actions stay on screen in the stacked key list.
      const revoke = await page.getByRole('button', { name: 'Revoke Default key' }).boundingBox();
      expect(revoke!.x + revoke!.width).toBeLessThanOrEqual(375);
      await context.close();
    });

    it('follows the system colour scheme and can be switched', async () => {
      const context = await e2e.browser.newContext({ colorScheme: 'dark', baseURL: e2e.url });
      const page = await context.newPage();
      await page.goto('/docs');
      await page.getByText('Trendlens API docs').waitFor();
      const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const dark = await bg();
      await page.getByRole('button', { name: 'Switch to light theme' }).click();
      expect(await bg()).not.toBe(dark);
      await context.close();
    });
  });
});
