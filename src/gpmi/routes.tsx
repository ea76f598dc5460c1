import { formatIsoDate } from '../i18n/format.js';
import { Hono, type Context } from 'hono';
import type { HouseholdEnv } from '../households/scoped.js';
import { field, readForm, readRevision } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { renderError } from '../http/errors.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import type { Household } from '../households/model.js';
import { todayIso } from '../households/logic.js';
import { findBalance, listBalances } from '../balances/queries.js';
import type { BalanceDetail } from '../balances/model.js';
import {
  agreementVisible,
  crowdedSubjects,
  currentSigned,
  dateWindow,
  defaultMoments,
  latestVersion,
  agreementSeeds,
  carriedOver,
  newAgreementAllowed,
  scoreIn,
  type PlanRow,
  type PlanRowInput,
} from './logic.js';
import {
  createGpmi,
  createNextVersion,
  findGpmi,
  latestFinalBalance,
  listGpmis,
  loadPlan,
  loadVersion,
  recordEvaluation,
  savePlan,
  saveDraft,
  sourceBalance,
} from './queries.js';
import type { DraftValues, GpmiRecord, VersionDetail } from './model.js';
import {
  draftFormOf,
  parseDraft,
  parseEvaluation,
  parsePlan,
  parseSignature,
  parseStart,
  parseVersionReason,
  readDraftForm,
  readEvaluationForm,
  readPlanForm,
  readSignForm,
  readStartForm,
  type DraftFormValues,
  type EvaluationFormValues,
  type GpmiErrors,
  type GpmiError,
  type PlanError,
  type PlanProblem,
  type SignFormValues,
} from './forms.js';
import { PlanPage, type PlanView } from '../../views/gpmi/PlanPage.js';
import { NewGpmiPage } from '../../views/gpmi/NewGpmiPage.js';
import { GpmiPage, type GpmiPageProps } from '../../views/gpmi/GpmiPage.js';
import { EvaluationPage } from '../../views/gpmi/EvaluationPage.js';
import { cellExists } from '../balances/logic.js';

// From a finalised balance to the GPMI: werkpunten and goals (the plan), the GPMI drafted, signed,
// changed in new versions with a reason, and evaluated. Everything starts from the client file's
// household (households/scoped.ts) and goes through findBalance / findGpmi, which only see the
// households of the caller's scope: the rest is 404 (audited there). Sensitive domains follow the
// balance's rule (hideSensitive on the context): hidden ones are neither shown nor accepted.

/** Mounted at /households/:householdId/balances/:balanceId/plan. */
export const planRoutes = new Hono<HouseholdEnv>();
/** Mounted at /households/:householdId/gpmis. */
export const gpmiRoutes = new Hono<HouseholdEnv>();

const id = (v: string | undefined) => parseId(v) ?? NaN;

function today(c: Context<HouseholdEnv>) {
  return todayIso(c.get('deps').now());
}

// ---------------------------------------------------------------- werkpunten and goals

async function loadPlanContext(c: Context<HouseholdEnv>) {
  const household = c.get('household');
  const detail = await findBalance(c.get('deps').db, scope(c), household.id, id(c.req.param('balanceId')), { hideSensitive: c.get('hideSensitive') });
  return detail ? { household, detail } : undefined;
}

function planView(c: Context<HouseholdEnv>): PlanView {
  return { order: c.req.query('order') === 'catalogue' ? 'catalogue' : 'lowest', show: c.req.query('show') === 'low' ? 'low' : 'all' };
}

function viewQuery(v: PlanView): string {
  const q = new URLSearchParams();
  if (v.order !== 'lowest') q.set('order', v.order);
  if (v.show !== 'all') q.set('show', v.show);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The stored plan rows on domains this user may see in this balance (hidden sensitive ones left out). */
function visibleRows(detail: BalanceDetail, rows: Map<string, PlanRow>): Map<string, PlanRow> {
  return new Map([...rows].filter(([, r]) => cellExists(detail, r.subject, r.domainKey)));
}

planRoutes.get('/', async (c) => {
  const found = await loadPlanContext(c);
  if (!found) return renderError(c, 'notFound');
  const { household, detail } = found;
  const { db } = c.get('deps');
  await auditEvent(c, 'plan.viewed', { type: 'balance', id: detail.id });
  const plan = await loadPlan(db, detail.id);
  const gpmis = (await listGpmis(db, scope(c), household.id, today(c))).filter((g) => g.balanceId === detail.id);
  const visible = visibleRows(detail, plan.rows);
  const values = readPlanForm({}, visible, () => true).values;
  return render(c, () => (
    <PlanPage
      ui={ui(c)}
      household={household}
      detail={detail}
      revision={plan.revision}
      values={values}
      view={planView(c)}
      gpmis={gpmis}
      notice={c.req.query('saved') === '1' ? c.get('t').gpmi.plan.saved : undefined}
      crowded={crowdedSubjects([...visible.values()])}
    />
  ));
});

planRoutes.post('/', async (c) => {
  const found = await loadPlanContext(c);
  if (!found) return renderError(c, 'notFound');
  const { household, detail } = found;
  const deps = c.get('deps');
  const view = planView(c);
  const plan = await loadPlan(deps.db, detail.id);
  const fields = await readForm(c);
  const page = (
    values: Map<string, PlanRowInput>,
    status: 409 | 422,
    extra: { problems?: PlanProblem[]; topError?: PlanError; theirs?: typeof plan; revision?: number },
  ) =>
    render(
      c,
      () => (
        <PlanPage
          ui={ui(c)}
          household={household}
          detail={detail}
          revision={extra.revision ?? plan.revision}
          values={values}
          view={view}
          gpmis={[]}
          problems={extra.problems}
          topError={extra.topError}
          theirs={extra.theirs}
          crowded={[]}
        />
      ),
      { status },
    );
  if (detail.status !== 'final') return page(new Map(), 409, { topError: 'draft' });
  // Only the rows this user can see are read, checked and numbered; rows on sensitive domains
  // hidden from them are kept exactly as stored and never named (limits and duplicate priorities
  // count among the visible rows only, so a hidden row can never make a save impossible).
  const visible = visibleRows(detail, plan.rows);
  const hiddenRows = [...plan.rows.entries()].filter(([k]) => !visible.has(k)).map(([, r]) => r);
  const { values, unknown } = readPlanForm(fields, visible, (s, d) => cellExists(detail, s, d));
  // A stale form (visibility or assignment changed meanwhile) names rows that are gone: they are
  // dropped, everything else typed stays in the form, and nothing is saved until the user looks again.
  if (unknown) return page(values, 422, { topError: 'unknown' });
  const parsed = parsePlan([...values.values()], (s, d) => scoreIn(detail, s, d));
  if (parsed.problems.length) return page(values, 422, { problems: parsed.problems });
  const now = deps.now();
  const outcome = await inTransaction(deps.db, async (trx) => {
    const o = await savePlan(trx, detail.id, [...parsed.rows, ...hiddenRows], readRevision(fields), scope(c).userId, now);
    if (o === 'saved') await auditChange(c, trx, 'plan.saved', { type: 'balance', id: detail.id });
    return o;
  });
  if (outcome === 'conflict') {
    await auditEvent(c, 'plan.save_conflict', { type: 'balance', id: detail.id }, 'failure');
    const theirs = await loadPlan(deps.db, detail.id);
    return page(values, 409, { theirs, revision: theirs.revision });
  }
  const q = viewQuery(view);
  return redirectAfterPost(c, `/households/${household.id}/balances/${detail.id}/plan${q ? `${q}&` : '?'}saved=1`);
});

// ---------------------------------------------------------------- starting a GPMI

/** The balance a new GPMI starts from: the one asked for, else the latest finalised one. */
async function startingBalance(c: Context<HouseholdEnv>, household: Household, raw: string | undefined): Promise<BalanceDetail | 'notFound' | undefined> {
  const { db } = c.get('deps');
  if (raw !== undefined && raw !== '') {
    const b = await findBalance(db, scope(c), household.id, id(raw), { hideSensitive: c.get('hideSensitive') });
    return b ?? 'notFound';
  }
  const latest = (await listBalances(db, scope(c), household.id)).find((b) => b.status === 'final');
  return latest ? findBalance(db, scope(c), household.id, latest.id, { hideSensitive: c.get('hideSensitive') }) : undefined;
}

/** Who a GPMI can be for: each adult of the balance ('m<id>' → member id), or the whole household ('h'). */
function forWhomOptions(detail: BalanceDetail): Set<string> {
  return new Set(['h', ...detail.subjects.filter((s) => s.level === 'volwassene' && s.memberId !== null).map((s) => String(s.memberId))]);
}

gpmiRoutes.get('/new', async (c) => {
  const household = c.get('household');
  const balance = await startingBalance(c, household, c.req.query('balance'));
  if (balance === 'notFound') return renderError(c, 'notFound');
  const start = todayIso(c.get('deps').now());
  const adults = balance ? balance.subjects.filter((s) => s.level === 'volwassene' && s.memberId !== null) : [];
  const values = { forWhom: adults.length === 1 ? String(adults[0]!.memberId) : '', startOn: formatIsoDate(start), duration: '12', moments: '' };
  // The form names the household and its adults, also without a balance to start from.
  await auditEvent(c, 'gpmi.new_form_viewed', { type: 'household', id: household.id });
  if (balance) await auditEvent(c, 'plan.viewed', { type: 'balance', id: balance.id });
  return render(c, () => <NewGpmiPage ui={ui(c)} household={household} balance={balance} values={values} startRange={dateWindow(today(c))} />);
});

gpmiRoutes.post('/', async (c) => {
  const household = c.get('household');
  const deps = c.get('deps');
  const fields = await readForm(c);
  const balance = await startingBalance(c, household, field(fields, 'balance'));
  if (balance === 'notFound') return renderError(c, 'notFound');
  const values = readStartForm(fields);
  const page = (status: 409 | 422, extra: { topError?: GpmiError; errors?: GpmiErrors } = {}) =>
    render(c, () => <NewGpmiPage ui={ui(c)} household={household} balance={balance} values={values} startRange={dateWindow(today(c))} {...extra} />, {
      status,
    });
  if (!balance) return page(422);
  if (balance.status !== 'final') return page(409, { topError: 'draftBalance' });
  const parsed = parseStart(values, forWhomOptions(balance), today(c));
  if (!parsed.ok) return page(422, { errors: parsed.errors });
  const seeds = agreementSeeds(balance, (await loadPlan(deps.db, balance.id)).rows, parsed.memberId);
  const gpmi = {
    balanceId: balance.id,
    memberId: parsed.memberId,
    startOn: parsed.startOn,
    durationMonths: parsed.durationMonths,
    moments: parsed.moments ?? defaultMoments(parsed.startOn, parsed.durationMonths),
  };
  const gpmiId = await inTransaction(deps.db, async (trx) => {
    const created = await createGpmi(trx, scope(c), household.id, gpmi, seeds, deps.now());
    await auditChange(c, trx, 'gpmi.created', { type: 'gpmi', id: created });
    return created;
  });
  return redirectAfterPost(c, `/households/${household.id}/gpmis/${gpmiId}`);
});

// ---------------------------------------------------------------- the GPMI page

interface GpmiContext {
  household: Household;
  gpmi: GpmiRecord;
  balance: BalanceDetail;
}

async function loadGpmiContext(c: Context<HouseholdEnv>): Promise<GpmiContext | undefined> {
  const household = c.get('household');
  const { db } = c.get('deps');
  const gpmi = await findGpmi(db, scope(c), household.id, id(c.req.param('gpmiId')));
  if (!gpmi) return undefined;
  const balance = await sourceBalance(db, scope(c), gpmi, c.get('hideSensitive'));
  return balance ? { household, gpmi, balance } : undefined;
}

async function gpmiPage(c: Context<HouseholdEnv>, ctx: GpmiContext, version: VersionDetail, extra: Partial<GpmiPageProps> & { status?: 200 | 409 | 422 } = {}) {
  const { db } = c.get('deps');
  const plan = await loadPlan(db, ctx.balance.id);
  const visible = version.agreements.filter((a) => agreementVisible(ctx.balance, a));
  const latest = latestVersion(ctx.gpmi);
  const editable = version.id === latest.id && version.status === 'draft';
  const { status, ...rest } = extra;
  const props: GpmiPageProps = {
    ui: ui(c),
    household: ctx.household,
    gpmi: ctx.gpmi,
    balance: ctx.balance,
    version,
    visible,
    plan: plan.rows,
    hiddenCount: version.agreements.length - visible.length,
    today: today(c),
    draft: editable ? draftFormOf(version, visible) : undefined,
    ...rest,
  };
  return render(c, () => <GpmiPage {...props} />, { status: status ?? 200 });
}

gpmiRoutes.get('/:gpmiId', async (c) => {
  const ctx = await loadGpmiContext(c);
  if (!ctx) return renderError(c, 'notFound');
  const raw = c.req.query('version');
  const wanted = raw === undefined ? latestVersion(ctx.gpmi) : ctx.gpmi.versions.find((v) => String(v.number) === raw);
  if (!wanted) return renderError(c, 'notFound');
  await auditEvent(c, 'gpmi.viewed', { type: 'gpmi', id: ctx.gpmi.id });
  const version = await loadVersion(c.get('deps').db, wanted);
  const notices = c.get('t').gpmi.gpmi;
  const notice = { draft: notices.saved, signed: notices.signedNotice, version: notices.versionNotice, evaluated: notices.evaluatedNotice }[
    c.req.query('saved') ?? ''
  ] as string | undefined;
  return gpmiPage(c, ctx, version, { notice });
});

/** Someone else saved meanwhile: 409 with their version read-only and this user's typing kept, with the new revision. */
async function draftConflictPage(c: Context<HouseholdEnv>, ctx: GpmiContext, form: DraftFormValues, signValues: SignFormValues) {
  const { db } = c.get('deps');
  await auditEvent(c, 'gpmi.save_conflict', { type: 'gpmi', id: ctx.gpmi.id }, 'failure');
  const fresh = (await findGpmi(db, scope(c), ctx.household.id, ctx.gpmi.id))!;
  const theirs = await loadVersion(db, latestVersion(fresh));
  if (theirs.status !== 'draft') return gpmiPage(c, { ...ctx, gpmi: fresh }, theirs, { topError: 'alreadySigned', status: 409 });
  const theirVisible = theirs.agreements.filter((a) => agreementVisible(ctx.balance, a));
  // Typed text for agreements still in their version stays; saving again keeps this user's version, knowingly.
  const mine: DraftFormValues = { ...form, revision: theirs.revision, agreements: new Map() };
  for (const a of theirVisible) mine.agreements.set(a.id, form.agreements.get(a.id) ?? draftFormOf(theirs, [a]).agreements.get(a.id)!);
  return gpmiPage(c, { ...ctx, gpmi: fresh }, theirs, { draft: mine, conflict: theirs, signValues, status: 409 });
}

/** The draft as posted, checked against the balance it came from; with `sign`, the signature too. */
function checkDraft(c: Context<HouseholdEnv>, ctx: GpmiContext, version: VersionDetail, form: DraftFormValues, sign: SignFormValues | undefined) {
  const visible = version.agreements.filter((a) => agreementVisible(ctx.balance, a));
  const parsed = parseDraft(
    form,
    (agreementId) => {
      const a = visible.find((x) => x.id === agreementId)!;
      return scoreIn(ctx.balance, a.subject, a.domainKey).score;
    },
    newAgreementAllowed(ctx.balance, ctx.gpmi.memberId, version.agreements),
    today(c),
    version.startOn,
  );
  const signature = sign ? parseSignature(sign, today(c), version.startOn) : undefined;
  // Signing needs every agreement in view: a version with agreements hidden from this user is signed by someone who sees them all.
  if (sign && version.agreements.length !== visible.length)
    return { ok: false as const, topError: 'hiddenAgreements' as const, errors: parsed.ok ? undefined : parsed.errors };
  if (!parsed.ok || (signature && !signature.ok))
    return { ok: false as const, errors: { ...(parsed.ok ? {} : parsed.errors), ...(signature && !signature.ok ? signature.errors : {}) } };
  return { ok: true as const, values: parsed.values, signature: signature?.ok ? signature.value : undefined };
}

/** Saves the draft (and signs it) with its audit rows, in one transaction. */
function saveGpmiDraft(
  c: Context<HouseholdEnv>,
  gpmiId: number,
  versionId: number,
  revision: number,
  values: DraftValues,
  signature?: { signedOn: string; clientName: string },
) {
  const { db, now } = c.get('deps');
  return inTransaction(db, async (trx) => {
    const o = await saveDraft(trx, versionId, revision, values, scope(c).userId, now(), signature);
    if (o.status === 'saved') {
      await auditChange(c, trx, 'gpmi.updated', { type: 'gpmi', id: gpmiId });
      if (o.signed) await auditChange(c, trx, 'gpmi.signed', { type: 'gpmi', id: gpmiId });
    }
    return o;
  });
}

/**
 * The draft form: saved ("Bewaren"), an agreement added, or saved and signed in one go ("Als
 * ondertekend bewaren", `action=sign`), so nothing typed in the form is lost by signing. A refusal
 * re-renders everything typed, with nothing saved and nothing signed.
 */
gpmiRoutes.post('/:gpmiId', async (c) => {
  const ctx = await loadGpmiContext(c);
  if (!ctx) return renderError(c, 'notFound');
  const fields = await readForm(c);
  const latest = latestVersion(ctx.gpmi);
  const version = await loadVersion(c.get('deps').db, latest);
  if (latest.status !== 'draft') return gpmiPage(c, ctx, version, { topError: 'alreadySigned', status: 409 });
  const visible = version.agreements.filter((a) => agreementVisible(ctx.balance, a));
  const { form, posted } = readDraftForm(fields, visible);
  const { values: signValues, signing } = readSignForm(fields);
  const again = (topError?: GpmiError, errors?: GpmiErrors) => gpmiPage(c, ctx, version, { draft: form, errors, signValues, topError, status: 422 });
  // A stale form first: an agreement a colleague removed meanwhile is a conflict, not a 404.
  if (form.revision !== version.revision) return draftConflictPage(c, ctx, form, signValues);
  // An agreement id that is not one of this draft's (another GPMI's, another household's): not found.
  if (posted.some((p) => !visible.some((a) => a.id === p))) return renderError(c, 'notFound');
  const checked = checkDraft(c, ctx, version, form, signing ? signValues : undefined);
  if (!checked.ok) return again(checked.topError, checked.errors);

  const outcome = await saveGpmiDraft(c, ctx.gpmi.id, latest.id, form.revision, checked.values, checked.signature);
  if (outcome.status === 'signed') return gpmiPage(c, ctx, version, { topError: 'alreadySigned', status: 409 });
  if (outcome.status === 'conflict') return draftConflictPage(c, ctx, form, signValues);
  if (outcome.status !== 'saved') return again(outcome.status);
  const page = `/households/${ctx.household.id}/gpmis/${ctx.gpmi.id}`;
  return redirectAfterPost(c, outcome.signed ? `${page}?saved=signed` : `${page}?saved=draft${outcome.addedId ? `#agreement-${outcome.addedId}` : ''}`);
});

gpmiRoutes.post('/:gpmiId/versions', async (c) => {
  const ctx = await loadGpmiContext(c);
  if (!ctx) return renderError(c, 'notFound');
  const deps = c.get('deps');
  const raw = field(await readForm(c), 'reason');
  const latest = latestVersion(ctx.gpmi);
  const version = await loadVersion(deps.db, latest);
  if (latest.status !== 'signed') return gpmiPage(c, ctx, version, { topError: 'draftExists', status: 409 });
  const parsed = parseVersionReason(raw);
  if (!parsed.ok) return gpmiPage(c, ctx, version, { changeValue: raw, changeErrors: parsed.errors, status: 422 });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const o = await createNextVersion(trx, ctx.gpmi.id, parsed.reason, scope(c).userId, deps.now());
    if (o === 'created') await auditChange(c, trx, 'gpmi.version_created', { type: 'gpmi', id: ctx.gpmi.id });
    return o;
  });
  if (outcome === 'draftExists') return gpmiPage(c, ctx, version, { topError: 'draftExists', status: 409 });
  return redirectAfterPost(c, `/households/${ctx.household.id}/gpmis/${ctx.gpmi.id}?saved=version`);
});

// ---------------------------------------------------------------- evaluation

async function evaluationContext(c: Context<HouseholdEnv>) {
  const ctx = await loadGpmiContext(c);
  if (!ctx) return undefined;
  const { db } = c.get('deps');
  const signed = currentSigned(ctx.gpmi);
  const version = signed ? await loadVersion(db, signed) : undefined;
  const latestBalance = await latestFinalBalance(db, scope(c), ctx.household.id, c.get('hideSensitive'));
  const visible = version ? version.agreements.filter((a) => agreementVisible(ctx.balance, a)) : [];
  return { ...ctx, version, visible, latestBalance };
}

gpmiRoutes.get('/:gpmiId/evaluations/new', async (c) => {
  const ctx = await evaluationContext(c);
  if (!ctx) return renderError(c, 'notFound');
  await auditEvent(c, 'gpmi.viewed', { type: 'gpmi', id: ctx.gpmi.id });
  const values: EvaluationFormValues = {
    heldOn: formatIsoDate(today(c)),
    inPerson: '',
    items: new Map(ctx.visible.map((a) => [a.id, { note: '', status: a.currentStatus, shared: false }])),
  };
  return render(c, () => <EvaluationPage ui={ui(c)} {...ctx} values={values} />, { status: ctx.version ? 200 : 409 });
});

/**
 * The evaluation form was opened on an older signed version (a newer one was signed meanwhile): 409,
 * nothing written, and what was typed is carried over to the same domains of the new version (the
 * rest is shown). A version id that is not one of this GPMI's: not found.
 */
async function staleEvaluationPage(
  c: Context<HouseholdEnv>,
  ctx: NonNullable<Awaited<ReturnType<typeof evaluationContext>>> & { version: VersionDetail },
  form: EvaluationFormValues,
  versionId: number | null,
) {
  const older = ctx.gpmi.versions.find((v) => v.id === versionId);
  if (!older) return renderError(c, 'notFound');
  const before = (await loadVersion(c.get('deps').db, older)).agreements.filter((a) => agreementVisible(ctx.balance, a));
  const carried = carriedOver(form.items, before, ctx.visible);
  await auditEvent(c, 'gpmi.save_conflict', { type: 'gpmi', id: ctx.gpmi.id }, 'failure');
  const values: EvaluationFormValues = { heldOn: form.heldOn, inPerson: form.inPerson, items: carried.items };
  return render(c, () => <EvaluationPage ui={ui(c)} {...ctx} values={values} topError="staleVersion" leftOver={carried.leftOver} />, { status: 409 });
}

gpmiRoutes.post('/:gpmiId/evaluations', async (c) => {
  const ctx = await evaluationContext(c);
  if (!ctx) return renderError(c, 'notFound');
  const deps = c.get('deps');
  const fields = await readForm(c);
  const { form, posted, versionId } = readEvaluationForm(fields);
  if (!ctx.version) return render(c, () => <EvaluationPage ui={ui(c)} {...ctx} values={form} />, { status: 409 });
  if (versionId !== ctx.version.id) return staleEvaluationPage(c, { ...ctx, version: ctx.version }, form, versionId);
  // An agreement that is not one of this GPMI's current version (another household's, a hidden
  // sensitive one): not found (audited as access.denied by households/scoped.ts), nothing written.
  if (posted.some((p) => !ctx.visible.some((a) => a.id === p))) return renderError(c, 'notFound');
  const parsed = parseEvaluation(
    form,
    ctx.visible.map((a) => a.id),
    today(c),
    ctx.version.startOn,
  );
  if (!parsed.ok) return render(c, () => <EvaluationPage ui={ui(c)} {...ctx} values={form} errors={parsed.errors} />, { status: 422 });
  const now = deps.now();
  const version = ctx.version;
  await inTransaction(deps.db, async (trx) => {
    await recordEvaluation(
      trx,
      ctx.gpmi.id,
      version.id,
      { heldOn: parsed.heldOn, inPerson: parsed.inPerson, balanceId: ctx.latestBalance?.id ?? null, items: parsed.items },
      scope(c).userId,
      now,
    );
    await auditChange(c, trx, 'gpmi.evaluated', { type: 'gpmi', id: ctx.gpmi.id });
  });
  return redirectAfterPost(c, `/households/${ctx.household.id}/gpmis/${ctx.gpmi.id}?saved=evaluated`);
});
