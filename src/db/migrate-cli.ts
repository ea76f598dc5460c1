// `npm run migrate`: apply pending migrations to the configured database and report them.
import { loadConfig } from '../config.js';
import { openAppDatabase } from './database.js';
import { migrateAppDatabase } from './migrate.js';

try {
  const config = loadConfig();
  const { db } = openAppDatabase(config);
  const result = await migrateAppDatabase(db, config);
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  await db.destroy();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
