import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail, StoredCell } from '../../src/balances/model.js';
import { cellKey, choiceValue, domId, EMPTY_CELL, fingerprint, progress, type CellValue, type ChoiceProblem, type Subject } from '../../src/balances/logic.js';
import type { CatalogueDomain, CatalogueTheme } from '../../src/catalogue/default-catalogue.js';
import type { Locale } from '../../src/i18n/locale.js';
import { formatIsoDate, formatTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';

/** A form error code (src/balances/forms.ts) in the user's language. */
function errorText(ui: Ui, code: ChoiceProblem | undefined): string | undefined {
  return code && ui.t.balances.editor[code];
}

export interface EditorState {
  /** What the user typed, shown instead of the stored value (after a refused save: nothing is lost). */
  overrides?: Map<string, CellValue>;
  /** Per cell: an error code (validation; src/balances/forms.ts) or the other person's version (conflict). */
  errors?: Map<string, ChoiceProblem>;
  conflicts?: Map<string, StoredCell>;
  savedTheme?: string | undefined;
  savedAt?: number | undefined;
  topMessage?: string | undefined;
}

/** "Huishouden", or a member's name with adult/child. */
export function subjectLabel(ui: Ui, s: Subject): string {
  const e = ui.t.balances.editor;
  return s.memberId === null ? e.household : `${s.name} (${s.level === 'volwassene' ? e.adult : e.child})`;
}

export function themeFormId(subject: string, themeKey: string) {
  return domId('f', subject, themeKey);
}
export function themeStatusId(subject: string, themeKey: string) {
  return domId('status', subject, themeKey);
}
export function cellMetaId(subject: string, domainKey: string) {
  return domId('meta', subject, domainKey);
}
export function cellPendingId(subject: string, domainKey: string) {
  return domId('pending', subject, domainKey);
}

/** The hidden revision and fingerprint of a cell; swapped out-of-band after each save. */
export function CellMeta({ subject, domainKey, cell, oob }: { subject: string; domainKey: string; cell: StoredCell | undefined; oob?: boolean }) {
  const key = cellKey(subject, domainKey);
  return (
    <span id={cellMetaId(subject, domainKey)} hx-swap-oob={oob ? 'true' : undefined} hidden>
      <input type="hidden" name={`v.${key}`} value={String(cell?.revision ?? 0)} />
      <input type="hidden" name={`o.${key}`} value={fingerprint(cell ?? EMPTY_CELL)} />
    </span>
  );
}

export function Progress({ ui, detail, oob }: { ui: Ui; detail: Pick<BalanceDetail, 'layout' | 'cells'>; oob?: boolean }) {
  const p = progress(detail);
  const e = ui.t.balances.editor;
  return (
    <div id="balance-progress" class="progress" hx-swap-oob={oob ? 'true' : undefined}>
      <p>
        <strong>{e.progress(p.answered, p.total)}</strong>
        {p.unconfirmed > 0 && <> — {e.unconfirmed(p.unconfirmed)}</>}
      </p>
      <progress max={String(p.total)} value={String(p.answered)} aria-hidden="true"></progress>
    </div>
  );
}

/** One domain for one person: the 1-5 scale with its anchor texts, the remark, the client's score. */
export function Cell({
  ui,
  lang,
  subject,
  domain,
  cell,
  override,
  error,
  conflict,
  editorUrl,
  oob,
}: {
  ui: Ui;
  lang: Locale;
  editorUrl: string;
  oob?: boolean;
  subject: Subject;
  domain: CatalogueDomain;
  cell: StoredCell | undefined;
  override?: CellValue | undefined;
  error?: string | undefined;
  conflict?: StoredCell | undefined;
}) {
  const e = ui.t.balances.editor;
  const key = cellKey(subject.key, domain.key);
  const id = domId('c', subject.key, domain.key);
  const value: CellValue = override ?? cell ?? EMPTY_CELL;
  const chosen = choiceValue(value);
  const who = subject.memberId === null ? e.household : subject.name;
  const differs = value.state === 'scored' && value.clientScore !== null && value.score !== value.clientScore;
  return (
    <fieldset
      class={`cell${error ? ' cell--error' : ''}${conflict ? ' cell--conflict' : ''}`}
      id={id}
      aria-describedby={`${id}-q`}
      hx-swap-oob={oob ? 'true' : undefined}
    >
      <legend class="cell__legend">
        {domain.name[lang]}
        <span class="visually-hidden"> — {who}</span>
      </legend>
      <p class="cell__question" id={`${id}-q`}>
        {domain.question[lang]}
      </p>
      {error && (
        <p class="field__error" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <div class="conflict" role="alert">
          <p>
            <strong>{ui.t.balances.conflict.title}</strong>
          </p>
          <p>
            {ui.t.balances.conflict.theirs(conflict.updatedByName ?? '?', formatTime(conflict.updatedAt))} <strong>{choiceLabel(ui, conflict)}</strong>
          </p>
          {conflict.remark && <blockquote class="pre-wrap">{conflict.remark}</blockquote>}
          <p>
            {ui.t.balances.conflict.mine} <strong>{choiceLabel(ui, value)}</strong>
          </p>
          {value.remark && <blockquote class="pre-wrap">{value.remark}</blockquote>}
          <button type="submit" class="button button--secondary">
            {ui.t.balances.conflict.keepMine}
          </button>{' '}
          <a class="button button--quiet" href={`${editorUrl}#${id}`}>
            {ui.t.balances.conflict.keepTheirs}
          </a>
        </div>
      )}
      <span id={cellPendingId(subject.key, domain.key)}>
        {cell?.prefilled && !override && (
          <span class="pending">
            <span class="badge badge--pending">{e.prefilled}</span>{' '}
            <button type="submit" name="confirm" value={key} class="button button--quiet" aria-label={e.confirmLabel(domain.name[lang], who)}>
              {e.confirm}
            </button>
          </span>
        )}
      </span>
      <div class="scale">
        {domain.anchors.map((anchor, i) => (
          <label class={`level level--${i + 1}`}>
            <input type="radio" name={`s.${key}`} value={String(i + 1)} checked={chosen === String(i + 1)} />
            <span class="level__num">{i + 1}</span>
            <span class="level__text">{anchor[lang]}</span>
          </label>
        ))}
        {domain.allowNotApplicable && (
          <label class="level level--other">
            <input type="radio" name={`s.${key}`} value="nvt" checked={chosen === 'nvt'} /> <span class="level__text">{ui.t.balances.scale.nvt}</span>
          </label>
        )}
        <label class="level level--other">
          <input type="radio" name={`s.${key}`} value="nb" checked={chosen === 'nb'} /> <span class="level__text">{ui.t.balances.scale.nb}</span>
        </label>
      </div>
      <div class="cell__extra">
        <div class="field field--remark">
          <label for={`${id}-r`}>{e.remark}</label>
          <textarea id={`${id}-r`} name={`r.${key}`} rows={2} maxlength={10000} aria-describedby={`${id}-rh`}>
            {value.remark}
          </textarea>
          <span class="visually-hidden" id={`${id}-rh`}>
            {e.remarkHint}
          </span>
        </div>
        <div class="field field--client">
          <label for={`${id}-c`}>{e.clientScore}</label>
          <select id={`${id}-c`} name={`c.${key}`}>
            <option value="" selected={value.clientScore === null}>
              {e.clientScoreNone}
            </option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option value={String(n)} selected={value.clientScore === n}>
                {n} — {ui.t.balances.scale[n as 1]}
              </option>
            ))}
          </select>
          {differs && <p class="differs">⚠ {e.clientDiffers(value.score!, value.clientScore!)}</p>}
        </div>
      </div>
      <CellMeta subject={subject.key} domainKey={domain.key} cell={conflict ?? cell} />
    </fieldset>
  );
}

export function choiceLabel(ui: Ui, v: CellValue): string {
  if (v.state === 'scored' && v.score !== null) return `${v.score} — ${ui.t.balances.scale[v.score as 1]}`;
  return ui.t.balances.scale[v.state === 'nvt' ? 'nvt' : v.state === 'nb' ? 'nb' : 'open'];
}

function ThemeForm({
  ui,
  lang,
  detail,
  householdId,
  subject,
  theme,
  domains,
  state,
  editorToken,
}: {
  ui: Ui;
  lang: Locale;
  detail: BalanceDetail;
  householdId: number;
  subject: Subject;
  theme: CatalogueTheme;
  domains: CatalogueDomain[];
  state: EditorState;
  editorToken: string;
}) {
  const e = ui.t.balances.editor;
  const action = `/households/${householdId}/balances/${detail.id}/scores`;
  const statusId = themeStatusId(subject.key, theme.key);
  const who = subject.memberId === null ? e.household : subject.name;
  const saved = state.savedTheme === `${subject.key}:${theme.key}` && state.savedAt;
  return (
    <form
      method="post"
      action={action}
      id={themeFormId(subject.key, theme.key)}
      class="theme-form"
      hx-post={action}
      hx-trigger="submit, change, input delay:1200ms"
      hx-target={`#${statusId}`}
      hx-swap="innerHTML"
      hx-sync="this:queue all"
    >
      <h3 id={domId('t', subject.key, theme.key)} tabindex={-1}>
        {theme.name[lang]}
      </h3>
      <input type="hidden" name="editor" value={editorToken} />
      <input type="hidden" name="theme" value={`${subject.key}:${theme.key}`} />
      {domains.map((d) => {
        const k = cellKey(subject.key, d.key);
        return (
          <Cell
            ui={ui}
            lang={lang}
            editorUrl={`/households/${householdId}/balances/${detail.id}`}
            subject={subject}
            domain={d}
            cell={detail.cells.get(k)}
            override={state.overrides?.get(k)}
            error={errorText(ui, state.errors?.get(k))}
            conflict={state.conflicts?.get(k)}
          />
        );
      })}
      <div class="theme-form__footer">
        <button type="submit" class="button button--secondary" aria-label={e.saveThemeLabel(theme.name[lang], who)}>
          {e.saveTheme}
        </button>
        <span id={statusId} class="save-status" role="status">
          {saved ? e.saved(formatTime(state.savedAt!)) : ''}
        </span>
      </div>
    </form>
  );
}

export function BalanceEditorPage({
  ui,
  household,
  detail,
  state = {},
  editorToken,
}: {
  ui: Ui;
  household: Household;
  detail: BalanceDetail;
  state?: EditorState;
  editorToken: string;
}) {
  const e = ui.t.balances.editor;
  const lang = ui.locale;
  const p = progress(detail);
  const open = p.total - p.answered - p.unconfirmed;
  return (
    <Layout ui={ui} title={e.title(formatIsoDate(detail.takenOn))} dossier={household}>
      <p class="breadcrumb">
        <a href={`/households/${household.id}`}>{household.dossierRef ?? household.members.map((m) => m.firstName).join(', ')}</a>
      </p>
      <h1>{e.title(formatIsoDate(detail.takenOn))}</h1>
      <p class="meta-line">
        {ui.t.balances.method[detail.method]} · {e.catalogueVersion(detail.catalogueVersionNumber)}
      </p>
      {state.topMessage && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {state.topMessage}
        </div>
      )}
      {detail.hiddenSensitive > 0 && <p class="alert alert--info">{e.sensitiveHidden(detail.hiddenSensitive)}</p>}
      <Progress ui={ui} detail={detail} />
      <nav class="jump-nav" aria-label={e.jumpTo}>
        <ul>
          {detail.layout.map((section) => (
            <li>
              <a href={`#${domId('s', section.subject.key)}`}>{subjectLabel(ui, section.subject)}</a>
              <ul>
                {section.themes.map((t) => (
                  <li>
                    <a href={`#${domId('t', section.subject.key, t.theme.key)}`}>{t.theme.name[lang]}</a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {detail.layout.map((section) => (
        <section class="subject" aria-labelledby={domId('s', section.subject.key)}>
          <h2 id={domId('s', section.subject.key)}>{subjectLabel(ui, section.subject)}</h2>
          {section.themes.map((t) => (
            <ThemeForm
              ui={ui}
              lang={lang}
              detail={detail}
              householdId={household.id}
              subject={section.subject}
              theme={t.theme}
              domains={t.domains}
              state={state}
              editorToken={editorToken}
            />
          ))}
        </section>
      ))}
      <section class="card finalise" aria-labelledby="finalise-title">
        <h2 id="finalise-title">{e.finaliseTitle}</h2>
        <p>{e.finaliseIntro}</p>
        {p.unconfirmed > 0 && <p class="alert alert--info">{e.finaliseUnconfirmed(p.unconfirmed)}</p>}
        {open > 0 && <p>{e.finaliseOpen(open)}</p>}
        <form method="post" action={`/households/${household.id}/balances/${detail.id}/finalisation`}>
          <button type="submit" class="button">
            {e.finalise}
          </button>
        </form>
      </section>
    </Layout>
  );
}
