import { z } from 'zod';
import { API_SCOPES } from './scopes.js';
import { PROBLEM_TYPES } from '../http/problem-types.js';
import { DOSSIER_REF_MAX, MAX_NEW_MEMBERS, MIN_BIRTH_YEAR, NAME_MAX } from '../households/logic.js';
import { BALANCE_METHODS } from '../balances/tables.js';
import { MEMBER_ROLES } from '../households/tables.js';
import { AGREEMENT_STATUSES } from '../gpmi/tables.js';
import { POD_MI_AREAS } from '../catalogue/default-catalogue.js';
import { COMPLETENESS_ROWS, DIST_COLUMNS, INSPECTION_ROWS } from '../figures/counting.js';

// The API's requests and answers as zod schemas. The same schemas validate the requests (through
// @hono/zod-openapi) and generate the OpenAPI 3.1 document (/api/openapi.json): there is no
// hand-written description to drift from the code. Answers are built from them too (present.ts
// returns these types). Texts here are the document's own words, in English, as is usual for an
// OpenAPI description read by developers; the reference page wraps them in the reader's language.

const id = z.number().int().positive();
const moment = z.iso.datetime().meta({ description: 'A moment, ISO 8601 in UTC.', example: '2026-11-22T09:00:00.000Z' });
const day = z.iso.date().meta({ description: 'A calendar day (yyyy-mm-dd).', example: '2026-11-22' });
const score = z.number().int().min(1).max(5);

export const ProblemSchema = z
  .object({
    type: z.url().meta({ description: 'What kind of problem: a link to its explanation on /api/reference.' }),
    title: z.string().meta({ description: 'A short summary of the kind of problem, in the language of Accept-Language.' }),
    status: z.number().int(),
    detail: z.string().meta({ description: 'What happened, and what to do about it.' }),
    instance: z.string().meta({ description: 'This request, as the audit log and the server log name it.' }),
    errors: z
      .array(
        z.object({
          in: z.enum(['path', 'query', 'header', 'body']),
          name: z.string().meta({ description: 'The field, as a dotted path (members.0.birthYear).' }),
          code: z.string().meta({ description: 'A stable code for the kind of mistake.' }),
          detail: z.string(),
        }),
      )
      .optional()
      .meta({ description: 'For a validation problem: every value that was refused.' }),
    requiredScopes: z.array(z.enum(API_SCOPES)).optional().meta({ description: 'For insufficient-scope: the scopes the request needs.' }),
    error: z.string().optional().meta({ description: 'The token endpoint also gives the OAuth 2.0 error code (RFC 6749 §5.2).' }),
  })
  .meta({ id: 'Problem', description: `An error (RFC 9457). Kinds: ${PROBLEM_TYPES.join(', ')}.` });

// ---------------------------------------------------------------- token

export const TokenRequestSchema = z
  .object({
    grant_type: z.string().optional().meta({ description: 'Always client_credentials (required).', example: 'client_credentials' }),
    scope: z
      .string()
      .optional()
      .meta({ description: 'Space-separated scopes; by default every scope of the client.', example: 'households:read balances:read' }),
    client_id: z.string().optional().meta({ description: 'Only when not sent with HTTP Basic.' }),
    client_secret: z.string().optional().meta({ description: 'Only when not sent with HTTP Basic.' }),
  })
  .meta({ id: 'TokenRequest' });

export const TokenResponseSchema = z
  .object({
    access_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().meta({ description: 'Seconds the token stays valid (at most 900).' }),
    scope: z.string(),
  })
  .meta({ id: 'TokenResponse' });

// ---------------------------------------------------------------- paging

export const PageQuerySchema = z.object({
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page; leave out for the first page.' }),
  limit: z.coerce.number().int().min(1).max(100).optional().meta({ description: 'Items per page (1-100, default 25).' }),
});

const nextCursor = z.string().nullable().meta({ description: 'Give as ?cursor= for the next page; null on the last page.' });

// ---------------------------------------------------------------- households

export const MemberSchema = z
  .object({
    id,
    firstName: z.string(),
    lastName: z.string(),
    birthYear: z.number().int(),
    role: z.enum(MEMBER_ROLES),
    adult: z.boolean().meta({ description: 'Scored as an adult (else as a child) in a new balance.' }),
    joinedOn: day,
    leftOn: day.nullable().meta({ description: 'Set when the person left the household.' }),
  })
  .meta({ id: 'Member' });

export const HouseholdSchema = z
  .object({
    id,
    dossierRef: z.string().nullable().meta({ description: "The number in the OCMW's client file software." }),
    status: z.enum(['active', 'closed']),
    team: z.object({ id, name: z.string() }),
    assignedWorker: z.string().nullable(),
    createdAt: moment,
    updatedAt: moment,
    members: z.array(MemberSchema).meta({ description: 'Current members first, then former ones.' }),
  })
  .meta({ id: 'Household' });

export const HouseholdListItemSchema = z
  .object({ id, dossierRef: z.string().nullable(), status: z.enum(['active', 'closed']), teamId: id, updatedAt: moment })
  .meta({ id: 'HouseholdListItem' });

export const HouseholdListSchema = z.object({ items: z.array(HouseholdListItemSchema), nextCursor }).meta({ id: 'HouseholdList' });

export const HouseholdListQuerySchema = PageQuerySchema.extend({
  dossierRef: z.string().trim().min(1).max(DOSSIER_REF_MAX).optional().meta({ description: 'Only the household with this dossier number.' }),
});

export const NewMemberSchema = z
  .strictObject({
    firstName: z.string().trim().min(1).max(NAME_MAX),
    lastName: z.string().trim().min(1).max(NAME_MAX),
    birthYear: z.number().int().min(MIN_BIRTH_YEAR).meta({ description: 'Not in the future.' }),
    role: z.enum(MEMBER_ROLES),
  })
  .meta({ id: 'NewMember' });

export const FindOrCreateHouseholdSchema = z
  .strictObject({
    dossierRef: z.string().trim().min(1).max(DOSSIER_REF_MAX),
    teamId: id.optional().meta({ description: 'Where a new household goes; needed only when the client may reach more than one team.' }),
    members: z
      .array(NewMemberSchema)
      .min(1)
      .max(MAX_NEW_MEMBERS)
      .optional()
      .meta({ description: 'The members of a new household; needed only when no household has this dossier number yet.' }),
  })
  .meta({ id: 'FindOrCreateHousehold' });

// ---------------------------------------------------------------- balances

export const BalanceSummarySchema = z
  .object({
    id,
    takenOn: day,
    method: z.enum(BALANCE_METHODS),
    status: z.enum(['draft', 'final']),
    catalogueVersion: z.object({ id, number: z.number().int() }),
    createdAt: moment,
    updatedAt: moment,
    finalisedAt: moment.nullable(),
  })
  .meta({ id: 'BalanceSummary' });

export const BalanceListSchema = z.object({ items: z.array(BalanceSummarySchema), nextCursor }).meta({ id: 'BalanceList' });

const cellState = z
  .enum(['open', 'scored', 'nvt', 'nb'])
  .meta({ description: 'open: not answered yet (a draft); nvt: not applicable; nb: not discussed (also what a finalised balance left unanswered).' });

export const ScoreSchema = z
  .object({
    subject: z.string().meta({ description: '"h" for the household, "m<memberId>" for a member.' }),
    memberId: id.nullable(),
    domainKey: z.string(),
    domainName: z.string(),
    themeKey: z.string(),
    themeName: z.string(),
    sensitive: z.boolean(),
    state: cellState,
    score: score.nullable(),
    anchorText: z.string().nullable().meta({ description: 'The text of the chosen level, exactly as the balance was scored against it.' }),
    clientScore: score.nullable().meta({ description: "The client's own score, when given." }),
    clientAnchorText: z.string().nullable(),
    remark: z.string().optional().meta({ description: 'Only with the remarks:read scope.' }),
  })
  .meta({ id: 'Score' });

const cellValue = z.object({ state: cellState, score: score.nullable() });

export const AmendmentSchema = z
  .object({
    subject: z.string(),
    domainKey: z.string(),
    at: moment,
    before: cellValue,
    after: cellValue,
    reason: z.string().optional().meta({ description: 'Only with the remarks:read scope.' }),
    beforeRemark: z.string().optional().meta({ description: 'Only with the remarks:read scope.' }),
    afterRemark: z.string().optional().meta({ description: 'Only with the remarks:read scope.' }),
  })
  .meta({ id: 'Amendment' });

export const BalanceSchema = BalanceSummarySchema.extend({
  language: z.enum(['nl', 'fr', 'en']).meta({ description: 'The language of the names and anchor texts (from Accept-Language; Dutch by default).' }),
  hiddenSensitiveDomains: z.number().int().meta({ description: 'Sensitive domains left out for this client.' }),
  subjects: z.array(
    z.object({
      key: z.string(),
      memberId: id.nullable(),
      level: z.enum(['huishouden', 'volwassene', 'kind']),
      name: z.string().meta({ description: 'The member\u2019s name; empty for the household.' }),
      tookPart: z.boolean(),
    }),
  ),
  scores: z.array(ScoreSchema).meta({ description: 'Every domain the balance asks, per subject, in catalogue order.' }),
  amendments: z.array(AmendmentSchema).meta({ description: 'Corrections after finalising, oldest first.' }),
}).meta({ id: 'Balance' });

// ---------------------------------------------------------------- GPMI

const versionStatus = z.enum(['draft', 'signed']);

export const GpmiSummarySchema = z
  .object({
    id,
    memberId: id.nullable().meta({ description: 'The adult the GPMI is for; null: the whole household.' }),
    balanceId: id,
    state: z.enum(['draft', 'signed', 'signedWithDraft', 'ended']),
    latestVersion: z.object({ number: z.number().int(), status: versionStatus, startOn: day, durationMonths: z.number().int(), signedOn: day.nullable() }),
    nextEvaluation: day.nullable(),
  })
  .meta({ id: 'GpmiSummary' });

export const GpmiListSchema = z.object({ items: z.array(GpmiSummarySchema), nextCursor }).meta({ id: 'GpmiList' });

const agreementStatus = z.enum(AGREEMENT_STATUSES);

export const AgreementSchema = z
  .object({
    id,
    subject: z.string(),
    memberId: id.nullable(),
    domainKey: z.string(),
    domainName: z.string(),
    text: z.string(),
    longTermGoal: z.string(),
    shortTermGoal: z.string(),
    targetScore: score.nullable(),
    dueOn: day.nullable(),
    status: agreementStatus.meta({ description: 'As written in this version.' }),
    currentStatus: agreementStatus.meta({ description: 'After the evaluations of this version.' }),
    clientActions: z.array(z.string()).meta({ description: '"Wat doe jij?"' }),
    ocmwActions: z.array(z.string()).meta({ description: '"Wat doet het OCMW?"' }),
    partners: z.array(z.string()),
    evaluations: z.array(
      z.object({
        evaluationId: id,
        heldOn: day,
        status: agreementStatus,
        note: z.string().optional().meta({ description: 'Only with the remarks:read scope.' }),
      }),
    ),
  })
  .meta({ id: 'Agreement' });

export const GpmiVersionSchema = z
  .object({
    number: z.number().int(),
    status: versionStatus,
    startOn: day,
    durationMonths: z.number().int(),
    endsOn: day,
    reason: z.string().nullable().meta({ description: 'Why this version was made (versions after the first).' }),
    signedOn: day.nullable(),
    moments: z.array(day).meta({ description: 'The planned evaluation days.' }),
    agreements: z.array(AgreementSchema),
    hiddenAgreements: z.number().int().meta({ description: 'Agreements on sensitive domains left out for this client.' }),
  })
  .meta({ id: 'GpmiVersion' });

export const GpmiSchema = z
  .object({
    id,
    memberId: id.nullable(),
    balanceId: id,
    createdAt: moment,
    versions: z.array(GpmiVersionSchema).meta({ description: 'Oldest first.' }),
    evaluations: z
      .array(
        z.object({
          id,
          heldOn: day,
          inPerson: z.boolean().nullable().meta({
            description: 'Held in a personal conversation (the inspection counts these); null: not recorded (evaluations from before this was asked).',
          }),
          versionNumber: z.number().int(),
        }),
      )
      .meta({ description: 'Every evaluation, oldest first.' }),
  })
  .meta({ id: 'Gpmi' });

export const GpmiPdfQuerySchema = z.object({
  version: z.string().optional().meta({ description: 'The version number; by default the newest.' }),
  copy: z
    .enum(['client', 'file'])
    .optional()
    .meta({ description: "client (default): the client's copy; file: the copy for the client file, with evaluation notes." }),
});

// ---------------------------------------------------------------- catalogue

const localized = z.object({ nl: z.string(), fr: z.string(), en: z.string() }).meta({ id: 'Localized' });

export const CatalogueSchema = z
  .object({
    id,
    number: z.number().int(),
    publishedAt: moment,
    themes: z.array(
      z.object({
        key: z.string(),
        level: z.enum(['huishouden', 'volwassene', 'kind']),
        name: localized,
        domains: z.array(
          z.object({
            key: z.string(),
            name: localized,
            question: localized,
            anchors: z.array(localized).length(5).meta({ description: 'The texts of levels 1 to 5.' }),
            allowNotApplicable: z.boolean(),
            defaultOn: z.boolean().meta({ description: 'Asked in new balances.' }),
            sensitive: z.boolean(),
            podMiAreas: z.array(z.enum(POD_MI_AREAS)),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'Catalogue' });

// ---------------------------------------------------------------- figures

const LEVEL = z.enum(['huishouden', 'volwassene', 'kind']);

export const FiguresQuerySchema = z.object({
  period: z
    .string()
    .regex(/^\d{4}(-Q[1-4])?$/)
    .optional()
    .meta({ description: 'A calendar year (2026) or quarter (2026-Q3) with data; by default this year.', example: '2026' }),
  team: z
    .union([z.literal('all'), z.string().regex(/^\d{1,15}$/)])
    .optional()
    .meta({
      description: "A team id, or all: the organisation (only for a client not restricted to one team). By default all, or the client's team.",
      example: 'all',
    }),
  level: LEVEL.optional().meta({ description: 'Whose scores: the household, the adults or the children. By default huishouden.' }),
  moment: z.enum(['first', 'latest']).optional().meta({ description: "Each household's first or latest finalised balance in the period. By default latest." }),
});

const count = z
  .object({
    value: z.number().int().nullable().meta({ description: 'The number, when it may be shown; otherwise null.' }),
    status: z.enum(['shown', 'small', 'hidden', 'withheld']).meta({
      description:
        'shown; small: fewer than `below`; hidden: left out so that a small cell cannot be worked out from a total or another table; withheld: fewer than 10 people in the table.',
    }),
    below: z.number().int().optional(),
  })
  .meta({ id: 'Count' });

const figuresDomain = z.object({ key: z.string(), level: LEVEL, name: localized, theme: localized, sensitive: z.boolean() });

export const FiguresSchema = z
  .object({
    filters: z.object({ period: z.string(), team: z.union([z.literal('all'), id]), level: LEVEL, moment: z.enum(['first', 'latest']) }),
    threshold: z.number().int().meta({ description: "Counts below this are not shown: the export threshold (twice the organisation's)." }),
    distribution: z.array(
      z.object({
        domain: figuresDomain,
        counts: z.record(z.enum(DIST_COLUMNS), count).meta({ description: 'People per level 1-5, not applicable (nvt) and not discussed (nb).' }),
        total: count,
        withheld: z.boolean(),
      }),
    ),
    movement: z
      .array(
        z.object({
          domain: figuresDomain,
          cells: z
            .array(z.array(count).length(5))
            .length(5)
            .meta({ description: 'cells[from - 1][to - 1]: people from level `from` in the first to `to` in the latest balance.' }),
          total: count,
          improved: count,
          stayed: count,
          worsened: count,
          shares: z.object({ improved: z.number().nullable(), stayed: z.number().nullable(), worsened: z.number().nullable() }),
          withheld: z.boolean(),
        }),
      )
      .nullable()
      .meta({ description: 'For a whole year only (null for a quarter).' }),
    outcomes: z.array(z.object({ domain: figuresDomain, statuses: z.record(z.enum(AGREEMENT_STATUSES), count), total: count })),
    inspection: z.record(z.enum(INSPECTION_ROWS), count).meta({ description: 'The beneficiaries and the GPMI timeline the inspection checks.' }),
    completeness: z.record(z.enum(COMPLETENESS_ROWS), count).meta({ description: 'Balances taken in the period: finalised, draft, all.' }),
    sensitiveLeftOut: z.number().int().meta({ description: 'Sensitive domains left out for this client.' }),
  })
  .meta({ id: 'Figures', description: 'Anonymous figures: counts only, every small cell suppressed, never a name or a dossier.' });

export type FiguresJson = z.infer<typeof FiguresSchema>;
export type HouseholdJson = z.infer<typeof HouseholdSchema>;
export type BalanceJson = z.infer<typeof BalanceSchema>;
export type BalanceSummaryJson = z.infer<typeof BalanceSummarySchema>;
export type GpmiJson = z.infer<typeof GpmiSchema>;
export type GpmiSummaryJson = z.infer<typeof GpmiSummarySchema>;
export type CatalogueJson = z.infer<typeof CatalogueSchema>;
export type HouseholdListItemJson = z.infer<typeof HouseholdListItemSchema>;
