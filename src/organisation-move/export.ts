import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/transaction.js';
import { inOrganisation } from '../db/organisation-scope.js';
import { currentSchema, manifestOf, moveReference, MOVE_FORMAT, MOVE_FORMAT_VERSION, type MoveFile } from './format.js';
import { MOVED_TABLES, type TableName } from './plan.js';
import { RemapError } from './remap.js';
import { MoveError, toFileValue, type FileRow } from './values.js';

// Reads one organisation with everything that belongs to it (plan.ts), as the move file holds it.
// Plain queries on `db`: the caller runs them in one transaction, so the rows are one moment's.

/** Bound parameters per `in (...)`: far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

type Value = string | number | null;

function compare(a: FileRow, b: FileRow, columns: string[]): number {
  for (const c of columns) {
    const x = a[c] as Value;
    const y = b[c] as Value;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** Every moved table's rows of the organisation, in export order; null when there is no such organisation. */
export async function readOrganisation(db: Kysely<Database>, organisationId: number): Promise<Record<TableName, FileRow[]> | null> {
  // Table names come from the plan, not from input; Kysely's types cannot follow a table chosen at run time.
  const any = db as unknown as Kysely<any>;
  const tables = {} as Record<TableName, FileRow[]>;
  const ids = new Map<TableName, unknown[]>();
  for (const [table, plan] of MOVED_TABLES) {
    const parent = plan.of.table;
    const keys = parent === 'organisation' ? [organisationId] : (ids.get(parent) ?? []);
    const rows: FileRow[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      const found = await any
        .selectFrom(table)
        .selectAll()
        .where(plan.of.column, 'in', keys.slice(i, i + CHUNK))
        .execute();
      for (const r of found) rows.push(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toFileValue(v)])));
    }
    rows.sort((a, b) => compare(a, b, plan.order));
    if (table === 'organisation' && rows.length === 0) return null;
    tables[table] = rows;
    if (plan.id !== 'none')
      ids.set(
        table,
        rows.map((r) => r.id),
      );
  }
  return tables;
}

/** The manifest of rows read from a database; a row naming something outside the organisation is reported. */
export function manifestOfDatabaseRows(tables: Record<string, FileRow[]>): MoveFile['manifest'] {
  try {
    return manifestOf(tables);
  } catch (e) {
    if (e instanceof RemapError) throw new MoveError(`The organisation's data is not self-contained: ${e.message}. Nothing was exported.`);
    throw e;
  }
}

/**
 * The organisation as a move file, with an audit row in the source ("exported", by the command,
 * with the file's reference). `save` writes the file inside the same transaction: should it fail,
 * the audit row is not kept either.
 */
export async function exportOrganisation(db: Kysely<Database>, organisationId: number, now: number, save: (file: MoveFile) => void): Promise<MoveFile> {
  // In the organisation's own scope: on PostgreSQL the organisation wall (decision 036) then
  // guarantees that nothing of another organisation reaches the file, whoever calls.
  return inOrganisation(organisationId, () =>
    inTransaction(db, async (trx) => {
      const tables = await readOrganisation(trx, organisationId);
      if (!tables) throw new MoveError(`There is no organisation ${organisationId} (see list-organisations); nothing was exported.`);
      const manifest = manifestOfDatabaseRows(tables);
      const orgRow = tables.organisation[0]!;
      const file: MoveFile = {
        format: MOVE_FORMAT,
        version: MOVE_FORMAT_VERSION,
        schema: currentSchema(),
        exportedAt: now,
        organisation: { id: organisationId, name: String(orgRow.name) },
        manifest,
        tables,
      };
      // No actor: the command runs on the server, outside any account. The audit row names no
      // content; its request id is the file's reference, which the target's "imported" row repeats.
      await audit(trx, now, {
        organisationId,
        actorUserId: null,
        action: 'organisation.exported',
        targetType: 'organisation',
        targetId: organisationId,
        requestId: moveReference(manifest),
      });
      save(file);
      return file;
    }),
  );
}
