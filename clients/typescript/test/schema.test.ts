import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaSource } from '../scripts/schema-source.js';

describe('generated types', () => {
  it('match the catalog: run `npm run generate` in clients/typescript when this fails', async () => {
    const committed = readFileSync(fileURLToPath(new URL(`../${SCHEMA_FILE}`, import.meta.url)), 'utf8');
    expect(committed === (await schemaSource())).toBe(true);
  });
});
