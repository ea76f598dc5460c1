import pg from 'pg';
import {
  sql,
  BinaryOperationNode,
  CompiledQuery,
  DataTypeNode,
  FunctionNode,
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
  type QueryCompiler,
  type QueryResult,
  type RootOperationNode,
  type TransactionSettings,
  type UnknownRow,
} from 'kysely';
import type { Database } from './schema.js';
import { currentScope, scopeSettings, type DatabaseScope } from './organisation-scope.js';

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
    // The app never asks for an isolation level or access mode; if code ever does, Kysely's own
    // statement opens the transaction and the locks follow in a round trip of their own.
    if (settings.isolationLevel || settings.accessMode) {
      await super.beginTransaction(connection, settings);
      await connection.executeQuery(CompiledQuery.raw(writeLocks(currentScope())));
      return;
    }
    // BEGIN and the locks in one round trip: a statement without parameters goes as one simple
    // query, which may hold several statements (the ids in it are integers the scope checked).
    try {
      await connection.executeQuery(CompiledQuery.raw(`begin; ${writeLocks(currentScope())}`));
    } catch (e) {
      // BEGIN took effect and a lock did not (a statement timeout, a cancelled query): Kysely
      // rolls back only a transaction whose begin returned, so the connection goes back to the
      // pool clean only if we end it here.
      await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
      throw e;
    }
  }
}

function writeLocks(scope: DatabaseScope | undefined): string {
  if (scope && 'organisationId' in scope) {
    return `select pg_advisory_xact_lock_shared(${WRITE_LOCK_KEY}); select pg_advisory_xact_lock(${ORGANISATION_WRITE_LOCK_SPACE}, ${scope.organisationId})`;
  }
  return `select pg_advisory_xact_lock(${WRITE_LOCK_KEY})`;
}

/**
 * A statement with parameters is prepared once per connection and afterwards only executed
 * (named statements in pg): PostgreSQL then parses and plans it once, where an unnamed statement
 * is planned anew each time — with the organisation wall's policies in every plan, planning was
 * most of a small query's time (a membership look-up 310 → 120 µs, the scores of a balance
 * 580 → 250 µs, measured as the app role). Kysely passes (text, values); the text names the
 * statement. Bounded per connection, since each prepared statement holds a plan in its server
 * process: statements with many parameters (bulk inserts, whose text changes with the number of
 * rows) are not kept, and after the first MAX_PREPARED texts a connection prepares no more (the
 * frequent ones come first). Statements without parameters (BEGIN, COMMIT, the locks, DDL) go as
 * simple queries, as before. A pooler in transaction mode would break this as it breaks the
 * per-connection scope (docs/decisions/017-postgresql.md).
 *
 * A migration that changes a table under a running process (an upgrade while the old processes
 * still serve) makes PostgreSQL refuse a prepared `select *` of it once ("cached plan must not
 * change result type"): that request fails, the statement is forgotten, and the next prepares it
 * anew under a new name.
 */
const MAX_PREPARED = 200;
const MAX_PREPARED_PARAMETERS = 16;
const PLAN_CHANGED_RESULT = '0A000';
class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();
  #made = 0;
  override query(...args: unknown[]): any {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= MAX_PREPARED_PARAMETERS) {
      let name = this.#names.get(text);
      if (!name && this.#names.size < MAX_PREPARED) {
        name = `sb_${++this.#made}`;
        this.#names.set(text, name);
      }
      if (name) {
        return (super.query({ name, text, values }) as Promise<unknown>).catch((e: unknown) => {
          if ((e as { code?: string }).code === PLAN_CHANGED_RESULT) this.#names.delete(text);
          throw e;
        });
      }
    }
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }
}

/**
 * Two pools: one for the work of an organisation (and unscoped work), one for the look-ups across
 * organisations (src/db/organisation-scope.ts). Nearly every request makes both kinds — the
 * session look-up across organisations, then its page in one — and a connection that last did the
 * other kind must be told its new scope first (tellScope): a round trip each time. Kept apart,
 * each pool's connections keep the scope they were last told (across organisations is one
 * setting, whatever the reason), so a worker's page pays no telling at all.
 */
class ScopedPoolsDriver implements Driver {
  readonly #owner = new WeakMap<DatabaseConnection, Driver>();
  readonly #organisation: Driver;
  readonly #across: Driver;
  constructor(organisation: Driver, across: Driver) {
    this.#organisation = organisation;
    this.#across = across;
  }
  async init(): Promise<void> {
    await Promise.all([this.#organisation.init(), this.#across.init()]);
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = currentScope();
    const driver = scope && 'across' in scope ? this.#across : this.#organisation;
    const connection = await driver.acquireConnection();
    this.#owner.set(connection, driver);
    return connection;
  }
  #of(connection: DatabaseConnection): Driver {
    const driver = this.#owner.get(connection);
    if (!driver) throw new Error('a connection this driver did not hand out');
    return driver;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#of(connection).beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#of(connection).commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#of(connection).rollbackTransaction(connection);
  }
  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#of(connection).savepoint!(connection, name, compile);
  }
  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#of(connection).rollbackToSavepoint!(connection, name, compile);
  }
  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#of(connection).releaseSavepoint!(connection, name, compile);
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#of(connection).releaseConnection(connection);
  }
  async destroy(): Promise<void> {
    await Promise.all([this.#organisation.destroy(), this.#across.destroy()]);
  }
}

class AppPostgresDialect extends PostgresDialect {
  readonly #pools: { organisation: pg.Pool; across: pg.Pool };
  constructor(pools: { organisation: pg.Pool; across: pg.Pool }) {
    super({ pool: pools.organisation });
    this.#pools = pools;
  }
  override createDriver(): Driver {
    return new ScopedPoolsDriver(
      new SerialisingPostgresDriver({ pool: this.#pools.organisation, onReserveConnection: tellScope }),
      new SerialisingPostgresDriver({ pool: this.#pools.across, onReserveConnection: tellScope }),
    );
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
  /**
   * Connections for an organisation's work; the default suits one app process. The look-ups
   * across organisations get a third of that again (at least one) in a pool of their own.
   */
  max?: number;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const max = options.max ?? 10;
  const pool = (size: number) => {
    const p = new pg.Pool({ connectionString: url, max: size, types, Client: PreparingClient });
    // An idle connection that the server closes (a restart, a failover) is reported here; without
    // a listener pg would end the process. The pool drops that connection and the next query opens
    // a new one, or fails and is answered like any database error (/healthz says 503).
    p.on('error', () => undefined);
    return p;
  };
  const pools = { organisation: pool(max), across: pool(Math.max(1, Math.ceil(max / 3))) };
  return new Kysely<Database>({ dialect: new AppPostgresDialect(pools), plugins: [new SqliteSemanticsPlugin()] });
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
    // A list of values becomes one array parameter: `x in ($1, …, $n)` is a new statement for every
    // length n, planned each time and too many to prepare; `x = any($1)` is one statement, prepared
    // once per connection (PreparingClient). Same meaning, NULLs included; `not in` is `<> all`.
    if (right.kind === 'PrimitiveValueListNode' && (op === 'in' || op === 'not in')) {
      const values = (right as unknown as { values: readonly unknown[] }).values;
      return BinaryOperationNode.create(
        this.transformNode(node.leftOperand),
        OperatorNode.create(op === 'in' ? '=' : '<>'),
        FunctionNode.create(op === 'in' ? 'any' : 'all', [ValueNode.create([...values])]),
      );
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
