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
import { inTransaction, type Trx } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import { HouseholdPage, type HouseholdPageProps } from '../../views/households/HouseholdPage.js';
import { MemberPage, type MemberPageProps } from '../../views/households/MemberPage.js';
import { ConflictPage } from '../../views/households/ConflictPage.js';
import { departureConflictRows, householdConflictRows, memberConflictRows, shownHousehold, shownMember, typedRows, type ConflictRow } from './conflict-rows.js';
import { householdLabels, memberLabels } from '../../views/households/fields.js';
import { DepartureConflictPage, HouseholdConflictPage, MemberConflictPage } from '../../views/households/SaveConflictPages.js';
import { dossierRefInUse } from './access.js';
import type { HouseholdEnv } from './scoped.js';
import {
  earliestJoinedOn,
  latestJoinedOn,
  memberFormValues,
  parseDeparture,
  parseHousehold,
  parseMember,
  readHouseholdForm,
  readMemberForm,
  type HouseholdErrors,
  type HouseholdFormValues,
  type JoinedBounds,
  type MemberFormValues,
} from './forms.js';
import type { DateRange } from '../../views/components/form.js';
import { currentYear, todayIso } from './logic.js';
import { parseId } from '../http/params.js';
import { addMember, endMembership, firstBalanceOfMember, setHouseholdStatus, teamsWithWorkers, updateHousehold, updateMember } from './queries.js';
import type { Household, HouseholdValues, Member, TeamWithWorkers } from './model.js';

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
  const hp = parseHousehold(typed, teams, { teamId: h.teamId, workerId: h.assignedUserId });
  if (!hp.ok) return { errors: hp.errors };
  if (hp.values.dossierRef && (await dossierRefInUse(c.get('deps').db, scope(c), hp.values.dossierRef, h.id)))
    return { errors: { dossier_ref: 'dossierRefTaken' } as HouseholdErrors };
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
  const again = (errors: HouseholdErrors) => householdPage(c, { ...h, revision }, { failed: { form: 'details', values: typed, errors }, status: 422 });
  if (h.status === 'closed') return closed(h);
  const checked = await householdDetailsErrors(c, typed, teams);
  if (!checked.values) return again(checked.errors);

  const result = await saveHouseholdDetails(c, revision, checked.values);
  if (result.status === 'dossierRefTaken') return again({ dossier_ref: 'dossierRefTaken' });
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

/** A member form posted to a dossier closed meanwhile: nothing saved, what was typed shown. */
function memberClosedPage(c: Context<HouseholdEnv>, h: Household, typed: MemberFormValues) {
  return closedPage(c, h, typedRows(memberLabels(ui(c)), shownMember(c.get('t'), typed)));
}

/** A change of one member and its audit row, in one transaction (written only when it was saved). */
function changeMember<R extends { status: string }>(
  c: Context<HouseholdEnv>,
  action: 'household_member.added' | 'household_member.updated' | 'household_member.departed',
  change: (trx: Trx) => Promise<R & { memberId?: number }>,
  memberId?: number,
) {
  return inTransaction(c.get('deps').db, async (trx) => {
    const r = await change(trx);
    if (r.status === 'saved' || r.status === 'added') await auditChange(c, trx, action, { type: 'household_member', id: r.memberId ?? memberId });
    return r;
  });
}

dossierRoutes.post('/members', async (c) => {
  const { now } = c.get('deps');
  const h = c.get('household');
  const typed = readMemberForm(await readForm(c));
  if (h.status === 'closed') return memberClosedPage(c, h, typed);
  const parsed = parseMember(now(), typed);
  if (!parsed.ok) return householdPage(c, h, { failed: { form: 'member', values: typed, errors: parsed.errors }, status: 422 });
  const result = await changeMember(c, 'household_member.added', (trx) => addMember(trx, scope(c), h.id, parsed.values, todayIso(now()), now()));
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'closed') return memberClosedPage(c, result.current, typed);
  return redirectAfterPost(c, `/households/${h.id}?saved=added`);
});

/** The member named in the path; a member of another household is not found. */
function memberOfPath(c: Context<HouseholdEnv>): Member | undefined {
  const memberId = parseId(c.req.param('memberId'));
  return c.get('household').members.find((x) => x.id === memberId);
}

/** The member of the path and the form posted for it, with the revision the form was loaded at. */
async function postedForMember(c: Context<HouseholdEnv>) {
  const m = memberOfPath(c);
  if (!m) return undefined;
  const fields = await readForm(c);
  return { h: c.get('household'), m, fields, revision: readRevision(fields) };
}

/** What bounds a member's "in het gezin sinds": their departure and the first balance that has them. */
async function joinedBounds(c: Context<HouseholdEnv>, m: Member): Promise<JoinedBounds> {
  return { leftOn: m.leftOn, firstBalanceOn: await firstBalanceOfMember(c.get('deps').db, scope(c), m.householdId, m.id) };
}

/** The days "in het gezin sinds" may be on, as the form says them up front. */
function joinedRange(c: Context<HouseholdEnv>, m: Member, bounds: JoinedBounds): DateRange {
  const latest = latestJoinedOn(todayIso(c.get('deps').now()), bounds);
  return { from: earliestJoinedOn(m.birthYear, m.birthDate), to: latest.because === 'today' ? 'today' : latest.day };
}

async function memberPage(
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
    values: opts.values ?? memberFormValues(m),
    errors: opts.errors,
    departure: opts.departure,
    joinedRange: joinedRange(c, m, await joinedBounds(c, m)),
  };
  return render(c, () => <MemberPage {...props} />, { status: opts.status ?? 200 });
}

dossierRoutes.get('/members/:memberId', async (c) => {
  const m = memberOfPath(c);
  if (!m) return c.notFound();
  // This page shows the full national register number (in its edit field): its own audit action.
  await auditEvent(c, 'household_member.viewed', { type: 'household_member', id: m.id });
  return memberPage(c, c.get('household'), m);
});

dossierRoutes.post('/members/:memberId', async (c) => {
  const posted = await postedForMember(c);
  if (!posted) return c.notFound();
  const { h, m, fields, revision } = posted;
  // A form without the "in het gezin sinds" field keeps the stored day; shown again, it shows that day.
  const typed = readMemberForm(fields);
  const shown = { joined_on: formatIsoDate(m.joinedOn), ...typed };
  if (h.status === 'closed') return memberClosedPage(c, h, typed);
  const now = c.get('deps').now();
  const bounds = await joinedBounds(c, m);
  const parsed = parseMember(now, typed, '', bounds);
  const refused = (errors: HouseholdErrors) => memberPage(c, h, { ...m, revision }, { values: shown, errors, status: 422 });
  if (!parsed.ok) return refused(parsed.errors);
  const result = await changeMember(c, 'household_member.updated', (trx) => updateMember(trx, scope(c), h.id, m.id, revision, parsed.values, now), m.id);
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'closed') return memberClosedPage(c, result.current, typed);
  // A balance with this member was started meanwhile, dated before the day typed: refused, nothing written.
  if (result.status === 'joinedAfterBalance') return refused({ joined_on: ['joinedOnAfterBalance', formatIsoDate(result.balanceOn)] });
  if (result.status === 'conflict') {
    const u = ui(c);
    const current = result.current.members.find((x) => x.id === m.id)!;
    const rows = memberConflictRows(c.get('t'), memberLabels(u), current, typed, parsed.values);
    const range = joinedRange(c, current, await joinedBounds(c, current));
    return render(c, () => <MemberConflictPage ui={u} current={result.current} member={current} typed={shown} rows={rows} joinedRange={range} />, {
      status: 409,
    });
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=member`);
});

dossierRoutes.post('/members/:memberId/departure', async (c) => {
  const posted = await postedForMember(c);
  if (!posted) return c.notFound();
  const { h, m, fields, revision } = posted;
  const t = c.get('t');
  const typed = field(fields, 'left_on');
  const closed = (current: Household) => closedPage(c, current, typedRows({ left_on: t.households.fields.leftOn }, { left_on: typed }));
  if (h.status === 'closed') return closed(h);
  const now = c.get('deps').now();
  const parsed = parseDeparture(now, typed, m.joinedOn);
  if (!parsed.ok) return memberPage(c, h, { ...m, revision }, { departure: { value: typed, errors: parsed.errors }, status: 422 });
  const result = await changeMember(c, 'household_member.departed', (trx) => endMembership(trx, scope(c), h.id, m.id, revision, parsed.day, now), m.id);
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'closed') return closed(result.current);
  if (result.status === 'conflict') {
    const current = result.current.members.find((x) => x.id === m.id)!;
    const rows = departureConflictRows(t, current, parsed.day);
    return render(c, () => <DepartureConflictPage ui={ui(c)} current={result.current} member={current} typed={typed} rows={rows} />, { status: 409 });
  }
  return redirectAfterPost(c, `/households/${h.id}?saved=departed`);
});
