import type { Kysely } from 'kysely';
import { Rollback, type Trx } from '../db/transaction.js';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import { visibleHouseholds } from '../households/access.js';
import { findHousehold } from '../households/queries.js';
import { findBalance, listBalances } from '../balances/queries.js';
import type { BalanceDetail } from '../balances/model.js';
import { catalogueOf } from '../balances/queries.js';
import { findDomain } from '../catalogue/catalogue.js';
import { cellKey } from '../balances/logic.js';
import type { Locale } from '../i18n/locale.js';
import { messagesFor } from '../i18n/index.js';
import { addMonths, agreementVisible, latestVersion, nextMoment, scoreIn, type PlanRow } from './logic.js';
import { OPEN_STATUSES, type AgreementStatus, type ItemKind, type VersionStatus } from './tables.js';
import type { AgreementSeed, DraftValues, GpmiRecord, GpmiSummary, StoredPlan, VersionDetail, VersionSummary } from './model.js';

// Plan and GPMI queries. Every read starts from a household the scope may see (visibleHouseholds),
// so another team's or organisation's GPMI is simply not found (404). Writes take ids that a
// scoped read returned first; the route owns the transaction where several writes belong together.

type Db = Kysely<Database>;

// ---------------------------------------------------------------- the plan (werkpunten)

export async function loadPlan(db: Db, balanceId: number): Promise<StoredPlan> {
  const plan = await db
    .selectFrom('balance_plan')
    .leftJoin('app_user as u', 'u.id', 'balance_plan.updated_by')
    .select(['balance_plan.revision', 'balance_plan.updated_at', 'u.display_name'])
    .where('balance_id', '=', balanceId)
    .executeTakeFirst();
  const rows = await db.selectFrom('balance_priority').selectAll().where('balance_id', '=', balanceId).orderBy('id').execute();
  return {
    revision: plan?.revision ?? 0,
    updatedAt: plan?.updated_at ?? null,
    updatedByName: plan?.display_name ?? null,
    rows: new Map(
      rows.map((r) => [
        cellKey(r.subject, r.domain_key),
        {
          subject: r.subject,
          domainKey: r.domain_key,
          priority: r.priority,
          clientPriority: r.client_priority,
          longTermGoal: r.long_term_goal,
          shortTermGoal: r.short_term_goal,
          targetScore: r.target_score,
        },
      ]),
    ),
  };
}

/**
 * Replaces the plan of a finalised balance, all or nothing, if nobody saved it since `revision`.
 * The rows are the whole plan (the route merged what was posted into what was stored).
 */
export async function savePlan(trx: Trx, balanceId: number, rows: PlanRow[], revision: number, userId: number, now: number): Promise<'saved' | 'conflict'> {
  const current = await trx.selectFrom('balance_plan').select('revision').where('balance_id', '=', balanceId).executeTakeFirst();
  if ((current?.revision ?? 0) !== revision) return 'conflict';
  if (current)
    await trx
      .updateTable('balance_plan')
      .set({ revision: revision + 1, updated_at: now, updated_by: userId })
      .where('balance_id', '=', balanceId)
      .execute();
  else await trx.insertInto('balance_plan').values({ balance_id: balanceId, revision: 1, updated_at: now, updated_by: userId }).execute();
  await trx.deleteFrom('balance_priority').where('balance_id', '=', balanceId).execute();
  if (rows.length) {
    await trx
      .insertInto('balance_priority')
      .values(
        rows.map((r) => ({
          balance_id: balanceId,
          subject: r.subject,
          member_id: r.subject === 'h' ? null : Number(r.subject.slice(1)),
          domain_key: r.domainKey,
          priority: r.priority,
          client_priority: r.clientPriority,
          long_term_goal: r.longTermGoal,
          short_term_goal: r.shortTermGoal,
          target_score: r.targetScore,
        })),
      )
      .execute();
  }
  return 'saved';
}

// ---------------------------------------------------------------- GPMI: reading

function gpmisOfVisibleHouseholds(db: Db, scope: OrgScope) {
  return db
    .selectFrom('gpmi')
    .where('gpmi.organisation_id', '=', scope.organisationId)
    .where('gpmi.household_id', 'in', visibleHouseholds(db, scope).select('household.id'));
}

async function versionsOf(db: Db, gpmiIds: number[]): Promise<Map<number, VersionSummary[]>> {
  const out = new Map<number, VersionSummary[]>();
  if (!gpmiIds.length) return out;
  const rows = await db
    .selectFrom('gpmi_version as v')
    .leftJoin('app_user as c', 'c.id', 'v.created_by')
    .leftJoin('app_user as u', 'u.id', 'v.updated_by')
    .leftJoin('app_user as s', 's.id', 'v.signed_by')
    .selectAll('v')
    .select(['c.display_name as created_name', 'u.display_name as updated_name', 's.display_name as signed_name'])
    .where('v.gpmi_id', 'in', gpmiIds)
    .orderBy('v.gpmi_id')
    .orderBy('v.number')
    .execute();
  for (const r of rows) {
    const list = out.get(r.gpmi_id) ?? [];
    list.push({
      id: r.id,
      number: r.number,
      status: r.status,
      startOn: r.start_on,
      durationMonths: r.duration_months,
      reason: r.reason,
      revision: r.revision,
      createdAt: r.created_at,
      createdByName: r.created_name,
      updatedAt: r.updated_at,
      updatedByName: r.updated_name,
      signedOn: r.signed_on,
      signedClientName: r.signed_client_name,
      signedByName: r.signed_name,
      signedAt: r.signed_at,
    });
    out.set(r.gpmi_id, list);
  }
  return out;
}

export async function findGpmi(db: Db, scope: OrgScope, householdId: number, gpmiId: number): Promise<GpmiRecord | undefined> {
  if (!Number.isSafeInteger(gpmiId) || !Number.isSafeInteger(householdId)) return undefined;
  const row = await gpmisOfVisibleHouseholds(db, scope)
    .selectAll('gpmi')
    .where('gpmi.id', '=', gpmiId)
    .where('gpmi.household_id', '=', householdId)
    .executeTakeFirst();
  if (!row) return undefined;
  const versions = (await versionsOf(db, [row.id])).get(row.id) ?? [];
  return { id: row.id, householdId: row.household_id, memberId: row.member_id, balanceId: row.balance_id, createdAt: row.created_at, versions };
}

export async function loadVersion(db: Db, version: VersionSummary): Promise<VersionDetail> {
  const moments = await db.selectFrom('gpmi_moment').select('on_date').where('version_id', '=', version.id).orderBy('position').execute();
  const agreements = await db.selectFrom('gpmi_agreement').selectAll().where('version_id', '=', version.id).orderBy('position').orderBy('id').execute();
  const ids = agreements.map((a) => a.id);
  const items = ids.length
    ? await db
        .selectFrom('gpmi_agreement_item')
        .selectAll()
        .where('agreement_id', 'in', ids)
        .orderBy('agreement_id')
        .orderBy('kind')
        .orderBy('position')
        .execute()
    : [];
  const evaluations = ids.length
    ? await db
        .selectFrom('gpmi_evaluation_item as i')
        .innerJoin('gpmi_evaluation as e', 'e.id', 'i.evaluation_id')
        .leftJoin('app_user as u', 'u.id', 'e.created_by')
        .select(['i.agreement_id', 'i.note', 'i.status', 'i.shared_with_client', 'e.id', 'e.held_on', 'e.in_person', 'u.display_name'])
        .where('i.agreement_id', 'in', ids)
        .orderBy('e.held_on')
        .orderBy('e.id')
        .execute()
    : [];
  const list = (id: number, kind: ItemKind) => items.filter((i) => i.agreement_id === id && i.kind === kind).map((i) => i.text);
  return {
    ...version,
    moments: moments.map((m) => m.on_date),
    agreements: agreements.map((a) => {
      const evals = evaluations
        .filter((e) => e.agreement_id === a.id)
        .map((e) => ({
          evaluationId: e.id,
          heldOn: e.held_on,
          // null: recorded before the form asked (issue 15); never counted as in person.
          inPerson: e.in_person === null ? null : e.in_person === 1,
          note: e.note,
          shared: e.shared_with_client === 1,
          status: e.status,
          byName: e.display_name,
        }));
      return {
        id: a.id,
        position: a.position,
        subject: a.subject,
        memberId: a.member_id,
        domainKey: a.domain_key,
        text: a.text,
        longTermGoal: a.long_term_goal,
        shortTermGoal: a.short_term_goal,
        targetScore: a.target_score,
        dueOn: a.due_on,
        status: a.status,
        currentStatus: evals.length ? evals[evals.length - 1]!.status : a.status,
        client: list(a.id, 'client'),
        ocmw: list(a.id, 'ocmw'),
        partners: list(a.id, 'partner'),
        evaluations: evals,
      };
    }),
  };
}

/** The household's GPMIs for the dossier page, newest first. */
export async function listGpmis(db: Db, scope: OrgScope, householdId: number, today: string): Promise<GpmiSummary[]> {
  const rows = await gpmisOfVisibleHouseholds(db, scope)
    .select(['gpmi.id', 'gpmi.member_id', 'gpmi.balance_id'])
    .where('gpmi.household_id', '=', householdId)
    .orderBy('gpmi.id', 'desc')
    .execute();
  const versions = await versionsOf(
    db,
    rows.map((r) => r.id),
  );
  const signedIds = [...versions.values()].map((vs) => [...vs].reverse().find((v) => v.status === 'signed')?.id).filter((x): x is number => x !== undefined);
  const moments = signedIds.length ? await db.selectFrom('gpmi_moment').select(['version_id', 'on_date']).where('version_id', 'in', signedIds).execute() : [];
  return rows.map((r) => {
    const vs = versions.get(r.id)!;
    const latest = vs[vs.length - 1]!;
    const signed = [...vs].reverse().find((v) => v.status === 'signed');
    const ended = signed !== undefined && addMonths(signed.startOn, signed.durationMonths) < today;
    const state = !signed ? 'draft' : ended ? 'ended' : latest.status === 'draft' ? 'signedWithDraft' : 'signed';
    const next =
      signed && !ended
        ? nextMoment(
            moments.filter((m) => m.version_id === signed.id).map((m) => m.on_date),
            today,
          )
        : null;
    return { id: r.id, memberId: r.member_id, balanceId: r.balance_id, latest, signed, state, nextEvaluation: next };
  });
}

/**
 * For the caseload: per household, the agreements still asking for work (lopend or bijgestuurd,
 * after evaluations) in the current signed version of each GPMI that has not ended. `shielded`:
 * the households whose sensitive domains this viewer may not see (hidesSensitive). There an
 * agreement on a domain that is sensitive in the source balance's catalogue version is not
 * counted: even a bare count would tell the viewer that hidden work exists or has changed.
 */
export async function openAgreementCounts(
  db: Db,
  scope: OrgScope,
  householdIds: number[],
  today: string,
  shielded: ReadonlySet<number>,
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!householdIds.length) return out;
  const versions = await db
    .selectFrom('gpmi_version as v')
    .innerJoin('gpmi', 'gpmi.id', 'v.gpmi_id')
    .innerJoin('balance', 'balance.id', 'gpmi.balance_id')
    .select(['v.id', 'v.gpmi_id', 'v.number', 'v.start_on', 'v.duration_months', 'gpmi.household_id', 'balance.catalogue_version_id'])
    .where('gpmi.organisation_id', '=', scope.organisationId)
    .where('gpmi.household_id', 'in', visibleHouseholds(db, scope).select('household.id').where('household.id', 'in', householdIds))
    .where('v.status', '=', 'signed')
    .orderBy('v.gpmi_id')
    .orderBy('v.number', 'desc')
    .execute();
  const current = new Map<number, (typeof versions)[number]>();
  for (const v of versions) if (!current.has(v.gpmi_id)) current.set(v.gpmi_id, v);
  const active = [...current.values()].filter((v) => addMonths(v.start_on, v.duration_months) >= today);
  for (const h of householdIds) out.set(h, 0);
  if (!active.length) return out;
  const agreements = await db
    .selectFrom('gpmi_agreement')
    .select(['id', 'version_id', 'status', 'domain_key'])
    .where(
      'version_id',
      'in',
      active.map((v) => v.id),
    )
    .execute();
  const latestEval = agreements.length
    ? await db
        .selectFrom('gpmi_evaluation_item')
        .select(['agreement_id', 'status', 'evaluation_id'])
        .where(
          'agreement_id',
          'in',
          agreements.map((a) => a.id),
        )
        .orderBy('evaluation_id')
        .execute()
    : [];
  const statusOf = new Map<number, AgreementStatus>(agreements.map((a) => [a.id, a.status]));
  for (const e of latestEval) statusOf.set(e.agreement_id, e.status);
  const versionById = new Map(active.map((v) => [v.id, v]));
  for (const a of agreements) {
    if (!(OPEN_STATUSES as readonly string[]).includes(statusOf.get(a.id)!)) continue;
    const v = versionById.get(a.version_id)!;
    const h = v.household_id;
    if (shielded.has(h)) {
      // Unknown domain or catalogue: not counted either, rather than risk counting a hidden one.
      const catalogue = await catalogueOf(db, scope, v.catalogue_version_id);
      const domain = catalogue && findDomain(catalogue, a.domain_key);
      if (!domain || domain.sensitive) continue;
    }
    out.set(h, (out.get(h) ?? 0) + 1);
  }
  return out;
}

// ---------------------------------------------------------------- GPMI: writing

export interface NewGpmi {
  balanceId: number;
  memberId: number | null;
  startOn: string;
  durationMonths: number;
  moments: string[];
}

/** Version 1 as a draft, with one agreement per werkpunt (in priority order). */
export async function createGpmi(trx: Trx, scope: OrgScope, householdId: number, values: NewGpmi, seeds: AgreementSeed[], now: number): Promise<number> {
  const gpmi = await trx
    .insertInto('gpmi')
    .values({
      organisation_id: scope.organisationId,
      household_id: householdId,
      member_id: values.memberId,
      balance_id: values.balanceId,
      created_at: now,
      created_by: scope.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await trx
    .insertInto('gpmi_version')
    .values({
      gpmi_id: gpmi.id,
      number: 1,
      start_on: values.startOn,
      duration_months: values.durationMonths,
      reason: null,
      created_at: now,
      created_by: scope.userId,
      updated_at: now,
      updated_by: scope.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertMoments(trx, version.id, values.moments);
  let position = 0;
  for (const s of seeds) {
    await trx
      .insertInto('gpmi_agreement')
      .values({
        version_id: version.id,
        position: position++,
        subject: s.subject,
        member_id: memberOf(s.subject),
        domain_key: s.domainKey,
        text: s.text,
        long_term_goal: s.longTermGoal,
        short_term_goal: s.shortTermGoal,
        target_score: s.targetScore,
        due_on: null,
      })
      .execute();
  }
  return gpmi.id;
}

function memberOf(subject: string): number | null {
  return subject === 'h' ? null : Number(subject.slice(1));
}

async function insertMoments(db: Db, versionId: number, moments: string[]) {
  if (moments.length)
    await db
      .insertInto('gpmi_moment')
      .values(moments.map((on_date, position) => ({ version_id: versionId, position, on_date })))
      .execute();
}

async function insertItems(db: Db, agreementId: number, lists: { client: string[]; ocmw: string[]; partners: string[] }) {
  const rows = [
    ...lists.client.map((text, position) => ({ agreement_id: agreementId, kind: 'client' as const, position, text })),
    ...lists.ocmw.map((text, position) => ({ agreement_id: agreementId, kind: 'ocmw' as const, position, text })),
    ...lists.partners.map((text, position) => ({ agreement_id: agreementId, kind: 'partner' as const, position, text })),
  ];
  if (rows.length) await db.insertInto('gpmi_agreement_item').values(rows).execute();
}

/**
 * Saves a draft version if nobody saved it since `revision` and it is still a draft. Returns the id
 * of an added agreement, if one was asked for (the page scrolls to it).
 */
export type DraftOutcome =
  | { status: 'saved'; addedId: number | null; signed: boolean }
  | { status: 'conflict' }
  | { status: 'signed' }
  | { status: 'noAgreements' }
  | { status: 'emptyAgreement' };

/**
 * Saves the draft and, with `sign`, marks it signed in the same transaction: what was typed in the
 * form and the signature go together or not at all (a version without agreements, or with one
 * without text, is left exactly as it was). From then on the triggers keep it as it is.
 */
export async function saveDraft(
  trx: Trx,
  versionId: number,
  revision: number,
  values: DraftValues,
  userId: number,
  now: number,
  sign?: { signedOn: string; clientName: string },
): Promise<DraftOutcome> {
  const v = await trx.selectFrom('gpmi_version').select(['status', 'revision']).where('id', '=', versionId).executeTakeFirstOrThrow();
  if (v.status !== 'draft') return { status: 'signed' };
  if (v.revision !== revision) return { status: 'conflict' };
  await trx
    .updateTable('gpmi_version')
    .set({ start_on: values.startOn, duration_months: values.durationMonths, revision: revision + 1, updated_at: now, updated_by: userId })
    .where('id', '=', versionId)
    .execute();
  await trx.deleteFrom('gpmi_moment').where('version_id', '=', versionId).execute();
  await insertMoments(trx, versionId, values.moments);
  for (const a of values.agreements) {
    await trx.deleteFrom('gpmi_agreement_item').where('agreement_id', '=', a.id).execute();
    if (a.remove) {
      await trx.deleteFrom('gpmi_agreement').where('id', '=', a.id).where('version_id', '=', versionId).execute();
      continue;
    }
    await trx
      .updateTable('gpmi_agreement')
      .set({
        text: a.text,
        long_term_goal: a.longTermGoal,
        short_term_goal: a.shortTermGoal,
        target_score: a.targetScore,
        due_on: a.dueOn,
        status: a.status,
      })
      .where('id', '=', a.id)
      .where('version_id', '=', versionId)
      .execute();
    await insertItems(trx, a.id, a);
  }
  let addedId: number | null = null;
  if (values.add) {
    const last = await trx
      .selectFrom('gpmi_agreement')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    const row = await trx
      .insertInto('gpmi_agreement')
      .values({
        version_id: versionId,
        position: (last?.p ?? -1) + 1,
        subject: values.add.subject,
        member_id: memberOf(values.add.subject),
        domain_key: values.add.domainKey,
        text: '',
        target_score: null,
        due_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    addedId = row.id;
  }
  if (sign) {
    // Hidden agreements included: a signed version must not hold an empty one.
    const agreements = await trx.selectFrom('gpmi_agreement').select('text').where('version_id', '=', versionId).execute();
    if (!agreements.length) throw new Rollback<DraftOutcome>({ status: 'noAgreements' });
    if (agreements.some((a) => a.text.trim() === '')) throw new Rollback<DraftOutcome>({ status: 'emptyAgreement' });
    await trx
      .updateTable('gpmi_version')
      .set({
        status: 'signed',
        signed_on: sign.signedOn,
        signed_client_name: sign.clientName,
        signed_by: userId,
        signed_at: now,
        revision: revision + 2,
        updated_at: now,
        updated_by: userId,
      })
      .where('id', '=', versionId)
      .execute();
  }
  return { status: 'saved', addedId, signed: !!sign };
}

/**
 * A change after signing: a new draft version copying the signed one, with every agreement at its
 * current status (after evaluations), and the reason. Refused while a newer draft exists.
 */
export async function createNextVersion(trx: Trx, gpmiId: number, reason: string, userId: number, now: number): Promise<'created' | 'draftExists'> {
  const latest = await trx.selectFrom('gpmi_version').selectAll().where('gpmi_id', '=', gpmiId).orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
  if (latest.status !== 'signed') return 'draftExists';
  const detail = await loadVersion(trx, {
    id: latest.id,
    number: latest.number,
    status: latest.status,
    startOn: latest.start_on,
    durationMonths: latest.duration_months,
    reason: latest.reason,
    revision: latest.revision,
    createdAt: latest.created_at,
    createdByName: null,
    updatedAt: latest.updated_at,
    updatedByName: null,
    signedOn: latest.signed_on,
    signedClientName: latest.signed_client_name,
    signedByName: null,
    signedAt: latest.signed_at,
  });
  const version = await trx
    .insertInto('gpmi_version')
    .values({
      gpmi_id: gpmiId,
      number: latest.number + 1,
      start_on: latest.start_on,
      duration_months: latest.duration_months,
      reason,
      created_at: now,
      created_by: userId,
      updated_at: now,
      updated_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertMoments(trx, version.id, detail.moments);
  for (const a of detail.agreements) {
    const row = await trx
      .insertInto('gpmi_agreement')
      .values({
        version_id: version.id,
        position: a.position,
        subject: a.subject,
        member_id: a.memberId,
        domain_key: a.domainKey,
        text: a.text,
        long_term_goal: a.longTermGoal,
        short_term_goal: a.shortTermGoal,
        target_score: a.targetScore,
        due_on: a.dueOn,
        status: a.currentStatus,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertItems(trx, row.id, a);
  }
  return 'created';
}

export interface EvaluationInput {
  heldOn: string;
  /** A personal conversation or not (the inspection counts those). */
  inPerson: boolean;
  balanceId: number | null;
  items: { agreementId: number; note: string; status: AgreementStatus; shared: boolean }[];
}

export async function recordEvaluation(trx: Trx, gpmiId: number, versionId: number, input: EvaluationInput, userId: number, now: number): Promise<number> {
  const e = await trx
    .insertInto('gpmi_evaluation')
    .values({
      gpmi_id: gpmiId,
      version_id: versionId,
      held_on: input.heldOn,
      in_person: input.inPerson ? 1 : 0,
      balance_id: input.balanceId,
      created_at: now,
      created_by: userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.items.length) {
    await trx
      .insertInto('gpmi_evaluation_item')
      .values(
        input.items.map((i) => ({ evaluation_id: e.id, agreement_id: i.agreementId, note: i.note, status: i.status, shared_with_client: i.shared ? 1 : 0 })),
      )
      .execute();
  }
  return e.id;
}

// ---------------------------------------------------------------- helpers shared by routes and print

/** The balance this GPMI came from, seen as this user may see it (sensitive domains left out when hidden). */
export async function sourceBalance(db: Db, scope: OrgScope, g: GpmiRecord, hideSensitive: boolean): Promise<BalanceDetail | undefined> {
  return findBalance(db, scope, g.householdId, g.balanceId, { hideSensitive });
}

/** The latest finalised balance of the household, as this user may see it. */
export async function latestFinalBalance(db: Db, scope: OrgScope, householdId: number, hideSensitive: boolean): Promise<BalanceDetail | undefined> {
  const latest = (await listBalances(db, scope, householdId)).find((b) => b.status === 'final');
  return latest ? findBalance(db, scope, householdId, latest.id, { hideSensitive }) : undefined;
}

// ---------------------------------------------------------------- the printed GPMI

export interface GpmiPrintPerson {
  memberId: number;
  firstName: string;
  lastName: string;
  birthYear: number;
  role: string;
  adult: boolean;
}

/** Everything a printed GPMI needs, in the user's language, with hidden sensitive agreements left out. */
export interface GpmiPrint {
  organisationName: string;
  householdId: number;
  dossierRef: string | null;
  gpmiId: number;
  /** The adult the GPMI is for, or null: the whole household. */
  person: { memberId: number; firstName: string; lastName: string } | null;
  /** The household members on the source balance (adults and children), in household order. */
  members: GpmiPrintPerson[];
  balance: { id: number; takenOn: string };
  version: {
    number: number;
    status: VersionStatus;
    reason: string | null;
    startOn: string;
    durationMonths: number;
    endsOn: string;
    moments: string[];
    signedOn: string | null;
    signedClientName: string | null;
    signedByName: string | null;
    createdAt: number;
    createdByName: string | null;
  };
  /** How many versions exist (the printed one may be older than the newest). */
  latestVersionNumber: number;
  agreements: {
    id: number;
    domainKey: string;
    domainName: string;
    themeName: string;
    /** 'Huishouden' / the member's full name, in the user's language. */
    subjectLabel: string;
    subject: string;
    text: string;
    longTermGoal: string;
    shortTermGoal: string;
    targetScore: number | null;
    /** The domain's score in the source balance (null: not a score). */
    scoreAtStart: number | null;
    dueOn: string | null;
    status: AgreementStatus;
    currentStatus: AgreementStatus;
    client: string[];
    ocmw: string[];
    partners: string[];
    /** The evaluations of this agreement in this version, oldest first (a note is for the client's copy only when shared). */
    evaluations: { heldOn: string; inPerson: boolean | null; status: AgreementStatus; note: string; shared: boolean; byName: string | null }[];
  }[];
  /** Agreements left out because this user may not see their (sensitive) domain. */
  hiddenAgreements: number;
  locale: Locale;
}

/**
 * Loads one version (default: the newest) of a GPMI for printing or a PDF. Undefined when the
 * household, the GPMI or the version is not visible to this scope (the route answers 404).
 * `hideSensitive` must be decided as for the balance (hidesSensitive in households/sensitive.ts; inside a client file, the context's hideSensitive).
 */
export async function loadGpmiForPrint(
  db: Db,
  scope: OrgScope,
  householdId: number,
  gpmiId: number,
  opts: { version?: number | undefined; locale: Locale; hideSensitive: boolean },
): Promise<GpmiPrint | undefined> {
  const household = await findHousehold(db, scope, householdId);
  if (!household) return undefined;
  const g = await findGpmi(db, scope, householdId, gpmiId);
  if (!g) return undefined;
  const summary = opts.version === undefined ? latestVersion(g) : g.versions.find((v) => v.number === opts.version);
  if (!summary) return undefined;
  const balance = await sourceBalance(db, scope, g, opts.hideSensitive);
  if (!balance) return undefined;
  const version = await loadVersion(db, summary);
  const org = await db.selectFrom('organisation').select('name').where('id', '=', scope.organisationId).executeTakeFirstOrThrow();
  const lang = opts.locale;
  const domains = new Map(balance.catalogue.themes.flatMap((t) => t.domains.map((d) => [d.key, { name: d.name[lang], theme: t.name[lang] }] as const)));
  const subjectLabel = (subject: string) =>
    subject === 'h' ? messagesFor(lang).balances.editor.household : (balance.subjects.find((s) => s.key === subject)?.name ?? '');
  const visible = version.agreements.filter((a) => agreementVisible(balance, a));
  const memberIds = new Set(balance.subjects.filter((s) => s.memberId !== null).map((s) => s.memberId!));
  const person = g.memberId === null ? null : household.members.find((m) => m.id === g.memberId);
  return {
    organisationName: org.name,
    householdId: household.id,
    dossierRef: household.dossierRef,
    gpmiId: g.id,
    person: person ? { memberId: person.id, firstName: person.firstName, lastName: person.lastName } : null,
    members: household.members
      .filter((m) => memberIds.has(m.id))
      .map((m) => ({
        memberId: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        birthYear: m.birthYear,
        role: m.role,
        adult: balance.subjects.find((s) => s.memberId === m.id)?.level === 'volwassene',
      })),
    balance: { id: balance.id, takenOn: balance.takenOn },
    version: {
      number: version.number,
      status: version.status,
      reason: version.reason,
      startOn: version.startOn,
      durationMonths: version.durationMonths,
      endsOn: addMonths(version.startOn, version.durationMonths),
      moments: version.moments,
      signedOn: version.signedOn,
      signedClientName: version.signedClientName,
      signedByName: version.signedByName,
      createdAt: version.createdAt,
      createdByName: version.createdByName,
    },
    latestVersionNumber: latestVersion(g).number,
    agreements: visible.map((a) => ({
      id: a.id,
      domainKey: a.domainKey,
      domainName: domains.get(a.domainKey)?.name ?? a.domainKey,
      themeName: domains.get(a.domainKey)?.theme ?? '',
      subjectLabel: subjectLabel(a.subject),
      subject: a.subject,
      text: a.text,
      longTermGoal: a.longTermGoal,
      shortTermGoal: a.shortTermGoal,
      targetScore: a.targetScore,
      scoreAtStart: scoreIn(balance, a.subject, a.domainKey).score,
      dueOn: a.dueOn,
      status: a.status,
      currentStatus: a.currentStatus,
      client: a.client,
      ocmw: a.ocmw,
      partners: a.partners,
      evaluations: a.evaluations.map((e) => ({ heldOn: e.heldOn, inPerson: e.inPerson, status: e.status, note: e.note, shared: e.shared, byName: e.byName })),
    })),
    hiddenAgreements: version.agreements.length - visible.length,
    locale: lang,
  };
}
