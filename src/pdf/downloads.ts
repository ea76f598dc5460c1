import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import type { Household } from '../households/model.js';
import type { Locale } from '../i18n/index.js';
import { findBalance, listAmendments } from '../balances/queries.js';
import { loadGpmiForPrint } from '../gpmi/queries.js';
import { gpmiReportInput } from './gpmi-input.js';
import { pdfFileName } from './file-name.js';
import type { GpmiAudience } from './gpmi-report.js';

// The two PDFs, made the same way for whoever asks (a worker's download: src/pdf/routes.ts; an API
// client: src/api/routes.ts). The record is found in the caller's scope, inside the client file the
// caller entered through households/scoped.ts, with sensitive domains hidden by the same rule;
// undefined is "not there or not yours" (the route answers 404). The route writes the audit row.

// pdfkit, its fonts and the report code are imported on the first download, not at start: they
// cost start-up time every process paid although most never makes a PDF.
const balanceReport = () => import('./balance-report.js');
const gpmiReport = () => import('./gpmi-report.js');

type Db = Kysely<Database>;

/** The response for a generated PDF: a download with a safe file name, never cached. */
export function pdfResponse(pdf: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      // The name is plain ASCII (pdfFileName), so no filename* encoding is needed.
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Content-Length': String(pdf.byteLength),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export interface Download {
  /** The record downloaded, for the audit row. */
  id: number;
  response: Response;
}

/** The balance report. A draft can be downloaded too, marked as a draft on every page. */
export async function balancePdf(
  db: Db,
  scope: OrgScope,
  household: Household,
  balanceId: number,
  opts: { hideSensitive: boolean; locale: Locale; organisationName: string },
): Promise<Download | undefined> {
  const detail = await findBalance(db, scope, household.id, balanceId, { hideSensitive: opts.hideSensitive });
  if (!detail) return undefined;
  const amendments = detail.status === 'final' ? await listAmendments(db, detail) : [];
  const { renderBalanceReport } = await balanceReport();
  const pdf = await renderBalanceReport({ organisation: opts.organisationName, household, detail, amendments, locale: opts.locale });
  return {
    id: detail.id,
    response: pdfResponse(pdf, pdfFileName({ kind: 'sociale-balans', dossierRef: household.dossierRef, householdId: household.id, date: detail.takenOn })),
  };
}

/**
 * A GPMI version (default: the newest) for signing or for the client file: the client's copy
 * (neutral score chips, no evaluation notes) or the file copy (colours and the workers' notes).
 * `workerName` signs an unsigned version (the person downloading, or the assigned worker).
 */
export async function gpmiPdf(
  db: Db,
  scope: OrgScope,
  household: Household,
  gpmiId: number,
  opts: { version: number | undefined; audience: GpmiAudience; hideSensitive: boolean; locale: Locale; workerName: string },
): Promise<Download | undefined> {
  const print = await loadGpmiForPrint(db, scope, household.id, gpmiId, { version: opts.version, locale: opts.locale, hideSensitive: opts.hideSensitive });
  if (!print) return undefined;
  const { renderGpmiReport } = await gpmiReport();
  const pdf = await renderGpmiReport(gpmiReportInput(print, opts.workerName), { audience: opts.audience });
  const fileName = pdfFileName({
    kind: opts.audience === 'file' ? 'gpmi-dossierkopie' : 'gpmi',
    dossierRef: household.dossierRef,
    householdId: household.id,
    date: print.version.signedOn ?? print.version.startOn,
  });
  return { id: print.gpmiId, response: pdfResponse(pdf, fileName) };
}
