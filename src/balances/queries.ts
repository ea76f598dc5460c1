import type { Kysely, Selectable } from 'kysely';
import type { Trx } from '../db/transaction.js';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import { visibleHouseholds } from '../households/access.js';
import { isAdult } from '../households/logic.js';
import { getCatalogueVersion, getCurrentVersion } from '../catalogue/queries.js';
import type { CatalogueData } from '../catalogue/default-catalogue.js';
import type { BalanceMethod, CellState } from './tables.js';
import type { AmendmentRow, BalanceDetail, BalanceSummary, PostedCell, StoredCell } from './model.js';
import {
  balanceLayout,
  cellKey,
  direction,
  EMPTY_CELL,
  cellExists,
  sameValue,
  subjectKeyOf,
  visibleScores,
  type CellValue,
  type LayoutSection,
  type Subject,
} from './logic.js';

// Balance queries. Every read starts from a household the scope may see (visibleHouseholds), so a
// balance of another team or organisation is simply not found.

type Db = Kysely<Database>;

function balancesOfVisibleHouseholds(db: Db, scope: OrgScope) {
  return db
    .selectFrom('balance')
    .innerJoin('catalogue_version as cv', 'cv.id', 'balance.catalogue_version_id')
    .leftJoin('app_user as fin', 'fin.id', 'balance.finalised_by')
    .where('balance.organisation_id', '=', scope.organisationId)
    .where('balance.household_id', 'in', visibleHouseholds(db, scope).select('household.id'))
    .select([
      'balance.id',
      'balance.household_id',
      'balance.taken_on',
      'balance.method',
      'balance.status',
      'balance.catalogue_version_id',
      'cv.number as version_number',
      'balance.created_at',
      'balance.updated_at',
      'balance.finalised_at',
      'fin.display_name as finalised_by_name',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof balancesOfVisibleHouseholds>['executeTakeFirstOrThrow']>>;
function toSummary(r: SummaryRow): BalanceSummary {
  return {
    id: r.id,
    householdId: r.household_id,
    takenOn: r.taken_on,
    method: r.method,
    status: r.status,
    catalogueVersionId: r.catalogue_version_id,
    catalogueVersionNumber: r.version_number,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finalisedAt: r.finalised_at,
    finalisedByName: r.finalised_by_name,
  };
}

export async function listBalances(db: Db, scope: OrgScope, householdId: number): Promise<BalanceSummary[]> {
  const rows = await balancesOfVisibleHouseholds(db, scope)
    .where('balance.household_id', '=', householdId)
    .orderBy('balance.taken_on', 'desc')
    .orderBy('balance.id', 'desc')
    .execute();
  return rows.map(toSummary);
}

// A published catalogue version never changes, so its parsed content is kept (the balance row that
// points at it was already found through the user's scope). Kept per database: ids only mean
// something within one (tests open many in one process, and the same id there is another version).
const catalogueCaches = new WeakMap<Db, Map<number, CatalogueData>>();
export async function catalogueOf(db: Db, scope: OrgScope, versionId: number): Promise<CatalogueData | undefined> {
  let cache = catalogueCaches.get(db);
  if (!cache) catalogueCaches.set(db, (cache = new Map()));
  const hit = cache.get(versionId);
  if (hit) return hit;
  const version = await getCatalogueVersion(db, scope, versionId);
  if (!version) return undefined;
  if (cache.size > 200) cache.clear();
  cache.set(versionId, version.catalogue);
  return version.catalogue;
}

export async function findBalance(
  db: Db,
  scope: OrgScope,
  householdId: number,
  balanceId: number,
  opts: { hideSensitive?: boolean } = {},
): Promise<BalanceDetail | undefined> {
  if (!Number.isSafeInteger(balanceId) || !Number.isSafeInteger(householdId)) return undefined;
  // The balance, its people and its cells are read side by side: the reads of the people and the
  // cells hold the scope themselves (visibleBalance), so they find nothing where the balance's own
  // read finds nothing, and on PostgreSQL the three round trips overlap (SQLite runs them one
  // after the other anyway).
  const [row, subjectRows, cells] = await Promise.all([
    balancesOfVisibleHouseholds(db, scope).where('balance.id', '=', balanceId).where('balance.household_id', '=', householdId).executeTakeFirst(),
    db
      .selectFrom('balance_subject')
      .innerJoin('household_member as m', 'm.id', 'balance_subject.member_id')
      .select(['balance_subject.member_id', 'balance_subject.level', 'balance_subject.took_part', 'm.first_name', 'm.last_name', 'm.position'])
      .where('balance_subject.balance_id', 'in', visibleBalance(db, scope, balanceId, householdId))
      .orderBy('balance_subject.level', 'desc') // volwassene before kind
      .orderBy('m.position')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('balance_score')
      .leftJoin('app_user as u', 'u.id', 'balance_score.updated_by')
      .selectAll('balance_score')
      .select('u.display_name as updated_by_name')
      .where('balance_score.balance_id', 'in', visibleBalance(db, scope, balanceId, householdId))
      .execute(),
  ]);
  if (!row) return undefined;
  const catalogue = await catalogueOf(db, scope, row.catalogue_version_id);
  if (!catalogue) return undefined;
  const household: Subject & { tookPart: boolean } = { key: 'h', memberId: null, level: 'huishouden', name: '', tookPart: true };
  const subjects = [
    household,
    ...subjectRows.map((s) => ({
      key: subjectKeyOf(s.member_id),
      memberId: s.member_id,
      level: s.level,
      name: `${s.first_name} ${s.last_name}`,
      tookPart: s.took_part === 1,
    })),
  ];
  const layout = balanceLayout(catalogue, subjects, opts);
  const count = (l: LayoutSection[]) => l.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.domains.length, 0), 0);
  const hiddenSensitive = opts.hideSensitive ? count(balanceLayout(catalogue, subjects)) - count(layout) : 0;
  return { ...toSummary(row), catalogue, subjects, layout, cells: storedCells(cells), hiddenSensitive };
}

/** Balance `balanceId` of household `householdId` as a subquery of its id, when the scope may see it. */
function visibleBalance(db: Db, scope: OrgScope, balanceId: number, householdId: number) {
  return db
    .selectFrom('balance')
    .select('balance.id')
    .where('balance.id', '=', balanceId)
    .where('balance.household_id', '=', householdId)
    .where('balance.organisation_id', '=', scope.organisationId)
    .where('balance.household_id', 'in', visibleHouseholds(db, scope).select('household.id'));
}

type CellRow = Omit<Selectable<Database['balance_score']>, 'id'> & { id: number; updated_by_name: string | null };

/** The stored cells by cellKey. */
function storedCells(rows: CellRow[]): Map<string, StoredCell> {
  return new Map(
    rows.map((r) => [
      cellKey(r.subject, r.domain_key),
      {
        id: r.id,
        state: r.state,
        score: r.score,
        clientScore: r.client_score,
        remark: r.remark,
        prefilled: r.prefilled === 1,
        revision: r.revision,
        editorToken: r.editor_token,
        updatedAt: r.updated_at,
        updatedByName: r.updated_by_name,
      },
    ]),
  );
}

/**
 * Inside a write's transaction: the balance's status and its cells as they are now, in one query
 * (the balance joined to its cells; one round trip, where a write has several in a row). Throws
 * when the balance is not the organisation's: the route found it in the caller's scope before.
 */
async function balanceAsItIs(trx: Trx, scope: OrgScope, balanceId: number): Promise<{ status: string; cells: Map<string, StoredCell> }> {
  const rows = await trx
    .selectFrom('balance')
    .leftJoin('balance_score', 'balance_score.balance_id', 'balance.id')
    .leftJoin('app_user as u', 'u.id', 'balance_score.updated_by')
    .select('balance.status')
    .selectAll('balance_score')
    .select('u.display_name as updated_by_name')
    .where('balance.id', '=', balanceId)
    .where('balance.organisation_id', '=', scope.organisationId)
    .execute();
  if (!rows.length) throw new Error(`balance ${balanceId} is not the organisation's`);
  const cells = rows.filter((r): r is (typeof rows)[number] & CellRow => r.id !== null);
  return { status: rows[0]!.status, cells: storedCells(cells) };
}

export interface NewBalance {
  takenOn: string;
  method: BalanceMethod;
  participants: number[];
  prefill: boolean;
}

/**
 * Creates a draft balance on the organisation's current catalogue version, for the members in the
 * household on its date. With `prefill`, the previous finalised balance's answers are copied as
 * "nog te bevestigen".
 */
export async function createBalance(trx: Trx, scope: OrgScope, householdId: number, values: NewBalance, now: number): Promise<number | undefined> {
  const household = await visibleHouseholds(trx, scope).select(['household.id', 'household.status']).where('household.id', '=', householdId).executeTakeFirst();
  if (!household) return undefined;
  const version = await getCurrentVersion(trx, scope);
  if (!version) throw new Error('organisation has no published catalogue');
  const members = await trx
    .selectFrom('household_member')
    .select(['id', 'birth_year', 'adult_override', 'joined_on', 'left_on'])
    .where('household_id', '=', householdId)
    .where('joined_on', '<=', values.takenOn)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', values.takenOn)]))
    .execute();
  const year = Number(values.takenOn.slice(0, 4));
  const balance = await trx
    .insertInto('balance')
    .values({
      organisation_id: scope.organisationId,
      household_id: householdId,
      catalogue_version_id: version.id,
      taken_on: values.takenOn,
      method: values.method,
      created_at: now,
      created_by: scope.userId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (members.length) {
    await trx
      .insertInto('balance_subject')
      .values(
        members.map((m) => ({
          balance_id: balance.id,
          member_id: m.id,
          level: isAdult({ birthYear: m.birth_year, adultOverride: m.adult_override === null ? null : m.adult_override === 1 }, year)
            ? ('volwassene' as const)
            : ('kind' as const),
          took_part: values.participants.includes(m.id) ? 1 : 0,
        })),
      )
      .execute();
  }
  if (values.prefill) {
    const previous = await trx
      .selectFrom('balance')
      .select('id')
      .where('household_id', '=', householdId)
      .where('status', '=', 'final')
      .where('id', '!=', balance.id)
      .orderBy('taken_on', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (previous) {
      const subjects = new Set(['h', ...members.map((m) => subjectKeyOf(m.id))]);
      const active = new Set(version.catalogue.themes.flatMap((t) => t.domains.filter((d) => d.defaultOn).map((d) => `${t.level}:${d.key}`)));
      const levelOf = new Map<string, string>([['h', 'huishouden']]);
      const subjectRows = await trx.selectFrom('balance_subject').select(['member_id', 'level']).where('balance_id', '=', balance.id).execute();
      for (const s of subjectRows) levelOf.set(subjectKeyOf(s.member_id), s.level);
      const old = await trx.selectFrom('balance_score').selectAll().where('balance_id', '=', previous.id).where('state', '!=', 'open').execute();
      const copy = old.filter((o) => subjects.has(o.subject) && active.has(`${levelOf.get(o.subject)}:${o.domain_key}`));
      if (copy.length) {
        await trx
          .insertInto('balance_score')
          .values(
            copy.map((o) => ({
              balance_id: balance.id,
              subject: o.subject,
              member_id: o.member_id,
              domain_key: o.domain_key,
              state: o.state,
              score: o.score,
              client_score: null,
              remark: '',
              prefilled: 1,
              revision: 1,
              editor_token: '',
              updated_at: now,
              updated_by: scope.userId,
            })),
          )
          .execute();
      }
    }
  }
  return balance.id;
}

export interface Conflict {
  subject: string;
  domainKey: string;
  mine: CellValue;
  theirs: StoredCell;
}
export type SaveOutcome =
  { status: 'saved'; saved: { subject: string; domainKey: string; cell: StoredCell }[] } | { status: 'conflict'; conflicts: Conflict[] } | { status: 'final' };

/**
 * Saves the cells a user changed, all or nothing. A cell counts as changed when what is posted
 * differs from what the editor showed (its fingerprint), or when the user confirms a taken-over
 * score. A change on a stale revision is a conflict unless the newer revision came from this same
 * editor (its own earlier save still in flight) or already holds exactly these values.
 * `editorToken` is the posted token only once the route verified it (editor-token.ts), else null:
 * null, and the empty token of prefilled or generated cells, never count as the same editor.
 */
export async function saveCells(
  trx: Trx,
  scope: OrgScope,
  balanceId: number,
  cells: PostedCell[],
  editorToken: string | null,
  now: number,
): Promise<SaveOutcome> {
  const { status, cells: current } = await balanceAsItIs(trx, scope, balanceId);
  if (status !== 'draft') return { status: 'final' } as const;
  const conflicts: Conflict[] = [];
  const writes: PostedCell[] = [];
  for (const p of cells) {
    if (!p.changed && !p.confirm) continue;
    const now_ = current.get(cellKey(p.subject, p.domainKey));
    const currentRevision = now_?.revision ?? 0;
    if (now_ && sameValue(now_, p.value) && !(p.confirm && now_.prefilled)) continue;
    const sameEditor = editorToken !== null && editorToken !== '' && now_?.editorToken === editorToken;
    if (currentRevision !== p.revision && now_ && !sameEditor && !sameValue(now_, p.value)) {
      conflicts.push({ subject: p.subject, domainKey: p.domainKey, mine: p.value, theirs: now_ });
      continue;
    }
    writes.push(p);
  }
  if (conflicts.length) return { status: 'conflict', conflicts } as const;
  const saved: { subject: string; domainKey: string; cell: StoredCell }[] = [];
  for (const p of writes) {
    const memberId = p.subject === 'h' ? null : Number(p.subject.slice(1));
    const existing = current.get(cellKey(p.subject, p.domainKey));
    const revision = (existing?.revision ?? 0) + 1;
    const values = {
      state: p.value.state as CellState,
      score: p.value.score,
      client_score: p.value.clientScore,
      remark: p.value.remark,
      prefilled: 0,
      revision,
      editor_token: editorToken ?? '',
      updated_at: now,
      updated_by: scope.userId,
    };
    if (existing) {
      await trx.updateTable('balance_score').set(values).where('id', '=', existing.id).execute();
    } else {
      await trx
        .insertInto('balance_score')
        .values({ balance_id: balanceId, subject: p.subject, member_id: memberId, domain_key: p.domainKey, ...values })
        .execute();
    }
    saved.push({
      subject: p.subject,
      domainKey: p.domainKey,
      cell: { ...(existing ?? { id: 0, updatedByName: null }), ...p.value, prefilled: false, revision, editorToken: editorToken ?? '', updatedAt: now },
    });
  }
  if (saved.length) {
    await trx.updateTable('balance').set({ updated_at: now }).where('id', '=', balanceId).execute();
  }
  return { status: 'saved', saved } as const;
}

export async function finaliseBalance(trx: Trx, scope: OrgScope, balanceId: number, now: number): Promise<boolean> {
  const res = await trx
    .updateTable('balance')
    .set({ status: 'final', finalised_at: now, finalised_by: scope.userId, updated_at: now })
    .where('id', '=', balanceId)
    .where('organisation_id', '=', scope.organisationId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * The corrections of a balance that this reader may see: only those of cells in the detail's layout,
 * so a correction of a sensitive domain shielded from the reader (hideSensitive) is left out with
 * the domain itself — its before/after values are client data like the score.
 */
export async function listAmendments(db: Db, detail: Pick<BalanceDetail, 'id' | 'layout'>): Promise<AmendmentRow[]> {
  const rows = await db
    .selectFrom('balance_amendment')
    .leftJoin('app_user as u', 'u.id', 'balance_amendment.created_by')
    .selectAll('balance_amendment')
    .select('u.display_name as by_name')
    .where('balance_id', '=', detail.id)
    .orderBy('balance_amendment.id')
    .execute();
  return rows
    .filter((r) => cellExists(detail, r.subject, r.domain_key))
    .map((r) => ({
      id: r.id,
      subject: r.subject,
      domainKey: r.domain_key,
      reason: r.reason,
      createdAt: r.created_at,
      createdByName: r.by_name,
      before: { state: r.before_state, score: r.before_score, clientScore: null, remark: r.before_remark },
      after: { state: r.after_state, score: r.after_score, clientScore: null, remark: r.after_remark },
    }));
}

/** A correction after finalising: the cell changes, and the change with its reason is kept visibly. */
export async function amendCell(
  trx: Trx,
  scope: OrgScope,
  balanceId: number,
  subject: string,
  domainKey: string,
  value: CellValue,
  reason: string,
  now: number,
): Promise<'amended' | 'unchanged' | 'notFinal'> {
  const { status, cells } = await balanceAsItIs(trx, scope, balanceId);
  if (status !== 'final') return 'notFinal';
  const current = cells.get(cellKey(subject, domainKey));
  const before: CellValue = current ?? EMPTY_CELL;
  const after: CellValue = { ...value, clientScore: before.clientScore };
  if (sameValue(before, after)) return 'unchanged';
  await trx
    .insertInto('balance_amendment')
    .values({
      balance_id: balanceId,
      subject,
      domain_key: domainKey,
      reason,
      before_state: before.state,
      before_score: before.score,
      before_remark: before.remark,
      after_state: after.state,
      after_score: after.score,
      after_remark: after.remark,
      created_at: now,
      created_by: scope.userId,
    })
    .execute();
  const values = {
    state: after.state,
    score: after.score,
    remark: after.remark,
    prefilled: 0,
    revision: (current?.revision ?? 0) + 1,
    updated_at: now,
    updated_by: scope.userId,
  };
  if (current) await trx.updateTable('balance_score').set(values).where('id', '=', current.id).execute();
  else
    await trx
      .insertInto('balance_score')
      .values({
        balance_id: balanceId,
        subject,
        member_id: subject === 'h' ? null : Number(subject.slice(1)),
        domain_key: domainKey,
        client_score: null,
        editor_token: '',
        ...values,
      })
      .execute();
  return 'amended';
}

export interface BalanceTrend {
  lastTakenAt: number;
  direction: 'better' | 'same' | 'worse' | null;
}

/**
 * For the caseload: per household, the date of the latest finalised balance and the direction
 * since the one before (null with only one). `shielded`: the households whose sensitive domains
 * this viewer may not see (hidesSensitive); their direction leaves those domains out, by the same
 * rule (visibleScores on the layout) as the dossier's list of balances. A few queries for a whole
 * page of households.
 */
export async function balanceTrends(db: Db, scope: OrgScope, householdIds: number[], shielded: ReadonlySet<number>): Promise<Map<number, BalanceTrend>> {
  const out = new Map<number, BalanceTrend>();
  if (!householdIds.length) return out;
  const rows = await db
    .selectFrom('balance')
    .select(['id', 'household_id', 'taken_on', 'catalogue_version_id'])
    .where('organisation_id', '=', scope.organisationId)
    .where('household_id', 'in', visibleHouseholds(db, scope).select('household.id').where('household.id', 'in', householdIds))
    .where('status', '=', 'final')
    .orderBy('household_id')
    .orderBy('taken_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const lastTwo = new Map<number, (typeof rows)[number][]>();
  for (const r of rows) {
    const list = lastTwo.get(r.household_id) ?? [];
    if (list.length === 0) out.set(r.household_id, { lastTakenAt: Date.parse(`${r.taken_on}T12:00:00Z`), direction: null });
    if (list.length < 2) list.push(r);
    lastTwo.set(r.household_id, list);
  }
  const pairs = [...lastTwo.entries()].filter(([, list]) => list.length === 2);
  if (!pairs.length) return out;
  const ids = pairs.flatMap(([, list]) => list.map((b) => b.id));
  const [scores, subjectRows] = await Promise.all([
    // Only scored cells count (visibleScores): the others are left in the database, a third of the rows.
    db
      .selectFrom('balance_score')
      .select(['balance_id', 'subject', 'domain_key', 'state', 'score'])
      .where('balance_id', 'in', ids)
      .where('state', '=', 'scored')
      .where('score', 'is not', null)
      .execute(),
    db.selectFrom('balance_subject').select(['balance_id', 'member_id', 'level']).where('balance_id', 'in', ids).execute(),
  ]);
  const cellsOf = new Map<number, Map<string, { state: StoredCell['state']; score: number | null }>>();
  for (const s of scores) {
    const m = cellsOf.get(s.balance_id) ?? new Map();
    m.set(cellKey(s.subject, s.domain_key), { state: s.state, score: s.score });
    cellsOf.set(s.balance_id, m);
  }
  const subjectsOf = new Map<number, Subject[]>();
  for (const r of subjectRows) {
    const list = subjectsOf.get(r.balance_id) ?? [];
    list.push({ key: subjectKeyOf(r.member_id), memberId: r.member_id, level: r.level, name: '' });
    subjectsOf.set(r.balance_id, list);
  }
  const scoresOf = async (b: (typeof rows)[number], hideSensitive: boolean) => {
    const catalogue = await catalogueOf(db, scope, b.catalogue_version_id);
    if (!catalogue) return new Map<string, number>();
    const subjects: Subject[] = [{ key: 'h', memberId: null, level: 'huishouden', name: '' }, ...(subjectsOf.get(b.id) ?? [])];
    return visibleScores(balanceLayout(catalogue, subjects, { hideSensitive }), cellsOf.get(b.id) ?? new Map());
  };
  for (const [householdId, [latest, previous]] of pairs) {
    const hide = shielded.has(householdId);
    const d = direction(await scoresOf(previous!, hide), await scoresOf(latest!, hide));
    out.get(householdId)!.direction = d.compared ? d.direction : null;
  }
  return out;
}
