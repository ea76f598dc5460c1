import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { SignedInEnv } from '../http/env.js';
import type { Database } from '../db/schema.js';
import { readForm } from '../http/form.js';
import { redirectAfterPost } from '../http/htmx.js';
import { render } from '../http/render.js';
import { renderError } from '../http/errors.js';
import { ui } from '../http/ui.js';
import type { AuditAction, AuditTargetType } from '../audit/audit.js';
import { auditChange, auditEvent } from '../audit/route-audit.js';
import { inTransaction, type Trx } from '../db/transaction.js';
import { requireAdmin, requireUser } from '../auth/middleware.js';
import { scope } from '../auth/scope.js';
import { POD_MI_AREAS } from './default-catalogue.js';
import { isLocale, LOCALES, type Locale } from '../i18n/locale.js';
import { describeIssues } from './catalogue-schema.js';
import { diffCatalogues, hasChanges } from './catalogue.js';
import {
  addDomain,
  addTheme,
  findDraftDomain,
  findDraftTheme,
  getCatalogueVersion,
  getCurrentVersion,
  hasCatalogue,
  installDefaultCatalogue,
  listVersions,
  loadDraft,
  moveDomain,
  moveTheme,
  pendingPublication,
  publishDraft,
  replaceDraft,
  restoreDomain,
  retireDomain,
  setDomainActive,
  updateDomain,
  updateTheme,
} from './queries.js';
import { draftCatalogue } from './logic.js';
import {
  IMPORT_MAX_BYTES,
  TEXT_FIELDS,
  domainFormValues,
  parseActivation,
  parseDirection,
  parseDomain,
  parseNewTheme,
  parsePublication,
  parseThemeNames,
  readDomainForm,
  readImportFile,
  readThemeForm,
  requireRevision,
  type CatalogueError,
  type CatalogueErrors,
  type DomainFormValues,
} from './forms.js';
import { CataloguePage, NoCataloguePage, VersionPage, VersionsPage } from '../../views/catalogue/CataloguePage.js';
import { DraftPage } from '../../views/catalogue/DraftPage.js';
import { DomainFormPage, domainFieldLabels, type ConflictRow } from '../../views/catalogue/DomainFormPage.js';
import { ThemeFormPage, themeFieldLabels } from '../../views/catalogue/ThemeFormPage.js';
import { PublicationPage } from '../../views/catalogue/PublicationPage.js';
import { ImportPage } from '../../views/catalogue/ImportPage.js';

/** The upload's path inside the catalogue's sub-app, and in the app (src/app.ts exempts it from the 1 MB limit). */
const IMPORT = '/import';
export const IMPORT_PATH = `/catalogue${IMPORT}`;
/** The request limit for the upload: above the file limit, so "over 2 MB" gets its own clear message. */
export const IMPORT_BODY_LIMIT = 3 * 1024 * 1024;

// Every route below is behind requireUser or requireAdmin (set up right after), hence SignedInEnv.
export const catalogueRoutes = new Hono<SignedInEnv>();

// The upload is exempt from the app-wide 1 MB limit (src/app.ts) and gets its own, which runs
// before anything reads the body, including the sign-in check (its form replay reads the body).
catalogueRoutes.use(
  IMPORT,
  bodyLimit({
    maxSize: IMPORT_BODY_LIMIT,
    onError: (c) => (c.get('user')?.isAdmin ? render(c, () => <ImportPage ui={ui(c)} error="fileTooLarge" />, { status: 413 }) : renderError(c, 'tooLarge')),
  }),
);

// Reading the catalogue is for everyone signed in; changing, importing and exporting it is for
// administrators (beheerders) only.
// Mounted at /catalogue (src/app.ts), so these run for the catalogue's own paths only.
catalogueRoutes.use(requireUser);
for (const path of ['/draft', '/draft/*', '/publication', IMPORT, '/export', '/installation']) {
  catalogueRoutes.use(path, requireAdmin);
}

// ---------------------------------------------------------------- helpers

function idParam(value: string | undefined): number | undefined {
  return value && /^[0-9]{1,15}$/.test(value) ? Number(value) : undefined;
}

function textLang(c: Context<SignedInEnv>): Locale {
  const q = c.req.query('lang');
  return isLocale(q) ? q : c.get('locale');
}

/** One change plus its audit row, all or nothing (the route owns the transaction). */
async function changeAudited<T>(
  c: Context<SignedInEnv>,
  action: AuditAction,
  fn: (trx: Trx) => Promise<T>,
  target: (result: T) => { type: AuditTargetType; id: number | string } | null,
): Promise<T> {
  return inTransaction(c.get('deps').db, async (trx) => {
    const result = await fn(trx);
    const t = target(result);
    if (t) await auditChange(c, trx, action, t);
    return result;
  });
}

/** Both versions of every field that differs, for the 409 page. */
function conflictRows(c: Context<SignedInEnv>, saved: DomainFormValues, yours: DomainFormValues): ConflictRow[] {
  const t = c.get('t').catalogue;
  const labels = domainFieldLabels(ui(c));
  const rows: ConflictRow[] = [];
  for (const f of TEXT_FIELDS) {
    if ((saved.texts[f.name] ?? '') !== (yours.texts[f.name] ?? '').trim())
      rows.push({ label: labels[f.name]!, saved: saved.texts[f.name] ?? '', yours: yours.texts[f.name] ?? '' });
  }
  const yesNo = (b: boolean) => (b ? t.form.yes : t.form.no);
  if (saved.allowNotApplicable !== yours.allowNotApplicable)
    rows.push({ label: labels.allowNotApplicable!, saved: yesNo(saved.allowNotApplicable), yours: yesNo(yours.allowNotApplicable) });
  if (saved.sensitive !== yours.sensitive) rows.push({ label: labels.sensitive!, saved: yesNo(saved.sensitive), yours: yesNo(yours.sensitive) });
  const areas = (v: string[]) =>
    POD_MI_AREAS.filter((a) => v.includes(a))
      .map((a) => t.areas[a])
      .join(', ');
  if (areas(saved.podMiAreas) !== areas(yours.podMiAreas))
    rows.push({ label: labels.podMiAreas!, saved: areas(saved.podMiAreas), yours: areas(yours.podMiAreas) });
  return rows;
}

const DRAFT_NOTICES = ['saved', 'unchanged', 'added', 'themeAdded', 'retired', 'restored'] as const;

// ---------------------------------------------------------------- reading (everyone signed in)

catalogueRoutes.get('/', async (c) => {
  const { db } = c.get('deps');
  const t = c.get('t').catalogue;
  const version = await getCurrentVersion(db, scope(c));
  if (!version) return render(c, () => <NoCataloguePage ui={ui(c)} />);
  const published = idParam(c.req.query('published'));
  const notice = published !== undefined ? t.publishedNotice(published) : c.req.query('installed') ? t.installedNotice : undefined;
  return render(c, () => <CataloguePage ui={ui(c)} version={version} lang={textLang(c)} notice={notice} />);
});

catalogueRoutes.get('/versions', async (c) => {
  const { db } = c.get('deps');
  const [versions, current] = await Promise.all([listVersions(db, scope(c)), getCurrentVersion(db, scope(c))]);
  return render(c, () => <VersionsPage ui={ui(c)} versions={versions} catalogue={current?.catalogue} />);
});

catalogueRoutes.get('/versions/:id', async (c) => {
  const { db } = c.get('deps');
  const id = idParam(c.req.param('id'));
  const version = id === undefined ? undefined : await getCatalogueVersion(db, scope(c), id);
  if (!version) return c.notFound();
  const current = await getCurrentVersion(db, scope(c));
  return render(c, () => <VersionPage ui={ui(c)} version={version} currentNumber={current!.number} lang={textLang(c)} />);
});

// ---------------------------------------------------------------- installing (admin; organisations older than the catalogue)

catalogueRoutes.post('/installation', async (c) => {
  const { db, now } = c.get('deps');
  const s = scope(c);
  if (await hasCatalogue(db, s)) return redirectAfterPost(c, '/catalogue');
  await changeAudited(
    c,
    'catalogue.installed',
    (trx) => installDefaultCatalogue(trx, s.organisationId, now()),
    (id) => ({ type: 'catalogue_version', id }),
  );
  return redirectAfterPost(c, '/catalogue?installed=1');
});

// ---------------------------------------------------------------- export / import (admin)

catalogueRoutes.get('/export', async (c) => {
  const version = await getCurrentVersion(c.get('deps').db, scope(c));
  if (!version) return c.notFound();
  await auditEvent(c, 'catalogue.exported', { type: 'catalogue_version', id: version.id });
  c.header('Content-Disposition', `attachment; filename="catalogus-versie-${version.number}.json"`);
  c.header('Content-Type', 'application/json; charset=utf-8');
  return c.body(JSON.stringify(version.catalogue, null, 2) + '\n');
});

catalogueRoutes.get(IMPORT, (c) => render(c, () => <ImportPage ui={ui(c)} />));

catalogueRoutes.post(IMPORT, async (c) => {
  let data: FormData;
  try {
    data = await c.req.formData();
  } catch {
    throw new HTTPException(400, { message: 'malformed multipart body' });
  }
  const parsed = await readImportFile(data.get('file'));
  if (!parsed.ok) {
    const problems = parsed.refused ? describeIssues(parsed.refused.issues, parsed.refused.raw, c.get('t').catalogue.issues) : [];
    return render(c, () => <ImportPage ui={ui(c)} error={parsed.error} problems={problems} />, { status: parsed.status });
  }
  const s = scope(c);
  const now = c.get('deps').now();
  if (!(await hasCatalogue(c.get('deps').db, s))) return c.notFound();
  await changeAudited(
    c,
    'catalogue.imported',
    (trx) => replaceDraft(trx, s, parsed.catalogue, now),
    () => ({ type: 'catalogue_draft', id: s.organisationId }),
  );
  return redirectAfterPost(c, '/catalogue/publication?imported=1');
});

// ---------------------------------------------------------------- the draft (admin)

catalogueRoutes.get('/draft', async (c) => {
  const { db } = c.get('deps');
  const s = scope(c);
  const draft = await loadDraft(db, s);
  const current = await getCurrentVersion(db, s);
  if (!draft || !current) return render(c, () => <NoCataloguePage ui={ui(c)} />);
  const changed = hasChanges(diffCatalogues(current.catalogue, draftCatalogue(draft)));
  const key = DRAFT_NOTICES.find((k) => k === c.req.query('saved'));
  const notice = key ? c.get('t').catalogue.draft.notices[key] : undefined;
  return render(c, () => <DraftPage ui={ui(c)} draft={draft} hasChanges={changed} currentNumber={current.number} notice={notice} />);
});

catalogueRoutes.post('/draft/domains/:id/activation', async (c) => {
  const id = idParam(c.req.param('id'));
  const active = parseActivation(await readForm(c));
  if (active === null) return renderError(c, 'badRequest');
  const now = c.get('deps').now();
  const ok =
    id !== undefined &&
    (await changeAudited(
      c,
      active ? 'catalogue.domain_switched_on' : 'catalogue.domain_switched_off',
      (trx) => setDomainActive(trx, scope(c), id, active, now),
      (done) => (done ? { type: 'catalogue_domain', id } : null),
    ));
  if (!ok) return c.notFound();
  return redirectAfterPost(c, `/catalogue/draft?saved=saved#domain-${id}`);
});

/** Domains and themes move up or down in the draft the same way; only the table and the anchor differ. */
const movers = {
  domains: { action: 'catalogue.domain_moved', move: moveDomain, type: 'catalogue_domain', anchor: 'domain' },
  themes: { action: 'catalogue.theme_moved', move: moveTheme, type: 'catalogue_theme', anchor: 'theme' },
} as const;

for (const [resource, m] of Object.entries(movers)) {
  catalogueRoutes.post(`/draft/${resource}/:id/position`, async (c) => {
    const id = idParam(c.req.param('id'));
    const direction = parseDirection(await readForm(c));
    if (direction === null) return renderError(c, 'badRequest');
    const now = c.get('deps').now();
    const ok =
      id !== undefined &&
      (await changeAudited(
        c,
        m.action,
        (trx) => m.move(trx, scope(c), id, direction, now),
        (done) => (done ? { type: m.type, id } : null),
      ));
    if (!ok) return c.notFound();
    return redirectAfterPost(c, `/catalogue/draft?saved=saved#${m.anchor}-${id}`);
  });
}

catalogueRoutes.get('/draft/domains/:id', async (c) => {
  const id = idParam(c.req.param('id'));
  const d = id === undefined ? undefined : await findDraftDomain(c.get('deps').db, scope(c), id);
  if (!d || d.retiredAt !== null) return c.notFound();
  const name = d.domain.name[c.get('locale')];
  return render(c, () => (
    <DomainFormPage
      ui={ui(c)}
      title={c.get('t').catalogue.form.editTitle(name)}
      action={`/catalogue/draft/domains/${d.id}`}
      domainName={name}
      domainKey={d.domain.key}
      values={domainFormValues(d.domain)}
      revision={d.revision}
      retireAction={`/catalogue/draft/domains/${d.id}/retirement`}
    />
  ));
});

catalogueRoutes.post('/draft/domains/:id', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const id = idParam(c.req.param('id'));
  const d = id === undefined ? undefined : await findDraftDomain(db, scope(c), id);
  if (!d) return c.notFound();
  const fields = await readForm(c);
  const revision = requireRevision(fields);
  const form = readDomainForm(fields);
  const name = d.domain.name[c.get('locale')];
  const page = (opts: { errors?: CatalogueErrors; revision: number; conflict?: { rows: ConflictRow[]; retired: boolean } }) => (
    <DomainFormPage
      ui={ui(c)}
      title={t.catalogue.form.editTitle(name)}
      action={`/catalogue/draft/domains/${d.id}`}
      domainName={name}
      domainKey={d.domain.key}
      values={form}
      errors={opts.errors}
      revision={opts.revision}
      conflict={opts.conflict}
      retireAction={`/catalogue/draft/domains/${d.id}/retirement`}
    />
  );
  const parsed = parseDomain(form);
  if (!parsed.ok) return render(c, () => page({ errors: parsed.errors, revision }), { status: 422 });
  const { values } = parsed;
  const result = await changeAudited(
    c,
    'catalogue.domain_updated',
    (trx) => updateDomain(trx, scope(c), d.id, revision, values, now()),
    (r) => (r.status === 'saved' ? { type: 'catalogue_domain', id: d.id } : null),
  );
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'conflict') {
    // Nothing was written. The form keeps what this person typed and carries the new revision,
    // so saving again is a deliberate choice to overwrite, made after seeing both versions.
    const rows = conflictRows(c, domainFormValues(result.current.domain), form);
    return render(c, () => page({ revision: result.current.revision, conflict: { rows, retired: result.current.retiredAt !== null } }), { status: 409 });
  }
  return redirectAfterPost(c, `/catalogue/draft?saved=${result.status}#domain-${d.id}`);
});

catalogueRoutes.post('/draft/domains/:id/retirement', async (c) => {
  const id = idParam(c.req.param('id'));
  const now = c.get('deps').now();
  const ok =
    id !== undefined &&
    (await changeAudited(
      c,
      'catalogue.domain_retired',
      (trx) => retireDomain(trx, scope(c), id, now),
      (done) => (done ? { type: 'catalogue_domain', id } : null),
    ));
  if (!ok) return c.notFound();
  return redirectAfterPost(c, `/catalogue/draft?saved=retired#domain-${id}`);
});

catalogueRoutes.post('/draft/domains/:id/restoration', async (c) => {
  const id = idParam(c.req.param('id'));
  const now = c.get('deps').now();
  const ok =
    id !== undefined &&
    (await changeAudited(
      c,
      'catalogue.domain_restored',
      (trx) => restoreDomain(trx, scope(c), id, now),
      (done) => (done ? { type: 'catalogue_domain', id } : null),
    ));
  if (!ok) return c.notFound();
  return redirectAfterPost(c, `/catalogue/draft?saved=restored#domain-${id}`);
});

// New domain in a theme.
catalogueRoutes.get('/draft/themes/:id/domains/new', async (c) => {
  const id = idParam(c.req.param('id'));
  const theme = id === undefined ? undefined : await findDraftTheme(c.get('deps').db, scope(c), id);
  if (!theme || theme.retiredAt !== null) return c.notFound();
  const themeName = theme.name[c.get('locale')];
  const empty: DomainFormValues = { texts: {}, allowNotApplicable: false, sensitive: false, podMiAreas: [] };
  return render(c, () => (
    <DomainFormPage
      ui={ui(c)}
      title={c.get('t').catalogue.form.newTitle(themeName)}
      action={`/catalogue/draft/themes/${theme.id}/domains`}
      domainName={themeName}
      values={empty}
    />
  ));
});

catalogueRoutes.post('/draft/themes/:id/domains', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const id = idParam(c.req.param('id'));
  const theme = id === undefined ? undefined : await findDraftTheme(db, scope(c), id);
  if (!theme || theme.retiredAt !== null) return c.notFound();
  const form = readDomainForm(await readForm(c));
  const parsed = parseDomain(form);
  const themeName = theme.name[c.get('locale')];
  if (!parsed.ok) {
    return render(
      c,
      () => (
        <DomainFormPage
          ui={ui(c)}
          title={t.catalogue.form.newTitle(themeName)}
          action={`/catalogue/draft/themes/${theme.id}/domains`}
          domainName={form.texts.name_nl || themeName}
          values={form}
          errors={parsed.errors}
        />
      ),
      { status: 422 },
    );
  }
  const added = await changeAudited(
    c,
    'catalogue.domain_added',
    (trx) => addDomain(trx, scope(c), theme.id, parsed.values, now()),
    (r) => (r ? { type: 'catalogue_domain', id: r.id } : null),
  );
  if (!added) return c.notFound();
  return redirectAfterPost(c, `/catalogue/draft?saved=added#domain-${added.id}`);
});

// Themes: add and rename.

catalogueRoutes.get('/draft/themes/new', (c) =>
  render(c, () => <ThemeFormPage ui={ui(c)} title={c.get('t').catalogue.themeForm.newTitle} action="/catalogue/draft/themes" values={{}} />),
);

catalogueRoutes.post('/draft/themes', async (c) => {
  const { now } = c.get('deps');
  const t = c.get('t');
  const values = readThemeForm(await readForm(c));
  const parsed = parseNewTheme(values);
  if (!parsed.ok) {
    return render(
      c,
      () => <ThemeFormPage ui={ui(c)} title={t.catalogue.themeForm.newTitle} action="/catalogue/draft/themes" values={values} errors={parsed.errors} />,
      { status: 422 },
    );
  }
  const added = await changeAudited(
    c,
    'catalogue.theme_added',
    (trx) => addTheme(trx, scope(c), parsed.level, parsed.name, now()),
    (r) => ({ type: 'catalogue_theme', id: r.id }),
  );
  return redirectAfterPost(c, `/catalogue/draft?saved=themeAdded#theme-${added.id}`);
});

catalogueRoutes.get('/draft/themes/:id', async (c) => {
  const id = idParam(c.req.param('id'));
  const theme = id === undefined ? undefined : await findDraftTheme(c.get('deps').db, scope(c), id);
  if (!theme || theme.retiredAt !== null) return c.notFound();
  const values = Object.fromEntries(LOCALES.map((l) => [`name_${l}`, theme.name[l]]));
  return render(c, () => (
    <ThemeFormPage
      ui={ui(c)}
      title={c.get('t').catalogue.themeForm.editTitle(theme.name[c.get('locale')])}
      action={`/catalogue/draft/themes/${theme.id}`}
      values={values}
      revision={theme.revision}
    />
  ));
});

catalogueRoutes.post('/draft/themes/:id', async (c) => {
  const { db, now } = c.get('deps');
  const t = c.get('t');
  const id = idParam(c.req.param('id'));
  const theme = id === undefined ? undefined : await findDraftTheme(db, scope(c), id);
  if (!theme || theme.retiredAt !== null) return c.notFound();
  const fields = await readForm(c);
  const revision = requireRevision(fields);
  const values = readThemeForm(fields);
  const title = t.catalogue.themeForm.editTitle(theme.name[c.get('locale')]);
  const action = `/catalogue/draft/themes/${theme.id}`;
  const parsed = parseThemeNames(values);
  if (!parsed.ok) {
    return render(c, () => <ThemeFormPage ui={ui(c)} title={title} action={action} values={values} errors={parsed.errors} revision={revision} />, {
      status: 422,
    });
  }
  const { name } = parsed;
  const result = await changeAudited(
    c,
    'catalogue.theme_updated',
    (trx) => updateTheme(trx, scope(c), theme.id, revision, name, now()),
    (r) => (r.status === 'saved' ? { type: 'catalogue_theme', id: theme.id } : null),
  );
  if (result.status === 'notFound') return c.notFound();
  if (result.status === 'conflict') {
    const labels = themeFieldLabels(ui(c));
    const rows = LOCALES.filter((l) => result.current.name[l] !== name[l]).map((l) => ({
      label: labels[`name_${l}`]!,
      saved: result.current.name[l],
      yours: name[l],
    }));
    return render(c, () => <ThemeFormPage ui={ui(c)} title={title} action={action} values={values} revision={result.current.revision} conflict={rows} />, {
      status: 409,
    });
  }
  return redirectAfterPost(c, `/catalogue/draft?saved=${result.status}#theme-${theme.id}`);
});

// ---------------------------------------------------------------- publishing (admin)

async function publicationPage(
  c: Context<SignedInEnv>,
  opts: { status?: 200 | 409 | 422; notice?: string; warning?: CatalogueError; note?: string; errors?: CatalogueErrors } = {},
) {
  const pending = await pendingPublication(c.get('deps').db, scope(c));
  if (!pending) return render(c, () => <NoCataloguePage ui={ui(c)} />);
  const problems = describeIssues(pending.issues, pending.next, c.get('t').catalogue.issues);
  return render(
    c,
    () => (
      <PublicationPage ui={ui(c)} pending={pending} problems={problems} notice={opts.notice} warning={opts.warning} note={opts.note} errors={opts.errors} />
    ),
    { status: opts.status ?? 200 },
  );
}

catalogueRoutes.get('/publication', (c) => publicationPage(c, { notice: c.req.query('imported') ? c.get('t').catalogue.publication.imported : undefined }));

catalogueRoutes.post('/publication', async (c) => {
  const { now } = c.get('deps');
  const parsed = parsePublication(await readForm(c));
  if (!parsed.ok) return publicationPage(c, { status: 422, note: parsed.note, errors: parsed.errors });
  const { note } = parsed;
  const result = await changeAudited(
    c,
    'catalogue.published',
    (trx) => publishDraft(trx, scope(c), parsed.revision, note || null, now(), parsed.confirmUncovered),
    (r) => (r.status === 'published' ? { type: 'catalogue_version', id: r.id } : null),
  );
  switch (result.status) {
    case 'published':
      return redirectAfterPost(c, `/catalogue?published=${result.number}`);
    case 'stale':
      return publicationPage(c, { status: 409, warning: 'stale', note });
    case 'missing':
      return c.notFound();
    case 'uncovered':
      return publicationPage(c, { status: 422, note, errors: { confirm_uncovered: ['confirmUncovered', result.areas] } });
    default:
      return publicationPage(c, { status: 422, note });
  }
});
