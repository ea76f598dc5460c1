import { Hono, type Context } from 'hono';
import type { HouseholdEnv } from '../households/scoped.js';
import { readForm, readRevision } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import { todayIso } from '../households/logic.js';
import { formatIsoDate } from '../i18n/format.js';
import { parseLivingWage } from './logic.js';
import { readLivingWageForm } from './forms.js';
import { findLivingWage, removeLivingWage, saveLivingWage } from './queries.js';
import type { LivingWage } from './model.js';
import { LivingWagePage, type LivingWagePageProps } from '../../views/figures/LivingWagePage.js';

// The living wage of one beneficiary (a household member): the day it was granted and an exemption
// from the GPMI with its reason. Its own small resource beside the member's page, mounted at
// /households/:householdId/members/:memberId/living-wage inside the client file (households/scoped.ts
// found the household; a member not of this household is a 404, audited there).

export const livingWageRoutes = new Hono<HouseholdEnv>();

async function context(c: Context<HouseholdEnv>) {
  const household = c.get('household');
  const memberId = parseId(c.req.param('memberId'));
  const member = memberId === null ? undefined : household.members.find((m) => m.id === memberId);
  if (!member) return undefined;
  const current = await findLivingWage(c.get('deps').db, scope(c), household.id, member.id);
  if (current === undefined) return undefined;
  return { household, member, current };
}

type Ctx = NonNullable<Awaited<ReturnType<typeof context>>>;

function page(c: Context<HouseholdEnv>, ctx: Ctx, extra: Partial<LivingWagePageProps> & { status?: 200 | 409 | 422 } = {}) {
  const { status, ...rest } = extra;
  const values = ctx.current ? { grantedOn: formatIsoDate(ctx.current.grantedOn), exemption: ctx.current.exemption ?? '' } : { grantedOn: '', exemption: '' };
  return render(
    c,
    () => (
      <LivingWagePage
        ui={ui(c)}
        household={ctx.household}
        member={ctx.member}
        current={ctx.current}
        values={values}
        revision={ctx.current?.revision ?? 0}
        {...rest}
      />
    ),
    {
      status: status ?? 200,
    },
  );
}

livingWageRoutes.get('/', async (c) => {
  const ctx = await context(c);
  if (!ctx) return c.notFound();
  await auditEvent(c, 'living_wage.viewed', { type: 'household_member', id: ctx.member.id });
  const t = c.get('t').figures.livingWage;
  const notice = c.req.query('saved') === '1' ? t.saved : c.req.query('saved') === 'removed' ? t.removed : undefined;
  return page(c, ctx, { notice });
});

livingWageRoutes.post('/', async (c) => {
  const ctx = await context(c);
  if (!ctx) return c.notFound();
  const deps = c.get('deps');
  const t = c.get('t').figures.livingWage;
  const form = readLivingWageForm(await readForm(c));
  const typed = { grantedOn: form.grantedOn, exemption: form.exemption };
  if (ctx.household.status === 'closed') return page(c, ctx, { values: typed, topError: t.closed, status: 409 });
  const parsed = parseLivingWage(typed, todayIso(deps.now()));
  if (!parsed.ok)
    return page(c, ctx, {
      values: typed,
      revision: form.revision,
      errors: parsed.errors,
      status: 422,
    });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const o = await saveLivingWage(trx, scope(c), { householdId: ctx.household.id, memberId: ctx.member.id, revision: form.revision }, parsed, deps.now());
    if (o === 'saved') await auditChange(c, trx, 'living_wage.saved', { type: 'household_member', id: ctx.member.id });
    return o;
  });
  if (outcome === 'notFound') return c.notFound();
  if (outcome === 'conflict') return conflict(c, ctx, typed);
  return redirectAfterPost(c, `/households/${ctx.household.id}/members/${ctx.member.id}/living-wage?saved=1`);
});

async function conflict(c: Context<HouseholdEnv>, ctx: Ctx, typed: { grantedOn: string; exemption: string }) {
  const fresh = (await findLivingWage(c.get('deps').db, scope(c), ctx.household.id, ctx.member.id)) as LivingWage | null;
  await auditEvent(c, 'living_wage.viewed', { type: 'household_member', id: ctx.member.id });
  return page(c, { ...ctx, current: fresh }, { values: typed, revision: fresh?.revision ?? 0, topError: c.get('t').figures.livingWage.conflict, status: 409 });
}

livingWageRoutes.post('/removal', async (c) => {
  const ctx = await context(c);
  if (!ctx) return c.notFound();
  const deps = c.get('deps');
  const revision = readRevision(await readForm(c));
  if (ctx.household.status === 'closed') return page(c, ctx, { topError: c.get('t').figures.livingWage.closed, status: 409 });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const o = await removeLivingWage(trx, scope(c), { householdId: ctx.household.id, memberId: ctx.member.id, revision });
    if (o === 'saved') await auditChange(c, trx, 'living_wage.removed', { type: 'household_member', id: ctx.member.id });
    return o;
  });
  if (outcome === 'notFound') return c.notFound();
  if (outcome === 'conflict') return conflict(c, ctx, { grantedOn: '', exemption: '' });
  return redirectAfterPost(c, `/households/${ctx.household.id}/members/${ctx.member.id}/living-wage?saved=removed`);
});
