// `npm run admin -- <command>`: organisation and account tasks for whoever runs the server, when
// no administrator can sign in (a new organisation on a shared instance, a locked-out last
// administrator, an organisation whose identity provider fails while password sign-in is off).
// It prints one-time links; nothing is sent by mail.
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { audit } from '../audit/audit.js';
import { inTransaction } from '../db/transaction.js';
import { acrossOrganisations } from '../db/organisation-scope.js';
import { createOrganisation, createUser, createUserToken, findUserByEmail } from '../auth/queries.js';
import { normaliseEmail } from '../auth/logic.js';
import { allowPasswordSignIn } from '../sso/queries.js';
import { exportOrganisation } from '../organisation-move/export.js';
import { importOrganisation } from '../organisation-move/import.js';
import { MOVED_TABLES } from '../organisation-move/plan.js';
import { refreshPlannerStatistics } from '../db/statistics.js';
import { readMoveFile } from '../organisation-move/format.js';
import { MoveError } from '../organisation-move/values.js';

export const USAGE = [
  'Usage: npm run admin -- <command> [options]',
  '  create-organisation --name "OCMW X" --admin-email a@b.be --admin-name "Naam"',
  '      creates the organisation and its administrator; prints a one-time invitation link (24 h)',
  '  reset-password --email a@b.be',
  '      prints a one-time link to choose a new password (1 h)',
  '  list-organisations',
  '      lists the organisations with their number of users',
  '  allow-password-signin --organisation 3',
  '      turns sign-in with a password back on for an organisation that signs in through its identity',
  '      provider only (then reset-password gives its administrator a way in)',
  '  export-organisation --id 3 --out ocmw-x.json',
  '      writes the organisation with all its data to a new file, to move it to another database',
  '      (see import-organisation); the file holds personal data: keep it as safe as the database',
  '  import-organisation --in ocmw-x.json',
  '      adds the organisation of such a file to this database with new ids, verified against the',
  '      file; its users sign in again (sessions and one-time links are not moved)',
];

/** A mistake of the person typing the command: one line, exit code 2 (usage) or 1 (not found, ...). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export type AdminCommand =
  | { name: 'create-organisation'; organisation: string; adminEmail: string; adminName: string }
  | { name: 'reset-password'; email: string }
  | { name: 'list-organisations' }
  | { name: 'allow-password-signin'; organisationId: number }
  | { name: 'export-organisation'; organisationId: number; out: string }
  | { name: 'import-organisation'; in: string }
  | { name: 'help' };

const emailOk = (v: string) => z.email().max(320).safeParse(v).success;

/** Pure argument handling: argv (without node and the script) to a command, or a CliError. */
export function parseAdminArgs(argv: string[]): AdminCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { name: 'help' };
  const options: Record<string, ParseArgsConfig['options']> = {
    'create-organisation': { name: { type: 'string' }, 'admin-email': { type: 'string' }, 'admin-name': { type: 'string' } },
    'reset-password': { email: { type: 'string' } },
    'list-organisations': {},
    'allow-password-signin': { organisation: { type: 'string' } },
    'export-organisation': { id: { type: 'string' }, out: { type: 'string' } },
    'import-organisation': { in: { type: 'string' } },
  };
  if (!Object.hasOwn(options, command))
    throw new CliError(
      `Unknown command "${command}". Commands: create-organisation, reset-password, list-organisations, allow-password-signin, export-organisation, import-organisation.`,
      2,
    );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: rest, options: options[command] ?? {}, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    // Node's messages can span lines; keep the first.
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    throw new CliError(`${command}: ${first}`, 2);
  }
  const text = (key: string): string => {
    const v = values[key];
    const s = typeof v === 'string' ? v.trim() : '';
    if (!s) throw new CliError(`${command}: --${key} is required.`, 2);
    return s;
  };
  const email = (key: string): string => {
    const v = normaliseEmail(text(key));
    if (!emailOk(v)) throw new CliError(`${command}: --${key} "${v}" is not a valid e-mail address.`, 2);
    return v;
  };
  if (command === 'create-organisation') {
    const organisation = text('name');
    const adminName = text('admin-name');
    if (organisation.length > 200) throw new CliError(`${command}: --name is longer than 200 characters.`, 2);
    if (adminName.length > 200) throw new CliError(`${command}: --admin-name is longer than 200 characters.`, 2);
    return { name: 'create-organisation', organisation, adminEmail: email('admin-email'), adminName };
  }
  if (command === 'reset-password') return { name: 'reset-password', email: email('email') };
  const organisationNumber = (key: string): number => {
    const id = text(key);
    if (!/^[1-9]\d{0,14}$/.test(id)) throw new CliError(`${command}: --${key} must be an organisation number (see list-organisations).`, 2);
    return Number(id);
  };
  if (command === 'allow-password-signin') return { name: 'allow-password-signin', organisationId: organisationNumber('organisation') };
  if (command === 'export-organisation') return { name: 'export-organisation', organisationId: organisationNumber('id'), out: text('out') };
  if (command === 'import-organisation') return { name: 'import-organisation', in: text('in') };
  return { name: 'list-organisations' };
}

export interface CliDeps {
  db: Kysely<Database>;
  config: Pick<Config, 'publicOrigin' | 'migrationDatabaseUrl'>;
  now: () => number;
}

/**
 * Runs one command and returns what to print; throws CliError for a mistake (nothing written).
 * Whoever runs the server's command line sees every organisation: on PostgreSQL the commands work
 * across the organisation wall, by name (src/db/organisation-scope.ts).
 */
export async function runAdminCommand(argv: string[], deps: CliDeps): Promise<string[]> {
  return acrossOrganisations('command-line', () => runCommand(argv, deps));
}

async function runCommand(argv: string[], deps: CliDeps): Promise<string[]> {
  const cmd = parseAdminArgs(argv);
  const { db, config } = deps;
  const now = deps.now();
  switch (cmd.name) {
    case 'help':
      return USAGE;
    case 'create-organisation': {
      const result = await inTransaction(db, async (trx) => {
        if (await findUserByEmail(trx, cmd.adminEmail)) return null;
        const orgId = await createOrganisation(trx, cmd.organisation, now);
        const userId = await createUser(
          trx,
          { organisationId: orgId, email: cmd.adminEmail, displayName: cmd.adminName, passwordHash: null, isAdmin: true },
          now,
        );
        const token = await createUserToken(trx, userId, 'invitation', now);
        // No actor: the command runs outside any account, on the server itself.
        await audit(trx, now, { organisationId: orgId, actorUserId: null, action: 'organisation.created', targetType: 'organisation', targetId: orgId });
        await audit(trx, now, { organisationId: orgId, actorUserId: null, action: 'user.invited', targetType: 'user', targetId: userId });
        return { orgId, token };
      });
      if (!result) throw new CliError(`create-organisation: the e-mail address ${cmd.adminEmail} is already in use; nothing was created.`);
      return [
        `Created organisation ${result.orgId} "${cmd.organisation}" with administrator ${cmd.adminEmail}.`,
        'One-time invitation link (valid 24 hours, works once); give it to the administrator only:',
        `${config.publicOrigin}/password/${result.token}`,
      ];
    }
    case 'reset-password': {
      const user = await findUserByEmail(db, cmd.email);
      if (!user) throw new CliError(`reset-password: no account with e-mail address ${cmd.email}.`);
      if (user.disabled_at !== null) throw new CliError(`reset-password: the account ${cmd.email} is disabled; an administrator must enable it first.`);
      const token = await inTransaction(db, async (trx) => {
        const token = await createUserToken(trx, user.id, 'password_reset', now);
        await audit(trx, now, {
          organisationId: user.organisation_id,
          actorUserId: null,
          action: 'password.reset_link_created',
          targetType: 'user',
          targetId: user.id,
        });
        return token;
      });
      return [`One-time link to choose a new password for ${user.email} (valid 1 hour, works once):`, `${config.publicOrigin}/password/${token}`];
    }
    case 'allow-password-signin': {
      const org = await db.selectFrom('organisation').select(['id', 'name']).where('id', '=', cmd.organisationId).executeTakeFirst();
      if (!org) throw new CliError(`allow-password-signin: no organisation ${cmd.organisationId} (see list-organisations).`);
      const changed = await inTransaction(db, async (trx) => {
        const outcome = await allowPasswordSignIn(trx, org.id, now);
        if (outcome === 'changed')
          await audit(trx, now, {
            organisationId: org.id,
            actorUserId: null,
            action: 'sso.password_signin_changed',
            targetType: 'organisation',
            targetId: org.id,
          });
        return outcome === 'changed';
      });
      return [
        changed
          ? `Sign-in with a password is on again for organisation ${org.id} "${org.name}". Use reset-password for an administrator who has none.`
          : `Sign-in with a password was already on for organisation ${org.id} "${org.name}"; nothing changed.`,
      ];
    }
    case 'export-organisation': {
      const file = await moveStep(() =>
        exportOrganisation(db, cmd.organisationId, now, (f) => {
          // 'wx': never over an existing file; 0600: the file holds the organisation's personal data.
          try {
            writeFileSync(cmd.out, JSON.stringify(f), { flag: 'wx', mode: 0o600 });
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            throw new MoveError(
              code === 'EEXIST'
                ? `${cmd.out} exists already; choose a new file. Nothing was exported.`
                : `Cannot write ${cmd.out} (${code ?? 'error'}); nothing was exported.`,
            );
          }
        }),
      );
      return [
        `Exported organisation ${file.organisation.id} "${file.organisation.name}" to ${cmd.out} (checksum ${file.manifest.sha256}).`,
        ...countLines(file.manifest.tables),
      ];
    }
    case 'import-organisation': {
      let text: string;
      try {
        text = readFileSync(cmd.in, 'utf8');
      } catch (error) {
        throw new CliError(`import-organisation: cannot read ${cmd.in} (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was imported.`);
      }
      const result = await moveStep(async () => importOrganisation(db, readMoveFile(text), now));
      // The import stands whatever happens here: a failure is said, never thrown (a retry would clash).
      const statistics = await refreshPlannerStatistics(
        db,
        config,
        MOVED_TABLES.map(([table]) => table),
      ).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      return [
        `Imported "${result.name}" as organisation ${result.organisationId}; read back and verified against the file (${result.reference}).`,
        ...countLines(Object.fromEntries(Object.entries(result.counts).map(([t, count]) => [t, { count }]))),
        ...(statistics === 'refreshed' ? ["The database's planner statistics of these tables are refreshed (ANALYZE)."] : []),
        ...(statistics !== 'refreshed' && statistics !== 'not-needed'
          ? [
              `The planner statistics of these tables were not refreshed (${statistics === 'not-owner' ? 'this role does not own them' : statistics}): run ANALYZE as their owner (or set MIGRATION_DATABASE_URL) before the organisation's workers start; until then, or autovacuum's next pass, its pages may be slow.`,
            ]
          : []),
        'Its users sign in again with their password (or identity provider) and second factor; one-time links made before the move do not work here.',
        ...(result.withoutPassword
          ? [`${result.withoutPassword} active user(s) had no password yet (an open invitation): give them one with reset-password.`]
          : []),
      ];
    }
    case 'list-organisations': {
      const rows = await db
        .selectFrom('organisation')
        .leftJoin('app_user', 'app_user.organisation_id', 'organisation.id')
        .select((eb) => [
          'organisation.id',
          'organisation.name',
          eb.fn.count<number>('app_user.id').as('users'),
          eb.fn.sum<number>(eb.case().when('app_user.is_admin', '=', 1).then(1).else(0).end()).as('admins'),
        ])
        .groupBy(['organisation.id', 'organisation.name'])
        .orderBy('organisation.id')
        .execute();
      if (!rows.length) return ['No organisations yet.'];
      return rows.map(
        (r) =>
          `${r.id}\t${r.name}\t${Number(r.users)} user${Number(r.users) === 1 ? '' : 's'}, ${Number(r.admins ?? 0)} administrator${Number(r.admins) === 1 ? '' : 's'}`,
      );
    }
  }
}

/** A move's refusal (MoveError) as the command's one-line error; nothing was written. */
async function moveStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof MoveError) throw new CliError(error.message);
    throw error;
  }
}

function countLines(tables: Record<string, { count: number }>): string[] {
  return Object.entries(tables)
    .filter(([, m]) => m.count > 0)
    .map(([t, m]) => `  ${t}: ${m.count}`);
}

async function main() {
  const { ConfigError, loadConfig } = await import('../config.js');
  const { openAppDatabase } = await import('../db/database.js');
  const { migrateAppDatabase } = await import('../db/migrate.js');
  const argv = process.argv.slice(2);
  let db: Kysely<Database> | undefined;
  try {
    // Arguments first: a typo should not need a database.
    parseAdminArgs(argv);
    const config = loadConfig();
    if (!config.publicOriginExplicit && /^(create-organisation|reset-password)$/.test(argv[0] ?? '')) {
      console.error(`Note: PUBLIC_ORIGIN is not set; links start with ${config.publicOrigin}.`);
    }
    ({ db } = openAppDatabase(config));
    await migrateAppDatabase(db, config);
    for (const line of await runAdminCommand(argv, { db, config, now: () => Date.now() })) console.log(line);
    await db.destroy();
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    if (error instanceof CliError) {
      console.error(error.message);
      if (error.exitCode === 2) console.error('Run "npm run admin -- help" for the commands.');
      process.exit(error.exitCode);
    }
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG, as the server does
    }
    console.error(error instanceof Error ? error.message.split('\n')[0] : String(error));
    process.exit(1);
  }
}

// Run only when started as a program (tsx src/cli/admin.ts, node dist/src/cli/admin.js), not when imported by tests.
function startedDirectly(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (startedDirectly()) await main();
