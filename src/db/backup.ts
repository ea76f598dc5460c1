import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';

// A backup holds every client file: only the account that runs the application may read it. The
// copy is written into a new file created 0600 (never a moment readable by others, whatever the
// umask), then renamed over the target, so an older world-readable backup at that path is replaced,
// not reused. A folder made here is 0700; an existing folder that other users may write to (without
// the sticky bit that /tmp has) is refused: someone else could swap the file after we wrote it.

export class BackupError extends Error {}

export async function writeBackup(databasePath: string, target: string): Promise<string> {
  if (!fs.existsSync(databasePath)) throw new BackupError(`no database at ${databasePath}`);
  const file = path.resolve(target);
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const folder = fs.statSync(dir);
  if (!folder.isDirectory()) throw new BackupError(`${dir} is not a folder`);
  if ((folder.mode & 0o002) !== 0 && (folder.mode & 0o1000) === 0) {
    throw new BackupError(`${dir} can be written by other users; choose a folder only this account can write to`);
  }
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  fs.closeSync(fs.openSync(temp, 'wx', 0o600));
  const source = new SQLite(databasePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  } finally {
    source.close();
  }
  return file;
}
