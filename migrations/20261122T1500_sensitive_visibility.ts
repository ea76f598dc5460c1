import { sql, type Kysely } from 'kysely';

// Who sees the sensitive life domains (health, addiction, justice, ...) of a household's balances:
// 'team' (default): every worker and lead of the household's team;
// 'assigned': only the household's assigned worker and the team's leads.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisation')
    .addColumn('sensitive_visibility', 'text', (c) => c.notNull().defaultTo('team').check(sql`sensitive_visibility in ('team', 'assigned')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisation').dropColumn('sensitive_visibility').execute();
}
