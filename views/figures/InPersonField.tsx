import type { Ui } from '../../src/http/ui.js';

/** The evaluation form's "in a personal conversation?" choice (issue 15: the inspection counts these). */
export function InPersonField({ ui, value, error }: { ui: Ui; value: string; error?: string | undefined }) {
  const t = ui.t.figures.evaluation;
  const hint = 'field-in_person-hint';
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`} id="field-in_person" aria-describedby={error ? `${hint} field-in_person-error` : hint}>
      <legend>{t.inPerson}</legend>
      <p class="field__hint" id={hint}>
        {t.inPersonHint}
      </p>
      {error && (
        <p class="field__error" id="field-in_person-error">
          {error}
        </p>
      )}
      <label class="choice">
        <input type="radio" name="in_person" value="yes" checked={value === 'yes'} /> {t.yes}
      </label>
      <label class="choice">
        <input type="radio" name="in_person" value="no" checked={value === 'no'} /> {t.no}
      </label>
    </fieldset>
  );
}
