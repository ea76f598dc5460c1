import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest, MigrationError } from './db/migrate.js';
import { createLogger } from './http/logger.js';
import { announceSetupCode } from './auth/setup-code.js';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let opened;
  try {
    opened = openDatabase(config.databasePath);
    await migrateToLatest(opened.db);
  } catch (error) {
    const message = error instanceof MigrationError || error instanceof Error ? error.message : String(error);
    logger.error('database not ready, not starting', { error: message });
    console.error(`Cannot start: ${message}`);
    process.exit(1);
  }
  const { db, sqlite } = opened;
  const deps = { db, config, logger, now: () => Date.now() };
  const app = createApp(deps);
  await announceSetupCode(deps);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('listening', { url: `http://${info.address}:${info.port}`, publicOrigin: config.publicOrigin });
  });

  // SIGTERM (docker stop, systemd): stop accepting, let running requests finish, then close the
  // database so the WAL is checkpointed cleanly. A hard deadline keeps a stuck client from
  // holding the shutdown forever.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const deadline = setTimeout(() => {
      logger.warn('shutdown deadline reached, closing anyway');
      finish(1);
    }, 10_000);
    deadline.unref();
    server.close(() => finish(0));
    if ('closeIdleConnections' in server) (server as { closeIdleConnections(): void }).closeIdleConnections();
  };
  const finish = (code: number) => {
    try {
      sqlite.close();
    } finally {
      process.exit(code);
    }
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
