// After the root install: installs the typed client's own locked dependencies (clients/typescript),
// so `npm test` can build and test it. Skipped where the client is not part of the checkout.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const lock = new URL('../clients/typescript/package-lock.json', import.meta.url);
if (existsSync(lock) && process.env.npm_execpath) {
  const result = spawnSync(process.execPath, [process.env.npm_execpath, 'ci', '--prefix', 'clients/typescript', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
