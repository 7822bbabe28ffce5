import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** What `npm pack` (and so `npm publish`) ships: the built client, not just its README. */

const folder = fileURLToPath(new URL('..', import.meta.url));

describe('the packed client', () => {
  it('is built on pack and holds the compiled module and its types', async () => {
    const npm = process.env.npm_execpath;
    const [command, args] = npm ? [process.execPath, [npm]] : ['npm', []];
    const output = execFileSync(command, [...args, 'pack', '--dry-run', '--json', '--ignore-scripts=false'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'dist/schema.d.ts', 'README.md']));
    const built = (await import(new URL('../dist/index.js', import.meta.url).href)) as Record<string, unknown>;
    expect(typeof built.createTrendlensClient).toBe('function');
  }, 60_000);
});
