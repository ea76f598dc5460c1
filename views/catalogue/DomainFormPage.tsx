import type { Ui } from '../../src/http/ui.js';
import { POD_MI_AREAS } from '../../src/catalogue/default-catalogue.js';
import type { Locale } from '../../src/i18n/locale.js';
import { TEXT_LIMITS } from '../../src/catalogue/catalogue-schema.js';
import { LOCALES } from '../../src/i18n/locale.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary } from '../components/form.js';
import { sayAll } from '../../src/http/form-errors.js';
import type { CatalogueErrors, DomainFormValues } from '../../src/catalogue/forms.js';
import { langTag } from './components.js';

export interface ConflictRow {
  label: string;
  saved: string;
  yours: string;
}

/** A labelled text input in one catalogue language; its `lang` lets screen readers and spell checkers use the right language. */
export function LangField(p: {
  name: string;
  label: string;
  lang: Locale;
  value?: string | undefined;
  error?: string | undefined;
  multiline?: boolean;
  maxlength: number;
}) {
  const id = `field-${p.name}`;
  const common = {
    id,
    name: p.name,
    lang: langTag(p.lang),
    maxlength: p.maxlength,
    required: true,
    'aria-describedby': p.error ? `${id}-error` : undefined,
    'aria-invalid': p.error ? 'true' : undefined,
  };
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.error && (
        <p class="field__error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
      {p.multiline ? (
        <textarea {...common} rows={2}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type="text" value={p.value ?? ''} />
      )}
    </div>
  );
}

/** Labels of every field, for the error summary and the conflict table. */
export function domainFieldLabels(ui: Ui): Record<string, string> {
  const f = ui.t.catalogue.form;
  const labels: Record<string, string> = {};
  for (const l of LOCALES) {
    labels[`name_${l}`] = f.nameIn(f.langs[l]);
    labels[`question_${l}`] = f.questionIn(f.langs[l]);
    for (const n of [1, 2, 3, 4, 5]) labels[`anchor${n}_${l}`] = f.anchorIn(n, f.langs[l]);
  }
  labels.podMiAreas = f.areas;
  labels.allowNotApplicable = f.allowNotApplicable;
  labels.sensitive = f.sensitive;
  return labels;
}

export function ConflictNotice({ ui, rows, retired }: { ui: Ui; rows: ConflictRow[]; retired?: boolean }) {
  const f = ui.t.catalogue.form;
  return (
    <section class="error-summary" role="alert" tabindex={-1} data-focus-on-load autofocus aria-labelledby="conflict-title">
      <h2 id="conflict-title" class="error-summary__title">
        {f.conflictTitle}
      </h2>
      <p>{retired ? f.conflictRetired : f.conflictIntro}</p>
      {rows.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{f.conflictField}</th>
                <th scope="col">{f.conflictSaved}</th>
                <th scope="col">{f.conflictYours}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  <td>{r.saved}</td>
                  <td>{r.yours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DomainFormPage(p: {
  ui: Ui;
  title: string;
  action: string;
  domainName: string;
  domainKey?: string;
  values: DomainFormValues;
  errors?: CatalogueErrors;
  revision?: number;
  conflict?: { rows: ConflictRow[]; retired: boolean };
  /** For an existing domain: the retire form. */
  retireAction?: string;
}) {
  const { ui, values } = p;
  const f = ui.t.catalogue.form;
  const c = ui.t.catalogue;
  const errors = sayAll(ui.t.catalogue.errors, p.errors);
  const text = (name: string) => values.texts[name] ?? '';
  return (
    <Layout ui={ui} title={p.title}>
      <h1>{p.title}</h1>
      <p>
        <a href="/catalogue/draft">{c.links.backToDraft}</a>
      </p>
      {p.conflict && <ConflictNotice ui={ui} rows={p.conflict.rows} retired={p.conflict.retired} />}
      <form method="post" action={p.action} novalidate>
        <ErrorSummary t={ui.t} errors={errors} labels={domainFieldLabels(ui)} />
        {p.revision !== undefined && <input type="hidden" name="revision" value={String(p.revision)} />}
        {p.domainKey && (
          <p>
            <strong>{f.key}:</strong> <code>{p.domainKey}</code>
            <br />
            <span class="field__hint">{f.keyHint}</span>
          </p>
        )}
        <fieldset class="field">
          <legend>{f.names}</legend>
          {LOCALES.map((l) => (
            <LangField
              name={`name_${l}`}
              label={f.nameIn(f.langs[l])}
              lang={l}
              value={text(`name_${l}`)}
              error={errors[`name_${l}`]}
              maxlength={TEXT_LIMITS.name}
            />
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{f.questions}</legend>
          <p class="field__hint">{f.questionsHint}</p>
          {LOCALES.map((l) => (
            <LangField
              name={`question_${l}`}
              label={f.questionIn(f.langs[l])}
              lang={l}
              value={text(`question_${l}`)}
              error={errors[`question_${l}`]}
              maxlength={TEXT_LIMITS.question}
              multiline
            />
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{f.anchorsLegend(p.domainName)}</legend>
          <p class="field__hint">{f.anchorsHint}</p>
          {[1, 2, 3, 4, 5].map((n) => (
            <fieldset class="field">
              <legend>{f.scoreLegend(n, ui.t.balances.scale[n as 1 | 2 | 3 | 4 | 5].toLowerCase())}</legend>
              {LOCALES.map((l) => (
                <LangField
                  name={`anchor${n}_${l}`}
                  label={f.anchorIn(n, f.langs[l])}
                  lang={l}
                  value={text(`anchor${n}_${l}`)}
                  error={errors[`anchor${n}_${l}`]}
                  maxlength={TEXT_LIMITS.anchor}
                  multiline
                />
              ))}
            </fieldset>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend>{f.settings}</legend>
          <label for="field-allowNotApplicable">
            <input type="checkbox" id="field-allowNotApplicable" name="allowNotApplicable" value="1" checked={values.allowNotApplicable} />{' '}
            {f.allowNotApplicable}
          </label>
          <label for="field-sensitive">
            <input type="checkbox" id="field-sensitive" name="sensitive" value="1" checked={values.sensitive} /> {f.sensitive}
          </label>
        </fieldset>
        {/* The first checkbox carries the id the error summary links to. */}
        <fieldset
          class={`field${errors.podMiAreas ? ' field--error' : ''}`}
          aria-describedby={errors.podMiAreas ? 'field-podMiAreas-hint field-podMiAreas-error' : 'field-podMiAreas-hint'}
        >
          <legend>{f.areas}</legend>
          <p class="field__hint" id="field-podMiAreas-hint">
            {f.areasHint}
          </p>
          {errors.podMiAreas && (
            <p class="field__error" id="field-podMiAreas-error">
              {errors.podMiAreas}
            </p>
          )}
          {POD_MI_AREAS.map((a, i) => (
            <label for={i === 0 ? 'field-podMiAreas' : `field-podMiAreas-${a}`}>
              <input
                type="checkbox"
                id={i === 0 ? 'field-podMiAreas' : `field-podMiAreas-${a}`}
                name="podMiAreas"
                value={a}
                checked={values.podMiAreas.includes(a)}
              />{' '}
              {c.areas[a]}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {p.retireAction ? f.save : f.create}
        </button>{' '}
        <a href="/catalogue/draft">{ui.t.form.cancel}</a>
      </form>

      {p.retireAction && (
        <section class="card" aria-labelledby="retire-title">
          <h2 id="retire-title">{f.retireTitle}</h2>
          <p>{f.retireIntro}</p>
          <form method="post" action={p.retireAction}>
            <button type="submit" class="button button--danger">
              {f.retire(p.domainName)}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
