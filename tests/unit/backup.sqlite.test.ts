import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

// Runs the real command (`npm run backup` is `tsx src/cli/backup.ts`): the backup holds every
// client file, so only the account that made it may read it.

const run = promisify(execFile);
let dir: string;
let database: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-backup-'));
  database = path.join(dir, 'live.sqlite');
  const { db } = openDatabase(database);
  await migrateToLatest(db);
  await db.destroy();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function backup(target: string) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', target], { env: { ...process.env, DATABASE_PATH: database, LOG_LEVEL: 'silent' } });
}
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('npm run backup', () => {
  it('writes a complete copy readable by this account only, in a folder only it can enter', async () => {
    const target = path.join(dir, 'copies', 'backup.sqlite');
    await backup(target);
    expect(mode(target)).toBe(0o600);
    expect(mode(path.dirname(target))).toBe(0o700);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['backup.sqlite']); // no temporary file left
    const copy = new SQLite(target, { readonly: true });
    expect(copy.prepare(`select count(*) as n from sqlite_master where name = 'audit_event'`).get()).toEqual({ n: 1 });
    copy.close();
  });

  it('replaces an older world-readable backup at the same path with a 0600 one', async () => {
    const target = path.join(dir, 'backup.sqlite');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o644);
    await backup(target);
    expect(mode(target)).toBe(0o600);
  });

  it('refuses a folder other users can write to, writing nothing', async () => {
    const open = path.join(dir, 'open');
    fs.mkdirSync(open);
    fs.chmodSync(open, 0o777);
    await expect(backup(path.join(open, 'backup.sqlite'))).rejects.toMatchObject({ stderr: expect.stringMatching(/can be written by other users/) });
    expect(fs.readdirSync(open)).toEqual([]);
  });
});
