import { Hono, type Context } from 'hono';
import type { HouseholdEnv } from '../households/scoped.js';
import { readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { parseId } from '../http/params.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { scope } from '../auth/scope.js';
import { findBalance } from '../balances/queries.js';
import { loadGpmiForPrint } from '../gpmi/queries.js';
import { pdfResponse } from '../pdf/downloads.js';
import { pdfFileName } from '../pdf/file-name.js';
import { domainsOf } from '../catalogue/catalogue.js';
import { GpmiClientTextsPage, WebOnlyPage } from '../../views/client-voice/GpmiClientTextsPage.js';
import { DUTCH, type ClientLanguage } from './languages.js';
import { clientTextEntries, languagesForClients, officialLanguage } from './queries.js';
import { ClientCopy } from './text-logic.js';
import { gpmiSentences, gpmiTranslations, saveGpmiTranslations, sourceHash } from './gpmi-texts.js';
import { parseGpmiTexts, type GpmiTextErrors } from './forms.js';
import type { Official } from './pdf/client-copy.js';

// The client's copies in the client's language, inside the client file (entered through
// households/scoped.ts like every page of it): the GPMI's sentences written in the client's
// language by an interpreter or translator, and the bilingual PDFs of the GPMI and of the balance.
// Only languages switched on for clients: a draft translation reaches no client by paper either.

const clientCopyPdf = () => import('./pdf/client-copy.js');

/** Mounted at /households/:householdId/gpmis/:gpmiId/client-language. */
export const gpmiClientTextRoutes = new Hono<HouseholdEnv>();
/** Mounted at /households/:householdId/gpmis/:gpmiId/client-copy. */
export const gpmiClientCopyRoutes = new Hono<HouseholdEnv>();
/** Mounted at /households/:householdId/balances/:balanceId/client-copy. */
export const balanceClientCopyRoutes = new Hono<HouseholdEnv>();

async function clientLanguages(c: Context<HouseholdEnv>): Promise<ClientLanguage[]> {
  return (await languagesForClients(c.get('deps').db, scope(c))).filter((l) => l.code !== DUTCH.code);
}

/** The official language of a copy: the organisation's, or (Brussels) the one asked for. */
async function officialOf(c: Context<HouseholdEnv>): Promise<{ official: Official; choice: boolean } | undefined> {
  const setting = await officialLanguage(c.get('deps').db, scope(c));
  if (setting !== 'nl-fr') return { official: setting, choice: false };
  const asked = c.req.query('official') ?? 'nl';
  return asked === 'nl' || asked === 'fr' ? { official: asked, choice: true } : undefined;
}

async function loadPrint(c: Context<HouseholdEnv>, locale: 'nl' | 'fr' | 'en') {
  return loadGpmiForPrint(c.get('deps').db, scope(c), c.get('household').id, parseId(c.req.param('gpmiId')) ?? NaN, {
    locale,
    hideSensitive: c.get('hideSensitive'),
  });
}

async function textsPage(
  c: Context<HouseholdEnv>,
  opts: { lang: ClientLanguage | undefined; errors?: GpmiTextErrors; typed?: Map<string, string> | undefined; status?: 200 | 422 },
) {
  const official = await officialOf(c);
  const print = await loadPrint(c, official?.official ?? 'nl');
  if (!print) return c.notFound();
  const languages = await clientLanguages(c);
  const sentences = gpmiSentences(print);
  const saved = opts.lang ? await gpmiTranslations(c.get('deps').db, scope(c), print.gpmiId, opts.lang.code) : new Map<string, string>();
  const values = new Map(sentences.map((s) => [s.source, opts.typed?.get(s.source) ?? saved.get(s.source) ?? '']));
  await auditEvent(c, 'gpmi.client_texts_viewed', { type: 'gpmi', id: print.gpmiId });
  return render(
    c,
    () => (
      <GpmiClientTextsPage
        ui={ui(c)}
        household={c.get('household')}
        gpmiId={print.gpmiId}
        languages={languages}
        lang={opts.lang}
        sentences={sentences.map((s) => ({ ...s, hash: sourceHash(s.source), value: values.get(s.source) ?? '' }))}
        errors={opts.errors ?? {}}
        officialChoice={official?.choice ?? false}
        notice={c.req.query('saved') === '1' ? ui(c).t.clientVoice.gpmi.saved : undefined}
      />
    ),
    { status: opts.status ?? 200 },
  );
}

gpmiClientTextRoutes.get('/', async (c) => {
  const languages = await clientLanguages(c);
  const lang = languages.find((l) => l.code === c.req.query('lang')) ?? languages[0];
  return textsPage(c, { lang });
});

gpmiClientTextRoutes.post('/', async (c) => {
  const fields = await readForm(c);
  const print = await loadPrint(c, 'nl');
  if (!print) return c.notFound();
  const parsed = parseGpmiTexts(
    fields,
    await clientLanguages(c),
    gpmiSentences(print).map((s) => s.source),
  );
  if (!parsed.ok) return textsPage(c, { lang: parsed.lang, errors: parsed.errors, typed: parsed.typed, status: 422 });
  const { lang, entries } = parsed;
  const { db, now } = c.get('deps');
  await inTransaction(db, async (trx) => {
    if (await saveGpmiTranslations(trx, scope(c), print.gpmiId, lang.code, entries, now()))
      await auditChange(c, trx, 'gpmi.client_texts_saved', { type: 'gpmi', id: print.gpmiId });
  });
  return redirectAfterPost(c, `/households/${c.get('household').id}/gpmis/${print.gpmiId}/client-language?lang=${encodeURIComponent(lang.code)}&saved=1`);
});

/** The client's texts in `lang` (only a language switched on for clients), or undefined. */
async function clientCopyOf(c: Context<HouseholdEnv>): Promise<ClientCopy | undefined> {
  const lang = (await clientLanguages(c)).find((l) => l.code === c.req.query('lang'));
  if (!lang) return undefined;
  return new ClientCopy(lang, await clientTextEntries(c.get('deps').db, scope(c), lang.code));
}

gpmiClientCopyRoutes.get('/', async (c) => {
  const copy = await clientCopyOf(c);
  const official = await officialOf(c);
  if (!copy || !official) return c.notFound();
  const print = await loadPrint(c, official.official);
  const dutch = official.official === 'nl' ? print : await loadPrint(c, 'nl');
  if (!print || !dutch) return c.notFound();
  const translations = await gpmiTranslations(c.get('deps').db, scope(c), print.gpmiId, copy.language.code);
  const { renderGpmiClientCopy, pdfCanDraw, pdfLanguageProven } = await clientCopyPdf();
  const dutchDomainNames = new Map(dutch.agreements.map((a) => [a.domainKey, a.domainName]));
  const clientTexts = [
    ...translations.values(),
    ...dutch.agreements.map((a) => copy.text(`domain:${a.domainKey}:name`, a.domainName).text),
    ...(['pdfGpmiTitle', 'pdfBindingNl', 'pdfNotTranslated', 'pdfClientActions', 'pdfOcmwActions'] as const).map((k) => copy.w(k)),
  ];
  if (!pdfLanguageProven(copy.language) || !pdfCanDraw(clientTexts))
    return render(c, () => <WebOnlyPage ui={ui(c)} household={c.get('household')} language={copy.language} />, { status: 200 });
  const pdf = await renderGpmiClientCopy({ print, copy, official: official.official, translations, dutchDomainNames });
  await auditEvent(c, 'gpmi.client_copy_downloaded', { type: 'gpmi', id: print.gpmiId });
  return pdfResponse(
    pdf,
    pdfFileName({
      kind: `gpmi-clientkopie-${copy.language.code}`,
      dossierRef: c.get('household').dossierRef,
      householdId: c.get('household').id,
      date: print.version.signedOn ?? print.version.startOn,
    }),
  );
});

balanceClientCopyRoutes.get('/', async (c) => {
  const copy = await clientCopyOf(c);
  const official = await officialOf(c);
  if (!copy || !official) return c.notFound();
  const household = c.get('household');
  const { db } = c.get('deps');
  const detail = await findBalance(db, scope(c), household.id, parseId(c.req.param('balanceId')) ?? NaN, { hideSensitive: c.get('hideSensitive') });
  if (!detail) return c.notFound();
  const { renderBalanceClientCopy, pdfCanDraw, pdfLanguageProven } = await clientCopyPdf();
  const texts = domainsOf(detail.catalogue).flatMap(({ domain }) => [
    copy.text(`domain:${domain.key}:name`, domain.name.nl).text,
    ...domain.anchors.map((a, i) => copy.text(`domain:${domain.key}:anchor${i + 1}`, a.nl).text),
  ]);
  if (!pdfLanguageProven(copy.language) || !pdfCanDraw(texts))
    return render(c, () => <WebOnlyPage ui={ui(c)} household={household} language={copy.language} />, { status: 200 });
  const pdf = await renderBalanceClientCopy({
    detail,
    copy,
    official: official.official,
    organisation: c.get('user').organisationName,
    dossierRef: household.dossierRef,
  });
  await auditEvent(c, 'balance.client_copy_downloaded', { type: 'balance', id: detail.id });
  return pdfResponse(
    pdf,
    pdfFileName({
      kind: `sociale-balans-clientkopie-${copy.language.code}`,
      dossierRef: household.dossierRef,
      householdId: household.id,
      date: detail.takenOn,
    }),
  );
});
