import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where comments and docs live; generated output and installed packages are not ours to check. */
const SCANNED = ['src', 'web/src', 'web/index.html', 'test', 'scripts', 'bench', 'clients', 'docs', '.ci', 'README.md', 'CONTRIBUTING.md'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'screenshots', '.git']);
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|md|json|html|css|sh)$|^run$/;

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => (SKIPPED_DIRS.has(name) ? [] : walk(join(path, name))));
}

const files = SCANNED.flatMap((p) => walk(join(ROOT, p)))
  .filter((f) => TEXT_FILE.test(f.split('/').pop() ?? ''))
  .map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

/** The headings of a Markdown file, outside code fences. */
function headingsOf(path: string): string[] {
  const headings: string[] = [];
  let fenced = false;
  for (const line of readFileSync(join(ROOT, path), 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.+?)\s*$/.exec(line);
    if (m?.[1]) headings.push(m[1]);
  }
  return headings;
}

// Spelled in pieces so this file does not cite what it forbids.
const SECTION = '\u00a7';
const OUTSIDE = [
  new RegExp(`DESIGN(\\.md)?\\s*${SECTION}`),
  /DESIGN\.md/,
  new RegExp(`\\b[Cc]ontract\\s*${SECTION}`),
  new RegExp(['upstream', 'spec'].join(' '), 'i'),
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp(['', 'work', 'shared'].join('/')),
  new RegExp(['spec', '[\\w-]+\\.md'].join('/')),
  /\bSTYLE(\.md)?\b/,
];

/** A cited Markdown file: a repository path ending in .md, optionally in backticks. */
const CITED_FILE = /(?<![\w/.-])((?:docs|src|web|clients|test|bench|scripts)\/[\w./-]+\.md|README\.md|CONTRIBUTING\.md)/g;

interface Citation {
  at: string;
  file: string;
  heading?: string;
}

/** Every `<file>.md` and each `§ Heading` that follows it on the same line, up to the next cited file. */
function citations(): Citation[] {
  const found: Citation[] = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      const matches = [...line.matchAll(CITED_FILE)];
      matches.forEach((m, k) => {
        const at = `${path}:${i + 1}`;
        const file = m[1] as string;
        const end = matches[k + 1]?.index ?? line.length;
        const tail = line.slice((m.index ?? 0) + m[0].length, end);
        const headings = [...tail.matchAll(new RegExp(`${SECTION}\\s*([^${SECTION}]+)`, 'g'))].map((h) => (h[1] as string).trim());
        if (headings.length === 0) found.push({ at, file });
        for (const heading of headings) found.push({ at, file, heading });
      });
    });
  }
  return found;
}

function citesHeading(heading: string, headings: readonly string[]): boolean {
  return headings.some((h) => heading.startsWith(h) && !/^[\p{L}\p{N}]/u.test(heading.slice(h.length)));
}

describe('citations in comments and docs', () => {
  const all = citations();

  it('finds the docs the code cites', () => {
    expect(all.filter((c) => c.heading).length).toBeGreaterThan(100);
  });

  it('cites no document outside the repository', () => {
    const outside = files.flatMap(({ path, text }) =>
      text.split('\n').flatMap((line, i) => (OUTSIDE.some((re) => re.test(line)) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(outside).toEqual([]);
  });

  it('cites only files that exist', () => {
    const missing = all.filter((c) => !existsSync(join(ROOT, c.file))).map((c) => `${c.at}: ${c.file}`);
    expect(missing).toEqual([]);
  });

  it('cites only headings the cited file has', () => {
    const headings = new Map<string, string[]>();
    const wrong = all
      .filter((c) => c.heading !== undefined && existsSync(join(ROOT, c.file)))
      .filter((c) => {
        if (!headings.has(c.file)) headings.set(c.file, headingsOf(c.file));
        return !citesHeading(c.heading as string, headings.get(c.file) ?? []);
      })
      .map((c) => `${c.at}: ${c.file} § ${c.heading}`);
    expect(wrong).toEqual([]);
  });
});
