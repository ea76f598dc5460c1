import cluster from 'node:cluster';
import { serve } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openAppDatabase, openDatabase } from './db/database.js';
import { migrateAppDatabase, MigrationError } from './db/migrate.js';
import { createLogger, type Logger } from './http/logger.js';
import { announceSetupCode, useSetupCode } from './auth/setup-code.js';

/**
 * The process as the IT team starts it. With WEB_PROCESSES=1 this one process migrates and serves.
 * With more (the default is one per core, at most 4) this process becomes a small supervisor: it
 * migrates once, prints the setup code once, and starts that many serving processes that share the
 * port (node:cluster) and the SQLite file (WAL allows several processes), or the PostgreSQL
 * database of DATABASE_URL (which processes on other machines may share too). They keep nothing another
 * process would need: sessions, sign-in throttling, rate limits and the audit log live in the
 * database; the setup code is derived from the database's server secret, so every process on it
 * prints and accepts the same one (src/auth/setup-code.ts); caches (charts, catalogue versions,
 * figures) are per process and hold only immutable data or check a stamp in the database per request.
 */

/** Environment variable through which the supervisor hands the setup code to serving processes. */
const SETUP_CODE_ENV = 'SOCIALE_BALANS_SETUP_CODE';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

async function openAndMigrate(config: Config, logger: Logger) {
  try {
    const opened = openAppDatabase(config);
    await migrateAppDatabase(opened.db, config);
    return opened;
  } catch (error) {
    const message = error instanceof MigrationError || error instanceof Error ? error.message : String(error);
    logger.error('database not ready, not starting', { error: message });
    console.error(`Cannot start: ${message}`);
    process.exit(1);
  }
}

/** Serves requests until SIGTERM/SIGINT, then stops accepting, finishes running requests and closes the database. */
async function serveRequests(config: Config, logger: Logger, inCluster: boolean) {
  // A stop asked for while the process is still starting (loading the app takes a moment) is
  // kept and carried out as soon as the server exists, rather than killing the process with the
  // database open (which would leave the WAL behind).
  let shutdown: ((signal: string) => void) | null = null;
  let stopAsked: string | null = null;
  const onSignal = (signal: string) => (shutdown ? shutdown(signal) : (stopAsked ??= signal));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  const { db, sqlite } = await openAndMigrate(config, logger);
  const deps = { db, config, logger, now: () => Date.now() };
  // Imported here, not at the top: the supervisor never serves, so it need not load the app.
  const { createApp } = await import('./app.js');
  const app = createApp(deps);
  if (inCluster) {
    useSetupCode(process.env[SETUP_CODE_ENV] || null);
    delete process.env[SETUP_CODE_ENV];
  } else {
    await announceSetupCode(deps);
  }

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('listening', { url: `http://${info.address}:${info.port}`, publicOrigin: config.publicOrigin, pid: process.pid });
  });

  // SIGTERM (docker stop, systemd): stop accepting, let running requests finish, then close the
  // database so the WAL is checkpointed cleanly. A hard deadline keeps a stuck client from
  // holding the shutdown forever.
  let stopping = false;
  shutdown = (signal: string) => {
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
    // SQLite: closed synchronously, which checkpoints the WAL. PostgreSQL: the pool's connections
    // are ended before the process goes (the server then logs no "connection reset").
    if (!sqlite) {
      void db.destroy().finally(() => process.exit(code));
      return;
    }
    try {
      sqlite.close();
    } finally {
      process.exit(code);
    }
  };
  if (stopAsked) shutdown(stopAsked);

  // The optional weekly digest (issue 15): only with SMTP configured, loaded after the process
  // can answer and stop (nothing added to the start-up of a process that sends no mail); once
  // per worker per week, whichever serving process gets there first (src/figures/digest.ts).
  if (config.smtpUrl) void import('./figures/digest.js').then((m) => m.startDigestTimer(deps));
}

/** The supervisor: migrate once, then keep `config.webProcesses` serving processes running. */
async function supervise(config: Config, logger: Logger) {
  const { db, sqlite } = await openAndMigrate(config, logger);
  const code = await announceSetupCode({ db, config, logger, now: () => Date.now() });
  await db.destroy();
  if (sqlite?.open) sqlite.close();

  let stopping = false;
  let finalCode = 0;
  const recentCrashes: number[] = [];
  const start = () => cluster.fork({ [SETUP_CODE_ENV]: code ?? '' });
  for (let i = 0; i < config.webProcesses; i++) start();

  cluster.on('exit', (worker, exitCode, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        // Serving processes that close the database at the same moment may each find the other
        // still open, and then none is the last connection that checkpoints the WAL and removes
        // it. Closing it once more, alone, does that (nothing is lost either way: a WAL left
        // behind is replayed at the next start; this keeps the stop clean).
        try {
          if (!config.databaseUrl) openDatabase(config.databasePath).sqlite.close();
        } catch (error) {
          logger.warn('final checkpoint failed', { error: error instanceof Error ? error.name : 'unknown' });
        }
        process.exit(finalCode);
      }
      return;
    }
    // A serving process died on its own: start another, unless they keep dying (then stop, so
    // systemd or the container runtime sees the failure instead of a restart loop in here).
    logger.error('serving process ended unexpectedly', { pid: worker.process.pid, exitCode, signal });
    const now = Date.now();
    recentCrashes.push(now);
    while (recentCrashes.length && now - recentCrashes[0]! > 60_000) recentCrashes.shift();
    if (recentCrashes.length > 5) {
      logger.error('serving processes keep ending, stopping');
      stopAll('crash loop', 1);
      return;
    }
    start();
  });

  const stopAll = (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    finalCode = exitCode;
    logger.info('shutting down', { signal: reason });
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    // Serving processes have their own 10 s deadline; this one only backs it up.
    setTimeout(() => process.exit(exitCode || 1), 12_000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
  };
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  process.on('SIGINT', () => stopAll('SIGINT'));
}

const config = readConfig();
const logger = createLogger(config.logLevel);
if (config.webProcesses > 1 && cluster.isPrimary) await supervise(config, logger);
else await serveRequests(config, logger, !cluster.isPrimary);
