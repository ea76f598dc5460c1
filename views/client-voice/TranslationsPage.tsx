import type { Ui } from '../../src/http/ui.js';
import type { LanguageState } from '../../src/client-voice/model.js';
import type { LanguageCoverage } from '../../src/client-voice/text-logic.js';
import type { ClientLanguage } from '../../src/client-voice/languages.js';
import type { OfficialLanguage } from '../../src/client-voice/tables.js';
import type { LanguageError } from '../../src/client-voice/forms.js';
import { say } from '../../src/http/form-errors.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { AdminNav } from '../admin/AdminNav.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

// The administrator's pages of client languages: the list (with which language binds on the
// client's copies), and one language (coverage, switch for clients, PO export and import).

export interface LanguageRow extends LanguageState {
  coverage: LanguageCoverage;
}

export function TranslationsPage({
  ui,
  languages,
  official,
  addable,
  notice,
  error: errorCode,
}: {
  ui: Ui;
  languages: LanguageRow[];
  official: OfficialLanguage;
  addable: ClientLanguage[];
  notice?: string | undefined;
  error?: LanguageError | undefined;
}) {
  const t = ui.t.clientVoice.admin;
  const error = errorCode && say(t.errors, errorCode);
  return (
    <Layout ui={ui} title={t.title}>
      <AdminNav ui={ui} />
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p class="alert alert--info">{t.draftWarning}</p>
      {notice && <NotificationBanner t={ui.t} message={notice} />}
      {error && (
        <p class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {error}
        </p>
      )}
      <section class="card" aria-labelledby="languages-title">
        <h2 id="languages-title">{t.languagesTitle}</h2>
        <p>{t.dutchAlways}</p>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.language}</th>
              <th scope="col">{t.texts}</th>
              <th scope="col">{t.reviewed}</th>
              <th scope="col">{t.draft}</th>
              <th scope="col">{t.forClients}</th>
            </tr>
          </thead>
          <tbody>
            {languages.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/translations/${r.language.code}`} aria-label={t.open(r.language.dutchName)}>
                    {r.language.dutchName}
                  </a>{' '}
                  <span lang={r.language.code} dir={r.language.dir}>
                    ({r.language.autonym})
                  </span>
                </th>
                <td>{t.of(r.coverage.translated, r.coverage.total)}</td>
                <td>{r.coverage.reviewed}</td>
                <td>{r.coverage.draft}</td>
                <td>{r.shownToClients ? t.shown : t.hidden}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {addable.length > 0 && (
        <section class="card" aria-labelledby="add-title">
          <h2 id="add-title">{t.addTitle}</h2>
          <p>{t.addHint}</p>
          <form method="post" action="/translations/languages" class="inline-form">
            <label for="add-lang">{t.language}</label>{' '}
            <select id="add-lang" name="lang">
              {addable.map((l) => (
                <option value={l.code}>
                  {l.dutchName} ({l.autonym})
                </option>
              ))}
            </select>{' '}
            <button type="submit" class="button button--secondary">
              {t.add}
            </button>
          </form>
        </section>
      )}
      <section class="card" aria-labelledby="official-title">
        <h2 id="official-title">{t.officialTitle}</h2>
        <form method="post" action="/translations/official-language">
          <fieldset class="field">
            <legend>{t.officialTitle}</legend>
            <p class="field__hint">{t.officialHint}</p>
            {(['nl', 'fr', 'nl-fr'] as const).map((v) => (
              <label class="choice">
                <input type="radio" name="official" value={v} checked={official === v} /> {t.official[v]}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button">
            {t.save}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function TranslationLanguagePage({
  ui,
  row,
  notice,
  errors: codes,
}: {
  ui: Ui;
  row: LanguageRow;
  notice?: string | undefined;
  errors?: LanguageError[] | undefined;
}) {
  const t = ui.t.clientVoice.admin;
  const errors = codes?.map((code) => say(t.errors, code));
  const l = row.language;
  const c = row.coverage;
  return (
    <Layout ui={ui} title={t.languageTitle(l.dutchName)}>
      <AdminNav ui={ui} />
      <p class="breadcrumb">
        <a href="/translations">{t.back}</a>
      </p>
      <h1>{t.languageTitle(l.dutchName)}</h1>
      {notice && <NotificationBanner t={ui.t} message={notice} />}
      {errors && errors.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load autofocus>
          <ul>
            {errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <section class="card" aria-labelledby="state-title">
        <h2 id="state-title">
          <span lang={l.code} dir={l.dir}>
            {l.autonym}
          </span>
        </h2>
        <p>{t.coverage(c.translated, c.total)}</p>
        <ul>
          <li>{t.reviewedCount(c.reviewed)}</li>
          <li>{t.draftCount(c.draft)}</li>
          {c.outdated > 0 && <li>{t.outdatedCount(c.outdated)}</li>}
        </ul>
        <p>
          <strong>{row.shownToClients ? t.stateShown : t.stateHidden}</strong>
          {row.changedAt && <> ({formatDateTime(row.changedAt)})</>}
        </p>
        <form method="post" action={`/translations/${l.code}/visibility`}>
          {row.shownToClients ? (
            <>
              <input type="hidden" name="shown" value="0" />
              <button type="submit" class="button button--secondary">
                {t.switchOff}
              </button>
            </>
          ) : (
            <>
              <input type="hidden" name="shown" value="1" />
              {c.draft > 0 && (
                <label class="choice">
                  <input type="checkbox" name="accept_drafts" value="1" /> {t.confirmDrafts(c.draft)}
                </label>
              )}
              <button type="submit" class="button">
                {t.switchOn}
              </button>
            </>
          )}
        </form>
      </section>
      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">{t.exportTitle}</h2>
        <p>{t.exportHint}</p>
        <p>
          <a class="button button--secondary" href={`/translations/${l.code}/po`} download>
            {t.export}
          </a>
        </p>
      </section>
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">{t.importTitle}</h2>
        <p>{t.importHint}</p>
        <form method="post" action={`/translations/${l.code}/import`} enctype="multipart/form-data">
          <div class="field">
            <label for="po-file">{t.fileLabel}</label>
            <input id="po-file" type="file" name="file" accept=".po,text/x-gettext-translation" />
          </div>
          <button type="submit" class="button">
            {t.import}
          </button>
        </form>
      </section>
    </Layout>
  );
}
