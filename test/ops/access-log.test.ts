import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { startSimulator } from '../../src/simulator/index.js';
import { createLogger } from '../../src/logging.js';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * The log: one access line per request, nothing in it that would let a reader act as a user, and the
 * background work's lines in the same JSON stream.
 */

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.close());

describe('the access log', () => {
  it("keeps a reset or verification link's path but not its token", async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const app = await buildApp(t.services, { log: createLogger('info', stream) });
    try {
      for (const url of ['/console/reset-password?token=s3cret-reset', '/console/verify-email?a=1&token=s3cret-verify#x']) {
        await app.inject({ method: 'GET', url });
      }
    } finally {
      await app.close();
    }
    const urls = lines.map((line) => JSON.parse(line) as { msg: string; url?: string }).filter((l) => l.msg === 'request').map((l) => l.url);
    expect(urls).toEqual(['/console/reset-password?token=[redacted]', '/console/verify-email?a=1&token=[redacted]']);
    expect(lines.join('\n')).not.toContain('s3cret');
  });

  it("carries the upstream router's warnings, which went nowhere before services had the logger", async () => {
    const simulator = await startSimulator({ port: 0, era: '2026' });
    const stream = new PassThrough();
    const logged: Array<{ level: number; msg: string; operationId?: string }> = [];
    stream.on('data', (chunk: Buffer) => logged.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))));
    const databaseUrl = join(mkdtempSync(join(tmpdir(), 'trendlens-log-')), 'live.db');
    const config = defaultConfig({ DATABASE_URL: databaseUrl, PORT: 0, HOST: '127.0.0.1', UPSTREAM_SIMULATOR_URL: simulator.url });
    const server = await startServer(config, { logger: true, logStream: stream });
    try {
      const account = await server.services.accounts.create({ email: 'log@example.com', planId: 'free' });
      const { apiKey } = await server.services.keys.create(account.id, 'log');
      const res = await fetch(`${server.url}/api/v1/tiktok/popular-trend/song`, { headers: { 'x-api-key': apiKey } });
      expect(res.status).toBe(503);
      expect(logged).toContainEqual(expect.objectContaining({ level: 40, msg: 'upstream failure', operationId: 'tiktok-popular-trend-song' }));
    } finally {
      await server.close();
      await simulator.close();
    }
  });
});
