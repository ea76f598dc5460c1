import type { TestProject } from 'vitest/node';
import { grantAppRole, openPostgres } from '../../src/db/postgres.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { startCluster } from '../../scripts/postgres-cluster.js';

// vitest's `postgres` project: one throwaway cluster for the whole run, and one migrated template
// database that every test app clones (CREATE DATABASE … TEMPLATE, tests/support/app.ts), which
// costs a file copy instead of thirteen migrations.

export const TEMPLATE_DATABASE = 'sb_template';
/**
 * The role test apps connect as, as production's app does: not a superuser (who would pass the
 * organisation wall unseen) and not the owner of the tables. Fixtures and assertions keep the
 * superuser connection, so a test can still arrange and inspect any organisation's rows.
 */
export const APP_ROLE = 'sb_app';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
    postgresAppRole: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  const admin = openPostgres(cluster.adminUrl, { max: 1 });
  const { sql } = await import('kysely');
  await sql.raw(`CREATE DATABASE ${TEMPLATE_DATABASE}`).execute(admin);
  await sql.raw(`CREATE ROLE ${APP_ROLE} LOGIN`).execute(admin);
  await admin.destroy();
  const template = openPostgres(cluster.urlFor(TEMPLATE_DATABASE), { max: 1 });
  await migrateToLatest(template);
  await grantAppRole(template, APP_ROLE);
  await template.destroy();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  project.provide('postgresTemplate', TEMPLATE_DATABASE);
  project.provide('postgresAppRole', APP_ROLE);
  return async () => {
    await cluster.stop();
  };
}
