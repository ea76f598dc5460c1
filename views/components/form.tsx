import type { Child } from 'hono/jsx';
import type { Messages } from '../../src/i18n/index.js';
import { formatIsoDate } from '../../src/i18n/format.js';

export type FieldErrors = Record<string, string | undefined>;

/**
 * Lists every error at the top of a form, each linking to its field (WCAG 3.3.1). It takes focus
 * after a failed submit so keyboard and screen-reader users land on it (public/js/app.js and the
 * autofocus attribute without JS).
 */
export function ErrorSummary({
  t,
  errors,
  labels,
  targets,
}: {
  t: Messages;
  errors: FieldErrors;
  labels: Record<string, string>;
  /** The element each error links to, when its id is not `field-${name}` (a balance cell, a hashed textarea). */
  targets?: Record<string, string>;
}) {
  const entries = Object.entries(errors).filter(([, v]) => v);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load autofocus>
      <h2 class="error-summary__title">{t.form.errorSummaryTitle}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${targets?.[name] ?? `field-${name}`}`}>{labels[name] ? `${labels[name]}: ${message}` : message}</a>
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
  required?: boolean | undefined;
  inputmode?: 'numeric' | 'email' | 'text' | 'tel' | 'url' | 'search' | 'none' | 'decimal';
  maxlength?: number;
  multiline?: boolean | undefined;
  /** Height of a multiline field. */
  rows?: number | undefined;
  /** An extra class on the field's wrapper (`field--date`). */
  class?: string;
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
    <div class={`field${p.class ? ` ${p.class}` : ''}${p.error ? ' field--error' : ''}`}>
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

/**
 * The days a date field accepts, as its form module checks them (yyyy-mm-dd); `to: 'today'` when
 * the latest day is today. Said in the hint before the field, so nobody learns it from an error.
 */
export interface DateRange {
  from?: string | undefined;
  to?: string | 'today' | undefined;
}

/** The hint of a date field: the format (day/month/year), the range, and what else the field needs said. */
export function dateHint(t: Messages, range: DateRange, opts: { extra?: string | undefined; list?: boolean | undefined } = {}): string {
  const d = t.form.date;
  const from = range.from ? formatIsoDate(range.from) : undefined;
  const span =
    range.to === 'today'
      ? from
        ? d.fromToday(from)
        : d.notFuture
      : range.to
        ? from
          ? d.between(from, formatIsoDate(range.to))
          : undefined
        : from
          ? d.notBefore(from)
          : undefined;
  return [opts.extra, opts.list ? d.onePerLine : undefined, d.format, span].filter(Boolean).join(' ');
}

/**
 * The one way a worker types a date (balance, GPMI, evaluation, member dates): a plain text field
 * for day/month/year (dd/mm/jjjj), with the format and the allowed range said up front and tied to
 * the field, read on the server by parseDay. Not <input type="date">: its format and its picker
 * follow the browser's language and differ per browser and screen reader, and some locked-down PCs
 * show it as a plain field without saying the format. `list`: several dates, one per line.
 */
export function DateField(p: {
  t: Messages;
  name: string;
  id?: string;
  label: string;
  value: string;
  range: DateRange;
  /** What else the hint says first ("Niet verplicht.", "Leeg: vandaag."). */
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  list?: boolean;
}) {
  return (
    <Field
      name={p.name}
      id={p.id}
      label={p.label}
      hint={dateHint(p.t, p.range, { extra: p.hint, list: p.list })}
      value={p.value}
      error={p.error}
      required={p.required}
      autocomplete="off"
      maxlength={p.list ? 400 : 10}
      multiline={p.list}
      rows={p.list ? 4 : undefined}
      class="field--date"
    />
  );
}
