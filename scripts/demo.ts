// `npm run demo`: the application on a throwaway database full of fictional households and
// balances, so anyone can see the product in one command. Nothing is kept after it stops.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createLogger } from '../src/http/logger.js';
import { generateOrganisation } from './generate-data.js';

const PASSWORD = 'demo wachtwoord sociale balans';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sociale-balans-demo-'));
const config = loadConfig({ ...process.env, DATABASE_PATH: path.join(dir, 'demo.sqlite') });
const { db, sqlite } = openDatabase(config.databasePath);
await migrateToLatest(db);
console.log('Building a fictional organisation ...');
const result = await generateOrganisation(db, { households: Number(process.env.DEMO_HOUSEHOLDS ?? 60), balancesPerHousehold: 3, teams: 2, password: PASSWORD });
const app = createApp({ db, config, logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), now: () => Date.now() });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
  console.log(`\n  Sociale Balans demo: ${config.publicOrigin}`);
  console.log(`  Social worker: ${result.workers[1]!.email}  (team lead: ${result.workers[0]!.email}; administrator: beheer@demo.ocmw.be)`);
  console.log(`  Password for all: ${PASSWORD}`);
  console.log(
    `  ${result.households} fictional households. Two-step verification is off in the demo organisation.\n  Stop with Ctrl+C; the demo database is deleted.\n`,
  );
});
const stop = () =>
  server.close(() => {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
