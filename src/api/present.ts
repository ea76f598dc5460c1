import type { Household } from '../households/model.js';
import type { AmendmentRow, BalanceDetail, BalanceSummary } from '../balances/model.js';
import type { GpmiRecord, GpmiSummary, VersionDetail } from '../gpmi/model.js';
import type { CatalogueVersion } from '../catalogue/model.js';
import type { CatalogueDomain } from '../catalogue/default-catalogue.js';
import type { Locale } from '../i18n/locale.js';
import { isAdult } from '../households/logic.js';
import { cellKey, EMPTY_CELL } from '../balances/logic.js';
import { addMonths, agreementVisible } from '../gpmi/logic.js';
import type { FiguresResult } from '../figures/figures.js';
import type { FiguresDomain } from '../figures/counting.js';
import type {
  BalanceJson,
  BalanceSummaryJson,
  CatalogueJson,
  FiguresJson,
  GpmiJson,
  GpmiSummaryJson,
  HouseholdJson,
  HouseholdListItemJson,
} from './schemas.js';
import type { HouseholdListItem } from './queries.js';

// From the application's records (found through the caller's scope, sensitive domains already left
// out by the same rule as the pages) to the API's JSON, in the shapes of schemas.ts. Pure: no db,
// no request. What a scope does not allow (remarks) is left out here, never blanked.

const iso = (ms: number) => new Date(ms).toISOString();

export function householdListItemJson(h: HouseholdListItem): HouseholdListItemJson {
  return { id: h.id, dossierRef: h.dossierRef, status: h.status, teamId: h.teamId, updatedAt: iso(h.updatedAt) };
}

export function householdJson(h: Household, year: number): HouseholdJson {
  return {
    id: h.id,
    dossierRef: h.dossierRef,
    status: h.status,
    team: { id: h.teamId, name: h.teamName },
    assignedWorker: h.assignedName,
    createdAt: iso(h.createdAt),
    updatedAt: iso(h.updatedAt),
    members: h.members.map((m) => ({
      id: m.id,
      firstName: m.firstName,
      lastName: m.lastName,
      birthYear: m.birthYear,
      role: m.role,
      adult: isAdult(m, year),
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
  };
}

export function balanceSummaryJson(b: BalanceSummary): BalanceSummaryJson {
  return {
    id: b.id,
    takenOn: b.takenOn,
    method: b.method,
    status: b.status,
    catalogueVersion: { id: b.catalogueVersionId, number: b.catalogueVersionNumber },
    createdAt: iso(b.createdAt),
    updatedAt: iso(b.updatedAt),
    finalisedAt: b.finalisedAt === null ? null : iso(b.finalisedAt),
  };
}

function anchor(domain: CatalogueDomain, score: number | null, lang: Locale): string | null {
  return score === null ? null : (domain.anchors[score - 1]?.[lang] ?? null);
}

/** A balance with every score it asks, the anchor text of each, and (with the scope) the remarks. */
export function balanceJson(detail: BalanceDetail, amendments: AmendmentRow[], opts: { lang: Locale; withRemarks: boolean }): BalanceJson {
  const { lang, withRemarks } = opts;
  const scores: BalanceJson['scores'] = [];
  for (const section of detail.layout) {
    for (const { theme, domains } of section.themes) {
      for (const d of domains) {
        const cell = detail.cells.get(cellKey(section.subject.key, d.key)) ?? EMPTY_CELL;
        const scored = cell.state === 'scored' ? cell.score : null;
        // As on the balance page and in its PDF: a finalised balance keeps what was not answered
        // as "niet besproken".
        const state = cell.state === 'open' && detail.status === 'final' ? 'nb' : cell.state;
        scores.push({
          subject: section.subject.key,
          memberId: section.subject.memberId,
          domainKey: d.key,
          domainName: d.name[lang],
          themeKey: theme.key,
          themeName: theme.name[lang],
          sensitive: d.sensitive,
          state,
          score: scored,
          anchorText: anchor(d, scored, lang),
          clientScore: cell.clientScore,
          clientAnchorText: anchor(d, cell.clientScore, lang),
          ...(withRemarks ? { remark: cell.remark } : {}),
        });
      }
    }
  }
  return {
    ...balanceSummaryJson(detail),
    language: lang,
    hiddenSensitiveDomains: detail.hiddenSensitive,
    subjects: detail.subjects.map((s) => ({ key: s.key, memberId: s.memberId, level: s.level, name: s.name, tookPart: s.tookPart })),
    scores,
    amendments: amendments.map((a) => ({
      subject: a.subject,
      domainKey: a.domainKey,
      at: iso(a.createdAt),
      before: { state: a.before.state, score: a.before.score },
      after: { state: a.after.state, score: a.after.score },
      ...(withRemarks ? { reason: a.reason, beforeRemark: a.before.remark, afterRemark: a.after.remark } : {}),
    })),
  };
}

export function gpmiSummaryJson(g: GpmiSummary): GpmiSummaryJson {
  return {
    id: g.id,
    memberId: g.memberId,
    balanceId: g.balanceId,
    state: g.state,
    latestVersion: {
      number: g.latest.number,
      status: g.latest.status,
      startOn: g.latest.startOn,
      durationMonths: g.latest.durationMonths,
      signedOn: g.latest.signedOn,
    },
    nextEvaluation: g.nextEvaluation,
  };
}

/**
 * A GPMI with all its versions. `source` is the balance it came from, found with this caller's
 * sensitive-domain rule: agreements on domains shielded from the caller are left out and counted,
 * as on the GPMI page. Evaluation notes only with the remarks scope.
 */
export function gpmiJson(
  g: GpmiRecord,
  versions: VersionDetail[],
  source: Pick<BalanceDetail, 'layout' | 'catalogue'>,
  opts: { lang: Locale; withRemarks: boolean },
): GpmiJson {
  const domainName = (key: string) => source.catalogue.themes.flatMap((t) => t.domains).find((d) => d.key === key)?.name[opts.lang] ?? key;
  const evaluations = new Map<number, { id: number; heldOn: string; inPerson: boolean | null; versionNumber: number }>();
  const json = versions.map((v) => {
    const visible = v.agreements.filter((a) => agreementVisible(source, a));
    for (const a of visible)
      for (const e of a.evaluations) evaluations.set(e.evaluationId, { id: e.evaluationId, heldOn: e.heldOn, inPerson: e.inPerson, versionNumber: v.number });
    return {
      number: v.number,
      status: v.status,
      startOn: v.startOn,
      durationMonths: v.durationMonths,
      endsOn: addMonths(v.startOn, v.durationMonths),
      reason: v.reason,
      signedOn: v.signedOn,
      moments: v.moments,
      hiddenAgreements: v.agreements.length - visible.length,
      agreements: visible.map((a) => ({
        id: a.id,
        subject: a.subject,
        memberId: a.memberId,
        domainKey: a.domainKey,
        domainName: domainName(a.domainKey),
        text: a.text,
        longTermGoal: a.longTermGoal,
        shortTermGoal: a.shortTermGoal,
        targetScore: a.targetScore,
        dueOn: a.dueOn,
        status: a.status,
        currentStatus: a.currentStatus,
        clientActions: a.client,
        ocmwActions: a.ocmw,
        partners: a.partners,
        evaluations: a.evaluations.map((e) => ({
          evaluationId: e.evaluationId,
          heldOn: e.heldOn,
          status: e.status,
          ...(opts.withRemarks ? { note: e.note } : {}),
        })),
      })),
    };
  });
  return {
    id: g.id,
    memberId: g.memberId,
    balanceId: g.balanceId,
    createdAt: iso(g.createdAt),
    versions: json,
    evaluations: [...evaluations.values()].sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id)),
  };
}

export function catalogueJson(v: CatalogueVersion): CatalogueJson {
  return {
    id: v.id,
    number: v.number,
    publishedAt: iso(v.publishedAt),
    themes: v.catalogue.themes.map((t) => ({
      key: t.key,
      level: t.level,
      name: t.name,
      domains: t.domains.map((d) => ({
        key: d.key,
        name: d.name,
        question: d.question,
        anchors: [...d.anchors],
        allowNotApplicable: d.allowNotApplicable,
        defaultOn: d.defaultOn,
        sensitive: d.sensitive,
        podMiAreas: [...d.podMiAreas],
      })),
    })),
  };
}

const figuresDomainJson = (d: FiguresDomain) => ({ key: d.key, level: d.level, name: d.name, theme: d.theme, sensitive: d.sensitive });

/** The figures as figuresFor() gave them (already suppressed, for the export audience). */
export function figuresJson(r: FiguresResult): FiguresJson {
  return {
    filters: r.filters,
    threshold: r.threshold,
    distribution: r.distribution.map((row) => ({ domain: figuresDomainJson(row.domain), counts: row.counts, total: row.total, withheld: row.withheld })),
    movement:
      r.movement?.map((m) => ({
        domain: figuresDomainJson(m.domain),
        cells: m.cells,
        total: m.total,
        improved: m.improved,
        stayed: m.stayed,
        worsened: m.worsened,
        shares: m.shares,
        withheld: m.withheld,
      })) ?? null,
    outcomes: r.outcomes.map((o) => ({ domain: figuresDomainJson(o.domain), statuses: o.statuses, total: o.total })),
    inspection: r.inspection,
    completeness: r.completeness,
    sensitiveLeftOut: r.hiddenSensitive,
  };
}
