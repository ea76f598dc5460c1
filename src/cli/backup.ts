// `npm run backup -- /path/to/copy.sqlite`: a consistent copy of the live database, taken with
// SQLite's online backup API while the application keeps running (no sqlite3 tool needed).
// The copy is readable by this account only (src/db/backup.ts).
import { loadConfig } from '../config.js';
import { writeBackup } from '../db/backup.js';

const target = process.argv[2];
if (!target) {
  console.error('Usage: npm run backup -- /path/to/backup.sqlite');
  process.exit(2);
}
try {
  const config = loadConfig();
  // PostgreSQL is backed up with its own tools (pg_dump, or the provider's backups): README, "PostgreSQL".
  if (config.databaseUrl) throw new Error('DATABASE_URL is set: back up PostgreSQL with pg_dump (see README, "PostgreSQL")');
  const written = await writeBackup(config.databasePath, target);
  console.log(`Backup written to ${written}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
