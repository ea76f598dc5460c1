import { sql } from 'kysely';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';

/** For the container healthcheck and the reverse proxy: is the process up and the database readable? */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  try {
    await sql`select 1`.execute(c.get('deps').db);
    return c.json({ status: 'ok' }, 200, { 'Cache-Control': 'no-store' });
  } catch {
    return c.json({ status: 'error', database: 'unavailable' }, 503, { 'Cache-Control': 'no-store' });
  }
});
