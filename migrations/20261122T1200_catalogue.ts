import { sql, type Kysely } from 'kysely';
import { createTrigger } from './support/postgres.js';

// The life-domain catalogue per organisation: an editable draft (normalised rows: one per theme,
// one per domain, with texts per language as columns) and immutable published versions (the whole
// catalogue as a JSON document, so a balance that references a version id always shows exactly
// the texts it was scored against). See docs/decisions/001-catalogue-versions.md.
// Written with Kysely's schema builder so it can run on PostgreSQL later; the no-update trigger on
// catalogue_version is the one SQLite-specific part and says so.
// Times are UTC milliseconds since the epoch (bigint on PostgreSQL).

const LANGS = ['nl', 'fr', 'en'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // One row per organisation. `revision` goes up with every change to the draft, so a publish
  // confirmation can tell whether the draft changed after its summary was shown.
  await db.schema
    .createTable('catalogue_draft')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisation.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
    .execute();

  let theme = db.schema
    .createTable('catalogue_theme')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('huishouden', 'volwassene', 'kind')`))
    .addColumn('position', 'integer', (c) => c.notNull());
  for (const l of LANGS) theme = theme.addColumn(`name_${l}`, 'text', (c) => c.notNull());
  await theme
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('catalogue_theme_org_key_unique', ['organisation_id', 'key'])
    .execute();

  let domain = db.schema
    .createTable('catalogue_domain')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('theme_id', 'integer', (c) => c.notNull().references('catalogue_theme.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull());
  for (const l of LANGS) domain = domain.addColumn(`name_${l}`, 'text', (c) => c.notNull());
  for (const l of LANGS) domain = domain.addColumn(`question_${l}`, 'text', (c) => c.notNull());
  for (const n of [1, 2, 3, 4, 5]) for (const l of LANGS) domain = domain.addColumn(`anchor${n}_${l}`, 'text', (c) => c.notNull());
  await domain
    .addColumn('allow_not_applicable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sensitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    // A JSON array of POD MI area codes, e.g. ["gezondheid"]: only ever read with the whole domain.
    .addColumn('pod_mi_areas', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('catalogue_domain_org_key_unique', ['organisation_id', 'key'])
    .execute();
  await db.schema.createIndex('catalogue_domain_theme_idx').on('catalogue_domain').column('theme_id').execute();

  await db.schema
    .createTable('catalogue_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisation.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    // NULL: installed by the system (the default catalogue of a new organisation).
    .addColumn('published_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('note', 'text')
    // JSON: what changed since the previous version (keys and names, no personal data).
    .addColumn('changes', 'text', (c) => c.notNull())
    // JSON: the whole catalogue (CatalogueData, format version 1) as it was published.
    .addColumn('content', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalogue_version_org_number_unique', ['organisation_id', 'number'])
    .execute();

  // A published version never changes. SQLite's trigger syntax; on PostgreSQL createTrigger makes
  // the same rule a trigger function (migrations/support/postgres.ts).
  await createTrigger(db, `CREATE TRIGGER catalogue_version_no_update BEFORE UPDATE ON catalogue_version BEGIN SELECT RAISE(ABORT, 'catalogue_version is immutable'); END`);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['catalogue_version', 'catalogue_domain', 'catalogue_theme', 'catalogue_draft']) {
    await db.schema.dropTable(t).execute();
  }
}
