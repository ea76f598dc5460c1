import type { Ui } from '../../src/http/ui.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary } from '../components/form.js';
import { say } from '../../src/http/form-errors.js';
import type { CatalogueError } from '../../src/catalogue/forms.js';

export const MAX_PROBLEMS_SHOWN = 50;

/** Upload a catalogue file; a refused file lists every problem with its exact place. */
export function ImportPage({ ui, error: code, problems = [] }: { ui: Ui; error?: CatalogueError | undefined; problems?: string[] }) {
  const t = ui.t.catalogue.importPage;
  const error = code && say(ui.t.catalogue.errors, code);
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      <p>
        <a href="/catalogue/draft">{ui.t.catalogue.links.backToDraft}</a>
      </p>
      <p>{t.intro}</p>
      <form method="post" action="/catalogue/import" enctype="multipart/form-data" novalidate>
        <ErrorSummary t={ui.t} errors={{ file: error }} labels={{ file: t.file }} />
        {shown.length > 0 && (
          <section class="card" aria-labelledby="problems-title">
            <h2 id="problems-title">{t.problemsTitle}</h2>
            <ul id="import-problems">
              {shown.map((x) => (
                <li>{x}</li>
              ))}
            </ul>
            {problems.length > shown.length && <p>{t.more(problems.length - shown.length)}</p>}
          </section>
        )}
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for="field-file">{t.file}</label>
          <p class="field__hint" id="field-file-hint">
            {t.fileHint}
          </p>
          {error && (
            <p class="field__error" id="field-file-error">
              {error}
            </p>
          )}
          <input
            type="file"
            id="field-file"
            name="file"
            accept="application/json,.json"
            required
            aria-describedby={error ? 'field-file-hint field-file-error' : 'field-file-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button type="submit" class="button">
          {t.submit}
        </button>
      </form>
    </Layout>
  );
}
