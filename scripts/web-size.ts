/**
 * Reports the first-load JavaScript of /playground: the gzip size of every script and module
 * preload the built index.html names (lazy chunks load later and are not counted). Fails above the
 * budget so a heavy dependency cannot slip in unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250 * 1024;
const dist = resolve(import.meta.dirname, '..', 'web', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const urls = new Set<string>();
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) if (m[1]) urls.add(m[1]);
for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) if (m[1]) urls.add(m[1]);

let total = 0;
for (const url of urls) {
  const bytes = gzipSync(readFileSync(join(dist, url.replace(/^\//, ''))), { level: 9 }).byteLength;
  total += bytes;
  console.log(`  ${url}  ${(bytes / 1024).toFixed(1)} KB gzip`);
}
console.log(`First-load JS for /playground: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)`);
if (total > BUDGET_BYTES) {
  console.error('The Playground\'s first-load JavaScript is over budget.');
  process.exit(1);
}
