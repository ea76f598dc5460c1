import { Hono } from 'hono';
import type { HouseholdEnv } from '../households/scoped.js';
import { parseId } from '../http/params.js';
import { auditEvent } from '../audit/route-audit.js';
import { scope } from '../auth/scope.js';
import { findBalance, listAmendments } from '../balances/queries.js';
import { loadGpmiForPrint } from '../gpmi/queries.js';
import { gpmiReportInput } from './gpmi-input.js';
import { pdfFileName } from './file-name.js';

// Downloading a balance as PDF for the client file. The balance is found exactly as its page finds
// it (the client file's household, households/scoped.ts, + findBalance in the caller's scope,
// sensitive domains hidden by the same rule), so another team's or organisation's balance, or an id
// that does not exist, is the same 404, audited as access.denied by households/scoped.ts. A draft can
// be downloaded too (to print for the conversation), marked "ONTWERP — nog niet afgerond" on every page.

// pdfkit, its fonts and the report code are imported on the first download, not at start: they
// cost start-up time every process paid although most never makes a PDF.
const balanceReport = () => import('./balance-report.js');
const gpmiReport = () => import('./gpmi-report.js');

/** Mounted at /households/:householdId/balances/:balanceId/pdf. */
export const balancePdfRoutes = new Hono<HouseholdEnv>();
/** Mounted at /households/:householdId/gpmis/:gpmiId/pdf. */
export const gpmiPdfRoutes = new Hono<HouseholdEnv>();

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

balancePdfRoutes.get('/', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user');
  const household = c.get('household');
  const detail = await findBalance(deps.db, scope(c), household.id, parseId(c.req.param('balanceId')) ?? NaN, { hideSensitive: c.get('hideSensitive') });
  if (!detail) return c.notFound();
  const amendments = detail.status === 'final' ? await listAmendments(deps.db, detail) : [];
  const { renderBalanceReport } = await balanceReport();
  const pdf = await renderBalanceReport({ organisation: user.organisationName, household, detail, amendments, locale: c.get('locale') });
  await auditEvent(c, 'balance.pdf_downloaded', { type: 'balance', id: detail.id });
  return pdfResponse(pdf, pdfFileName({ kind: 'sociale-balans', dossierRef: household.dossierRef, householdId: household.id, date: detail.takenOn }));
});

// The GPMI for signing and for the client file: the newest version, or ?version=N. Found through
// loadGpmiForPrint (household in scope, GPMI of that household, version of that GPMI), so anything
// else is a 404 (audited as access.denied by households/scoped.ts); agreements on sensitive domains shielded from this user are
// left out exactly as on the GPMI page.
gpmiPdfRoutes.get('/', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user');
  const household = c.get('household');
  const rawVersion = c.req.query('version');
  const version = rawVersion === undefined ? undefined : parseId(rawVersion);
  if (version === null) return c.notFound();
  // The client's copy (default: neutral score chips, no evaluation notes) or, with ?copy=file, the
  // copy for the client file, which keeps the colours and the workers' notes.
  const copy = c.req.query('copy');
  if (copy !== undefined && copy !== 'file' && copy !== 'client') return c.notFound();
  const audience = copy === 'file' ? 'file' : 'client';
  const print = await loadGpmiForPrint(deps.db, scope(c), household.id, parseId(c.req.param('gpmiId')) ?? NaN, {
    version,
    locale: c.get('locale'),
    hideSensitive: c.get('hideSensitive'),
  });
  if (!print) return c.notFound();
  const { renderGpmiReport } = await gpmiReport();
  const pdf = await renderGpmiReport(gpmiReportInput(print, user.displayName), { audience });
  await auditEvent(c, 'gpmi.pdf_downloaded', { type: 'gpmi', id: print.gpmiId });
  return pdfResponse(
    pdf,
    pdfFileName({
      kind: audience === 'file' ? 'gpmi-dossierkopie' : 'gpmi',
      dossierRef: household.dossierRef,
      householdId: household.id,
      date: print.version.signedOn ?? print.version.startOn,
    }),
  );
});
