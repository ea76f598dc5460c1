import pg from 'pg';
import {
  sql,
  BinaryOperationNode,
  CompiledQuery,
  DataTypeNode,
  OperatorNode,
  ValueNode,
  Kysely,
  OperationNodeTransformer,
  PostgresDialect,
  PostgresDriver,
  type ColumnDefinitionNode,
  type OrderByItemNode,
  type RawNode,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PostgresDialectConfig,
  type QueryResult,
  type RootOperationNode,
  type TransactionSettings,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema.js';
import { currentScope, scopeSettings } from './organisation-scope.js';

// PostgreSQL (DATABASE_URL=postgres://…, docs/decisions/017-postgresql.md). Everything that makes
// PostgreSQL answer like the SQLite file the rest of the code was written against lives here, once.

/**
 * Values arrive as SQLite gives them. `pg` returns int8 (our ids, every millisecond time, count())
 * and numeric (sum(), avg()) as strings, to be safe beyond 2^53; ours never get near that (a
 * millisecond time is 2^41), so they are numbers. A boolean a PostgreSQL expression yields (there
 * are no boolean columns: flags are 0/1 integers on both) becomes 0/1 like SQLite's. bytea is a
 * Buffer on both. Set per pool, not on pg's global table, so nothing else in the process changes.
 */
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === BOOL) return (v: string) => (v === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * One writer at a time per organisation, as on SQLite (whose BEGIN IMMEDIATE takes the file's write
 * lock, and a file is one OCMW): every transaction first takes a transaction-level advisory lock,
 * released at COMMIT/ROLLBACK. The conflict checks of the app (revision numbers read and then
 * written in one transaction, "is this draft still a draft", the sign-in throttle's
 * read-then-count) were written for serialised writers and stay correct without retry loops.
 * A transaction scoped to one organisation (src/db/organisation-scope.ts) can only see and write
 * that organisation's rows (the row-level security of migration 20261208T1000), so it excludes
 * only that organisation's writers: it holds the whole-database key shared and its organisation's
 * key exclusively. A transaction across organisations (sign-in, setup, the command line) holds the
 * whole-database key exclusively and so waits for, and holds back, everyone. Always in that order,
 * so two transactions never wait for each other. Reads outside a transaction do not wait.
 */
export const WRITE_LOCK_KEY = 0x5ba1a7ce; // "sociale balans", an arbitrary constant of our own
/** The first half of an organisation's two-part advisory lock key (the second is its id). */
export const ORGANISATION_WRITE_LOCK_SPACE = 0x5ba1a7d0;
/** Held (session level) by the one process that migrates; others wait, then find nothing to do. */
export const MIGRATION_LOCK_KEY = 0x5ba1a7cf;

class SerialisingPostgresDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    const scope = currentScope();
    if (scope && 'organisationId' in scope) {
      await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock_shared(${WRITE_LOCK_KEY})`));
      await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${ORGANISATION_WRITE_LOCK_SPACE}, ${scope.organisationId})`));
    } else {
      await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`));
    }
  }
}
class AppPostgresDialect extends PostgresDialect {
  readonly #settings: PostgresDialectConfig;
  constructor(settings: PostgresDialectConfig) {
    super(settings);
    this.#settings = settings;
  }
  override createDriver(): Driver {
    return new SerialisingPostgresDriver(this.#settings);
  }
}

/**
 * Every connection taken from the pool is first told whose work it does (the two settings the
 * row-level security policies read), session-wide until the next time it is taken, so a pooled
 * connection never carries one request's organisation into another's work. A transaction keeps
 * the connection, and so the scope, it began with.
 */
const toldScope = new WeakMap<DatabaseConnection, string>();
async function tellScope(connection: DatabaseConnection): Promise<void> {
  const { organisationId, across } = scopeSettings(currentScope());
  // A connection that was last told this very scope still has it (the settings are set outside any
  // transaction, so no rollback takes them back, and nothing else sets them): one round trip saved
  // on every query of a request, which is most of what a page costs.
  const key = `${organisationId}/${across}`;
  if (toldScope.get(connection) === key) return;
  await connection.executeQuery(
    CompiledQuery.raw(`select set_config('sociale_balans.organisation_id', $1, false), set_config('sociale_balans.across', $2, false)`, [
      organisationId,
      across,
    ]),
  );
  toldScope.set(connection, key);
}

export interface PostgresOptions {
  /** Connections in the pool; the default suits one app process. */
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle connection that the server closes (a restart, a failover) is reported here; without a
  // listener pg would end the process. The pool drops that connection and the next query opens a
  // new one, or fails and is answered like any database error (/healthz says 503).
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new AppPostgresDialect({ pool, onReserveConnection: tellScope }), plugins: [new SqliteSemanticsPlugin()] });
}

/**
 * Two places where the same query means something else on PostgreSQL, rewritten so that it means
 * what it means on SQLite, where the queries were written:
 * - `where('id', 'in', [])`: SQLite accepts `id in ()` (never true) and `id not in ()` (always
 *   true), and the app passes empty lists in places (no teams, no keys). PostgreSQL rejects `()`
 *   as a syntax error; there the comparison is written as the constant it means.
 * - ORDER BY: SQLite puts NULLs first when ascending and last when descending; PostgreSQL the
 *   other way round. An order without its own NULLS clause gets SQLite's (a household "never
 *   measured" sorts before the oldest balance, as the caseload shows it).
 */
class SqliteSemanticsPlugin implements KyselyPlugin {
  readonly #transformer = new SqliteSemanticsTransformer();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class SqliteSemanticsTransformer extends OperationNodeTransformer {
  protected override transformOrderByItem(node: OrderByItemNode): OrderByItemNode {
    const item = super.transformOrderByItem(node);
    if (item.nulls) return item;
    const direction = item.direction?.kind === 'RawNode' ? (item.direction as RawNode).sqlFragments.join('').trim().toLowerCase() : 'asc';
    return { ...item, nulls: direction === 'desc' ? 'last' : 'first' };
  }

  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const op = node.operator.kind === 'OperatorNode' ? (node.operator as OperatorNode).operator : null;
    const right = node.rightOperand;
    const empty =
      (right.kind === 'PrimitiveValueListNode' || right.kind === 'ValueListNode') && (right as unknown as { values: readonly unknown[] }).values.length === 0;
    if (empty && (op === 'in' || op === 'not in')) {
      return BinaryOperationNode.create(ValueNode.createImmediate(1), OperatorNode.create('='), ValueNode.createImmediate(op === 'in' ? 0 : 1));
    }
    return super.transformBinaryOperation(node);
  }
}

/**
 * The migrations are written once, with SQLite's types: `integer` (ids, flags, counters, foreign
 * keys), `integer primary key autoincrement`, `blob`. On PostgreSQL these become `bigint`,
 * `bigserial` and `bytea`: every integer is then one type (int8, read back as a number above) and
 * an id column matches the foreign keys that point at it. Used by the migrator only (src/db/migrate.ts).
 */
export class PostgresSchemaTypesPlugin implements KyselyPlugin {
  readonly #transformer = new SchemaTypesTransformer();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class SchemaTypesTransformer extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    const type = column.dataType.kind === 'DataTypeNode' ? (column.dataType as DataTypeNode).dataType : null;
    if (type === 'integer' && column.autoIncrement) return { ...column, autoIncrement: false, dataType: DataTypeNode.create('bigserial') };
    if (type === 'integer') return { ...column, dataType: DataTypeNode.create('bigint') };
    if (type === 'blob') return { ...column, dataType: DataTypeNode.create('bytea') };
    return column;
  }
}

/**
 * The app's role when migrations run as another (MIGRATION_DATABASE_URL, the owner): rights on the
 * rows of every table, none on the schema, so the app cannot drop a table or switch off the
 * triggers that keep the audit log and signed GPMIs unchanged (only the owner may ALTER a table).
 * The audit log gets INSERT and SELECT only. Made after every migration run, so a new table is
 * covered at once; the migrations' own bookkeeping stays the owner's (the app may only read it).
 */
export async function grantAppRole(owner: Kysely<any>, role: string): Promise<void> {
  const r = sql.id(role);
  await sql`GRANT USAGE ON SCHEMA public TO ${r}`.execute(owner);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`.execute(owner);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`.execute(owner);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${r}`.execute(owner);
  await sql`REVOKE ALL ON kysely_migration, kysely_migration_lock FROM ${r}`.execute(owner);
  // Reading which migrations ran (names and times, nothing else) is what readiness needs
  // (/readyz, src/health/routes.ts) and what lets a process of the app role start without
  // migrating when the owner already did (src/db/migrate.ts).
  await sql`GRANT SELECT ON kysely_migration TO ${r}`.execute(owner);
}
