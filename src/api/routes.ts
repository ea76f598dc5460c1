import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, Handler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { messagesFor, type Messages } from '../i18n/index.js';
import { problem } from '../http/problem.js';
import { parseId } from '../http/params.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { householdScoped } from '../households/scoped.js';
import { dossierRefInUse, mayPlaceInTeam } from '../households/access.js';
import { createHousehold, findHousehold } from '../households/queries.js';
import { currentYear, todayIso } from '../households/logic.js';
import { findBalance, listAmendments, listBalances } from '../balances/queries.js';
import { findGpmi, listGpmis, loadVersion, sourceBalance } from '../gpmi/queries.js';
import { getCatalogueVersion, getCurrentVersion } from '../catalogue/queries.js';
import { balancePdf, gpmiPdf } from '../pdf/downloads.js';
import { apiCall, insufficientScope } from './call.js';
import type { ApiEnv, ApiHouseholdEnv } from './env.js';
import { DEFAULT_PAGE_SIZE, decodeCursor, descendingDay, encodeCursor, entityTag, issuesOf, noneMatch, pageOf, type ApiIssue } from './logic.js';
import { balanceJson, balanceSummaryJson, catalogueJson, figuresJson, gpmiJson, gpmiSummaryJson, householdJson, householdListItemJson } from './present.js';
import { listHouseholdsAfter, organisationName, visibleHouseholdIdByDossierRef } from './queries.js';
import { COMMON_REFUSALS, NOT_FOUND, SECURITY_SCHEME, VALIDATION, v1Route } from './route-spec.js';
import {
  BalanceListSchema,
  BalanceSchema,
  CatalogueSchema,
  FiguresQuerySchema,
  FiguresSchema,
  FindOrCreateHouseholdSchema,
  GpmiListSchema,
  GpmiPdfQuerySchema,
  GpmiSchema,
  HouseholdListQuerySchema,
  HouseholdListSchema,
  HouseholdSchema,
  PageQuerySchema,
  ProblemSchema,
  TokenRequestSchema,
  TokenResponseSchema,
} from './schemas.js';
import { API_SCOPES, type ApiScope } from './scopes.js';
import { tokenRequest, type TokenForm } from './token.js';
import { figuresChoices, figuresFor } from '../figures/figures.js';
import { parseFilters } from '../figures/forms.js';
import { periodKey } from '../figures/logic.js';

// The API: /api/oauth/token, /api/v1/..., and its description (/api/openapi.json, generated from
// the zod schemas that validate the requests; /api/reference, the same rendered as a page).
// Mounted at /api (src/app.ts). Every /api/v1 call goes through apiCall (call.ts) first; the
// client files through households/scoped.ts, exactly as the pages do.

/** Every refused request value: a validation problem in the caller's language, nothing done. */
function validationProblem<E extends AppEnv>(c: Context<E>, issues: ApiIssue[]) {
  return problem(c, 400, 'validation', { extra: { errors: issues } });
}

function defaultHook<E extends AppEnv>(result: { success: boolean; target: string; error?: z.ZodError }, c: Context<E>) {
  if (!result.success && result.error) return validationProblem(c, issuesOf(result.error, result.target, c.get('t')));
  return undefined;
}

/** JSON with a weak entity tag; a matching If-None-Match gets 304 and no body (the call is still audited). */
function jsonAnswer<E extends AppEnv>(c: Context<E>, body: unknown, opts: { status?: 200 | 201; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  const tag = `W/${entityTag(text)}`;
  const t: Messages = c.get('t');
  const headers = { ETag: tag, Vary: 'Accept-Language', 'Content-Language': t.meta.lang, 'Cache-Control': 'no-store', ...opts.headers };
  if ((opts.status ?? 200) === 200 && noneMatch(c.req.header('If-None-Match'), tag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: opts.status ?? 200, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** The page size and the cursor's key, or a validation problem for a cursor that is not ours. */
function paging<E extends AppEnv>(c: Context<E>, q: { cursor?: string | undefined; limit?: number | undefined }, shape: readonly ('string' | 'number')[]) {
  const limit = q.limit ?? DEFAULT_PAGE_SIZE;
  if (q.cursor === undefined) return { limit, after: null };
  const after = decodeCursor(q.cursor, shape);
  if (after) return { limit, after };
  const t: Messages = c.get('t');
  return validationProblem(c, [{ in: 'query', name: 'cursor', code: 'invalid_cursor', detail: `cursor ${t.api.validation.cursor}` }]);
}

function mayRead<E extends ApiEnv>(c: Context<E>, s: ApiScope): boolean {
  const scopes: readonly ApiScope[] = c.get('apiScopes');
  return scopes.includes(s);
}

/** Registers a route with a handler that answers plain Responses (problem documents, 304s, PDFs). */
function register<E extends AppEnv>(
  app: OpenAPIHono<E>,
  route: RouteConfig,
  handler: (c: Context<E>) => Promise<Response>,
  hook?: (result: { success: boolean }, c: Context<E>) => Promise<Response> | undefined,
) {
  app.openapi(route, handler as unknown as Handler, hook as never);
}

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const pdf = (description: string) => ({ description, content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } } });
const householdParam = { householdId: z.string().meta({ description: 'The household (client file) id.', example: '12' }) };
const notModified = { 304: { description: 'Not modified: the ETag given in If-None-Match still holds.' } };

// ---------------------------------------------------------------- /api/v1 (outside a client file)

export const v1 = new OpenAPIHono<ApiEnv>({ defaultHook });
v1.use(apiCall);

const listHouseholds = v1Route('', ['households:read'], {
  method: 'get',
  path: '/households',
  summary: 'Find households',
  description: 'The households this client may reach, oldest first; with dossierRef, the one with that number (or none).',
  request: { query: HouseholdListQuerySchema },
  responses: { 200: json(HouseholdListSchema, 'One page of households.'), ...notModified, ...VALIDATION, ...COMMON_REFUSALS },
});
register(v1, listHouseholds, async (c) => {
  const q = c.req.valid('query' as never) as z.infer<typeof HouseholdListQuerySchema>;
  const page = paging(c, q, ['number']);
  if (page instanceof Response) return page;
  const rows = await listHouseholdsAfter(c.get('deps').db, c.get('scope'), {
    dossierRef: q.dossierRef,
    afterId: (page.after?.[0] as number) ?? 0,
    limit: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  await auditEvent(c, 'caseload.viewed', { type: 'caseload' });
  return jsonAnswer(c, {
    items: items.map(householdListItemJson),
    nextCursor: rows.length > page.limit && last ? encodeCursor([last.id]) : null,
  });
});

const findOrCreate = v1Route('', ['households:read'], {
  method: 'post',
  path: '/households',
  summary: 'Find or create a household by dossier number',
  description:
    "Answers the household with this dossier number (200). When there is none, creates it (201) with the members given: that needs the households:write scope. A number already used in a team this client cannot reach is a 409, as in the application's own form.",
  request: { body: { required: true, content: { 'application/json': { schema: FindOrCreateHouseholdSchema } } } },
  responses: {
    200: json(z.object({ created: z.literal(false), household: HouseholdSchema }), 'The existing household.'),
    201: json(z.object({ created: z.literal(true), household: HouseholdSchema }), 'A new household.'),
    ...VALIDATION,
    ...COMMON_REFUSALS,
    409: {
      description: 'The number is in use outside this client’s teams (dossier-ref-in-use).',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});
register(v1, findOrCreate, async (c) => {
  const body = c.req.valid('json' as never) as z.infer<typeof FindOrCreateHouseholdSchema>;
  const deps = c.get('deps');
  const s = c.get('scope');
  const t: Messages = c.get('t');
  const found = async (id: number, created: boolean) => {
    const household = (await findHousehold(deps.db, s, id))!;
    if (!created) await auditEvent(c, 'household.viewed', { type: 'household', id });
    return jsonAnswer(
      c,
      { created, household: householdJson(household, currentYear(deps.now())) },
      {
        status: created ? 201 : 200,
        headers: { 'Content-Location': `/api/v1/households/${id}`, ...(created ? { Location: `/api/v1/households/${id}` } : {}) },
      },
    );
  };
  const existing = await visibleHouseholdIdByDossierRef(deps.db, s, body.dossierRef);
  if (existing !== undefined) return found(existing, false);
  // The scope first: a client that may not create learns nothing about numbers outside its reach.
  if (!mayRead(c, 'households:write')) return insufficientScope(c, ['households:write']);
  if (await dossierRefInUse(deps.db, s, body.dossierRef)) return problem(c, 409, 'dossier-ref-in-use');

  const issues: ApiIssue[] = [];
  const year = currentYear(deps.now());
  if (!body.members) issues.push({ in: 'body', name: 'members', code: 'required', detail: `members ${t.api.validation.membersRequired}` });
  for (const [i, m] of (body.members ?? []).entries()) {
    if (m.birthYear > year)
      issues.push({ in: 'body', name: `members.${i}.birthYear`, code: 'too_big', detail: `members.${i}.birthYear ${t.api.validation.birthYearFuture(year)}` });
  }
  if (body.teamId !== undefined && !mayPlaceInTeam(s, body.teamId))
    issues.push({ in: 'body', name: 'teamId', code: 'invalid_value', detail: `teamId ${t.api.validation.teamOutsideClient}` });
  if (issues.length) return validationProblem(c, issues);
  const teamId = body.teamId ?? (s.teamIds.length === 1 ? s.teamIds[0]! : undefined);
  if (teamId === undefined) return problem(c, 400, 'household-team-required');

  const now = deps.now();
  const members = body.members!.map((m) => ({ ...m, birthDate: null, adultOverride: null, nationalNumber: null }));
  try {
    const id = await inTransaction(deps.db, async (trx) => {
      const created = await createHousehold(trx, s, { teamId, assignedUserId: null, dossierRef: body.dossierRef }, members, todayIso(now), now);
      await auditChange(c, trx, 'household.created', { type: 'household', id: created });
      return created;
    });
    return found(id, true);
  } catch (err) {
    // Two calls with the same new number at once: the unique constraint decides, and the loser
    // finds what the winner made (or learns that the number is taken elsewhere).
    const winner = await visibleHouseholdIdByDossierRef(deps.db, s, body.dossierRef);
    if (winner !== undefined) return found(winner, false);
    if (await dossierRefInUse(deps.db, s, body.dossierRef)) return problem(c, 409, 'dossier-ref-in-use');
    throw err;
  }
});

const currentCatalogue = v1Route('', ['catalogue:read'], {
  method: 'get',
  path: '/catalogue',
  summary: 'The published catalogue',
  description: "The organisation's current published catalogue of life domains, with every text in Dutch, French and English.",
  responses: { 200: json(CatalogueSchema, 'The current version.'), ...notModified, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(v1, currentCatalogue, async (c) => {
  const version = await getCurrentVersion(c.get('deps').db, c.get('scope'));
  if (!version) return c.notFound();
  return jsonAnswer(c, catalogueJson(version));
});

const catalogueVersion = v1Route('', ['catalogue:read'], {
  method: 'get',
  path: '/catalogue/versions/{versionId}',
  summary: 'A published catalogue version',
  description: 'A version by id, as a balance names it (catalogueVersion.id): exactly the texts that balance was scored against.',
  request: { params: z.object({ versionId: z.string().meta({ example: '3' }) }) },
  responses: { 200: json(CatalogueSchema, 'The version.'), ...notModified, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(v1, catalogueVersion, async (c) => {
  const version = await getCatalogueVersion(c.get('deps').db, c.get('scope'), parseId(c.req.param('versionId')) ?? NaN);
  if (!version) return c.notFound();
  return jsonAnswer(c, catalogueJson(version));
});

const readFigures = v1Route('', ['figures:read'], {
  method: 'get',
  path: '/figures',
  summary: 'Anonymous figures',
  description:
    "The figures the team leads and policy staff read on /figures, for one period, team, level and moment: distribution per domain, movement between the first and latest balance (years), GPMI outcomes, the inspection's timeline and completeness. Suppressed as an export is (the stricter threshold); no names, no dossiers.",
  request: { query: FiguresQuerySchema },
  responses: { 200: json(FiguresSchema, 'The figures.'), ...notModified, ...VALIDATION, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(v1, readFigures, async (c) => {
  const q = c.req.valid('query' as never) as z.infer<typeof FiguresQuerySchema>;
  const { db } = c.get('deps');
  const s = c.get('scope');
  const today = todayIso(c.get('deps').now());
  // The same choices and the same parsing as the figures pages (src/figures/routes.tsx).
  const choices = await figuresChoices(db, s, today);
  const defaults = { period: today.slice(0, 4), team: choices.access.all ? 'all' : String(choices.access.teams[0]?.id ?? '') };
  const parsed = parseFilters(q, defaults);
  if (!parsed.ok || !choices.periods.some((p) => periodKey(p) === periodKey(parsed.filters.period))) {
    const t: Messages = c.get('t');
    return validationProblem(c, [{ in: 'query', name: 'period', code: 'no_such_period', detail: `period ${t.api.validation.period}` }]);
  }
  const result = await figuresFor(db, s, parsed.filters, { today, audience: 'export', loaded: choices });
  if (!result) return c.notFound();
  await auditEvent(c, 'figures.viewed', {
    type: 'figures',
    id: `api?period=${parsed.values.period}&team=${parsed.values.team}&level=${parsed.values.level}&moment=${parsed.values.moment}`,
  });
  return jsonAnswer(c, figuresJson(result));
});

// ---------------------------------------------------------------- /api/v1/households/:householdId

const CLIENT_FILE = '/households/:householdId';
const clientFile = new OpenAPIHono<ApiHouseholdEnv>({ defaultHook });
clientFile.use(householdScoped as never);

const readHousehold = v1Route(CLIENT_FILE, ['households:read'], {
  method: 'get',
  path: '/',
  summary: 'A household',
  description: 'The household with its members (current members first).',
  request: { params: z.object(householdParam) },
  responses: { 200: json(HouseholdSchema, 'The household.'), ...notModified, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, readHousehold, async (c) => {
  const household = c.get('household');
  await auditEvent(c, 'household.viewed', { type: 'household', id: household.id });
  return jsonAnswer(c, householdJson(household, currentYear(c.get('deps').now())));
});

const balancesOfHousehold = v1Route(CLIENT_FILE, ['balances:read'], {
  method: 'get',
  path: '/balances',
  summary: "A household's balances",
  description: 'Newest first, drafts included.',
  request: { params: z.object(householdParam), query: PageQuerySchema },
  responses: { 200: json(BalanceListSchema, 'One page of balances.'), ...notModified, ...VALIDATION, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, balancesOfHousehold, async (c) => {
  const q = c.req.valid('query' as never) as z.infer<typeof PageQuerySchema>;
  const page = paging(c, q, ['number', 'number']);
  if (page instanceof Response) return page;
  const household = c.get('household');
  const all = await listBalances(c.get('deps').db, c.get('scope'), household.id);
  const result = pageOf(all, (b) => [descendingDay(b.takenOn), -b.id], page.after, page.limit);
  await auditEvent(c, 'balance.list_viewed', { type: 'household', id: household.id });
  return jsonAnswer(c, { items: result.items.map(balanceSummaryJson), nextCursor: result.nextCursor });
});

const balanceParams = z.object({ ...householdParam, balanceId: z.string().meta({ example: '42' }) });

const readBalance = v1Route(CLIENT_FILE, ['balances:read'], {
  method: 'get',
  path: '/balances/{balanceId}',
  summary: 'A balance with its scores',
  description:
    'Every domain the balance asks, per person, with the score, the anchor text it was scored against, and the client’s own score; remarks only with remarks:read. Sensitive domains only with sensitive:read and when the organisation lets the whole team see them.',
  request: { params: balanceParams },
  responses: { 200: json(BalanceSchema, 'The balance.'), ...notModified, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, readBalance, async (c) => {
  const household = c.get('household');
  const deps = c.get('deps');
  const detail = await findBalance(deps.db, c.get('scope'), household.id, parseId(c.req.param('balanceId')) ?? NaN, { hideSensitive: c.get('hideSensitive') });
  if (!detail) return c.notFound();
  const amendments = detail.status === 'final' ? await listAmendments(deps.db, detail) : [];
  await auditEvent(c, 'balance.viewed', { type: 'balance', id: detail.id });
  return jsonAnswer(c, balanceJson(detail, amendments, { lang: c.get('locale'), withRemarks: mayRead(c, 'remarks:read') }));
});

const balanceDocument = v1Route(CLIENT_FILE, ['documents:read'], {
  method: 'get',
  path: '/balances/{balanceId}/pdf',
  summary: 'A balance as PDF',
  description: 'The same tagged PDF a worker downloads for the client file, in the language of Accept-Language.',
  request: { params: balanceParams },
  responses: { 200: pdf('The PDF.'), ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, balanceDocument, async (c) => {
  const deps = c.get('deps');
  const s = c.get('scope');
  const document = await balancePdf(deps.db, s, c.get('household'), parseId(c.req.param('balanceId')) ?? NaN, {
    hideSensitive: c.get('hideSensitive'),
    locale: c.get('locale'),
    organisationName: await organisationName(deps.db, s),
  });
  if (!document) return c.notFound();
  await auditEvent(c, 'balance.pdf_downloaded', { type: 'balance', id: document.id });
  return document.response;
});

const gpmisOfHousehold = v1Route(CLIENT_FILE, ['gpmi:read'], {
  method: 'get',
  path: '/gpmis',
  summary: "A household's GPMIs",
  description: 'Newest first.',
  request: { params: z.object(householdParam), query: PageQuerySchema },
  responses: { 200: json(GpmiListSchema, 'One page of GPMIs.'), ...notModified, ...VALIDATION, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, gpmisOfHousehold, async (c) => {
  const q = c.req.valid('query' as never) as z.infer<typeof PageQuerySchema>;
  const page = paging(c, q, ['number']);
  if (page instanceof Response) return page;
  const household = c.get('household');
  const all = await listGpmis(c.get('deps').db, c.get('scope'), household.id, todayIso(c.get('deps').now()));
  const result = pageOf(all, (g) => [-g.id], page.after, page.limit);
  await auditEvent(c, 'gpmi.list_viewed', { type: 'household', id: household.id });
  return jsonAnswer(c, { items: result.items.map(gpmiSummaryJson), nextCursor: result.nextCursor });
});

const gpmiParams = z.object({ ...householdParam, gpmiId: z.string().meta({ example: '7' }) });

const readGpmi = v1Route(CLIENT_FILE, ['gpmi:read'], {
  method: 'get',
  path: '/gpmis/{gpmiId}',
  summary: 'A GPMI with its versions and evaluations',
  description:
    'Every version with its evaluation days and agreements, and every evaluation of each agreement; evaluation notes only with remarks:read. Agreements on sensitive domains follow the same rule as the balance.',
  request: { params: gpmiParams },
  responses: { 200: json(GpmiSchema, 'The GPMI.'), ...notModified, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, readGpmi, async (c) => {
  const deps = c.get('deps');
  const s = c.get('scope');
  const household = c.get('household');
  const g = await findGpmi(deps.db, s, household.id, parseId(c.req.param('gpmiId')) ?? NaN);
  const source = g ? await sourceBalance(deps.db, s, g, c.get('hideSensitive')) : undefined;
  if (!g || !source) return c.notFound();
  const versions = [];
  for (const v of g.versions) versions.push(await loadVersion(deps.db, v));
  await auditEvent(c, 'gpmi.viewed', { type: 'gpmi', id: g.id });
  return jsonAnswer(c, gpmiJson(g, versions, source, { lang: c.get('locale'), withRemarks: mayRead(c, 'remarks:read') }));
});

const gpmiDocument = v1Route(CLIENT_FILE, ['documents:read'], {
  method: 'get',
  path: '/gpmis/{gpmiId}/pdf',
  summary: 'A GPMI as PDF',
  description: "The newest version (or ?version=N), as the client's copy or (copy=file) the copy for the client file.",
  request: { params: gpmiParams, query: GpmiPdfQuerySchema },
  responses: { 200: pdf('The PDF.'), ...VALIDATION, ...COMMON_REFUSALS, ...NOT_FOUND },
});
register(clientFile, gpmiDocument, async (c) => {
  const q = c.req.valid('query' as never) as z.infer<typeof GpmiPdfQuerySchema>;
  const version = q.version === undefined ? undefined : parseId(q.version);
  if (version === null) return c.notFound();
  const household = c.get('household');
  const document = await gpmiPdf(c.get('deps').db, c.get('scope'), household, parseId(c.req.param('gpmiId')) ?? NaN, {
    version,
    audience: q.copy ?? 'client',
    hideSensitive: c.get('hideSensitive'),
    locale: c.get('locale'),
    workerName: household.assignedName ?? '',
  });
  if (!document) return c.notFound();
  await auditEvent(c, 'gpmi.pdf_downloaded', { type: 'gpmi', id: document.id });
  return document.response;
});

v1.route(CLIENT_FILE, clientFile);

// ---------------------------------------------------------------- /api

export const apiRoutes = new OpenAPIHono<AppEnv>({ defaultHook });

const token = {
  method: 'post',
  path: '/oauth/token',
  summary: 'Get an access token',
  description:
    'OAuth 2.0 client credentials (RFC 6749 §4.4). Authenticate with HTTP Basic (client_id:client_secret) or send both in the form. The token is valid for 15 minutes.',
  // Not marked required, so a body of another type reaches the handler (which refuses and audits it)
  // instead of failing inside the validator.
  request: {
    body: { description: 'The token request, as a form (always needed).', content: { 'application/x-www-form-urlencoded': { schema: TokenRequestSchema } } },
  },
  responses: {
    200: json(TokenResponseSchema, 'An access token.'),
    400: {
      description: 'invalid-request, unsupported-grant-type, invalid-scope or validation.',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    401: {
      description: 'Unknown client, wrong secret, or a revoked client (invalid-client).',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    403: {
      description: 'The right secret, from an address not on the allow-list (address-not-allowed).',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
    429: {
      description: 'Too many refused token requests from this address, or the client over its calls a minute (rate-limited); see Retry-After.',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
} satisfies RouteConfig;
// Whatever the body (not a form, a field twice), the token endpoint answers and audits it itself:
// an unreadable request is OAuth's invalid_request, in its own problem document.
register(
  apiRoutes,
  token,
  (c) => tokenRequest(c, (c.req.valid('form' as never) as TokenForm | undefined) ?? null),
  (result, c) => (result.success ? undefined : tokenRequest(c, null)),
);

apiRoutes.route('/v1', v1);

// A body of a type the route does not take: the validators answer 415. The token endpoint refuses
// it as OAuth's invalid_request (and audits it); elsewhere it is a problem document. Anything else
// goes on to the application's own error handling (src/app.ts).
apiRoutes.onError((err, c) => {
  if (err instanceof HTTPException && err.status === 415)
    return c.req.path === '/api/oauth/token' ? tokenRequest(c, null) : problem(c, 415, 'unsupported-media-type');
  throw err;
});

// The OpenAPI document is read by developers, in English: each scope's words are the English
// administrator's screen's (one text per scope, src/api/messages/en.ts).
const english = messagesFor('en').api.scopes;
const SCOPE_DESCRIPTIONS = Object.fromEntries(API_SCOPES.map((s) => [s, `${english[s].label}: ${english[s].hint}`])) as Record<ApiScope, string>;

apiRoutes.openAPIRegistry.registerComponent('securitySchemes', SECURITY_SCHEME, {
  type: 'oauth2',
  description: 'OAuth 2.0 client credentials; an administrator registers the client and chooses its scopes.',
  flows: { clientCredentials: { tokenUrl: '/api/oauth/token', scopes: SCOPE_DESCRIPTIONS } },
});

/** The OpenAPI 3.1 document, generated from the routes' zod schemas. */
export function openApiDocument(origin: string) {
  const document = apiRoutes.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Sociale Balans API',
      version: '1.0.0',
      description:
        "Read-mostly access for the OCMW's client file software: households by dossier number, balances with their scores and anchor texts, GPMIs with their evaluations, their PDFs, the published catalogue and the anonymous figures. Every call is audited; another organisation's or team's ids answer 404.",
    },
    servers: [{ url: `${origin}/api` }],
  });
  // The token URL as a full address of this installation (the scheme is registered before the origin is known).
  const scheme = document.components?.securitySchemes?.[SECURITY_SCHEME];
  if (scheme && 'flows' in scheme && scheme.flows?.clientCredentials) scheme.flows.clientCredentials.tokenUrl = `${origin}/api/oauth/token`;
  return document;
}
