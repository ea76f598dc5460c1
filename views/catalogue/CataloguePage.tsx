import type { Ui } from '../../src/http/ui.js';
import type { Locale } from '../../src/i18n/locale.js';
import type { CatalogueData } from '../../src/catalogue/default-catalogue.js';
import type { CatalogueVersion, VersionListItem } from '../../src/catalogue/model.js';
import { formatDate, formatDateTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { CatalogueTexts, ChangeList, Coverage, FirstRunCatalogue, LangSwitch } from './components.js';

function versionLine(ui: Ui, v: CatalogueVersion) {
  const t = ui.t.catalogue;
  return v.publishedBy === null
    ? t.versionInstalled(v.number, formatDate(v.publishedAt))
    : t.versionBy(v.number, formatDate(v.publishedAt), v.publishedByName ?? t.unknownUser);
}

/** "Catalogus": the texts of the current version, for everyone in the organisation. */
export function CataloguePage({ ui, version, lang, notice }: { ui: Ui; version: CatalogueVersion; lang: Locale; notice?: string | undefined }) {
  const t = ui.t.catalogue;
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <p>{t.intro}</p>
      <p>
        {versionLine(ui, version)} <a href="/catalogue/versions">{t.links.history}</a>
      </p>
      {ui.user?.isAdmin && (
        <p>
          <a class="button button--secondary" href="/catalogue/draft">
            {t.links.edit}
          </a>
        </p>
      )}
      <p class="field__hint">{t.onHint}</p>
      <LangSwitch ui={ui} base="/catalogue" lang={lang} />
      <Coverage ui={ui} catalogue={version.catalogue} lang={lang} />
      <CatalogueTexts ui={ui} catalogue={version.catalogue} lang={lang} />
    </Layout>
  );
}

/** An organisation without a catalogue (created before catalogues existed): an admin can install the default. */
export function NoCataloguePage({ ui }: { ui: Ui }) {
  const t = ui.t.catalogue;
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      {ui.user?.isAdmin ? (
        <>
          <p>{t.noVersionAdmin}</p>
          <FirstRunCatalogue ui={ui} />
          <form method="post" action="/catalogue/installation">
            <button type="submit" class="button">
              {t.install}
            </button>
          </form>
        </>
      ) : (
        <p>{t.noVersion}</p>
      )}
    </Layout>
  );
}

export function VersionPage({ ui, version, currentNumber, lang }: { ui: Ui; version: CatalogueVersion; currentNumber: number; lang: Locale }) {
  const t = ui.t.catalogue;
  const title = t.versions.versionTitle(version.number);
  return (
    <Layout ui={ui} title={title}>
      <h1>{title}</h1>
      <p class="alert alert--info">{version.number === currentNumber ? t.versions.isCurrent : t.versions.oldVersion(currentNumber)}</p>
      <p>{versionLine(ui, version)}</p>
      {version.note && (
        <p>
          <strong>{t.versions.note}:</strong> <span class="pre-wrap">{version.note}</span>
        </p>
      )}
      <p>
        <a href="/catalogue/versions">{t.links.backToHistory}</a>
      </p>
      <LangSwitch ui={ui} base={`/catalogue/versions/${version.id}`} lang={lang} />
      <Coverage ui={ui} catalogue={version.catalogue} lang={lang} />
      <CatalogueTexts ui={ui} catalogue={version.catalogue} lang={lang} />
    </Layout>
  );
}

/** `catalogue`: the current version's, which says which domain names more than one level shares. */
export function VersionsPage({ ui, versions, catalogue }: { ui: Ui; versions: VersionListItem[]; catalogue: CatalogueData | undefined }) {
  const t = ui.t.catalogue.versions;
  const currentId = versions[0]?.id;
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <a href="/catalogue">{ui.t.catalogue.links.backToCatalogue}</a>
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.publishedAt}</th>
              <th scope="col">{t.publishedBy}</th>
              <th scope="col">{t.changes}</th>
              <th scope="col">
                <span class="visually-hidden">{t.view}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <th scope="row">
                  {v.number} {v.id === currentId && <span>{t.current}</span>}
                </th>
                <td>{formatDateTime(v.publishedAt)}</td>
                <td>{v.changes.kind === 'installed' ? t.system : (v.publishedByName ?? ui.t.catalogue.unknownUser)}</td>
                <td>
                  {v.changes.kind === 'installed' ? (
                    t.installed
                  ) : (
                    <ChangeList ui={ui} summary={v.changes.summary} detailed={false} catalogues={catalogue ? [catalogue] : []} />
                  )}
                  {v.note && (
                    <p>
                      <strong>{t.note}:</strong> <span class="pre-wrap">{v.note}</span>
                    </p>
                  )}
                </td>
                <td>
                  <a href={`/catalogue/versions/${v.id}`} aria-label={t.viewLabel(v.number)}>
                    {t.view}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
