import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { startTestApp, type TestApp } from '../support/app.js';

/** The access log: one line per request, and nothing in it that would let a reader act as a user. */

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
    const app = await buildApp(t.services, { logger: true, logStream: stream });
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
});
