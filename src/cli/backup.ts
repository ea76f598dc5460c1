// `npm run backup -- /path/to/copy.sqlite`: a consistent copy of the live database, taken with
// SQLite's online backup API while the application keeps running (no sqlite3 tool needed).
import path from 'node:path';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../config.js';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- /path/to/backup.sqlite');
  process.exit(2);
}
try {
  const config = loadConfig();
  if (!fs.existsSync(config.databasePath)) throw new Error(`no database at ${config.databasePath}`);
  const source = new SQLite(config.databasePath, { readonly: true, fileMustExist: true });
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  await source.backup(path.resolve(target));
  source.close();
  console.log(`Backup written to ${path.resolve(target)}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
