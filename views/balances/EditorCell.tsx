import type { Ui } from '../../src/http/ui.js';
import type { StoredCell } from '../../src/balances/model.js';
import { cellKey, choiceValue, domId, EMPTY_CELL, fingerprint, type CellValue, type Subject } from '../../src/balances/logic.js';
import type { CatalogueDomain } from '../../src/catalogue/default-catalogue.js';
import type { Locale } from '../../src/i18n/locale.js';
import { formatTime } from '../../src/i18n/format.js';
import { choiceLabel } from './labels.js';

// One domain for one person in the editor, and the small pieces a save swaps out of band. The
// editor page and the htmx answers (ScoreSaveFragments.tsx) render the same components.

export function cellMetaId(subject: string, domainKey: string) {
  return domId('meta', subject, domainKey);
}
export function cellPendingId(subject: string, domainKey: string) {
  return domId('pending', subject, domainKey);
}
/** A refused cell's message: part of the cell's description, so its question and its problem are read together. */
function cellErrorId(cellId: string) {
  return `${cellId}-e`;
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

/**
 * Someone else saved this cell meanwhile: both versions, "keep mine" (a submit button: saves the
 * step with the newer revision) and "keep theirs" (reload the step). It takes focus when it
 * appears (public/js/app.js after an htmx save; `autofocus` on a full page), which is how it is
 * announced: a group whose name is the title and whose description is both versions. No live
 * region repeats it.
 */
function ConflictBox({ ui, id, mine, theirs, stepUrl, focus }: { ui: Ui; id: string; mine: CellValue; theirs: StoredCell; stepUrl: string; focus: boolean }) {
  const c = ui.t.balances.conflict;
  return (
    <div
      class="conflict"
      id={`${id}-x`}
      role="group"
      tabindex={-1}
      aria-labelledby={`${id}-xt`}
      aria-describedby={`${id}-xi ${id}-xh ${id}-xm`}
      data-conflict
      data-focus-on-load={focus ? true : undefined}
      autofocus={focus ? true : undefined}
    >
      <p class="conflict__title" id={`${id}-xt`}>
        {c.title}
      </p>
      <p id={`${id}-xi`}>{c.intro}</p>
      <p id={`${id}-xh`}>
        {c.theirs(theirs.updatedByName ?? '?', formatTime(theirs.updatedAt))} <strong>{choiceLabel(ui, theirs)}</strong>
        {theirs.remark && <span class="conflict__remark pre-wrap">{theirs.remark}</span>}
      </p>
      <p id={`${id}-xm`}>
        {c.mine} <strong>{choiceLabel(ui, mine)}</strong>
        {mine.remark && <span class="conflict__remark pre-wrap">{mine.remark}</span>}
      </p>
      <button type="submit" class="button button--secondary">
        {c.keepMine}
      </button>{' '}
      <a class="button button--quiet" href={`${stepUrl}#${id}`}>
        {c.keepTheirs}
      </a>
    </div>
  );
}

/**
 * One domain for one person: the question, the levels (the short level name in bold with the
 * domain's own anchor text under it), the remark and the client's own score. `stepUrl` is the
 * editor at this cell's step (for "keep theirs").
 */
export function Cell({
  ui,
  lang,
  subject,
  domain,
  cell,
  override,
  error,
  conflict,
  focusConflict,
  stepUrl,
  oob,
}: {
  ui: Ui;
  lang: Locale;
  stepUrl: string;
  oob?: boolean;
  subject: Subject;
  domain: CatalogueDomain;
  cell: StoredCell | undefined;
  override?: CellValue | undefined;
  error?: string | undefined;
  conflict?: StoredCell | undefined;
  /** The first conflict of the answer takes focus. */
  focusConflict?: boolean;
}) {
  const e = ui.t.balances.editor;
  const scale = ui.t.balances.scale;
  const key = cellKey(subject.key, domain.key);
  const id = domId('c', subject.key, domain.key);
  const value: CellValue = override ?? cell ?? EMPTY_CELL;
  const chosen = choiceValue(value);
  const who = subject.memberId === null ? e.household : subject.name;
  const differs = value.state === 'scored' && value.clientScore !== null && value.score !== value.clientScore;
  const radio = (v: string) => <input type="radio" name={`s.${key}`} value={v} checked={chosen === v} />;
  return (
    <fieldset
      class={`cell${error ? ' cell--error' : ''}${conflict ? ' cell--conflict' : ''}`}
      id={id}
      aria-describedby={error ? `${id}-q ${cellErrorId(id)}` : `${id}-q`}
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
        <p class="field__error" id={cellErrorId(id)}>
          {error}
        </p>
      )}
      {conflict && <ConflictBox ui={ui} id={id} mine={value} theirs={conflict} stepUrl={stepUrl} focus={!!focusConflict} />}
      <span id={cellPendingId(subject.key, domain.key)}>
        {cell?.prefilled && !override && (
          <span class="pending">
            <span class="badge badge--pending">{e.prefilled}</span>{' '}
            <button type="submit" name="confirm" value={key} class="button button--secondary" aria-label={e.confirmLabel(domain.name[lang], who)}>
              {e.confirm}
            </button>
          </span>
        )}
      </span>
      <div class="scale" data-save-group>
        {domain.anchors.map((anchor, i) => (
          <label class={`level level--${i + 1}`}>
            {radio(String(i + 1))}
            <span class="level__body">
              <strong class="level__title">
                <span class="level__num">{i + 1}</span> {scale[(i + 1) as 1]}
              </strong>
              <span class="level__text">{anchor[lang]}</span>
            </span>
          </label>
        ))}
        <span class="scale__other">
          {domain.allowNotApplicable && (
            <label class="level level--other">
              {radio('nvt')}
              <span class="level__body">
                <strong class="level__title">{scale.nvt}</strong>
              </span>
            </label>
          )}
          <label class="level level--other">
            {radio('nb')}
            <span class="level__body">
              <strong class="level__title">{scale.nb}</strong>
            </span>
          </label>
        </span>
      </div>
      <div class="cell__extra">
        <div class="field field--remark">
          <label for={`${id}-r`}>{e.remark}</label>
          <textarea id={`${id}-r`} name={`r.${key}`} rows={2} maxlength={10000} aria-describedby={`${id}-rh`} data-save-group>
            {value.remark}
          </textarea>
          <span class="visually-hidden" id={`${id}-rh`}>
            {e.remarkHint}
          </span>
        </div>
        <div class="field field--client">
          <label for={`${id}-c`}>{e.clientScore}</label>
          <select id={`${id}-c`} name={`c.${key}`} data-save-group>
            <option value="" selected={value.clientScore === null}>
              {e.clientScoreNone}
            </option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option value={String(n)} selected={value.clientScore === n}>
                {n} {scale[n as 1]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* Shown at once when the two scores differ: by the server, and by public/js/app.js as either score changes. */}
      <p class="differs" data-differs={e.clientDiffers('{w}', '{c}')} hidden={!differs}>
        {differs ? e.clientDiffers(value.score!, value.clientScore!) : ''}
      </p>
      <CellMeta subject={subject.key} domainKey={domain.key} cell={conflict ?? cell} />
    </fieldset>
  );
}
