import { sql, type Kysely } from 'kysely';

// A GPMI evaluation note can be marked "shared with the client": the client's copy of the GPMI PDF
// prints only shared notes (the copy for the client file prints all of them). 0/1 like the other
// flags; 0 for every note written before, which the client's copy never showed. Set when the
// evaluation is recorded, like the note itself (evaluation items are append-only).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('gpmi_evaluation_item')
    .addColumn('shared_with_client', 'integer', (c) => c.notNull().defaultTo(0).check(sql`shared_with_client in (0, 1)`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gpmi_evaluation_item').dropColumn('shared_with_client').execute();
}
