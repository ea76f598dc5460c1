import type { Ui } from '../../src/http/ui.js';
import type { PendingPublication } from '../../src/catalogue/model.js';
import { hasChanges, newlyUncovered } from '../../src/catalogue/catalogue.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, Field } from '../components/form.js';
import { say, sayAll } from '../../src/http/form-errors.js';
import { NOTE_MAX, type CatalogueError, type CatalogueErrors } from '../../src/catalogue/forms.js';
import { ChangeList, Coverage } from './components.js';

/** What publishing would change since the current version, then the confirmation. */
export function PublicationPage(p: {
  ui: Ui;
  pending: PendingPublication;
  problems: string[];
  notice?: string | undefined;
  /** A refusal that is not a field's (the draft changed meanwhile). */
  warning?: CatalogueError | undefined;
  note?: string;
  errors?: CatalogueErrors;
}) {
  const { ui, pending } = p;
  const c = ui.t.catalogue;
  const t = c.publication;
  const changed = hasChanges(pending.changes);
  const errors = sayAll(c.errors, p.errors);
  const warning = p.warning && say(c.errors, p.warning);
  // Areas this publication takes away: said before the button, and confirmed (the coverage table shows all).
  const uncovered = newlyUncovered(pending.current.catalogue, pending.next).map((a) => c.areas[a]);
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      {p.notice && (
        <p class="alert alert--success" role="status">
          {p.notice}
        </p>
      )}
      {warning && (
        <p class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {warning}
        </p>
      )}
      <p>
        <a href="/catalogue/draft">{c.links.backToDraft}</a>
      </p>
      {pending.emptyThemes.length > 0 && <p class="alert alert--info">{t.emptyThemes(pending.emptyThemes.map((th) => th.name[ui.locale]).join(', '))}</p>}
      {!changed ? (
        <p>{t.noChanges(pending.current.number)}</p>
      ) : (
        <>
          <p>{t.intro(pending.current.number)}</p>
          <ChangeList ui={ui} summary={pending.changes} detailed catalogues={[pending.current.catalogue, pending.next]} />
          <Coverage ui={ui} catalogue={pending.next} lang={ui.locale} />
          {p.problems.length > 0 ? (
            <div class="error-summary" role="alert">
              <h2 class="error-summary__title">{t.invalid}</h2>
              <ul>
                {p.problems.map((x) => (
                  <li>{x}</li>
                ))}
              </ul>
            </div>
          ) : (
            <form method="post" action="/catalogue/publication" novalidate class="card">
              <ErrorSummary t={ui.t} errors={errors} labels={{ note: t.note, confirm_uncovered: t.confirmUncoveredLabel }} />
              <input type="hidden" name="revision" value={String(pending.draft.revision)} />
              {uncovered.length > 0 && (
                <div class={`field${errors.confirm_uncovered ? ' field--error' : ''}`}>
                  <p class="alert alert--warning">
                    <strong>{t.uncoveredWarning(uncovered.join(', '))}</strong>
                  </p>
                  {errors.confirm_uncovered && (
                    <p class="field__error" id="field-confirm_uncovered-error">
                      {errors.confirm_uncovered}
                    </p>
                  )}
                  <label class="choice" for="field-confirm_uncovered">
                    <input
                      type="checkbox"
                      id="field-confirm_uncovered"
                      name="confirm_uncovered"
                      value="1"
                      aria-describedby={errors.confirm_uncovered ? 'field-confirm_uncovered-error' : undefined}
                      aria-invalid={errors.confirm_uncovered ? 'true' : undefined}
                    />{' '}
                    {t.confirmUncovered(uncovered.join(', '))}
                  </label>
                </div>
              )}
              <Field
                name="note"
                label={`${t.note} ${ui.t.form.optional}`}
                hint={t.noteHint}
                value={p.note}
                error={errors.note}
                multiline
                maxlength={NOTE_MAX}
              />
              <button type="submit" class="button">
                {t.submit(pending.current.number + 1)}
              </button>
            </form>
          )}
        </>
      )}
    </Layout>
  );
}
