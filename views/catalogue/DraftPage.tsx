import type { Ui } from '../../src/http/ui.js';
import { draftCatalogue, type Draft, type DraftTheme } from '../../src/catalogue/logic.js';
import { namesAtSeveralLevels } from '../../src/catalogue/catalogue.js';
import { Coverage, levelledName } from './components.js';
import { LEVELS } from '../../src/catalogue/catalogue-schema.js';
import { formatDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';

/** A one-button POST form: every draft action works without JavaScript. */
function ActionButton({
  action,
  name,
  value,
  label,
  text,
  disabled,
}: {
  action: string;
  name: string;
  value: string;
  label: string;
  text: string;
  disabled?: boolean;
}) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name={name} value={value} />
      <button type="submit" class="button button--quiet" aria-label={label} disabled={disabled}>
        {text}
      </button>
    </form>
  );
}

function ThemeBlock({ ui, theme, index, count, several }: { ui: Ui; theme: DraftTheme; index: number; count: number; several: ReadonlySet<string> }) {
  const t = ui.t.catalogue.draft;
  const l = ui.locale;
  const themeName = theme.name[l];
  return (
    <section class="card" aria-labelledby={`theme-${theme.id}`}>
      <h3 id={`theme-${theme.id}`}>{themeName}</h3>
      <div class="inline-fields" role="group" aria-label={t.themeOrder(themeName)}>
        <ActionButton
          action={`/catalogue/draft/themes/${theme.id}/position`}
          name="direction"
          value="up"
          label={t.moveUp(themeName)}
          text={`↑ ${t.up}`}
          disabled={index === 0}
        />
        <ActionButton
          action={`/catalogue/draft/themes/${theme.id}/position`}
          name="direction"
          value="down"
          label={t.moveDown(themeName)}
          text={`↓ ${t.down}`}
          disabled={index === count - 1}
        />
        <a href={`/catalogue/draft/themes/${theme.id}`} aria-label={t.renameThemeLabel(themeName)}>
          {t.renameTheme}
        </a>
        <a href={`/catalogue/draft/themes/${theme.id}/domains/new`} aria-label={t.addDomainLabel(themeName)}>
          {t.addDomain}
        </a>
      </div>
      {theme.domains.length === 0 ? (
        <p>{t.emptyTheme}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.domain}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.order}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {theme.domains.map((d, i) => {
                // The row shows the name under its level's heading; the buttons' accessible names, read
                // alone, say the level where another level has a domain of the same name.
                const name = levelledName(ui, d.domain.name[l], theme.level, several);
                return (
                  <tr>
                    <th scope="row" id={`domain-${d.id}`}>
                      {d.domain.name[l]}
                    </th>
                    <td>
                      <strong>{d.domain.defaultOn ? ui.t.catalogue.on : ui.t.catalogue.off}</strong>{' '}
                      <ActionButton
                        action={`/catalogue/draft/domains/${d.id}/activation`}
                        name="active"
                        value={d.domain.defaultOn ? '0' : '1'}
                        label={d.domain.defaultOn ? t.switchOffLabel(name) : t.switchOnLabel(name)}
                        text={d.domain.defaultOn ? t.switchOff : t.switchOn}
                      />
                    </td>
                    <td>
                      <ActionButton
                        action={`/catalogue/draft/domains/${d.id}/position`}
                        name="direction"
                        value="up"
                        label={t.moveUp(name)}
                        text={`↑ ${t.up}`}
                        disabled={i === 0}
                      />
                      <ActionButton
                        action={`/catalogue/draft/domains/${d.id}/position`}
                        name="direction"
                        value="down"
                        label={t.moveDown(name)}
                        text={`↓ ${t.down}`}
                        disabled={i === theme.domains.length - 1}
                      />
                    </td>
                    <td>
                      <a href={`/catalogue/draft/domains/${d.id}`} aria-label={t.editLabel(name)}>
                        {t.edit}
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DraftPage({
  ui,
  draft,
  hasChanges,
  currentNumber,
  notice,
}: {
  ui: Ui;
  draft: Draft;
  hasChanges: boolean;
  currentNumber: number;
  notice?: string | undefined;
}) {
  const c = ui.t.catalogue;
  const t = c.draft;
  const catalogue = draftCatalogue(draft);
  const several = namesAtSeveralLevels([catalogue], ui.locale);
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      {notice && (
        <p class="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <p>{t.intro}</p>
      {hasChanges ? (
        <p class="alert alert--info">
          <strong>{t.unpublished}</strong> <a href="/catalogue/publication">{c.links.publish}</a>
        </p>
      ) : (
        <p>{t.upToDate(currentNumber)}</p>
      )}
      <ul>
        <li>
          <a href="/catalogue">{c.links.backToCatalogue}</a>
        </li>
        <li>
          <a href="/catalogue/versions">{c.links.history}</a>
        </li>
        <li>
          <a href="/catalogue/import">{c.links.import}</a>
        </li>
        <li>
          <a href="/catalogue/export">{c.links.export}</a>
        </li>
      </ul>
      {/* While editing: what the draft as it stands would cover, before anyone publishes it. */}
      <Coverage ui={ui} catalogue={catalogue} lang={ui.locale} />
      {LEVELS.map((level) => {
        const themes = draft.themes.filter((th) => th.level === level);
        return (
          <section aria-labelledby={`level-${level}`}>
            <h2 id={`level-${level}`}>{c.levels[level]}</h2>
            {themes.map((theme, i) => (
              <ThemeBlock ui={ui} theme={theme} index={i} count={themes.length} several={several} />
            ))}
          </section>
        );
      })}
      <p>
        <a class="button button--secondary" href="/catalogue/draft/themes/new">
          {t.addTheme}
        </a>
      </p>
      {draft.retired.length > 0 && (
        <section aria-labelledby="retired-title">
          <h2 id="retired-title">{t.retiredTitle}</h2>
          <p>{t.retiredIntro}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.domain}</th>
                  <th scope="col">{t.theme}</th>
                  <th scope="col">{t.retiredOn}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t.restore}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.retired.map((d) => {
                  const name = levelledName(ui, d.domain.name[ui.locale], d.themeLevel, several);
                  return (
                    <tr>
                      <th scope="row" id={`domain-${d.id}`}>
                        {d.domain.name[ui.locale]}
                      </th>
                      <td>{d.themeName[ui.locale]}</td>
                      <td>{d.retiredAt !== null ? formatDate(d.retiredAt) : ''}</td>
                      <td>
                        <form method="post" action={`/catalogue/draft/domains/${d.id}/restoration`} class="inline-form">
                          <button type="submit" class="button button--quiet" aria-label={t.restoreLabel(name)}>
                            {t.restore}
                          </button>
                        </form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Layout>
  );
}
