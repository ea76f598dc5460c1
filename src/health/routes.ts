import { sql } from 'kysely';
import { Hono } from 'hono';
import { schemaStatus } from '../db/migrate.js';
import type { AppEnv } from '../http/env.js';

// Two questions a container runtime and a reverse proxy ask (README, "Shared deployment"):
// - /healthz, liveness: is the process up and the database reachable? A process that says no here
//   is of no use and may be restarted.
// - /readyz, readiness: may this process be sent users' requests? Only when the database answers
//   AND its schema is exactly the code's latest migration. During a deploy, a process started
//   before its migrations ran (or after a newer version migrated the database) says no, and the
//   proxy or orchestrator keeps requests away from it instead of letting pages fail.
// Both answer in a few words of JSON, never cached, with nothing about users or data.

const headers = { 'Cache-Control': 'no-store' };

export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(c.get('deps').db);
      return c.json({ status: 'ok' }, 200, headers);
    } catch {
      return c.json({ status: 'error', database: 'unavailable' }, 503, headers);
    }
  })
  .get('/readyz', async (c) => {
    const db = c.get('deps').db;
    try {
      await sql`select 1`.execute(db);
    } catch {
      return c.json({ status: 'not-ready', reason: 'database-unavailable' }, 503, headers);
    }
    let status;
    try {
      status = await schemaStatus(db);
    } catch {
      // The database answered a moment ago; the migration list could not be read (lost since, or
      // the app role lacks its SELECT grant: src/db/postgres.ts, grantAppRole).
      return c.json({ status: 'not-ready', reason: 'schema-unreadable' }, 503, headers);
    }
    if (status.pending.length) return c.json({ status: 'not-ready', reason: 'migrations-pending', pending: status.pending.length }, 503, headers);
    if (status.unknown.length) return c.json({ status: 'not-ready', reason: 'schema-newer-than-code', unknown: status.unknown.length }, 503, headers);
    return c.json({ status: 'ready' }, 200, headers);
  });
