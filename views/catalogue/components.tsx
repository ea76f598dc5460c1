import type { Ui } from '../../src/http/ui.js';
import { defaultCatalogue, INSPECTION_EXTRAS, type CatalogueData, type Level } from '../../src/catalogue/default-catalogue.js';
import { LOCALES, type Locale } from '../../src/i18n/locale.js';
import { LEVELS } from '../../src/catalogue/catalogue-schema.js';
import {
  domainsOf,
  findDomain,
  namesAtSeveralLevels,
  podMiCoverage,
  uncoveredAreas,
  type ChangeSummary,
  type DomainRef,
  type ThemeRef,
} from '../../src/catalogue/catalogue.js';

/** BCP 47 tag of a catalogue language, for `lang` on texts shown in another language than the page. */
export const langTag = (l: Locale) => ({ nl: 'nl-BE', fr: 'fr-BE', en: 'en' })[l];

/** Links to show the catalogue texts in another language (plain links: works without JS). */
export function LangSwitch({ ui, base, lang }: { ui: Ui; base: string; lang: Locale }) {
  const t = ui.t.catalogue;
  return (
    <nav aria-label={t.textsIn} class="lang-switch">
      <p>
        {t.textsIn}:{' '}
        {LOCALES.map((l, i) => (
          <>
            {i > 0 && ' · '}
            {l === lang ? (
              <strong aria-current="true" lang={langTag(l)}>
                {t.langNames[l]}
              </strong>
            ) : (
              <a href={`${base}?lang=${l}`} lang={langTag(l)}>
                {t.langNames[l]}
              </a>
            )}
          </>
        ))}
      </p>
    </nav>
  );
}

/**
 * A domain's name, with its level when another level has a domain of the same name ("Mobiliteit
 * (kind)"): where a name stands alone (a change summary, a button's accessible name) it must say which.
 */
export function levelledName(ui: Ui, name: string, level: Level | undefined, several: ReadonlySet<string>): string {
  return level && several.has(name.trim().toLowerCase()) ? `${name} (${ui.t.catalogue.levelShort[level]})` : name;
}

/**
 * What a new OCMW's catalogue switches on, said plainly before it is installed: the core set, the
 * POD MI areas it leaves uncovered, and which domains would cover them (decision 022).
 */
export function FirstRunCatalogue({ ui }: { ui: Ui }) {
  const all = domainsOf(defaultCatalogue);
  const extras = INSPECTION_EXTRAS.map((key) => findDomain(defaultCatalogue, key)!.name[ui.locale]);
  const uncovered = uncoveredAreas(defaultCatalogue).map((a) => ui.t.catalogue.areas[a]);
  return (
    <p class="alert alert--info">
      {ui.t.catalogue.firstRun(all.filter((x) => x.domain.defaultOn).length, all.length, uncovered.join(', '), extras.join(', '))}
    </p>
  );
}

/** Which inspection areas the switched-on domains cover; a warning names the areas with none. */
export function Coverage({ ui, catalogue, lang }: { ui: Ui; catalogue: CatalogueData; lang: Locale }) {
  const t = ui.t.catalogue;
  const rows = podMiCoverage(catalogue);
  const several = namesAtSeveralLevels([catalogue], lang);
  const levelOf = new Map(domainsOf(catalogue).map((x) => [x.domain.key, x.theme.level]));
  const missing = rows.filter((r) => r.domains.length === 0).map((r) => t.areas[r.area]);
  return (
    <section aria-labelledby="coverage-title" class="card">
      <h2 id="coverage-title">{t.coverage.title}</h2>
      <p>{t.coverage.intro}</p>
      {missing.length ? (
        <p class="alert alert--error">
          <strong>{t.coverage.warning(missing.join(', '))}</strong>
        </p>
      ) : (
        <p class="alert alert--success">{t.coverage.allCovered}</p>
      )}
      <div class="table-wrap">
        <table class="wrap-words">
          <thead>
            <tr>
              <th scope="col">{t.coverage.area}</th>
              <th scope="col">{t.coverage.status}</th>
              <th scope="col">{t.coverage.domains}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{t.areas[r.area]}</th>
                <td>{r.domains.length ? `✓ ${t.coverage.covered}` : <strong>✗ {t.coverage.notCovered}</strong>}</td>
                <td lang={lang === ui.locale ? undefined : langTag(lang)}>
                  {r.domains.map((d) => levelledName(ui, d.name[lang], levelOf.get(d.key), several)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every level, theme and domain of a catalogue version with all its texts in one language. */
export function CatalogueTexts({ ui, catalogue, lang }: { ui: Ui; catalogue: CatalogueData; lang: Locale }) {
  const t = ui.t.catalogue;
  const textLang = lang === ui.locale ? undefined : langTag(lang);
  return (
    <>
      {LEVELS.map((level) => {
        const themes = catalogue.themes.filter((th) => th.level === level);
        if (!themes.length) return null;
        return (
          <section aria-labelledby={`level-${level}`}>
            <h2 id={`level-${level}`}>{t.levels[level]}</h2>
            <p class="field__hint">{t.levelHints[level]}</p>
            {themes.map((theme) => (
              <section aria-labelledby={`theme-${theme.key}`}>
                <h3 id={`theme-${theme.key}`} lang={textLang}>
                  {theme.name[lang]}
                </h3>
                {theme.domains.map((d) => (
                  <article class="card" aria-labelledby={`domain-${d.key}`}>
                    <h4 id={`domain-${d.key}`} lang={textLang}>
                      {d.name[lang]}
                    </h4>
                    <p>
                      <span class="badge">{d.defaultOn ? t.on : t.off}</span>
                      {d.sensitive && (
                        <>
                          {' '}
                          <span class="badge">{t.sensitive}</span>
                        </>
                      )}
                      {d.allowNotApplicable && (
                        <>
                          {' '}
                          <span class="badge">{t.notApplicable}</span>
                        </>
                      )}
                    </p>
                    <p>
                      <strong>{t.question}:</strong> <span lang={textLang}>{d.question[lang]}</span>
                    </p>
                    <details class="disclosure">
                      <summary>{t.anchorsSummary}</summary>
                      <ol>
                        {d.anchors.map((a, i) => (
                          <li>
                            <span class="visually-hidden">{t.score(i + 1)}: </span>
                            <span lang={textLang}>{a[lang]}</span>
                          </li>
                        ))}
                      </ol>
                    </details>
                    <p class="field__hint">
                      {t.areasOf}: {d.podMiAreas.map((a) => t.areas[a]).join(', ')}
                    </p>
                  </article>
                ))}
              </section>
            ))}
          </section>
        );
      })}
    </>
  );
}

/**
 * What changed from one version to the next; `detailed` shows old and new texts side by side.
 * `catalogues`: the versions the summary is about, so a domain whose name another level shares is
 * named with its level.
 */
export function ChangeList({ ui, summary, detailed, catalogues }: { ui: Ui; summary: ChangeSummary; detailed: boolean; catalogues: readonly CatalogueData[] }) {
  const t = ui.t.catalogue.publication;
  const l = ui.locale;
  const several = namesAtSeveralLevels(catalogues, l);
  const domainName = (r: DomainRef) => levelledName(ui, r.name[l], r.level, several);
  const themeNames = (refs: ThemeRef[]) => refs.map((r) => r.name[l]).join(', ');
  const domainNames = (refs: DomainRef[]) => refs.map(domainName).join(', ');
  const simple: [keyof ChangeSummary, string][] = [];
  if (summary.themesAdded.length) simple.push(['themesAdded', themeNames(summary.themesAdded)]);
  if (summary.themesRemoved.length) simple.push(['themesRemoved', themeNames(summary.themesRemoved)]);
  if (summary.themesRenamed.length) {
    simple.push([
      'themesRenamed',
      detailed
        ? summary.themesRenamed.flatMap((x) => x.changes.map((c) => `${c.from} → ${c.to} (${c.lang})`)).join('; ')
        : themeNames(summary.themesRenamed.map((x) => x.theme)),
    ]);
  }
  if (summary.domainsAdded.length) simple.push(['domainsAdded', domainNames(summary.domainsAdded)]);
  if (summary.domainsRetired.length) simple.push(['domainsRetired', domainNames(summary.domainsRetired)]);
  if (summary.switchedOn.length) simple.push(['switchedOn', domainNames(summary.switchedOn)]);
  if (summary.switchedOff.length) simple.push(['switchedOff', domainNames(summary.switchedOff)]);
  if (summary.settingsChanged.length) {
    simple.push([
      'settingsChanged',
      summary.settingsChanged.map((x) => `${domainName(x.domain)} (${x.settings.map((s) => t.settings[s]).join(', ')})`).join('; '),
    ]);
  }
  if (summary.themeOrderChanged.length) simple.push(['themeOrderChanged', summary.themeOrderChanged.map((lv) => ui.t.catalogue.levels[lv]).join(', ')]);
  if (summary.domainOrderChanged.length) simple.push(['domainOrderChanged', themeNames(summary.domainOrderChanged)]);
  if (!detailed && summary.textsChanged.length) simple.push(['textsChanged', domainNames(summary.textsChanged.map((x) => x.domain))]);
  return (
    <>
      {simple.length > 0 && (
        <dl class="change-list">
          {simple.map(([key, text]) => (
            <>
              <dt>{t.headings[key]}</dt>
              <dd>{text}</dd>
            </>
          ))}
        </dl>
      )}
      {detailed && summary.textsChanged.length > 0 && (
        <section aria-labelledby="texts-changed">
          <h2 id="texts-changed">{t.headings.textsChanged}</h2>
          {summary.textsChanged.map((x) => (
            <div class="table-wrap">
              <table>
                <caption>{t.textsChangedIn(domainName(x.domain))}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.text}</th>
                    <th scope="col">{t.language}</th>
                    <th scope="col">{t.before}</th>
                    <th scope="col">{t.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {x.changes.map((c) => (
                    <tr>
                      <th scope="row">{t.fields[c.field]}</th>
                      <td>{c.lang}</td>
                      <td lang={langTag(c.lang)}>
                        <del>{c.from}</del>
                      </td>
                      <td lang={langTag(c.lang)}>
                        <ins>{c.to}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}
    </>
  );
}
