import { Hono, type Context } from 'hono';
import { balanceTrends } from '../balances/queries.js';
import { hidesSensitive } from '../balances/routes.js';
import { listGpmis, openAgreementCounts } from '../gpmi/queries.js';
import { directions as balanceDirections, loadSnapshots } from '../overview/queries.js';
import type { Kysely } from 'kysely';
import type { AppEnv } from '../http/env.js';
import type { Database } from '../db/schema.js';
import { field, readForm, readRevision } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { renderError } from '../http/errors.js';
import { ui } from '../http/ui.js';
import { formatIsoDate } from '../i18n/format.js';
import { audit, type AuditAction } from '../audit/audit.js';
import { markDeniedAudited } from '../audit/denied-client-records.js';
import { denied, requireUser } from '../auth/middleware.js';
import { scope, type OrgScope } from '../auth/scope.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { FieldErrors } from '../../views/components/form.js';
import { CaseloadPage, CaseloadResults, type CaseloadProps } from '../../views/households/CaseloadPage.js';
import { NewHouseholdPage } from '../../views/households/NewHouseholdPage.js';
import { HouseholdPage, type HouseholdPageProps } from '../../views/households/HouseholdPage.js';
import { MemberPage, type MemberPageProps } from '../../views/households/MemberPage.js';
import { ConflictPage, type ConflictRow } from '../../views/households/ConflictPage.js';
import { HouseholdFields, householdLabels, MemberFields, memberLabels } from '../../views/households/fields.js';
import { dossierRefInUse, mayUseCaseload } from './access.js';
import {
  emptyMember,
  isBlankMember,
  memberFormValues,
  memberPrefix,
  parseDeparture,
  parseHousehold,
  parseMember,
  readHouseholdForm,
  readMemberCount,
  readMemberForm,
  MEMBER_FIELDS,
  type HouseholdFormValues,
  type MemberFormValues,
} from './forms.js';
import { currentYear, MAX_NEW_MEMBERS, parseCaseloadQuery, todayIso } from './logic.js';
import { parseId } from '../http/params.js';
import { maskNationalNumber, parseNationalNumber } from './national-number.js';
import {
  addMember,
  caseload,
  createHousehold,
  endMembership,
  findHousehold,
  setHouseholdStatus,
  teamsWithWorkers,
  updateHousehold,
  updateMember,
  type CaseloadRow,
  type Household,
  type Member,
  type MemberValues,
  type TeamWithWorkers,
} from './queries.js';

// The caseload ("Mijn dossiers") and the household dossier. Who may do what is decided in
// access.ts (docs/permissions-households.md); every query goes through its visibleHouseholds().
// Rules of thumb here: a household or member the user may not see is a 404 (never a 403, which
// would confirm it exists); a form that fails validation comes back as 422 with what was typed;
// a save on a stale revision or a closed dossier is a 409 that shows what was typed; success is a
// 303 (redirectAfterPost).

export const householdRoutes = new Hono<AppEnv>();
// '/households/*' also matches '/households' itself in Hono.
householdRoutes.use('/households/*', requireUser);

type Db = Kysely<Database>;

async function record(c: Context<AppEnv>, action: AuditAction, targetType: string, targetId?: number | string, outcome?: 'success' | 'denied') {
  const s = scope(c);
  const { db, now } = c.get('deps');
  if (action === 'access.denied') markDeniedAudited(c);
  await audit(db, now(), { organisationId: s.organisationId, actorUserId: s.userId, action, targetType, targetId, requestId: c.get('requestId'), outcome });
}

/**
 * The same 404 for "does not exist", "another organisation", "another team" and "beheerder
 * without a team". The attempt is logged (the id only), so probing for other teams' files shows up.
 */
async function notVisible(c: Context<AppEnv>, targetType: 'household' | 'household_member', rawId: string | undefined) {
  const id = parseId(rawId);
  await record(c, 'access.denied', targetType, id ?? undefined, 'denied');
  return renderError(c, 'notFound');
}

// ---------------------------------------------------------------- caseload

/**
 * BALANCE: the balance feature fills lastBalanceAt / direction / openAgreements here (one query
 * for the page's household ids) and returns balanceColumns: true. Until then: nothing, on purpose.
 */
async function enrichCaseloadRows(
  db: Db,
  s: OrgScope,
  user: CurrentUser,
  rows: CaseloadRow[],
  today: string,
): Promise<{ rows: CaseloadRow[]; balanceColumns: boolean }> {
  // Households whose sensitive domains this viewer may not see: left out of the direction and the count too.
  const shielded = new Set(rows.filter((r) => hidesSensitive(user, r)).map((r) => r.id));
  const trends = await balanceTrends(
    db,
    s,
    rows.map((r) => r.id),
    shielded,
  );
  // GPMI (src/gpmi): agreements still lopend/bijgestuurd in the current signed version of active GPMIs.
  const open = await openAgreementCounts(
    db,
    s,
    rows.map((r) => r.id),
    today,
    shielded,
  );
  return {
    rows: rows.map((r) => ({
      ...r,
      lastBalanceAt: trends.get(r.id)?.lastTakenAt ?? null,
      direction: trends.get(r.id)?.direction ?? null,
      openAgreements: open.get(r.id) ?? 0,
    })),
    balanceColumns: true,
  };
}

/** "Mijn dossiers": GET / for users with a team (src/home/routes.tsx) and GET /households. */
export async function showCaseload(c: Context<AppEnv>, basePath: '/' | '/households') {
  const s = scope(c);
  const { db } = c.get('deps');
  const filters = parseCaseloadQuery(c.req.query(), s.teamIds);
  const [teams, result] = await Promise.all([teamsWithWorkers(db, s), caseload(db, s, filters, todayIso(c.get('deps').now()))]);
  const enriched = await enrichCaseloadRows(db, s, c.get('user')!, result.rows, todayIso(c.get('deps').now()));
  // Which lists someone looked at, not what they searched for (the search text may be a name).
  await record(c, 'caseload.viewed', 'caseload');
  const props: CaseloadProps = { ui: ui(c), basePath, filters, teams, result: { ...result, rows: enriched.rows }, balanceColumns: enriched.balanceColumns };
  return render(c, () => <CaseloadPage {...props} />, { fragment: () => <CaseloadResults {...props} /> });
}

householdRoutes.get('/households', async (c) => {
  if (!mayUseCaseload(scope(c))) return denied(c);
  return showCaseload(c, '/households');
});

// ---------------------------------------------------------------- new household

function newHouseholdPage(
  c: Context<AppEnv>,
  teams: TeamWithWorkers[],
  household: HouseholdFormValues,
  members: MemberFormValues[],
  opts: { errors?: FieldErrors; focusRow?: number; status?: 200 | 422 } = {},
) {
  return render(c, () => <NewHouseholdPage ui={ui(c)} teams={teams} household={household} members={members} errors={opts.errors} focusRow={opts.focusRow} />, {
    status: opts.status ?? 200,
  });
}

householdRoutes.get('/households/new', async (c) => {
  const s = scope(c);
  if (!mayUseCaseload(s)) return denied(c);
  const teams = await teamsWithWorkers(c.get('deps').db, s);
  // One team: it is preselected, and so is the user as the worker when they can be assigned there.
  const only = teams.length === 1 ? teams[0]! : undefined;
  const household = {
    team: only ? String(only.id) : '',
    worker: only?.workers.some((w) => w.id === s.userId) ? String(s.userId) : '',
    dossier_ref: '',
  };
  return newHouseholdPage(c, teams, household, [emptyMember('aanvrager')]);
});

householdRoutes.post('/households/new', async (c) => {
  const s = scope(c);
  if (!mayUseCaseload(s)) return denied(c);
  const deps = c.get('deps');
  const t = c.get('t');
  const fields = await readForm(c);
  const teams = await teamsWithWorkers(deps.db, s);
  const count = readMemberCount(fields);
  const household = readHouseholdForm(fields);
  const members = Array.from({ length: count }, (_, i) => readMemberForm(fields, memberPrefix(i)));

  if (field(fields, 'action') === 'add_row') {
    if (count >= MAX_NEW_MEMBERS) return newHouseholdPage(c, teams, household, members);
    return newHouseholdPage(c, teams, household, [...members, emptyMember()], { focusRow: count });
  }

  const now = deps.now();
  const hp = parseHousehold(t, household, teams);
  const errors: FieldErrors = hp.ok ? {} : { ...hp.errors };
  // Rows left empty are skipped; with every row empty, the first one says what is missing.
  const filled = members.map((m, i) => ({ m, i })).filter((x) => !isBlankMember(x.m));
  const rows = filled.length ? filled : [{ m: members[0]!, i: 0 }];
  const valid: MemberValues[] = [];
  for (const { m, i } of rows) {
    const r = parseMember(t, now, m, memberPrefix(i));
    if (r.ok) valid.push(r.values);
    else Object.assign(errors, r.errors);
  }
  if (hp.ok && hp.values.dossierRef && (await dossierRefInUse(deps.db, s, hp.values.dossierRef))) errors.dossier_ref = t.households.errors.dossierRefTaken;
  if (!hp.ok || Object.values(errors).some(Boolean)) return newHouseholdPage(c, teams, household, members, { errors, status: 422 });

  let id: number;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const created = await createHousehold(trx, s, hp.values, valid, todayIso(now), now);
      await audit(trx, now, {
        organisationId: s.organisationId,
        actorUserId: s.userId,
        action: 'household.created',
        targetType: 'household',
        targetId: created,
        requestId: c.get('requestId'),
      });
      return created;
    });
  } catch (err) {
    // Two people saving the same new number at once: the unique constraint decides, the user gets words.
    if (hp.values.dossierRef && (await dossierRefInUse(deps.db, s, hp.values.dossierRef))) {
      return newHouseholdPage(c, teams, household, members, { errors: { dossier_ref: t.households.errors.dossierRefTaken }, status: 422 });
    }
    throw err;
  }
  return redirectAfterPost(c, `/households/${id}?saved=created`);
});

// ---------------------------------------------------------------- the dossier

async function loadHousehold(c: Context<AppEnv>): Promise<Household | undefined> {
  const id = parseId(c.req.param('id'));
  return id === null ? undefined : findHousehold(c.get('deps').db, scope(c), id);
}

async function householdPage(
  c: Context<AppEnv>,
  h: Household,
  opts: { notice?: string | undefined; failed?: HouseholdPageProps['failed']; status?: 200 | 422 } = {},
) {
  const deps = c.get('deps');
  // The balances with, per finalised one, the direction since the one before (only domains this user may see count).
  const [teams, history] = await Promise.all([
    teamsWithWorkers(deps.db, scope(c)),
    loadSnapshots(deps.db, scope(c), h.id, { hideSensitive: hidesSensitive(c.get('user')!, h), finalOnly: true }),
  ]);
  const gpmis = await listGpmis(deps.db, scope(c), h.id, todayIso(deps.now()));
  const props: HouseholdPageProps = {
    ui: ui(c),
    household: h,
    teams,
    balances: history.all,
    directions: balanceDirections(history.snapshots),
    gpmis,
    year: currentYear(deps.now()),
    notice: opts.notice,
    failed: opts.failed,
  };
  return render(c, () => <HouseholdPage {...props} />, { status: opts.status ?? 200 });
}

householdRoutes.get('/households/:id', async (c) => {
  const h = await loadHousehold(c);
  if (!h) return notVisible(c, 'household', c.req.param('id'));
  await record(c, 'household.viewed', 'household', h.id);
  const saved = c.get('t').households.dossier.saved as Record<string, string>;
  return householdPage(c, h, { notice: saved[c.req.query('saved') ?? ''] });
});

/** Rows of what the user typed, for the "dossier was closed meanwhile" page (nothing typed is lost). */
function typedRows(labels: Record<string, string>, typed: Record<string, string>): ConflictRow[] {
  return Object.entries(labels)
    .filter(([k]) => (typed[k] ?? '').trim() !== '')
    .map(([k, label]) => ({ label, theirs: '', yours: typed[k]! }));
}

function closedPage(c: Context<AppEnv>, h: Household, rows: ConflictRow[]) {
  return render(c, () => <ConflictPage ui={ui(c)} household={h} mode="closed" rows={rows} keepHref={`/households/${h.id}`} />, { status: 409 });
}

function teamName(teams: TeamWithWorkers[], id: string, fallback: string) {
  return teams.find((t) => String(t.id) === id)?.name ?? fallback;
}
function workerName(teams: TeamWithWorkers[], id: string, fallback: string) {
  for (const t of teams) for (const w of t.workers) if (String(w.id) === id) return w.name;
  return fallback;
}

householdRoutes.post('/households/:id', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const h = await loadHousehold(c);
  if (!h) return notVisible(c, 'household', c.req.param('id'));
  const fields = await readForm(c);
  const revision = readRevision(fields);
  const typed = readHouseholdForm(fields);
  const teams = await teamsWithWorkers(deps.db, s);
  const u = ui(c);
  const show = (values: HouseholdFormValues) => ({
    team: teamName(teams, values.team, values.team),
    worker:
      values.worker === ''
        ? t.households.fields.workerNone
        : workerName(teams, values.worker, values.worker === String(h.assignedUserId) ? (h.assignedName ?? '') : values.worker),
    dossier_ref: values.dossier_ref.trim(),
  });
  if (h.status === 'closed') return closedPage(c, h, typedRows(householdLabels(u), show(typed)));

  const hp = parseHousehold(t, typed, teams, { teamId: h.teamId, workerId: h.assignedUserId });
  const errors: FieldErrors = hp.ok ? {} : hp.errors;
  if (hp.ok && hp.values.dossierRef && (await dossierRefInUse(deps.db, s, hp.values.dossierRef, h.id)))
    errors.dossier_ref = t.households.errors.dossierRefTaken;
  // The form comes back with the revision it was loaded with, so fixing a typo cannot skip a conflict.
  const again = (errs: FieldErrors) => householdPage(c, { ...h, revision }, { failed: { form: 'details', values: typed, errors: errs }, status: 422 });
  if (!hp.ok || Object.values(errors).some(Boolean)) return again(errors);

  const now = deps.now();
  let result;
  try {
    result = await deps.db.transaction().execute(async (trx) => {
      const r = await updateHousehold(trx, s, h.id, revision, hp.values, now);
      if (r.status === 'saved')
        await audit(trx, now, {
          organisationId: s.organisationId,
          actorUserId: s.userId,
          action: 'household.updated',
          targetType: 'household',
          targetId: h.id,
          requestId: c.get('requestId'),
        });
      return r;
    });
  } catch (err) {
    if (hp.values.dossierRef && (await dossierRefInUse(deps.db, s, hp.values.dossierRef, h.id)))
      return again({ dossier_ref: t.households.errors.dossierRefTaken });
    throw err;
  }
  if (result.status === 'notFound') return notVisible(c, 'household', c.req.param('id'));
  if (result.status === 'closed') return closedPage(c, result.current, typedRows(householdLabels(u), show(typed)));
  if (result.status === 'conflict') {
    const cur = result.current;
    const theirs = { team: cur.teamName, worker: cur.assignedName ?? t.households.fields.workerNone, dossier_ref: cur.dossierRef ?? '' };
    const mine = show(typed);
    const labels = householdLabels(u);
    const rows = (Object.keys(labels) as (keyof typeof mine)[])
      .filter((k) => theirs[k] !== mine[k])
      .map((k) => ({ label: labels[k]!, theirs: theirs[k], yours: mine[k] }));
    return render(
      c,
      () => (
        <ConflictPage
          ui={u}
          household={cur}
          mode="conflict"
          rows={rows}
          savedBy={{ name: cur.updatedByName, at: cur.updatedAt }}
          keepHref={`/households/${cur.id}`}
        >
          <form method="post" action={`/households/${cur.id}`} novalidate>
            <input type="hidden" name="revision" value={String(cur.revision)} />
            <HouseholdFields
              ui={u}
              teams={teams}
              values={typed}
              errors={{}}
              currentWorker={cur.assignedUserId !== null ? { id: cur.assignedUserId, name: cur.assignedName ?? '', teamId: cur.teamId } : null}
            />
            <button type="submit" class="button">
              {t.households.conflict.saveMine}
            </button>
          </form>
        </ConflictPage>
      ),
      { status: 409 },
    );
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=details`);
});

householdRoutes.post('/households/:id/closure', (c) => changeStatus(c, 'closed'));
householdRoutes.post('/households/:id/reopening', (c) => changeStatus(c, 'active'));

async function changeStatus(c: Context<AppEnv>, status: 'closed' | 'active') {
  const deps = c.get('deps');
  const s = scope(c);
  const h = await loadHousehold(c);
  if (!h) return notVisible(c, 'household', c.req.param('id'));
  const now = deps.now();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const r = await setHouseholdStatus(trx, s, h.id, status, now);
    if (r === 'saved') {
      await audit(trx, now, {
        organisationId: s.organisationId,
        actorUserId: s.userId,
        action: status === 'closed' ? 'household.closed' : 'household.reopened',
        targetType: 'household',
        targetId: h.id,
        requestId: c.get('requestId'),
      });
    }
    return r;
  });
  if (outcome === 'notFound') return notVisible(c, 'household', c.req.param('id'));
  // Closing an already closed dossier is not an error: the result the user wanted is there.
  return redirectAfterPost(c, `/households/${h.id}?saved=${status === 'closed' ? 'closed' : 'reopened'}`);
}

// ---------------------------------------------------------------- members

/** What a member's fields say, as a person reads them (the conflict and "closed" tables). */
function showMember(c: Context<AppEnv>, v: MemberFormValues): Record<string, string> {
  const h = c.get('t').households;
  const nn = v.national_number.trim() ? parseNationalNumber(v.national_number) : null;
  return {
    first_name: v.first_name.trim(),
    last_name: v.last_name.trim(),
    birth_year: v.birth_year.trim(),
    birth_date: v.birth_date.trim(),
    role: (h.roles as Record<string, string>)[v.role] ?? v.role,
    adult: { auto: h.fields.adultAuto, adult: h.fields.adultYes, child: h.fields.adultNo }[v.adult] ?? v.adult,
    // Masked in tables like everywhere else; the full number stays in the form's own field.
    national_number: nn?.ok ? maskNationalNumber(nn.value.digits) : v.national_number.trim() ? '…' : '',
  };
}

/** The stored member as the form would show it, with the birth date as dd/mm/jjjj. */
function storedMemberForm(m: Member): MemberFormValues {
  const v = memberFormValues(m);
  return { ...v, birth_date: m.birthDate ? formatIsoDate(m.birthDate) : '' };
}

householdRoutes.post('/households/:id/members', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const h = await loadHousehold(c);
  if (!h) return notVisible(c, 'household', c.req.param('id'));
  const fields = await readForm(c);
  const typed = readMemberForm(fields);
  if (h.status === 'closed') return closedPage(c, h, typedRows(memberLabels(ui(c)), showMember(c, typed)));
  const now = deps.now();
  const parsed = parseMember(t, now, typed);
  if (!parsed.ok) return householdPage(c, h, { failed: { form: 'member', values: typed, errors: parsed.errors }, status: 422 });
  const result = await deps.db.transaction().execute(async (trx) => {
    const r = await addMember(trx, s, h.id, parsed.values, todayIso(now), now);
    if (r.status === 'added')
      await audit(trx, now, {
        organisationId: s.organisationId,
        actorUserId: s.userId,
        action: 'household_member.added',
        targetType: 'household_member',
        targetId: r.memberId,
        requestId: c.get('requestId'),
      });
    return r;
  });
  if (result.status === 'notFound') return notVisible(c, 'household', c.req.param('id'));
  if (result.status === 'closed') return closedPage(c, result.current, typedRows(memberLabels(ui(c)), showMember(c, typed)));
  return redirectAfterPost(c, `/households/${h.id}?saved=added`);
});

/** The household and the member named in the path; a member of another household is not found. */
async function loadMember(c: Context<AppEnv>): Promise<{ h: Household; m: Member } | undefined> {
  const h = await loadHousehold(c);
  const memberId = parseId(c.req.param('memberId'));
  const m = h?.members.find((x) => x.id === memberId);
  return h && m ? { h, m } : undefined;
}

function memberPage(
  c: Context<AppEnv>,
  h: Household,
  m: Member,
  opts: Partial<Pick<MemberPageProps, 'values' | 'errors' | 'departure'>> & { status?: 200 | 422 } = {},
) {
  const now = c.get('deps').now();
  const props: MemberPageProps = {
    ui: ui(c),
    household: h,
    member: m,
    year: currentYear(now),
    today: formatIsoDate(todayIso(now)),
    values: opts.values ?? storedMemberForm(m),
    errors: opts.errors,
    departure: opts.departure,
  };
  return render(c, () => <MemberPage {...props} />, { status: opts.status ?? 200 });
}

householdRoutes.get('/households/:id/members/:memberId', async (c) => {
  const found = await loadMember(c);
  if (!found) return notVisible(c, 'household_member', c.req.param('memberId'));
  // This page shows the full national register number (in its edit field): its own audit action.
  await record(c, 'household_member.viewed', 'household_member', found.m.id);
  return memberPage(c, found.h, found.m);
});

householdRoutes.post('/households/:id/members/:memberId', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const found = await loadMember(c);
  if (!found) return notVisible(c, 'household_member', c.req.param('memberId'));
  const { h, m } = found;
  const fields = await readForm(c);
  const revision = readRevision(fields);
  const typed = readMemberForm(fields);
  const u = ui(c);
  if (h.status === 'closed') return closedPage(c, h, typedRows(memberLabels(u), showMember(c, typed)));
  const now = deps.now();
  const parsed = parseMember(t, now, typed);
  if (!parsed.ok) return memberPage(c, h, { ...m, revision }, { values: typed, errors: parsed.errors, status: 422 });
  const result = await deps.db.transaction().execute(async (trx) => {
    const r = await updateMember(trx, s, h.id, m.id, revision, parsed.values, now);
    if (r.status === 'saved')
      await audit(trx, now, {
        organisationId: s.organisationId,
        actorUserId: s.userId,
        action: 'household_member.updated',
        targetType: 'household_member',
        targetId: m.id,
        requestId: c.get('requestId'),
      });
    return r;
  });
  if (result.status === 'notFound') return notVisible(c, 'household_member', c.req.param('memberId'));
  if (result.status === 'closed') return closedPage(c, result.current, typedRows(memberLabels(u), showMember(c, typed)));
  if (result.status === 'conflict') {
    const cur = result.current;
    const curMember = cur.members.find((x) => x.id === m.id)!;
    const theirs = showMember(c, storedMemberForm(curMember));
    const mine = showMember(c, typed);
    const theirsDigits = curMember.nationalNumber ?? '';
    const mineDigits = parsed.values.nationalNumber ?? '';
    const labels = memberLabels(u);
    const differs = (k: string) =>
      k === 'national_number'
        ? theirsDigits !== mineDigits
        : k === 'birth_date'
          ? (curMember.birthDate ?? '') !== (parsed.values.birthDate ?? '')
          : k === 'birth_year'
            ? curMember.birthYear !== parsed.values.birthYear
            : theirs[k] !== mine[k];
    const rows = MEMBER_FIELDS.filter(differs).map((k) => ({ label: labels[k]!, theirs: theirs[k]!, yours: mine[k]! }));
    return render(
      c,
      () => (
        <ConflictPage
          ui={u}
          household={cur}
          mode="conflict"
          rows={rows}
          savedBy={{ name: curMember.updatedByName, at: curMember.updatedAt }}
          keepHref={`/households/${cur.id}/members/${m.id}`}
        >
          <form method="post" action={`/households/${cur.id}/members/${m.id}`} novalidate>
            <input type="hidden" name="revision" value={String(curMember.revision)} />
            <MemberFields ui={u} values={typed} errors={{}} />
            <button type="submit" class="button">
              {t.households.conflict.saveMine}
            </button>
          </form>
        </ConflictPage>
      ),
      { status: 409 },
    );
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=member`);
});

householdRoutes.post('/households/:id/members/:memberId/departure', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const found = await loadMember(c);
  if (!found) return notVisible(c, 'household_member', c.req.param('memberId'));
  const { h, m } = found;
  const fields = await readForm(c);
  const revision = readRevision(fields);
  const typed = field(fields, 'left_on');
  const u = ui(c);
  const labels = { left_on: t.households.fields.leftOn };
  if (h.status === 'closed') return closedPage(c, h, typedRows(labels, { left_on: typed }));
  const now = deps.now();
  const parsed = parseDeparture(t, now, typed, m.joinedOn);
  if (!parsed.ok) return memberPage(c, h, { ...m, revision }, { departure: { value: typed, errors: parsed.errors }, status: 422 });
  const result = await deps.db.transaction().execute(async (trx) => {
    const r = await endMembership(trx, s, h.id, m.id, revision, parsed.day, now);
    if (r.status === 'saved')
      await audit(trx, now, {
        organisationId: s.organisationId,
        actorUserId: s.userId,
        action: 'household_member.departed',
        targetType: 'household_member',
        targetId: m.id,
        requestId: c.get('requestId'),
      });
    return r;
  });
  if (result.status === 'notFound') return notVisible(c, 'household_member', c.req.param('memberId'));
  if (result.status === 'closed') return closedPage(c, result.current, typedRows(labels, { left_on: typed }));
  if (result.status === 'conflict') {
    const cur = result.current;
    const curMember = cur.members.find((x) => x.id === m.id)!;
    const rows = [
      {
        label: labels.left_on,
        theirs: curMember.leftOn ? formatIsoDate(curMember.leftOn) : t.households.conflict.notDeparted,
        yours: formatIsoDate(parsed.day),
      },
    ];
    return render(
      c,
      () => (
        <ConflictPage
          ui={u}
          household={cur}
          mode="conflict"
          rows={rows}
          savedBy={{ name: curMember.updatedByName, at: curMember.updatedAt }}
          keepHref={`/households/${cur.id}/members/${m.id}`}
        >
          <form method="post" action={`/households/${cur.id}/members/${m.id}/departure`} novalidate>
            <input type="hidden" name="revision" value={String(curMember.revision)} />
            <div class="field">
              <label for="field-left_on">{labels.left_on}</label>
              <input type="text" id="field-left_on" name="left_on" value={typed} maxlength={10} autocomplete="off" required />
            </div>
            <button type="submit" class="button">
              {t.households.conflict.saveMine}
            </button>
          </form>
        </ConflictPage>
      ),
      { status: 409 },
    );
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=departed`);
});
