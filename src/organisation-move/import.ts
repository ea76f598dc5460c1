import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { audit } from '../audit/audit.js';
import { inTransaction, type Trx } from '../db/transaction.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { moveReference, type MoveFile } from './format.js';
import { manifestOfDatabaseRows, readOrganisation } from './export.js';
import { MOVED_TABLES } from './plan.js';
import { remapRow, type IdMaps } from './remap.js';
import { fromFileValue, MoveError, type FileRow } from './values.js';

// Writes a move file (read and checked by readMoveFile) into this database as a new organisation,
// in one transaction: every row gets a new id and every id it holds is rewritten; then the
// organisation is read back from this database and its manifest must equal the file's, or nothing
// of it is kept.

export interface ImportResult {
  organisationId: number;
  name: string;
  counts: Record<string, number>;
  reference: string;
  /** Active users without a password (an invitation not yet accepted, whose link is not moved). */
  withoutPassword: number;
}

/**
 * Values that are unique in the whole database, not per organisation: if the file's are taken
 * here, the organisation is here already (imported twice) or shares people or an identity provider
 * with one that is. Checked first, so the refusal says which.
 */
const INSTANCE_UNIQUE: { table: 'app_user' | 'api_client' | 'sso_domain' | 'client_invitation' | 'sso_identity'; columns: string[]; what: string }[] = [
  { table: 'app_user', columns: ['email'], what: 'e-mail addresses of its users already have an account' },
  { table: 'api_client', columns: ['client_id'], what: 'API client ids already exist' },
  { table: 'sso_domain', columns: ['domain'], what: 'sign-in domains already belong to an identity provider' },
  { table: 'client_invitation', columns: ['id'], what: 'client links already exist' },
  // One account at an identity provider (issuer and subject) signs in to one user of the database.
  { table: 'sso_identity', columns: ['issuer', 'subject'], what: 'sign-in accounts at an identity provider are already linked to a user' },
];

async function refuseClashes(trx: Trx, file: MoveFile): Promise<void> {
  const any = trx as unknown as Kysely<any>;
  const problems: string[] = [];
  for (const { table, columns, what } of INSTANCE_UNIQUE) {
    const rows = file.tables[table] ?? [];
    let taken = 0;
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      const found = await any
        .selectFrom(table)
        .select(columns[0]!)
        .where((eb) =>
          columns.length === 1
            ? eb(
                columns[0]!,
                'in',
                chunk.map((r) => r[columns[0]!]),
              )
            : eb.or(chunk.map((r) => eb.and(columns.map((c) => eb(c, '=', r[c]))))),
        )
        .execute();
      taken += found.length;
    }
    if (taken) problems.push(`${taken} of its ${rows.length} ${what} here`);
  }
  // Personal data (the addresses themselves) stays out of the message: counts say enough.
  if (problems.length)
    throw new MoveError(
      `This database already holds part of organisation "${file.organisation.name}": ${problems.join('; ')}. Was it imported before? Nothing was imported.`,
    );
}

async function insertRows(trx: Trx, file: MoveFile): Promise<{ organisationId: number; signedVersions: number[] }> {
  const any = trx as unknown as Kysely<any>;
  const maps: IdMaps = new Map();
  const signedVersions: number[] = [];
  for (const [table, plan] of MOVED_TABLES) {
    const map = new Map<number, number>();
    maps.set(table, map);
    for (const row of file.tables[table] ?? []) {
      const { id, ...rest } = remapRow(table, row, maps);
      const values: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fromFileValue(v)]));
      if (plan.id === 'kept') values.id = id;
      // A signed GPMI version refuses new moments and agreements (the migrations' triggers): it is
      // written as a draft with its signature, and signed once they are in (below).
      const signed = table === 'gpmi_version' && values.status === 'signed';
      if (signed) values.status = 'draft';
      if (plan.id === 'serial') {
        const inserted = await any.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow();
        map.set(Number(id), Number(inserted.id));
        if (signed) signedVersions.push(Number(inserted.id));
      } else {
        await any.insertInto(table).values(values).execute();
      }
    }
  }
  const organisationId = maps.get('organisation')!.values().next().value!;
  return { organisationId, signedVersions };
}

/** Imports the organisation of a checked move file; throws MoveError (nothing written) when it cannot. */
export async function importOrganisation(db: Kysely<Database>, file: MoveFile, now: number): Promise<ImportResult> {
  const reference = moveReference(file.manifest);
  // Across organisations (the command line's reason, decision 036): the organisation is made in the
  // same transaction as its rows, and the clash check looks at every organisation's addresses.
  return acrossOrganisations('command-line', () =>
    inTransaction(db, async (trx) => {
      await refuseClashes(trx, file);
      const { organisationId, signedVersions } = await insertRows(trx, file);
      for (let i = 0; i < signedVersions.length; i += 500)
        await trx
          .updateTable('gpmi_version')
          .set({ status: 'signed' })
          .where('id', 'in', signedVersions.slice(i, i + 500))
          .execute();
      // The proof: this database's rows of the new organisation give the file's manifest. Any
      // difference (a column this database changed, a row lost) undoes the whole import.
      const back = await readOrganisation(trx, organisationId);
      const manifest = manifestOfDatabaseRows(back as Record<string, FileRow[]>);
      const different = Object.keys(file.manifest.tables).filter((t) => {
        const a = file.manifest.tables[t]!;
        const b = manifest.tables[t];
        return !b || a.count !== b.count || a.sha256 !== b.sha256;
      });
      if (different.length || manifest.sha256 !== file.manifest.sha256)
        throw new MoveError(
          `Verification failed: read back from this database, ${different.join(', ') || 'the manifest'} differ(s) from the file. Nothing was imported.`,
        );
      await audit(trx, now, {
        organisationId,
        actorUserId: null,
        action: 'organisation.imported',
        targetType: 'organisation',
        targetId: organisationId,
        requestId: reference,
      });
      const counts = Object.fromEntries(Object.entries(file.manifest.tables).map(([t, m]) => [t, m.count]));
      const withoutPassword = (file.tables.app_user ?? []).filter((u) => u.password_hash === null && u.disabled_at === null).length;
      return { organisationId, name: file.organisation.name, counts, reference, withoutPassword };
    }),
  );
}
