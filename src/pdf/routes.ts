import { Hono } from 'hono';
import type { HouseholdEnv } from '../households/scoped.js';
import { parseId } from '../http/params.js';
import { auditEvent } from '../audit/route-audit.js';
import { scope } from '../auth/scope.js';
import { balancePdf, gpmiPdf } from './downloads.js';

// Downloading a balance or a GPMI as PDF for the client file. The record is found exactly as its
// page finds it (the client file's household, households/scoped.ts, + the caller's scope,
// sensitive domains hidden by the same rule: downloads.ts), so another team's or organisation's
// record, or an id that does not exist, is the same 404, audited as access.denied by
// households/scoped.ts. A draft balance can be downloaded too (to print for the conversation).

/** Mounted at /households/:householdId/balances/:balanceId/pdf. */
export const balancePdfRoutes = new Hono<HouseholdEnv>();
/** Mounted at /households/:householdId/gpmis/:gpmiId/pdf. */
export const gpmiPdfRoutes = new Hono<HouseholdEnv>();

balancePdfRoutes.get('/', async (c) => {
  const pdf = await balancePdf(c.get('deps').db, scope(c), c.get('household'), parseId(c.req.param('balanceId')) ?? NaN, {
    hideSensitive: c.get('hideSensitive'),
    locale: c.get('locale'),
    organisationName: c.get('user').organisationName,
  });
  if (!pdf) return c.notFound();
  await auditEvent(c, 'balance.pdf_downloaded', { type: 'balance', id: pdf.id });
  return pdf.response;
});

// The newest version, or ?version=N. The client's copy by default; ?copy=file for the client file.
gpmiPdfRoutes.get('/', async (c) => {
  const rawVersion = c.req.query('version');
  const version = rawVersion === undefined ? undefined : parseId(rawVersion);
  if (version === null) return c.notFound();
  const copy = c.req.query('copy');
  if (copy !== undefined && copy !== 'file' && copy !== 'client') return c.notFound();
  const pdf = await gpmiPdf(c.get('deps').db, scope(c), c.get('household'), parseId(c.req.param('gpmiId')) ?? NaN, {
    version,
    audience: copy === 'file' ? 'file' : 'client',
    hideSensitive: c.get('hideSensitive'),
    locale: c.get('locale'),
    workerName: c.get('user').displayName,
  });
  if (!pdf) return c.notFound();
  await auditEvent(c, 'gpmi.pdf_downloaded', { type: 'gpmi', id: pdf.id });
  return pdf.response;
});
