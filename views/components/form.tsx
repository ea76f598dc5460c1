import type { Child } from 'hono/jsx';
import type { Messages } from '../../src/i18n/index.js';

export type FieldErrors = Record<string, string | undefined>;

/**
 * Lists every error at the top of a form, each linking to its field (WCAG 3.3.1). It takes focus
 * after a failed submit so keyboard and screen-reader users land on it (public/js/app.js and the
 * autofocus attribute without JS).
 */
export function ErrorSummary({ t, errors, labels }: { t: Messages; errors: FieldErrors; labels: Record<string, string> }) {
  const entries = Object.entries(errors).filter(([, v]) => v);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load autofocus>
      <h2 class="error-summary__title">{t.form.errorSummaryTitle}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#field-${name}`}>{labels[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  /** When the input's id cannot follow from its name (GPMI agreement fields are named `a12.text`); the error summary links here. */
  id?: string;
  label: string;
  value?: string;
  error?: string | undefined;
  hint?: string;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'numeric' | 'email' | 'text' | 'tel' | 'url' | 'search' | 'none' | 'decimal';
  maxlength?: number;
  multiline?: boolean;
  /** Height of a multiline field. */
  rows?: number;
  children?: Child;
}

/** A labelled input with its hint and error tied to it through aria-describedby. */
export function Field(p: FieldProps) {
  const id = p.id ?? `field-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? 'true' : undefined,
    required: p.required,
    maxlength: p.maxlength,
    autocomplete: p.autocomplete,
  };
  return (
    <div class={`field${p.error ? ' field--error' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {p.error && (
        <p class="field__error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 4}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input {...common} type={p.type ?? 'text'} value={p.value ?? ''} inputmode={p.inputmode} />
      )}
      {p.children}
    </div>
  );
}
