import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsAvailable, startE2e, waitPromptly, type E2eServer } from './support/browser.js';

const available = browserTestsAvailable();
let e2e: E2eServer;

/* Callbacks given to page.evaluate run in the browser; the Node project has no DOM types. */
declare const document: {
  activeElement: { id: string; tagName: string; getAttribute(n: string): string | null } | null;
  querySelectorAll(s: string): ArrayLike<{ textContent: string | null; cloneNode(deep: boolean): { querySelectorAll(s: string): ArrayLike<{ remove(): void }>; textContent: string | null } }>;
};
declare const sessionStorage: { setItem(k: string, v: string): void };

async function page(viewport = { width: 1440, height: 900 }, key: string | null = null): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ viewport, baseURL: e2e.url });
  if (key) await context.addInitScript((k: string) => sessionStorage.setItem('trendlens.playground.key', k), key);
  return { context, page: await context.newPage() };
}

/** Where an element ends, in page pixels from the top of the first screen. */
async function bottomOf(p: Page, name: string): Promise<number> {
  const box = await p.getByRole('button', { name, exact: true }).boundingBox();
  return box!.y + box!.height;
}

describe.skipIf(!available)('Playground and Docs checks in Chromium', () => {
  beforeAll(async () => {
    e2e = await startE2e();
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows Send in the first 900 px at 1440×900 and in the first screen at 375×812', async () => {
    for (const viewport of [{ width: 1440, height: 900 }, { width: 375, height: 812 }]) {
      const { context, page: p } = await page(viewport);
      await p.goto('/playground');
      await p.getByRole('button', { name: 'Send', exact: true }).waitFor();
      expect(await bottomOf(p, 'Send'), `${viewport.width}px`).toBeLessThanOrEqual(viewport.height);
      expect(await p.getByRole('link', { name: /^Create a free account \(2,000 credits\)$/ }).isVisible()).toBe(true);
      await context.close();
    }
  });

  it('chooses an endpoint, fills a field and sends with the keyboard alone', async () => {
    const { context, page: p } = await page(undefined, e2e.apiKey);
    await p.goto('/playground');
    await p.getByRole('button', { name: 'Send', exact: true }).waitFor();
    for (let i = 0; i < 12; i++) {
      await p.keyboard.press('Tab');
      if ((await p.evaluate(() => document.activeElement?.getAttribute('type'))) === 'search') break;
    }
    expect(await p.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('Search endpoints');
    await p.keyboard.type('hashtag detail');
    await p.keyboard.press('ArrowDown');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/playground/tiktok-popular-trend-hashtag-detail');
    await p.keyboard.press('Enter');
    await p.waitForURL('**/playground/tiktok-popular-trend-hashtag-detail**');
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('param-hashtag_name');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('prom');
    await expect.poll(() => p.getByTestId('request-preview').textContent()).toContain('hashtag_name=prom');
    await p.keyboard.press('Control+Enter');
    await expect.poll(() => p.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
    await context.close();
  });

  it('shows a deep link value outside the catalog as invalid, not as the default, and the 400 callout names the field', async () => {
    const { context, page: p } = await page(undefined, e2e.apiKey);
    await p.goto('/playground/tiktok-popular-trend-hashtag?period=14');
    const period = p.getByLabel('period', { exact: true });
    await expect.poll(() => period.inputValue()).toBe('14');
    expect(await period.locator('option:checked').textContent()).toBe('14 (invalid)');
    expect(await period.getAttribute('aria-invalid')).toBe('true');
    expect(await p.getByTestId('request-preview').textContent()).toContain('period=14');

    await p.getByRole('button', { name: 'Send', exact: true }).click();
    const callout = p.getByTestId('error-callout');
    await expect.poll(() => callout.textContent(), { timeout: 15_000 }).toMatch(/^400 Some parameters need fixing/);
    expect(await callout.locator('li code').allTextContents()).toEqual(['period']);
    expect(await p.getByTestId('response-status').textContent()).toBe('400');
    // The callout's link takes the focus to the field.
    await callout.getByRole('link', { name: 'period' }).click();
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('param-period');
    await context.close();
  });

  it('counts down a 429 and links to more credits, and asks for a key on a 401 that says why', async () => {
    const { context, page: p } = await page(undefined, e2e.apiKey);
    // The server's own sentence, whose "Retry in" would stand still beside the countdown.
    const limited = { reason: 'rate_limited', reset_scope: 'minute', retry_after_seconds: 42, message: 'Rate limit of 5 requests per minute reached. Retry in 42 s.', rate_limit_per_minute: 5, upgrade_url: `${e2e.url}/console/billing` };
    let status = 429;
    await p.route('**/api/v1/tiktok/popular-trend/song', (route) =>
      status === 429
        ? route.fulfill({ status, json: { code: 429, msg: 'Too Many Requests', data: limited }, headers: { 'retry-after': '42' } })
        : route.fulfill({ status, json: { code: 401, msg: 'Authentication required', data: { error: 'revoked_api_key' } } }),
    );
    await p.goto('/playground/tiktok-popular-trend-song');
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    const callout = p.getByTestId('error-callout');
    await expect.poll(() => callout.textContent()).toContain('The limit is 5 requests per minute.');
    expect(await callout.textContent()).not.toContain('Retry in');
    expect(await p.getByTestId('retry-countdown').textContent()).toMatch(/^You can retry in 4[12] s\.$/);
    expect(await callout.getByRole('link', { name: 'See plans with higher limits' }).getAttribute('href')).toBe('/console/billing#change-plan');

    status = 401;
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => callout.textContent()).toMatch(/^401 This API key was revoked/);
    expect(await callout.getByRole('link', { name: 'Create a free account' }).count()).toBe(1);
    await callout.getByRole('button', { name: 'Paste a key' }).click();
    await expect.poll(() => p.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await context.close();
  });

  it('signs up from the Playground and comes back to the same endpoint and params with a working key', { timeout: 60_000 }, async () => {
    const { context, page: p } = await page();
    await p.goto('/playground/tiktok-popular-trend-hashtag?period=30&limit=5&country_code=US');
    await p.getByRole('link', { name: /^Create a free account/ }).click();
    await p.waitForURL('**/console/sign-up?return=**');
    await p.getByLabel('Email').fill(`first-call-${Date.now()}@example.com`);
    await p.getByLabel('Password').fill('correct horse battery');
    await p.getByRole('button', { name: 'Sign up' }).click();
    await p.waitForURL('**/playground/tiktok-popular-trend-hashtag?limit=5&period=30*');
    await expect.poll(() => p.getByTestId('active-key').textContent()).toMatch(/^Active Playground key: tl_live_\w{8}…\w{4} \(this tab only\)$/);
    expect(await p.getByLabel('period', { exact: true }).inputValue()).toBe('30');
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => p.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
    expect(await p.getByTestId('summary-x-credits-charged').locator('dd').textContent()).toBe('8');
    await context.close();
  });

  it("draws hashtag detail's trend as a chart with its points", async () => {
    const { context, page: p } = await page(undefined, e2e.apiKey);
    await p.goto('/playground/tiktok-popular-trend-hashtag-detail');
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => p.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
    const chart = p.getByTestId('chart');
    await expect.poll(() => chart.locator('canvas').count()).toBe(1);
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(1);
    const box = await chart.locator('canvas').boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    // Hovering shows the value under the cursor in the legend.
    await p.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect.poll(() => chart.locator('.u-legend .u-value').nth(1).textContent()).toMatch(/\d/);
    await context.close();
  });

  it('marks retired endpoints and draws history and movers as charts', { timeout: 60_000 }, async () => {
    const { context, page: p } = await page(undefined, e2e.apiKey);
    type Endpoint = { operationId: string; path: string; servedFrom?: string; retired?: { since?: string; reason: string } };
    const catalog = (await (await fetch(`${e2e.url}/api/v1/catalog.json`)).json()) as { endpoints: Endpoint[] };
    const retired = catalog.endpoints.filter((e) => e.retired);
    const historyOp = catalog.endpoints.find((e) => e.path === '/tiktok/popular-trend/hashtag/history')!;
    const moversOp = catalog.endpoints.find((e) => e.path === '/tiktok/popular-trend/movers')!;
    expect(retired.length).toBeGreaterThan(0);
    expect(historyOp.servedFrom).toBe('history');

    // Answers fixed here so the pictures are checked against known points, whatever history the server holds.
    const history = { hashtag_id: '4777', hashtag_name: 'prom', country_code: 'US', period: 7, days: 3, covered_days: ['2026-04-19', '2026-04-20', '2026-04-21'], points: [{ date: '2026-04-19', rank: 4, publish_cnt: 160210, video_views: 690112004 }, { date: '2026-04-21', rank: 1, publish_cnt: 179872, video_views: 766182036 }] };
    const movers = { chart: 'hashtag', country_code: 'US', period: 7, direction: 'rising', since: 7, list: [{ id: '4777', name: 'prom', rank: 1, previous_rank: 23, rank_change: 22, metric: 766182036, previous_metric: 301120440, metric_growth: 1.5444, first_seen: '2026-04-12', sparkline: [23, 18, 12, 9, 5, 3, 2, 1] }] };
    const served = { 'x-served-from': 'history', 'access-control-expose-headers': '*' };
    await p.route((url) => url.pathname === `/api/v1${historyOp.path}`, (route) => route.fulfill({ json: { code: 200, msg: 'OK', data: history }, headers: served }));
    await p.route((url) => url.pathname === `/api/v1${moversOp.path}`, (route) => route.fulfill({ json: { code: 200, msg: 'OK', data: movers }, headers: served }));

    await p.goto(`/playground/${historyOp.operationId}`);
    await expect.poll(() => p.locator('.sidebar .badge-retired').count()).toBe(retired.length);
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => p.getByTestId('response-status').textContent(), { timeout: 15_000 }).toBe('200');
    const chart = p.getByTestId('chart');
    await expect.poll(() => chart.locator('canvas').count()).toBe(1);
    expect(await chart.locator('figcaption').textContent()).toBe('rank of prom by day');
    expect(await chart.getAttribute('data-points')).toBe('2');
    expect(await chart.getAttribute('data-inverted')).toBe('true');

    await p.goto(`/playground/${moversOp.operationId}`);
    await p.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => p.getByTestId('chart').getAttribute('data-kind'), { timeout: 15_000 }).toBe('movers');
    expect(await p.getByTestId('chart').locator('tbody tr').first().textContent()).toContain('▲ 22');
    expect(await p.getByTestId('chart').locator('svg.spark').count()).toBe(1);

    const first = retired[0]!;
    const note = `Retired since ${first.retired!.since}.`;
    await p.goto(`/playground/${first.operationId}`);
    await expect.poll(() => p.getByTestId('retired-note').textContent()).toContain(note);
    await p.goto(`/docs/TikTok/${first.operationId}`);
    await expect.poll(() => p.locator('article [role="note"]').textContent()).toContain(note);
    await context.close();
  });

  it('renders Docs Markdown: no literal backticks on any page, and Crawlora only on the migration page', { timeout: 60_000 }, async () => {
    const { context, page: first } = await page();
    const catalog = (await (await fetch(`${e2e.url}/api/v1/catalog.json`)).json()) as { endpoints: { operationId: string }[] };
    const paths = ['/docs', '/docs/authentication', '/docs/errors', '/docs/billing', '/docs/migrating-from-crawlora', ...catalog.endpoints.map((e) => `/docs/TikTok/${e.operationId}`)];
    // Two tabs take the pages in turn: each page's time is mostly its own rendering, and there are two cores.
    const queue = [...paths];
    const visit = async (p: Page) => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await p.goto(path);
        await waitPromptly(p.locator('article h1'));
        // Prose only: code blocks may hold any character.
        const prose = await p.evaluate(() => {
          const article = document.querySelectorAll('article')[0]!.cloneNode(true);
          for (const pre of Array.from(article.querySelectorAll('pre'))) pre.remove();
          return article.textContent ?? '';
        });
        expect(prose.includes('`'), path).toBe(false);
        expect(/crawlora/i.test(prose), path).toBe(path === '/docs/migrating-from-crawlora');
      }
    };
    await Promise.all([visit(first), context.newPage().then(visit)]);
    await context.close();
  });
});
