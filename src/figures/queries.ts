import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Trx } from '../db/transaction.js';
import type { OrgScope } from '../auth/scope.js';
import { visibleHouseholds, visibleMembers } from '../households/access.js';
import { catalogueOf } from '../balances/queries.js';
import type { Level, Localized } from '../catalogue/default-catalogue.js';
import { addMonths } from '../gpmi/logic.js';
import type { AgreementStatus } from '../gpmi/tables.js';
import { balanceDueOn, checkEvaluations, gpmiDueOn, type EvaluationFact } from './logic.js';
import { NB, NVT, type FamilyShape, type FiguresData, type FiguresDomain, type GpmiFacts, type SubjectSeries } from './counting.js';
import type { Exemption } from './tables.js';
import type { FiguresAccess, LivingWage, TodoFilter, TodoItem, TodoKind } from './model.js';

// The figures' queries: the organisation's data as the pure model needs it (loaded once and kept
// up to date incrementally, see loadFiguresData), the settings, the living wage per beneficiary,
// and what is due. Plain functions, db first, scope second, through Kysely's builder only
// (portable to PostgreSQL: counts and sums through Number()).

type Db = Kysely<Database>;

// ---------------------------------------------------------------- settings

export interface FiguresSettings {
  threshold: number;
  balanceDueMonths: number;
  weeklyDigest: boolean;
  revision: number;
}

export const DEFAULT_SETTINGS: FiguresSettings = { threshold: 5, balanceDueMonths: 6, weeklyDigest: false, revision: 0 };

export async function figuresSettings(db: Db, scope: Pick<OrgScope, 'organisationId'>): Promise<FiguresSettings> {
  const row = await db.selectFrom('figures_setting').selectAll().where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  return row
    ? { threshold: row.small_cell_threshold, balanceDueMonths: row.balance_due_months, weeklyDigest: row.weekly_digest === 1, revision: row.revision }
    : DEFAULT_SETTINGS;
}

/** Saves the settings if nobody saved them since `revision`. */
export async function saveFiguresSettings(
  trx: Trx,
  scope: OrgScope,
  v: Omit<FiguresSettings, 'revision'>,
  revision: number,
  now: number,
): Promise<'saved' | 'unchanged' | 'conflict'> {
  const current = await figuresSettings(trx, scope);
  if (current.threshold === v.threshold && current.balanceDueMonths === v.balanceDueMonths && current.weeklyDigest === v.weeklyDigest) return 'unchanged';
  if (current.revision !== revision) return 'conflict';
  const values = {
    small_cell_threshold: v.threshold,
    balance_due_months: v.balanceDueMonths,
    weekly_digest: v.weeklyDigest ? 1 : 0,
    revision: revision + 1,
    updated_at: now,
    updated_by: scope.userId,
  };
  await trx
    .insertInto('figures_setting')
    .values({ organisation_id: scope.organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
  return 'saved';
}

// ---------------------------------------------------------------- who sees which figures

export async function figuresAccess(db: Db, scope: OrgScope): Promise<FiguresAccess> {
  const teams = await db.selectFrom('team').select(['id', 'name']).where('organisation_id', '=', scope.organisationId).orderBy('name').orderBy('id').execute();
  if (scope.isPolicy) return { teams, all: 'organisation' };
  // An API client holding figures:read: the teams it may reach; the organisation's total only when
  // the administrator did not restrict it to one team.
  if (scope.apiClient) {
    const reach = teams.filter((t) => scope.teamIds.includes(t.id));
    return { teams: reach, all: reach.length === teams.length ? 'organisation' : null };
  }
  const mine = teams.filter((t) => scope.leadTeamIds.includes(t.id));
  return { teams: mine, all: mine.length > 1 ? 'teams' : null };
}

/**
 * The family every published table belongs to: all teams of the organisation, and every group of
 * two or more teams that one lead leads (their "all my teams"), so that tables shown to different
 * people are suppressed together.
 */
export async function familyShape(db: Db, scope: Pick<OrgScope, 'organisationId'>): Promise<FamilyShape> {
  const teams = await db.selectFrom('team').select('id').where('organisation_id', '=', scope.organisationId).orderBy('id').execute();
  const leads = await db
    .selectFrom('team_membership')
    .innerJoin('team', 'team.id', 'team_membership.team_id')
    .select(['team_membership.user_id', 'team_membership.team_id'])
    .where('team.organisation_id', '=', scope.organisationId)
    .where('team_membership.role', '=', 'lead')
    .orderBy('team_membership.team_id')
    .execute();
  const byUser = new Map<number, number[]>();
  for (const l of leads) byUser.set(l.user_id, [...(byUser.get(l.user_id) ?? []), l.team_id]);
  const all = teams.map((t) => t.id);
  const groups = new Map<string, number[]>();
  for (const g of byUser.values()) if (g.length > 1 && g.length < all.length) groups.set(g.join(','), g);
  return { teams: all, groups: [...groups.values()].sort((a, b) => (a.join(',') < b.join(',') ? -1 : 1)) };
}

// ---------------------------------------------------------------- the organisation's data

interface LoadedBalance {
  id: number;
  householdId: number;
  takenOn: string;
  final: boolean;
  versionId: number;
  updatedAt: number;
  subjects: { key: string; level: Level; codes: Uint8Array }[];
}

interface Loaded {
  stamp: string;
  amendmentMax: number;
  balances: Map<number, LoadedBalance>;
  domainIndex: Map<string, number>;
  domains: FiguresDomain[];
  data: FiguresData;
}

const loaded = new Map<number, Loaded>();
const MAX_ORGANISATIONS = 4;

async function one<T>(q: { executeTakeFirst(): Promise<T | undefined> }): Promise<T> {
  return (await q.executeTakeFirst()) as T;
}

/**
 * A fingerprint of everything the figures read, from a few indexed aggregates: a new or finalised
 * balance, a correction (amendment) of one, a household moved to another team, a grant, a GPMI
 * signed or evaluated all change it. Every process reads it per request, so processes sharing a
 * database never serve figures older than the data.
 */
async function stampOf(db: Db, organisationId: number): Promise<{ stamp: string; amendmentMax: number }> {
  const [b, a, h, w, g, v, e] = await Promise.all([
    one(
      db
        .selectFrom('balance')
        // Finalising sets finalised_at; a draft's score saves only touch updated_at and change no figure.
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('finalised_at').as('u'), eb.fn.max('id').as('i')])
        .where('organisation_id', '=', organisationId),
    ),
    // The tables without an organisation column are read through their parent's, so that on a
    // shared PostgreSQL this reads one organisation's rows by index, not every organisation's
    // rows for the wall to sort out.
    one(
      db
        .selectFrom('balance_amendment')
        .innerJoin('balance', 'balance.id', 'balance_amendment.balance_id')
        .select((eb) => eb.fn.max('balance_amendment.id').as('i'))
        .where('balance.organisation_id', '=', organisationId),
    ),
    one(
      db
        .selectFrom('household')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
        .where('organisation_id', '=', organisationId),
    ),
    one(
      db
        .selectFrom('living_wage')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
        .where('organisation_id', '=', organisationId),
    ),
    one(
      db
        .selectFrom('gpmi')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('i')])
        .where('organisation_id', '=', organisationId),
    ),
    one(
      db
        .selectFrom('gpmi_version')
        .innerJoin('gpmi', 'gpmi.id', 'gpmi_version.gpmi_id')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('gpmi_version.updated_at').as('u')])
        .where('gpmi.organisation_id', '=', organisationId),
    ),
    one(
      db
        .selectFrom('gpmi_evaluation')
        .innerJoin('gpmi', 'gpmi.id', 'gpmi_evaluation.gpmi_id')
        .select((eb) => eb.fn.max('gpmi_evaluation.id').as('i'))
        .where('gpmi.organisation_id', '=', organisationId),
    ),
  ]);
  const amendmentMax = Number(a?.i ?? 0);
  const stamp = [b.n, b.u, b.i, amendmentMax, h.n, h.u, w.n, w.u, g.n, g.i, v.n, v.u, e?.i].map((x) => String(Number(x ?? 0))).join('|');
  return { stamp, amendmentMax };
}

const CHUNK = 400;

/** Scores and subjects of these (finalised) balances, coded per domain index. */
async function loadBalanceCells(db: Db, ids: number[], versionOf: Map<number, number>, scope: OrgScope, state: Pick<Loaded, 'domainIndex' | 'domains'>) {
  const out = new Map<number, LoadedBalance['subjects']>();
  const layouts = new Map<string, number[]>();
  const layoutOf = async (versionId: number, level: Level): Promise<number[]> => {
    const key = `${versionId}|${level}`;
    const hit = layouts.get(key);
    if (hit) return hit;
    const catalogue = await catalogueOf(db, scope, versionId);
    const list: number[] = [];
    for (const theme of catalogue?.themes ?? []) {
      if (theme.level !== level) continue;
      for (const d of theme.domains) {
        let index = state.domainIndex.get(d.key);
        if (index === undefined) {
          index = state.domains.length;
          state.domainIndex.set(d.key, index);
          state.domains.push({ index, key: d.key, level, name: d.name, theme: theme.name as Localized, sensitive: d.sensitive, asked: false });
        } else {
          // Names follow the newest version seen; sensitive in any version stays sensitive.
          const known = state.domains[index]!;
          known.name = d.name;
          known.theme = theme.name;
          known.sensitive = known.sensitive || d.sensitive;
        }
        if (d.defaultOn) {
          list.push(index);
          state.domains[index]!.asked = true;
        }
      }
    }
    layouts.set(key, list);
    return list;
  };
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [subjects, scores] = await Promise.all([
      db.selectFrom('balance_subject').select(['balance_id', 'member_id', 'level']).where('balance_id', 'in', chunk).execute(),
      db.selectFrom('balance_score').select(['balance_id', 'subject', 'domain_key', 'state', 'score']).where('balance_id', 'in', chunk).execute(),
    ]);
    const cells = new Map<string, Map<string, number>>();
    for (const s of scores) {
      const k = `${s.balance_id}|${s.subject}`;
      const m = cells.get(k) ?? new Map<string, number>();
      m.set(s.domain_key, s.state === 'scored' && s.score !== null ? s.score : s.state === 'nvt' ? NVT : NB);
      cells.set(k, m);
    }
    const bySubject = new Map<number, { key: string; level: Level }[]>();
    for (const id of chunk) bySubject.set(id, [{ key: 'h', level: 'huishouden' }]);
    for (const s of subjects) bySubject.get(s.balance_id)?.push({ key: `m${s.member_id}`, level: s.level });
    for (const id of chunk) {
      const versionId = versionOf.get(id)!;
      const list: LoadedBalance['subjects'] = [];
      for (const subj of bySubject.get(id)!) {
        const layout = await layoutOf(versionId, subj.level);
        const codes = new Uint8Array(Math.max(64, state.domains.length));
        const scored = cells.get(`${id}|${subj.key}`);
        // A domain of the balance's layout without an answer was not discussed.
        for (const index of layout) codes[index] = scored?.get(state.domains[index]!.key) ?? NB;
        list.push({ key: subj.key, level: subj.level, codes });
      }
      out.set(id, list);
    }
  }
  return out;
}

async function loadGpmis(
  db: Db,
  organisationId: number,
  domainIndex: Map<string, number>,
  levelOfSubject: (balanceId: number, subject: string) => Level | undefined,
) {
  const gpmis = await db
    .selectFrom('gpmi')
    .innerJoin('balance', 'balance.id', 'gpmi.balance_id')
    .select(['gpmi.id', 'gpmi.household_id', 'gpmi.member_id', 'gpmi.balance_id', 'balance.taken_on'])
    .where('gpmi.organisation_id', '=', organisationId)
    .execute();
  const out: GpmiFacts[] = [];
  if (!gpmis.length) return out;
  const ids = gpmis.map((g) => g.id);
  const versions: { id: number; gpmi_id: number; number: number; status: string; signed_on: string | null; start_on: string; duration_months: number }[] = [];
  const evaluations: { gpmi_id: number; held_on: string; in_person: number | null }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    versions.push(
      ...(await db
        .selectFrom('gpmi_version')
        .select(['id', 'gpmi_id', 'number', 'status', 'signed_on', 'start_on', 'duration_months'])
        .where('gpmi_id', 'in', chunk)
        .orderBy('number')
        .execute()),
    );
    evaluations.push(...(await db.selectFrom('gpmi_evaluation').select(['gpmi_id', 'held_on', 'in_person']).where('gpmi_id', 'in', chunk).execute()));
  }
  const signedVersions = versions.filter((v) => v.status === 'signed');
  const currentOf = new Map<number, (typeof versions)[number]>();
  const firstSigned = new Map<number, string>();
  for (const v of signedVersions) {
    currentOf.set(v.gpmi_id, v);
    if (!firstSigned.has(v.gpmi_id) && v.signed_on) firstSigned.set(v.gpmi_id, v.signed_on);
  }
  const currentIds = [...currentOf.values()].map((v) => v.id);
  const agreements: { id: number; version_id: number; subject: string; domain_key: string; status: AgreementStatus }[] = [];
  for (let i = 0; i < currentIds.length; i += CHUNK)
    agreements.push(
      ...(await db
        .selectFrom('gpmi_agreement')
        .select(['id', 'version_id', 'subject', 'domain_key', 'status'])
        .where('version_id', 'in', currentIds.slice(i, i + CHUNK))
        .execute()),
    );
  const latestStatus = new Map<number, AgreementStatus>();
  const agreementIds = agreements.map((a) => a.id);
  for (let i = 0; i < agreementIds.length; i += CHUNK) {
    const items = await db
      .selectFrom('gpmi_evaluation_item')
      .select(['agreement_id', 'status', 'evaluation_id'])
      .where('agreement_id', 'in', agreementIds.slice(i, i + CHUNK))
      .orderBy('evaluation_id')
      .execute();
    for (const it of items) latestStatus.set(it.agreement_id, it.status);
  }
  for (const g of gpmis) {
    const current = currentOf.get(g.id);
    out.push({
      id: g.id,
      householdId: g.household_id,
      memberId: g.member_id,
      signedOn: firstSigned.get(g.id) ?? null,
      endsOn: current ? addMonths(current.start_on, current.duration_months) : null,
      sourceTakenOn: g.taken_on,
      agreements: agreements
        .filter((a) => current && a.version_id === current.id)
        .flatMap((a) => {
          const domainIndexOf = domainIndex.get(a.domain_key);
          const level = levelOfSubject(g.balance_id, a.subject);
          return domainIndexOf === undefined || !level ? [] : [{ domainIndex: domainIndexOf, level, status: latestStatus.get(a.id) ?? a.status }];
        }),
      evaluations: evaluations
        .filter((e) => e.gpmi_id === g.id)
        .map((e) => ({ heldOn: e.held_on, inPerson: e.in_person === null ? null : e.in_person === 1 }) satisfies EvaluationFact),
    });
  }
  return out;
}

/**
 * The organisation's data for the figures. Kept per process and refreshed incrementally: when the
 * stamp changed, the list of balances is read again (cheap), and only the scores of balances that
 * are new, changed (updated_at) or corrected since (an amendment with a higher id) are read; the
 * smaller tables (households and their teams, grants, GPMIs) are read whole. Reading every score
 * of a large organisation takes about a second, so that happens once per process.
 */
export async function loadFiguresData(db: Db, scope: OrgScope): Promise<FiguresData> {
  const organisationId = scope.organisationId;
  const { stamp, amendmentMax } = await stampOf(db, organisationId);
  const previous = loaded.get(organisationId);
  if (previous && previous.stamp === stamp) return previous.data;

  const state: Pick<Loaded, 'domainIndex' | 'domains'> = previous
    ? { domainIndex: previous.domainIndex, domains: previous.domains }
    : { domainIndex: new Map(), domains: [] };
  const rows = await db
    .selectFrom('balance')
    .select(['id', 'household_id', 'taken_on', 'status', 'catalogue_version_id', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const amended = new Set<number>();
  if (previous && amendmentMax > previous.amendmentMax) {
    // The organisation's own corrections only (through their balance): on SQLite no wall would
    // hold back another organisation's, and on PostgreSQL the wall need not filter them one by one.
    const a = await db
      .selectFrom('balance_amendment')
      .innerJoin('balance', 'balance.id', 'balance_amendment.balance_id')
      .select('balance_amendment.balance_id')
      .where('balance.organisation_id', '=', organisationId)
      .where('balance_amendment.id', '>', previous.amendmentMax)
      .execute();
    for (const r of a) amended.add(r.balance_id);
  }
  const balances = new Map<number, LoadedBalance>();
  const toLoad: number[] = [];
  for (const r of rows) {
    const before = previous?.balances.get(r.id);
    const final = r.status === 'final';
    const fresh = !before || before.updatedAt !== r.updated_at || before.final !== final || amended.has(r.id);
    balances.set(r.id, {
      id: r.id,
      householdId: r.household_id,
      takenOn: r.taken_on,
      final,
      versionId: r.catalogue_version_id,
      updatedAt: r.updated_at,
      subjects: fresh ? [] : before!.subjects,
    });
    if (fresh && final) toLoad.push(r.id);
  }
  const versionOf = new Map(rows.map((r) => [r.id, r.catalogue_version_id]));
  const cells = await loadBalanceCells(db, toLoad, versionOf, scope, state);
  for (const [id, subjects] of cells) balances.get(id)!.subjects = subjects;

  // Series per subject: household 'h' per household, members by id; oldest balance first.
  const series = new Map<string, SubjectSeries>();
  const memberBalanceDays = new Map<number, string[]>();
  const ordered = [...balances.values()].filter((b) => b.final).sort((a, b) => (a.takenOn < b.takenOn ? -1 : a.takenOn > b.takenOn ? 1 : a.id - b.id));
  for (const b of ordered)
    for (const s of b.subjects) {
      const k = s.key === 'h' ? `h${b.householdId}` : s.key;
      const entry = series.get(k) ?? { householdId: b.householdId, key: s.key, balances: [] };
      entry.balances.push({ balanceId: b.id, takenOn: b.takenOn, level: s.level, codes: s.codes });
      series.set(k, entry);
      if (s.key !== 'h') {
        const id = Number(s.key.slice(1));
        memberBalanceDays.set(id, [...(memberBalanceDays.get(id) ?? []), b.takenOn]);
      }
    }
  const households = await db.selectFrom('household').select(['id', 'team_id']).where('organisation_id', '=', organisationId).execute();
  const grants = await db
    .selectFrom('living_wage')
    .select(['member_id', 'household_id', 'granted_on', 'exemption'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const levelOfSubject = (balanceId: number, subject: string) => balances.get(balanceId)?.subjects.find((s) => s.key === subject)?.level;
  const gpmis = await loadGpmis(db, organisationId, state.domainIndex, levelOfSubject);

  const data: FiguresData = {
    organisationId,
    domains: state.domains,
    teamOf: new Map(households.map((h) => [h.id, h.team_id])),
    subjects: [...series.values()],
    balances: [...balances.values()].map((b) => ({ householdId: b.householdId, takenOn: b.takenOn, final: b.final })),
    gpmis,
    grants: grants.map((g) => ({ memberId: g.member_id, householdId: g.household_id, grantedOn: g.granted_on, exemption: g.exemption })),
    memberBalanceDays,
  };
  if (!previous && loaded.size >= MAX_ORGANISATIONS) loaded.delete(loaded.keys().next().value!);
  loaded.set(organisationId, { stamp, amendmentMax, balances, domainIndex: state.domainIndex, domains: state.domains, data });
  return data;
}

/** The year of the oldest balance or grant, for the choice of periods. */
export function firstYearOf(data: FiguresData, fallback: number): number {
  let first = fallback;
  for (const b of data.balances) first = Math.min(first, Number(b.takenOn.slice(0, 4)));
  for (const g of data.grants) first = Math.min(first, Number(g.grantedOn.slice(0, 4)));
  return first;
}

// ---------------------------------------------------------------- the living wage per beneficiary

/** The member's grant, or null; undefined when the member is not one the scope may see in this household. */
export async function findLivingWage(db: Db, scope: OrgScope, householdId: number, memberId: number): Promise<LivingWage | null | undefined> {
  const member = await visibleMembers(db, scope)
    .select('household_member.id')
    .where('household_member.id', '=', memberId)
    .where('household_member.household_id', '=', householdId)
    .executeTakeFirst();
  if (!member) return undefined;
  const row = await db
    .selectFrom('living_wage')
    .leftJoin('app_user as u', 'u.id', 'living_wage.updated_by')
    .select(['living_wage.granted_on', 'living_wage.exemption', 'living_wage.revision', 'living_wage.updated_at', 'u.display_name'])
    .where('living_wage.member_id', '=', memberId)
    .where('living_wage.organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  return row
    ? { grantedOn: row.granted_on, exemption: row.exemption, revision: row.revision, updatedAt: row.updated_at, updatedByName: row.display_name }
    : null;
}

/** Per member of a household, their grant (for the dossier page). */
export async function livingWagesOf(db: Db, scope: OrgScope, householdId: number): Promise<Map<number, { grantedOn: string; exemption: Exemption | null }>> {
  const rows = await db
    .selectFrom('living_wage')
    .select(['member_id', 'granted_on', 'exemption'])
    .where('organisation_id', '=', scope.organisationId)
    .where('household_id', 'in', visibleHouseholds(db, scope).select('household.id').where('household.id', '=', householdId))
    .execute();
  return new Map(rows.map((r) => [r.member_id, { grantedOn: r.granted_on, exemption: r.exemption }]));
}

export type LivingWageOutcome = 'saved' | 'unchanged' | 'conflict' | 'notFound';

/**
 * Records (or changes) the member's grant at the revision the user saw (0: there was none). A
 * concurrent save in between is a conflict, never an overwrite.
 */
export async function saveLivingWage(
  trx: Trx,
  scope: OrgScope,
  at: { householdId: number; memberId: number; revision: number },
  v: { grantedOn: string; exemption: Exemption | null },
  now: number,
): Promise<LivingWageOutcome> {
  const current = await findLivingWage(trx, scope, at.householdId, at.memberId);
  if (current === undefined) return 'notFound';
  if (current && current.grantedOn === v.grantedOn && current.exemption === v.exemption) return 'unchanged';
  if ((current?.revision ?? 0) !== at.revision) return 'conflict';
  if (!current) {
    await trx
      .insertInto('living_wage')
      .values({
        organisation_id: scope.organisationId,
        household_id: at.householdId,
        member_id: at.memberId,
        granted_on: v.grantedOn,
        exemption: v.exemption,
        revision: 1,
        created_at: now,
        updated_at: now,
        updated_by: scope.userId,
      })
      .execute();
    return 'saved';
  }
  const res = await trx
    .updateTable('living_wage')
    .set({ granted_on: v.grantedOn, exemption: v.exemption, revision: at.revision + 1, updated_at: now, updated_by: scope.userId })
    .where('member_id', '=', at.memberId)
    .where('organisation_id', '=', scope.organisationId)
    .where('revision', '=', at.revision)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? 'saved' : 'conflict';
}

/** Removes a grant recorded by mistake, at the revision the user saw. */
export async function removeLivingWage(trx: Trx, scope: OrgScope, at: { householdId: number; memberId: number; revision: number }): Promise<LivingWageOutcome> {
  const current = await findLivingWage(trx, scope, at.householdId, at.memberId);
  if (current === undefined) return 'notFound';
  if (current === null) return 'unchanged';
  if (current.revision !== at.revision) return 'conflict';
  await trx.deleteFrom('living_wage').where('member_id', '=', at.memberId).where('organisation_id', '=', scope.organisationId).execute();
  return 'saved';
}

// ---------------------------------------------------------------- what is due ("Te doen")

export const TODO_KINDS: readonly TodoKind[] = ['balance', 'gpmi', 'evaluation'];

/** Items due within this many days are listed with the overdue ones. */
export const TODO_HORIZON_DAYS = 30;

/**
 * What is due in the caller's caseload (active households of their teams): balances due again
 * (the organisation's months after the latest finalised one, or none yet), GPMIs to draw up (a
 * grant without exemption and no GPMI signed for that person since), and evaluations due or
 * overdue (the latest one or signing + 4 months). Sorted by date, overdue first.
 */
export async function todoItems(
  db: Db,
  scope: OrgScope,
  f: TodoFilter,
  today: string,
  settings: Pick<FiguresSettings, 'balanceDueMonths'>,
): Promise<TodoItem[]> {
  if (!scope.teamIds.length) return [];
  let households = visibleHouseholds(db, scope).where('household.status', '=', 'active');
  if (f.whose === 'mine') households = households.where('household.assigned_user_id', '=', scope.userId);
  else if (typeof f.whose === 'number') households = households.where('household.team_id', '=', f.whose);
  const hs = await households
    .select(['household.id', 'household.dossier_ref', 'household.team_id', 'household.assigned_user_id', 'household.created_at'])
    .execute();
  if (!hs.length) return [];
  const horizon = new Date(Date.parse(`${today}T12:00:00Z`) + TODO_HORIZON_DAYS * 86_400_000).toISOString().slice(0, 10);
  const byId = new Map(hs.map((h) => [h.id, h]));
  const ids = hs.map((h) => h.id);
  const out: TodoItem[] = [];
  const item = (h: (typeof hs)[number], rest: Omit<TodoItem, 'householdId' | 'dossierRef' | 'assignedToMe' | 'teamId' | 'overdue'>): TodoItem => ({
    householdId: h.id,
    dossierRef: h.dossier_ref,
    assignedToMe: h.assigned_user_id === scope.userId,
    teamId: h.team_id,
    overdue: rest.dueOn < today,
    ...rest,
  });
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    if (f.kind === 'all' || f.kind === 'balance') {
      const last = await db
        .selectFrom('balance')
        .select((eb) => ['household_id', eb.fn.max('taken_on').as('last')])
        .where('household_id', 'in', chunk)
        .where('status', '=', 'final')
        .groupBy('household_id')
        .execute();
      const lastOf = new Map(last.map((l) => [l.household_id, l.last as string | null]));
      for (const id of chunk) {
        const h = byId.get(id)!;
        const lastDay = lastOf.get(id);
        const due = lastDay ? balanceDueOn(lastDay, settings.balanceDueMonths) : new Date(Number(h.created_at)).toISOString().slice(0, 10);
        if (due <= horizon) out.push(item(h, { kind: 'balance', firstName: null, dueOn: due, href: `/households/${id}/balances/new` }));
      }
    }
    if (f.kind === 'all' || f.kind === 'gpmi' || f.kind === 'evaluation') {
      const members = await visibleMembers(db, scope, chunk)
        .select(['household_member.id', 'household_member.household_id', 'household_member.first_name'])
        .execute();
      const nameOf = new Map(members.map((m) => [m.id, m.first_name]));
      const gpmis = await db
        .selectFrom('gpmi')
        .select(['gpmi.id', 'gpmi.household_id', 'gpmi.member_id'])
        .where('gpmi.organisation_id', '=', scope.organisationId)
        .where('gpmi.household_id', 'in', chunk)
        .execute();
      const gids = gpmis.map((g) => g.id);
      const versions = gids.length
        ? await db
            .selectFrom('gpmi_version')
            .select(['gpmi_id', 'number', 'status', 'signed_on', 'start_on', 'duration_months'])
            .where('gpmi_id', 'in', gids)
            .where('status', '=', 'signed')
            .orderBy('number')
            .execute()
        : [];
      const evaluations = gids.length
        ? await db.selectFrom('gpmi_evaluation').select(['gpmi_id', 'held_on', 'in_person']).where('gpmi_id', 'in', gids).execute()
        : [];
      const firstSigned = new Map<number, string>();
      const current = new Map<number, (typeof versions)[number]>();
      for (const v of versions) {
        if (!firstSigned.has(v.gpmi_id) && v.signed_on) firstSigned.set(v.gpmi_id, v.signed_on);
        current.set(v.gpmi_id, v);
      }
      if (f.kind === 'all' || f.kind === 'gpmi') {
        const grants = await db
          .selectFrom('living_wage')
          .select(['member_id', 'household_id', 'granted_on', 'exemption'])
          .where('organisation_id', '=', scope.organisationId)
          .where('household_id', 'in', chunk)
          .where('exemption', 'is', null)
          .execute();
        for (const g of grants) {
          const signed = gpmis.some((x) => x.member_id === g.member_id && (firstSigned.get(x.id) ?? '') >= g.granted_on);
          if (signed || !nameOf.has(g.member_id)) continue;
          out.push(
            item(byId.get(g.household_id)!, {
              kind: 'gpmi',
              firstName: nameOf.get(g.member_id) ?? null,
              dueOn: gpmiDueOn(g.granted_on),
              href: `/households/${g.household_id}/gpmis/new`,
            }),
          );
        }
      }
      if (f.kind === 'all' || f.kind === 'evaluation') {
        for (const g of gpmis) {
          const signedOn = firstSigned.get(g.id);
          const v = current.get(g.id);
          if (!signedOn || !v || addMonths(v.start_on, v.duration_months) < today) continue;
          const check = checkEvaluations(
            signedOn,
            evaluations.filter((e) => e.gpmi_id === g.id).map((e) => ({ heldOn: e.held_on, inPerson: e.in_person === null ? null : e.in_person === 1 })),
            today,
          );
          if (check.nextDue > horizon) continue;
          out.push(
            item(byId.get(g.household_id)!, {
              kind: 'evaluation',
              firstName: g.member_id === null ? null : (nameOf.get(g.member_id) ?? null),
              dueOn: check.nextDue,
              inPersonNeeded: check.inPersonNeeded,
              href: `/households/${g.household_id}/gpmis/${g.id}/evaluations/new`,
            }),
          );
        }
      }
    }
  }
  return out.sort((a, b) =>
    a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.householdId - b.householdId || TODO_KINDS.indexOf(a.kind) - TODO_KINDS.indexOf(b.kind),
  );
}

// ---------------------------------------------------------------- the weekly digest

/** Active users with a team role in an organisation that switched the digest on. */
export async function digestRecipients(db: Db): Promise<{ userId: number; organisationId: number; email: string }[]> {
  const rows = await db
    .selectFrom('app_user')
    .innerJoin('figures_setting', 'figures_setting.organisation_id', 'app_user.organisation_id')
    .select(['app_user.id', 'app_user.organisation_id', 'app_user.email'])
    .where('figures_setting.weekly_digest', '=', 1)
    .where('app_user.disabled_at', 'is', null)
    .where('app_user.id', 'in', db.selectFrom('team_membership').select('user_id'))
    .orderBy('app_user.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, organisationId: r.organisation_id, email: r.email }));
}

/** Claims this week's digest for a user; false when it was already claimed (sent, or being sent). */
export async function claimDigest(db: Db, userId: number, week: string, now: number): Promise<boolean> {
  const res = await db
    .insertInto('digest_sent')
    .values({ user_id: userId, week, sent_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'week']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}
