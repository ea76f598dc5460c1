import type { Ui } from '../../src/http/ui.js';
import type { Level } from '../../src/catalogue/default-catalogue.js';
import { LEVELS, TEXT_LIMITS } from '../../src/catalogue/catalogue-schema.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import type { CatalogueErrors } from '../../src/catalogue/forms.js';
import { ConflictNotice, LangField, type ConflictRow } from './DomainFormPage.js';

export function themeFieldLabels(ui: Ui): Record<string, string> {
  const f = ui.t.catalogue.form;
  return { level: ui.t.catalogue.themeForm.level, ...Object.fromEntries(LOCALES.map((l) => [`name_${l}`, f.nameIn(f.langs[l])])) };
}

/** Add a theme (choose the level) or rename one (with its revision, for stale edits). */
export function ThemeFormPage(p: {
  ui: Ui;
  title: string;
  action: string;
  values: Record<string, string>;
  errors?: CatalogueErrors;
  revision?: number;
  conflict?: ConflictRow[];
}) {
  const { ui } = p;
  const t = ui.t.catalogue.themeForm;
  const f = ui.t.catalogue.form;
  const errors = sayAll(ui.t.catalogue.errors, p.errors);
  const isNew = p.revision === undefined;
  return (
    <Layout ui={ui} title={p.title}>
      <h1>{p.title}</h1>
      <p>
        <a href="/catalogue/draft">{ui.t.catalogue.links.backToDraft}</a>
      </p>
      {p.conflict && <ConflictNotice ui={ui} rows={p.conflict} />}
      <form method="post" action={p.action} novalidate>
        <ErrorSummary t={ui.t} errors={errors} labels={themeFieldLabels(ui)} />
        {!isNew && <input type="hidden" name="revision" value={String(p.revision)} />}
        {isNew && (
          <fieldset class={`field${errors.level ? ' field--error' : ''}`} aria-describedby={errors.level ? 'field-level-error' : undefined}>
            <legend>{t.level}</legend>
            {errors.level && (
              <p class="field__error" id="field-level-error">
                {errors.level}
              </p>
            )}
            {LEVELS.map((level: Level, i) => (
              <label for={i === 0 ? 'field-level' : `field-level-${level}`}>
                <input type="radio" id={i === 0 ? 'field-level' : `field-level-${level}`} name="level" value={level} checked={p.values.level === level} />{' '}
                {ui.t.catalogue.levels[level]} — {ui.t.catalogue.levelHints[level]}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset class="field">
          <legend>{f.names}</legend>
          {LOCALES.map((l) => (
            <LangField
              name={`name_${l}`}
              label={f.nameIn(f.langs[l])}
              lang={l}
              value={p.values[`name_${l}`]}
              error={errors[`name_${l}`]}
              maxlength={TEXT_LIMITS.themeName}
            />
          ))}
        </fieldset>
        <button type="submit" class="button">
          {isNew ? t.create : t.save}
        </button>{' '}
        <a href="/catalogue/draft">{ui.t.form.cancel}</a>
      </form>
    </Layout>
  );
}
