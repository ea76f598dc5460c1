import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { balanceTrends } from '../balances/queries.js';
import { balanceRoutes } from '../balances/routes.js';
import { openAgreementCounts } from '../gpmi/queries.js';
import { gpmiRoutes, planRoutes } from '../gpmi/routes.js';
import { balanceOverviewRoutes, evolutionRoutes } from '../overview/routes.js';
import { balancePdfRoutes, gpmiPdfRoutes } from '../pdf/routes.js';
import { clientVoiceRoutes } from '../client-voice/worker-routes.js';
import { balanceClientCopyRoutes, gpmiClientCopyRoutes, gpmiClientTextRoutes } from '../client-voice/copy-routes.js';
import { livingWageRoutes } from '../figures/living-wage-routes.js';
import type { SignedInEnv } from '../http/env.js';
import type { Database } from '../db/schema.js';
import { field, readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { denied, requireUser } from '../auth/middleware.js';
import { scope, type OrgScope } from '../auth/scope.js';
import { CaseloadPage, CaseloadResults, type CaseloadProps } from '../../views/households/CaseloadPage.js';
import { NewHouseholdPage } from '../../views/households/NewHouseholdPage.js';
import { dossierRefInUse, mayUseCaseload } from './access.js';
import { dossierRoutes } from './dossier-routes.js';
import { householdScoped, type HouseholdEnv } from './scoped.js';
import { hidesSensitive } from './sensitive.js';
import {
  emptyMember,
  isBlankMember,
  memberPrefix,
  parseHousehold,
  parseMember,
  readHouseholdForm,
  readMemberCount,
  readMemberForm,
  type HouseholdErrors,
  type HouseholdFormValues,
  type MemberFormValues,
} from './forms.js';
import { MAX_NEW_MEMBERS, parseCaseloadQuery, todayIso } from './logic.js';
import { caseload, createHousehold, teamsWithWorkers } from './queries.js';
import type { CaseloadEntry, CaseloadRow, MemberValues, TeamWithWorkers } from './model.js';

// The caseload ("Mijn dossiers"), a new household, and the client files under it. Who may do what
// is decided in access.ts (docs/permissions-households.md); every query goes through its
// visibleHouseholds(). Mounted at /households: every route here needs a signed-in user
// (requireUser), and everything under /households/:householdId is one client file, entered through
// householdScoped (scoped.ts), which finds the household once and answers every 404 the same way.

export const householdRoutes = new Hono<SignedInEnv>();
// '*' also matches '/households' itself in Hono.
householdRoutes.use(requireUser);

type Db = Kysely<Database>;

// ---------------------------------------------------------------- caseload

/**
 * The caseload lines with what the balances and GPMIs say about each household: the latest
 * finalised balance, the direction since the one before, and the open agreements. One query each
 * for the page's household ids; households whose sensitive domains this viewer may not see are
 * counted without those domains.
 */
async function withBalanceColumns(db: Db, s: OrgScope, rows: CaseloadRow[], today: string): Promise<CaseloadEntry[]> {
  const ids = rows.map((r) => r.id);
  const shielded = new Set(rows.filter((r) => hidesSensitive(s, r)).map((r) => r.id));
  // Independent of each other: side by side (on PostgreSQL each is a round trip or two).
  const [trends, open] = await Promise.all([balanceTrends(db, s, ids, shielded), openAgreementCounts(db, s, ids, today, shielded)]);
  return rows.map((r) => ({
    ...r,
    lastBalanceAt: trends.get(r.id)?.lastTakenAt ?? null,
    direction: trends.get(r.id)?.direction ?? null,
    openAgreements: open.get(r.id) ?? 0,
  }));
}

/** "Mijn dossiers": GET / for users with a team (src/home/routes.tsx) and GET /households. */
export async function showCaseload(c: Context<SignedInEnv>, basePath: '/' | '/households') {
  const s = scope(c);
  const { db } = c.get('deps');
  const filters = parseCaseloadQuery(c.req.query(), s.teamIds);
  const [teams, result] = await Promise.all([teamsWithWorkers(db, s), caseload(db, s, filters, todayIso(c.get('deps').now()))]);
  const rows = await withBalanceColumns(db, s, result.rows, todayIso(c.get('deps').now()));
  // Which lists someone looked at, not what they searched for (the search text may be a name).
  await auditEvent(c, 'caseload.viewed', { type: 'caseload' });
  const props: CaseloadProps = { ui: ui(c), basePath, filters, teams, result: { ...result, rows } };
  return render(c, () => <CaseloadPage {...props} />, { fragment: () => <CaseloadResults {...props} /> });
}

householdRoutes.get('/', async (c) => {
  if (!mayUseCaseload(scope(c))) return denied(c);
  return showCaseload(c, '/households');
});

// ---------------------------------------------------------------- new household

function newHouseholdPage(
  c: Context<SignedInEnv>,
  teams: TeamWithWorkers[],
  household: HouseholdFormValues,
  members: MemberFormValues[],
  opts: { errors?: HouseholdErrors; focusRow?: number; status?: 200 | 422 } = {},
) {
  return render(c, () => <NewHouseholdPage ui={ui(c)} teams={teams} household={household} members={members} errors={opts.errors} focusRow={opts.focusRow} />, {
    status: opts.status ?? 200,
  });
}

householdRoutes.get('/new', async (c) => {
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

// A new household is a POST to the collection (the form lives at /households/new).
householdRoutes.post('/', async (c) => {
  const s = scope(c);
  if (!mayUseCaseload(s)) return denied(c);
  const deps = c.get('deps');
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
  const hp = parseHousehold(household, teams);
  const errors: HouseholdErrors = hp.ok ? {} : { ...hp.errors };
  // Rows left empty are skipped; with every row empty, the first one says what is missing.
  const filled = members.map((m, i) => ({ m, i })).filter((x) => !isBlankMember(x.m));
  const rows = filled.length ? filled : [{ m: members[0]!, i: 0 }];
  const valid: MemberValues[] = [];
  for (const { m, i } of rows) {
    const r = parseMember(now, m, memberPrefix(i));
    if (r.ok) valid.push(r.values);
    else Object.assign(errors, r.errors);
  }
  if (hp.ok && hp.values.dossierRef && (await dossierRefInUse(deps.db, s, hp.values.dossierRef))) errors.dossier_ref = 'dossierRefTaken';
  if (!hp.ok || Object.values(errors).some(Boolean)) return newHouseholdPage(c, teams, household, members, { errors, status: 422 });

  let id: number;
  try {
    id = await inTransaction(deps.db, async (trx) => {
      const created = await createHousehold(trx, s, hp.values, valid, todayIso(now), now);
      await auditChange(c, trx, 'household.created', { type: 'household', id: created });
      return created;
    });
  } catch (err) {
    // Two people saving the same new number at once: the unique constraint decides, the user gets words.
    if (hp.values.dossierRef && (await dossierRefInUse(deps.db, s, hp.values.dossierRef))) {
      return newHouseholdPage(c, teams, household, members, { errors: { dossier_ref: 'dossierRefTaken' }, status: 422 });
    }
    throw err;
  }
  return redirectAfterPost(c, `/households/${id}?saved=created`);
});

// Everything under /households/:householdId is the client file: householdScoped runs first for all
// of it. Each resource has its own prefix, so one sub-app's middleware never runs for another's paths.
// (Registered after '/new', which therefore never reaches householdScoped.)
const clientFileRoutes = new Hono<HouseholdEnv>()
  .use(householdScoped)
  .route('/', dossierRoutes)
  .route('/members/:memberId/living-wage', livingWageRoutes)
  .route('/balances', balanceRoutes)
  .route('/balances/:balanceId/plan', planRoutes)
  .route('/balances/:balanceId/overview', balanceOverviewRoutes)
  .route('/balances/:balanceId/pdf', balancePdfRoutes)
  .route('/balances/:balanceId/client-voice', clientVoiceRoutes)
  .route('/balances/:balanceId/client-copy', balanceClientCopyRoutes)
  .route('/gpmis', gpmiRoutes)
  .route('/gpmis/:gpmiId/pdf', gpmiPdfRoutes)
  .route('/gpmis/:gpmiId/client-language', gpmiClientTextRoutes)
  .route('/gpmis/:gpmiId/client-copy', gpmiClientCopyRoutes)
  .route('/evolution', evolutionRoutes);

householdRoutes.route('/:householdId', clientFileRoutes);
