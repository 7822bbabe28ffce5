import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpoints } from '../src/catalog/index.js';
import { ConfigSchema } from '../src/config.js';
import { DEFAULT_PLANS } from '../src/billing/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README tells the truth', () => {
  it.each(endpoints.map((e) => [e.path]))('lists %s with a curl example', (path) => {
    expect(readme).toContain(`\`${path}\``);
    expect(readme).toContain(`curl "$BASE${path.replace('/tiktok', '')}`);
  });

  it.each(Object.keys(ConfigSchema.shape))('documents the %s variable', (name) => {
    expect(readme).toContain(`| \`${name}\` |`);
  });

  it.each(DEFAULT_PLANS.map((p) => [p.id, p.included_credits.toLocaleString('en-US')]))('shows plan %s with %s credits', (id, credits) => {
    expect(readme).toMatch(new RegExp(`\\| \`${id}\` \\|[^\\n]*\\| ${credits} \\|`));
  });

  it('keeps the two-command quick start', () => {
    expect(readme).toContain('npm install && npm run demo');
    expect(readme).toContain('npm test');
  });
});
