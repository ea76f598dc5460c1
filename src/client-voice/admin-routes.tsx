import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { SignedInEnv } from '../http/env.js';
import { readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { ui } from '../http/ui.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction } from '../db/transaction.js';
import { requireAdmin } from '../auth/middleware.js';
import { scope } from '../auth/scope.js';
import { getCurrentVersion } from '../catalogue/queries.js';
import { TranslationLanguagePage, TranslationsPage, type LanguageRow } from '../../views/client-voice/TranslationsPage.js';
import { parseNewLanguage, parseOfficialLanguage, parseVisibility, poImportErrors, readPoUpload, type LanguageError } from './forms.js';
import { CLIENT_LANGUAGES, clientLanguage, DUTCH } from './languages.js';
import { exportPo, parsePoImport } from './po.js';
import {
  addLanguage,
  clientTextEntries,
  officialLanguage,
  organisationLanguages,
  saveImportedTexts,
  setOfficialLanguage,
  setShownToClients,
} from './queries.js';
import { catalogueSources, coverage, wordSources, type SourceText } from './text-logic.js';

// Client languages and their texts, for administrators (beheerders), mounted at /translations:
// which languages clients may choose (audited), which language binds on the client's copies, and
// the translator exchange: a language's client texts out as a PO file and a reviewed file back in
// (validated whole: a bad file changes nothing).

export const translationRoutes = new Hono<SignedInEnv>();
translationRoutes.use(requireAdmin);

/** The texts a client reads now: the current catalogue's and the client view's own words. */
async function sourcesOf(c: Context<SignedInEnv>): Promise<SourceText[]> {
  const version = await getCurrentVersion(c.get('deps').db, scope(c));
  return [...(version ? catalogueSources(version.catalogue) : []), ...wordSources()];
}

async function rows(c: Context<SignedInEnv>): Promise<LanguageRow[]> {
  const { db } = c.get('deps');
  const sources = await sourcesOf(c);
  const states = await organisationLanguages(db, scope(c));
  return Promise.all(states.map(async (s) => ({ ...s, coverage: coverage(sources, await clientTextEntries(db, scope(c), s.language.code)) })));
}

async function listPage(c: Context<SignedInEnv>, opts: { notice?: string | undefined; error?: LanguageError; status?: 200 | 422 } = {}) {
  const { db } = c.get('deps');
  const languages = await rows(c);
  const official = await officialLanguage(db, scope(c));
  const addable = CLIENT_LANGUAGES.filter((l) => l.code !== DUTCH.code && !languages.some((r) => r.language.code === l.code));
  return render(c, () => <TranslationsPage ui={ui(c)} languages={languages} official={official} addable={addable} notice={opts.notice} error={opts.error} />, {
    status: opts.status ?? 200,
  });
}

translationRoutes.get('/', (c) => {
  const t = c.get('t').clientVoice.admin;
  const notice = { saved: t.saved, added: t.added }[c.req.query('done') ?? ''];
  return listPage(c, { notice });
});

translationRoutes.post('/official-language', async (c) => {
  const parsed = parseOfficialLanguage(await readForm(c));
  if (!parsed.ok) return listPage(c, { error: parsed.error, status: 422 });
  const { db, now } = c.get('deps');
  await inTransaction(db, async (trx) => {
    if (await setOfficialLanguage(trx, scope(c), parsed.official, now()))
      await auditChange(c, trx, 'client_setting.changed', { type: 'organisation', id: scope(c).organisationId });
  });
  return redirectAfterPost(c, '/translations?done=saved');
});

translationRoutes.post('/languages', async (c) => {
  const fields = await readForm(c);
  const existing = await organisationLanguages(c.get('deps').db, scope(c));
  const parsed = parseNewLanguage(
    fields,
    existing.map((r) => r.language.code),
  );
  if (!parsed.ok) return listPage(c, { error: parsed.error, status: 422 });
  const { language } = parsed;
  const { db, now } = c.get('deps');
  await inTransaction(db, async (trx) => {
    if (await addLanguage(trx, scope(c), language.code, now()))
      await auditChange(c, trx, 'client_language.added', { type: 'client_language', id: language.code });
  });
  return redirectAfterPost(c, `/translations/${language.code}`);
});

/** A language of this organisation (shipped or added), by its exact code; never Dutch. */
async function languageOf(c: Context<SignedInEnv>): Promise<LanguageRow | undefined> {
  const code = c.req.param('lang');
  const language = clientLanguage(code);
  if (!language || language.code === DUTCH.code) return undefined;
  return (await rows(c)).find((r) => r.language.code === language.code);
}

async function languagePage(
  c: Context<SignedInEnv>,
  row: LanguageRow,
  opts: { notice?: string | undefined; errors?: LanguageError[]; status?: 200 | 413 | 422 } = {},
) {
  return render(c, () => <TranslationLanguagePage ui={ui(c)} row={row} notice={opts.notice} errors={opts.errors} />, { status: opts.status ?? 200 });
}

translationRoutes.get('/:lang', async (c) => {
  const row = await languageOf(c);
  if (!row) return c.notFound();
  const t = c.get('t').clientVoice.admin;
  const done = c.req.query('done');
  const imported = c.req.query('imported');
  const notice = done === 'on' ? t.shownOn : done === 'off' ? t.shownOff : imported && /^\d{1,6}$/.test(imported) ? t.imported(Number(imported)) : undefined;
  return languagePage(c, row, { notice });
});

translationRoutes.post('/:lang/visibility', async (c) => {
  const row = await languageOf(c);
  if (!row) return c.notFound();
  const parsed = parseVisibility(await readForm(c), row.coverage.draft);
  if (!parsed.ok) return languagePage(c, row, { errors: [parsed.error], status: 422 });
  const { shown } = parsed;
  const { db, now } = c.get('deps');
  await inTransaction(db, async (trx) => {
    if (await setShownToClients(trx, scope(c), row.language.code, shown, now()))
      await auditChange(c, trx, shown ? 'client_language.shown' : 'client_language.hidden', { type: 'client_language', id: row.language.code });
  });
  return redirectAfterPost(c, `/translations/${row.language.code}?done=${shown ? 'on' : 'off'}`);
});

translationRoutes.get('/:lang/po', async (c) => {
  const row = await languageOf(c);
  if (!row) return c.notFound();
  const { db, now } = c.get('deps');
  const file = exportPo({ language: row.language, sources: await sourcesOf(c), entries: await clientTextEntries(db, scope(c), row.language.code), now: now() });
  await auditEvent(c, 'client_texts.exported', { type: 'client_language', id: row.language.code });
  return new Response(file, {
    status: 200,
    headers: {
      'Content-Type': 'text/x-gettext-translation; charset=utf-8',
      'Content-Disposition': `attachment; filename="sociale-balans-client-texts-${row.language.code}.po"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});

translationRoutes.post('/:lang/import', async (c) => {
  const row = await languageOf(c);
  if (!row) return c.notFound();
  let data: FormData;
  try {
    data = await c.req.formData();
  } catch {
    throw new HTTPException(400, { message: 'malformed multipart body' });
  }
  const upload = await readPoUpload(data.get('file'));
  if (!upload.ok) return languagePage(c, row, { errors: upload.errors, status: upload.status });
  const parsed = parsePoImport(row.language, upload.text, await sourcesOf(c));
  if (!parsed.ok) return languagePage(c, row, { errors: poImportErrors(parsed.problems), status: 422 });
  const { db, now } = c.get('deps');
  await inTransaction(db, async (trx) => {
    await saveImportedTexts(trx, scope(c), row.language.code, parsed.texts, now());
    await auditChange(c, trx, 'client_texts.imported', { type: 'client_language', id: row.language.code });
  });
  return redirectAfterPost(c, `/translations/${row.language.code}?imported=${parsed.texts.length}`);
});
