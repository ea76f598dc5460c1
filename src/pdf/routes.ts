import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { parseId } from '../http/params.js';
import { audit } from '../audit/audit.js';
import { requireUser } from '../auth/middleware.js';
import { scope } from '../auth/scope.js';
import { findHousehold } from '../households/queries.js';
import { findBalance, listAmendments } from '../balances/queries.js';
import { hidesSensitive } from '../balances/routes.js';
import { loadGpmiForPrint } from '../gpmi/queries.js';
import { gpmiReportInput } from './gpmi-input.js';
import { pdfFileName } from './file-name.js';

// Downloading a balance as PDF for the client file. The balance is found exactly as its page finds
// it (findHousehold + findBalance in the user's scope, sensitive domains hidden by the same rule),
// so another team's or organisation's balance, or an id that does not exist, is the same 404 and
// it is audited as access.denied (src/audit/denied-client-records.ts). A draft can be downloaded too (to print for the conversation),
// marked "ONTWERP — nog niet afgerond" on every page.

// pdfkit, its fonts and the report code are imported on the first download, not at start: they
// cost start-up time every process paid although most never makes a PDF.
const balanceReport = () => import('./balance-report.js');
const gpmiReport = () => import('./gpmi-report.js');

export const pdfRoutes = new Hono<AppEnv>();
pdfRoutes.use('/households/:hid/balances/:bid/pdf', requireUser);
pdfRoutes.use('/households/:hid/gpmis/:gid/pdf', requireUser);

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

pdfRoutes.get('/households/:hid/balances/:bid/pdf', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user')!;
  const household = await findHousehold(deps.db, scope(c), parseId(c.req.param('hid')) ?? NaN);
  if (!household) return c.notFound();
  const detail = await findBalance(deps.db, scope(c), household.id, parseId(c.req.param('bid')) ?? NaN, { hideSensitive: hidesSensitive(user, household) });
  if (!detail) return c.notFound();
  const amendments = detail.status === 'final' ? await listAmendments(deps.db, detail) : [];
  const { renderBalanceReport } = await balanceReport();
  const pdf = await renderBalanceReport({ organisation: user.organisationName, household, detail, amendments, locale: c.get('locale') });
  await audit(deps.db, deps.now(), {
    organisationId: user.organisationId,
    actorUserId: user.id,
    action: 'balance.pdf_downloaded',
    targetType: 'balance',
    targetId: detail.id,
    requestId: c.get('requestId'),
  });
  return pdfResponse(pdf, pdfFileName({ kind: 'sociale-balans', dossierRef: household.dossierRef, householdId: household.id, date: detail.takenOn }));
});

// The GPMI for signing and for the client file: the newest version, or ?version=N. Found through
// loadGpmiForPrint (household in scope, GPMI of that household, version of that GPMI), so anything
// else is a 404 with nothing audited; agreements on sensitive domains shielded from this user are
// left out exactly as on the GPMI page.
pdfRoutes.get('/households/:hid/gpmis/:gid/pdf', async (c) => {
  const deps = c.get('deps');
  const user = c.get('user')!;
  const household = await findHousehold(deps.db, scope(c), parseId(c.req.param('hid')) ?? NaN);
  if (!household) return c.notFound();
  const rawVersion = c.req.query('version');
  const version = rawVersion === undefined ? undefined : parseId(rawVersion);
  if (version === null) return c.notFound();
  const print = await loadGpmiForPrint(deps.db, scope(c), household.id, parseId(c.req.param('gid')) ?? NaN, {
    version,
    locale: c.get('locale'),
    hideSensitive: hidesSensitive(user, household),
  });
  if (!print) return c.notFound();
  const { renderGpmiReport } = await gpmiReport();
  const pdf = await renderGpmiReport(gpmiReportInput(print, user.displayName));
  await audit(deps.db, deps.now(), {
    organisationId: user.organisationId,
    actorUserId: user.id,
    action: 'gpmi.pdf_downloaded',
    targetType: 'gpmi',
    targetId: print.gpmiId,
    requestId: c.get('requestId'),
  });
  return pdfResponse(
    pdf,
    pdfFileName({ kind: 'gpmi', dossierRef: household.dossierRef, householdId: household.id, date: print.version.signedOn ?? print.version.startOn }),
  );
});
