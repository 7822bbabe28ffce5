import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../src/http/index.js';
import { startTestApp, type TestApp } from '../support/app.js';

const CONSOLE_DIR = new URL('../../src/console/', import.meta.url);
const contract = readFileSync(new URL('../../docs/api-contract.md', import.meta.url), 'utf8');

/** The text of docs/api-contract.md § Console API, up to the next section. */
const section = contract.slice(contract.indexOf('\n## Console API\n'), contract.indexOf('\n## ', contract.indexOf('\n## Console API\n') + 1));

/** `METHOD path` of every route the Console's route files register, `:id` spelled `{id}` as the docs do. */
function registeredRoutes(): string[] {
  return readdirSync(CONSOLE_DIR)
    .filter((name) => name.endsWith('-routes.ts'))
    .flatMap((name) => [...readFileSync(new URL(name, CONSOLE_DIR), 'utf8').matchAll(/\bapp\.(get|post|patch|delete)\('\/([^']+)'/g)])
    .map(([, method = '', path = '']) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`)
    .sort();
}

/** `METHOD path` of every row of the section's route tables. */
function documentedRoutes(): string[] {
  return [...section.matchAll(/^\| (GET|POST|PATCH|DELETE) \| `([^`]+)` \|/gm)].map(([, method, path]) => `${method} ${path}`).sort();
}

describe('docs/api-contract.md § Console API tells the truth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('lists every Console route once, and no other', () => {
    const registered = registeredRoutes();
    // The route files are read as text: the app proves each is a real route, so none is missed by the pattern.
    expect(registered.length).toBeGreaterThan(30);
    for (const route of registered) {
      const [method = '', path = ''] = route.split(' ');
      expect(t.app.hasRoute({ method: method as 'GET', url: `/api/console/${path.replace(/\{(\w+)\}/g, ':$1')}` }), route).toBe(true);
    }
    expect(documentedRoutes()).toEqual(registered);
  });

  it.each((Object.keys(ERRORS) as ErrorCode[]).filter((code) => ERRORS[code].scope !== 'api'))('names the error code %s', (code) => {
    expect(section).toContain(`\`${code}\``);
  });
});
