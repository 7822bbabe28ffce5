import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator } from 'playwright-core';
import { WEB_DIST } from '../../../src/api/web/index.js';
import { runCli } from '../../../src/cli.js';
import { defaultConfig, type Config } from '../../../src/config.js';
import { startDemo } from '../../../src/server.js';
import { REQUIRE_SERVICES } from '../../support/services.js';

/** Debian's Chromium; no browser is ever downloaded (docs/architecture.md § Stack). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

const REPO = resolve(import.meta.dirname, '..', '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than web/src; returns why it could not, or null. */
function ensureWebBuild(): string | null {
  const index = join(WEB_DIST, 'index.html');
  const stale = !existsSync(index) || statSync(index).mtimeMs < newestMtime(join(REPO, 'web', 'src'));
  if (!stale) return null;
  try {
    execFileSync(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(REPO, 'web', 'vite.config.ts'), '--logLevel', 'error'], {
      cwd: REPO,
      stdio: 'pipe',
      // vitest sets NODE_ENV=test, which would build React's development bundle: test what users get.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (error) {
    return `the web app could not be built (${(error as Error).message.split('\n')[0]})`;
  }
  return existsSync(index) ? null : 'web/dist/index.html is missing after vite build';
}

/** Whether browser tests can run here; prints why not, or throws under CI (as test/support/services.ts does). */
export function browserTestsAvailable(): boolean {
  const reason = !existsSync(CHROMIUM_PATH) ? `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium)` : ensureWebBuild();
  if (reason === null) return true;
  if (REQUIRE_SERVICES) throw new Error(`${reason}, and CI requires the browser tests to run`);
  console.warn(`[skip] ${reason}: the browser tests are skipped`);
  return false;
}

export interface E2eServer {
  url: string;
  /** The demo account's key (enterprise plan). */
  apiKey: string;
  /** Its SQLite file, for the CLI commands an operator would run beside it. */
  databaseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Demo server plus one headless Chromium; `config` adds settings a suite needs (e.g. `WEBHOOK_ALLOW_PRIVATE`). */
export async function startE2e(config: Partial<Config> = {}): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'trendlens-e2e-'));
  // The real server in demo mode on port 0 over a fresh SQLite file.
  const databaseUrl = join(dir, 'e2e.db');
  const server = await startDemo(defaultConfig({ ...config, DATABASE_URL: databaseUrl, PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return {
    url: server.url,
    apiKey: server.apiKey,
    databaseUrl,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the operator runs without mail: `trendlens accounts reset-link|verify-link --email E`, through the real CLI. */
export async function operatorLink(server: { url: string; databaseUrl: string }, command: 'reset-link' | 'verify-link', email: string): Promise<string> {
  let out = '';
  const sink = { write: (c: string) => ((out += c), true) } as unknown as NodeJS.WritableStream;
  const code = await runCli(['accounts', command, '--email', email, '--json'], { DATABASE_URL: server.databaseUrl, PUBLIC_URL: server.url }, { stdout: sink, stderr: sink });
  if (code !== 0) throw new Error(`accounts ${command} exited ${code}: ${out}`);
  return (JSON.parse(out) as { link: string }).link;
}

/**
 * `locator.waitFor(options)`, reached sooner: Playwright checks a locator that is not there yet again
 * after 20, 50, 100, 100 and then every 500 ms, so a page that renders 150 ms after its load is
 * seen up to 600 ms later, on every page a loop visits. Looking every 20 ms first (each look answers
 * at once, it never waits) shortens that wait; the final `waitFor` is the same check as before,
 * with its own timeout, and it fails the same way.
 */
export async function waitPromptly(locator: Locator, options: { state?: 'attached' | 'visible' } = {}): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    try {
      if (options.state === 'attached' ? (await locator.count()) > 0 : await locator.isVisible()) break;
    } catch {
      break; // e.g. a strict-mode violation: the waitFor below reports it as before
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await locator.waitFor(options);
}
