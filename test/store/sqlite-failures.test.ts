import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, sqliteFailure } from '../../src/store/connect.js';
import { UnusableSettingError } from '../../src/unusable-setting.js';

/** An error as Node's fs or better-sqlite3 raises it. */
function raised(code: string, extra: Record<string, string> = {}): Error {
  return Object.assign(new Error(`${code}: as raised`), { code, ...extra });
}

describe('sqliteFailure', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trendlens-sqlite-failures-'));
  const file = join(dir, 'trendlens.db');

  // Running as root, as CI does, no permission is ever refused: these words are checked on the errors themselves.
  it.each([
    ['a file this user may not write', raised('EACCES', { syscall: 'access', path: file }), `this user may not write ${file}, the SQLite file named by DATABASE_URL; give it write access, or name another file`],
    [
      'a directory this user may not create',
      raised('EACCES', { syscall: 'mkdir', path: join(dir, 'sub') }),
      `cannot create the directory of ${file}, the SQLite file named by DATABASE_URL: this user may not create ${join(dir, 'sub')}; correct the path or create the directory`,
    ],
    [
      'a file SQLite cannot open or create',
      raised('SQLITE_CANTOPEN'),
      `cannot open or create ${file}, the SQLite file named by DATABASE_URL; this user must be able to read and write it and to create files in ${dir}`,
    ],
    [
      'a database SQLite opened read-only',
      raised('SQLITE_READONLY'),
      `cannot write ${file}, the SQLite file named by DATABASE_URL (SQLITE_READONLY: as raised); this user must be able to write it and to create files in ${dir}`,
    ],
  ])('names DATABASE_URL for %s', (_, error, said) => {
    const failure = sqliteFailure(error, file);
    expect(failure).toBeInstanceOf(UnusableSettingError);
    expect(failure).toMatchObject({ variable: 'DATABASE_URL', code: 'database_unusable', message: said });
  });

  it('leaves any other failure its own words', () => {
    expect(sqliteFailure(raised('SQLITE_BUSY'), file)).toBeNull();
    expect(sqliteFailure(new TypeError('a bug'), file)).toBeNull();
  });
});

describe('openStore on an SQLite path that cannot be a database', () => {
  it('refuses a directory and a file that is not a database, naming DATABASE_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trendlens-sqlite-failures-'));
    mkdirSync(join(dir, 'folder.db'));
    writeFileSync(join(dir, 'text.db'), 'plain text, not a database');
    await expect(openStore(join(dir, 'folder.db'))).rejects.toMatchObject({ variable: 'DATABASE_URL', code: 'database_unusable' });
    await expect(openStore(join(dir, 'text.db'))).rejects.toMatchObject({ variable: 'DATABASE_URL', code: 'database_not_sqlite' });
  });
});
