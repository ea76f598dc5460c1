import { Hono, type Context } from 'hono';
import { listGpmis } from '../gpmi/queries.js';
import { loadSnapshots } from '../overview/queries.js';
import { directions as balanceDirections } from '../overview/model.js';
import { readForm, readRevision, field } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { formatIsoDate } from '../i18n/format.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import type { FieldErrors } from '../../views/components/form.js';
import { HouseholdPage, type HouseholdPageProps } from '../../views/households/HouseholdPage.js';
import { MemberPage, type MemberPageProps } from '../../views/households/MemberPage.js';
import { ConflictPage } from '../../views/households/ConflictPage.js';
import { householdConflictRows, shownHousehold, typedRows, type ConflictRow } from './conflict-rows.js';
import { householdLabels, memberLabels } from '../../views/households/fields.js';
import { DepartureConflictPage, HouseholdConflictPage, MemberConflictPage } from '../../views/households/SaveConflictPages.js';
import { dossierRefInUse } from './access.js';
import type { HouseholdEnv } from './scoped.js';
import {
  memberFormValues,
  parseDeparture,
  parseHousehold,
  parseMember,
  readHouseholdForm,
  readMemberForm,
  MEMBER_FIELDS,
  type HouseholdFormValues,
  type MemberFormValues,
} from './forms.js';
import { currentYear, todayIso } from './logic.js';
import { parseId } from '../http/params.js';
import { maskNationalNumber, parseNationalNumber } from './national-number.js';
import {
  addMember,
  endMembership,
  setHouseholdStatus,
  teamsWithWorkers,
  updateHousehold,
  updateMember,
  type Household,
  type HouseholdValues,
  type Member,
  type TeamWithWorkers,
} from './queries.js';

// One household's dossier and its members, mounted at /households/:householdId. The household is
// already found in the caller's scope (households/scoped.ts): a household or member the caller may
// not see is a 404 there, audited once. Rules of thumb: a form that fails validation comes back as
// 422 with what was typed; a save on a stale revision or a closed dossier is a 409 that shows what
// was typed; success is a 303 (redirectAfterPost).

export const dossierRoutes = new Hono<HouseholdEnv>();

// ---------------------------------------------------------------- the dossier

async function householdPage(
  c: Context<HouseholdEnv>,
  h: Household,
  opts: { notice?: string | undefined; failed?: HouseholdPageProps['failed']; status?: 200 | 422 } = {},
) {
  const deps = c.get('deps');
  // The balances with, per finalised one, the direction since the one before (only domains this user may see count).
  const [teams, history] = await Promise.all([
    teamsWithWorkers(deps.db, scope(c)),
    loadSnapshots(deps.db, scope(c), h.id, { hideSensitive: c.get('hideSensitive'), finalOnly: true }),
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

dossierRoutes.get('/', async (c) => {
  const h = c.get('household');
  await auditEvent(c, 'household.viewed', { type: 'household', id: h.id });
  const saved = c.get('t').households.dossier.saved as Record<string, string>;
  return householdPage(c, h, { notice: saved[c.req.query('saved') ?? ''] });
});

function closedPage(c: Context<HouseholdEnv>, h: Household, rows: ConflictRow[]) {
  return render(c, () => <ConflictPage ui={ui(c)} household={h} mode="closed" rows={rows} keepHref={`/households/${h.id}`} />, { status: 409 });
}

/** The household's details (team, worker, dossier number), refused as 422 with what was typed. */
async function householdDetailsErrors(c: Context<HouseholdEnv>, typed: HouseholdFormValues, teams: TeamWithWorkers[]) {
  const h = c.get('household');
  const t = c.get('t');
  const hp = parseHousehold(t, typed, teams, { teamId: h.teamId, workerId: h.assignedUserId });
  if (!hp.ok) return { errors: hp.errors };
  if (hp.values.dossierRef && (await dossierRefInUse(c.get('deps').db, scope(c), hp.values.dossierRef, h.id)))
    return { errors: { dossier_ref: t.households.errors.dossierRefTaken } as FieldErrors };
  return { values: hp.values };
}

/** Saves the details with their audit row; two people saving the same new number at once: the unique constraint decides. */
async function saveHouseholdDetails(c: Context<HouseholdEnv>, revision: number, values: HouseholdValues) {
  const { db, now } = c.get('deps');
  const h = c.get('household');
  try {
    return await inTransaction(db, async (trx) => {
      const r = await updateHousehold(trx, scope(c), h.id, revision, values, now());
      if (r.status === 'saved') await auditChange(c, trx, 'household.updated', { type: 'household', id: h.id });
      return r;
    });
  } catch (err) {
    if (values.dossierRef && (await dossierRefInUse(db, scope(c), values.dossierRef, h.id))) return { status: 'dossierRefTaken' as const };
    throw err;
  }
}

dossierRoutes.post('/', async (c) => {
  const h = c.get('household');
  const t = c.get('t');
  const u = ui(c);
  const fields = await readForm(c);
  const revision = readRevision(fields);
  const typed = readHouseholdForm(fields);
  const teams = await teamsWithWorkers(c.get('deps').db, scope(c));
  const closed = (current: Household) => closedPage(c, current, typedRows(householdLabels(u), shownHousehold(t, teams, h, typed)));
  // The form comes back with the revision it was loaded with, so fixing a typo cannot skip a conflict.
  const again = (errors: FieldErrors) => householdPage(c, { ...h, revision }, { failed: { form: 'details', values: typed, errors }, status: 422 });
  if (h.status === 'closed') return closed(h);
  const checked = await householdDetailsErrors(c, typed, teams);
  if (!checked.values) return again(checked.errors);

  const result = await saveHouseholdDetails(c, revision, checked.values);
  if (result.status === 'dossierRefTaken') return again({ dossier_ref: t.households.errors.dossierRefTaken });
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'closed') return closed(result.current);
  if (result.status === 'conflict') {
    const rows = householdConflictRows(t, householdLabels(u), result.current, shownHousehold(t, teams, h, typed));
    return render(c, () => <HouseholdConflictPage ui={u} current={result.current} teams={teams} typed={typed} rows={rows} />, { status: 409 });
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=details`);
});

dossierRoutes.post('/closure', (c) => changeStatus(c, 'closed'));
dossierRoutes.post('/reopening', (c) => changeStatus(c, 'active'));

async function changeStatus(c: Context<HouseholdEnv>, status: 'closed' | 'active') {
  const deps = c.get('deps');
  const s = scope(c);
  const h = c.get('household');
  const now = deps.now();
  const outcome = await inTransaction(deps.db, async (trx) => {
    const r = await setHouseholdStatus(trx, s, h.id, status, now);
    if (r === 'saved') {
      await auditChange(c, trx, status === 'closed' ? 'household.closed' : 'household.reopened', { type: 'household', id: h.id });
    }
    return r;
  });
  if (outcome === 'notFound') return c.notFound();
  // Closing an already closed dossier is not an error: the result the user wanted is there.
  return redirectAfterPost(c, `/households/${h.id}?saved=${status === 'closed' ? 'closed' : 'reopened'}`);
}

// ---------------------------------------------------------------- members

/** What a member's fields say, as a person reads them (the conflict and "closed" tables). */
function showMember(c: Context<HouseholdEnv>, v: MemberFormValues): Record<string, string> {
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

dossierRoutes.post('/members', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const h = c.get('household');
  const fields = await readForm(c);
  const typed = readMemberForm(fields);
  if (h.status === 'closed') return closedPage(c, h, typedRows(memberLabels(ui(c)), showMember(c, typed)));
  const now = deps.now();
  const parsed = parseMember(t, now, typed);
  if (!parsed.ok) return householdPage(c, h, { failed: { form: 'member', values: typed, errors: parsed.errors }, status: 422 });
  const result = await inTransaction(deps.db, async (trx) => {
    const r = await addMember(trx, s, h.id, parsed.values, todayIso(now), now);
    if (r.status === 'added') await auditChange(c, trx, 'household_member.added', { type: 'household_member', id: r.memberId });
    return r;
  });
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'closed') return closedPage(c, result.current, typedRows(memberLabels(ui(c)), showMember(c, typed)));
  return redirectAfterPost(c, `/households/${h.id}?saved=added`);
});

/** The household and the member named in the path; a member of another household is not found. */
function loadMember(c: Context<HouseholdEnv>): { h: Household; m: Member } | undefined {
  const h = c.get('household');
  const memberId = parseId(c.req.param('memberId'));
  const m = h.members.find((x) => x.id === memberId);
  return m ? { h, m } : undefined;
}

function memberPage(
  c: Context<HouseholdEnv>,
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

dossierRoutes.get('/members/:memberId', async (c) => {
  const found = loadMember(c);
  if (!found) return c.notFound();
  // This page shows the full national register number (in its edit field): its own audit action.
  await auditEvent(c, 'household_member.viewed', { type: 'household_member', id: found.m.id });
  return memberPage(c, found.h, found.m);
});

dossierRoutes.post('/members/:memberId', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const found = loadMember(c);
  if (!found) return c.notFound();
  const { h, m } = found;
  const fields = await readForm(c);
  const revision = readRevision(fields);
  const typed = readMemberForm(fields);
  const u = ui(c);
  if (h.status === 'closed') return closedPage(c, h, typedRows(memberLabels(u), showMember(c, typed)));
  const now = deps.now();
  const parsed = parseMember(t, now, typed);
  if (!parsed.ok) return memberPage(c, h, { ...m, revision }, { values: typed, errors: parsed.errors, status: 422 });
  const result = await inTransaction(deps.db, async (trx) => {
    const r = await updateMember(trx, s, h.id, m.id, revision, parsed.values, now);
    if (r.status === 'saved') await auditChange(c, trx, 'household_member.updated', { type: 'household_member', id: m.id });
    return r;
  });
  if (result.status === 'notFound') return c.notFound();
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
    return render(c, () => <MemberConflictPage ui={u} current={cur} member={curMember} typed={typed} rows={rows} />, { status: 409 });
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=member`);
});

dossierRoutes.post('/members/:memberId/departure', async (c) => {
  const deps = c.get('deps');
  const t = c.get('t');
  const s = scope(c);
  const found = loadMember(c);
  if (!found) return c.notFound();
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
  const result = await inTransaction(deps.db, async (trx) => {
    const r = await endMembership(trx, s, h.id, m.id, revision, parsed.day, now);
    if (r.status === 'saved') await auditChange(c, trx, 'household_member.departed', { type: 'household_member', id: m.id });
    return r;
  });
  if (result.status === 'notFound') return c.notFound();
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
    return render(c, () => <DepartureConflictPage ui={u} current={cur} member={curMember} typed={typed} rows={rows} />, { status: 409 });
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=departed`);
});
