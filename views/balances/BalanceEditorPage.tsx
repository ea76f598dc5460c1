import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail, StoredCell } from '../../src/balances/model.js';
import {
  cellKey,
  domId,
  editorSteps,
  findStep,
  FINISH_STEP,
  firstOpenStep,
  progress,
  type CellValue,
  type ChoiceProblem,
  type EditorStep,
} from '../../src/balances/logic.js';
import type { Locale } from '../../src/i18n/locale.js';
import { formatIsoDate, formatTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary, type FieldErrors } from '../components/form.js';
import { clientVoicePath } from '../../src/client-voice/paths.js';
import { Cell } from './EditorCell.js';
import { StepOverview } from './EditorParts.js';
import { subjectLabel } from './labels.js';

export { choiceLabel, subjectLabel } from './labels.js';

/** A form error code (src/balances/forms.ts) in the user's language. */
function errorText(ui: Ui, code: ChoiceProblem | undefined): string | undefined {
  return code && ui.t.balances.editor[code];
}

export interface EditorState {
  /** The step asked for (`?step=`, or the step a refused save came from); else the first step with something to do. */
  step?: string | undefined;
  /** What the user typed, shown instead of the stored value (after a refused save: nothing is lost). */
  overrides?: Map<string, CellValue>;
  /** Per cell: an error code (validation; src/balances/forms.ts) or the other person's version (conflict). */
  errors?: Map<string, ChoiceProblem>;
  conflicts?: Map<string, StoredCell>;
  /** A save without JS just happened (shown in the step's status line). */
  savedAt?: number | undefined;
  topMessage?: string | undefined;
}

/**
 * A save refused without JavaScript: every refused cell of the step in the error summary, each
 * linking to its cell (the fieldset), labelled with its domain and person. Undefined when no cell
 * of the step is refused (the page then shows its top message).
 */
function refusedCells(ui: Ui, lang: Locale, step: EditorStep, errors: EditorState['errors']) {
  const out = { errors: {} as FieldErrors, labels: {} as Record<string, string>, targets: {} as Record<string, string> };
  for (const d of step.domains) {
    const k = cellKey(step.subject.key, d.key);
    const message = errorText(ui, errors?.get(k));
    if (!message) continue;
    out.errors[k] = message;
    out.labels[k] = `${d.name[lang]} — ${subjectLabel(ui, step.subject)}`;
    out.targets[k] = domId('c', step.subject.key, d.key);
  }
  return Object.keys(out.errors).length ? out : undefined;
}

/** The editor at one step: what "keep theirs" and the step links point to. */
export function stepUrl(householdId: number, balanceId: number, step: string): string {
  return `/households/${householdId}/balances/${balanceId}?step=${encodeURIComponent(step)}`;
}

function stepTitle(ui: Ui, lang: Locale, step: EditorStep | typeof FINISH_STEP): string {
  return step === FINISH_STEP ? ui.t.balances.editor.finishStep : `${step.theme.name[lang]} — ${subjectLabel(ui, step.subject)}`;
}

/**
 * The balance editor, one step at a time: one theme of one person (or of the household), then the
 * finish step. One form per step: autosave with htmx (public/js/app.js decides when), and every
 * button of the step (previous, next, each step of the overview, "keep mine", a confirmation)
 * submits it, so the step is saved before anything moves on, with JavaScript off too. The first
 * button in the form is a hidden "save" so that Enter in a field saves and stays.
 */
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
  const steps = editorSteps(detail);
  const current = (state.step !== undefined ? findStep(steps, state.step) : undefined) ?? firstOpenStep(steps);
  const currentId = current === FINISH_STEP ? FINISH_STEP : current.id;
  const index = current === FINISH_STEP ? steps.length : steps.indexOf(current);
  const previous = index > 0 ? steps[index - 1] : undefined;
  const next = current === FINISH_STEP ? undefined : (steps[index + 1] ?? FINISH_STEP);
  const action = `/households/${household.id}/balances/${detail.id}/scores`;
  const here = stepUrl(household.id, detail.id, currentId);
  let firstConflict = true;
  const summary = current === FINISH_STEP ? undefined : refusedCells(ui, lang, current, state.errors);
  return (
    <Layout ui={ui} title={e.title(formatIsoDate(detail.takenOn))} dossier={household}>
      <p class="breadcrumb">
        <a href={`/households/${household.id}`}>{household.dossierRef ?? household.members.map((m) => m.firstName).join(', ')}</a>
      </p>
      <h1>{e.title(formatIsoDate(detail.takenOn))}</h1>
      <p class="meta-line">
        {ui.t.balances.method[detail.method]} · {e.catalogueVersion(detail.catalogueVersionNumber)} ·{' '}
        <a href={clientVoicePath(household.id, detail.id)}>{ui.t.clientVoice.editorLink}</a>
      </p>
      {summary ? (
        <ErrorSummary t={ui.t} errors={summary.errors} labels={summary.labels} targets={summary.targets} />
      ) : (
        state.topMessage && (
          <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
            {state.topMessage}
          </div>
        )
      )}
      {detail.hiddenSensitive > 0 && <p class="alert alert--info">{e.sensitiveHidden(detail.hiddenSensitive)}</p>}
      <div class="editor">
        <div class="editor__step">
          <form
            method="post"
            action={action}
            id="step-form"
            class="step"
            hx-post={action}
            hx-trigger="submit, sb-save"
            hx-target="#save-status"
            hx-swap="innerHTML"
            hx-sync="this:queue all"
            data-autosave
          >
            <button type="submit" hidden>
              {e.save}
            </button>
            <input type="hidden" name="editor" value={editorToken} />
            <input type="hidden" name="step" value={currentId} />
            <p class="step__where">
              {current === FINISH_STEP ? e.finishStep : e.stepOf(index + 1, steps.length)}{' '}
              <a class="step__skip" href="#overview-title">
                {e.skipToOverview}
              </a>
            </p>
            <h2 id="step" class="step__title" tabindex={-1}>
              {stepTitle(ui, lang, current)}
            </h2>
            {current === FINISH_STEP ? (
              <FinishStep ui={ui} lang={lang} detail={detail} steps={steps} />
            ) : (
              current.domains.map((d) => {
                const k = cellKey(current.subject.key, d.key);
                const conflict = state.conflicts?.get(k);
                const focusConflict = !!conflict && firstConflict;
                if (conflict) firstConflict = false;
                return (
                  <Cell
                    ui={ui}
                    lang={lang}
                    stepUrl={here}
                    subject={current.subject}
                    domain={d}
                    cell={detail.cells.get(k)}
                    override={state.overrides?.get(k)}
                    error={errorText(ui, state.errors?.get(k))}
                    conflict={conflict}
                    focusConflict={focusConflict}
                  />
                );
              })
            )}
            <div class="step__footer">
              {next && (
                <button type="submit" name="go" value={next === FINISH_STEP ? FINISH_STEP : next.id} class="button">
                  {e.next(stepTitle(ui, lang, next))}
                </button>
              )}
              {previous && (
                <button type="submit" name="go" value={previous.id} class="button button--secondary">
                  {e.previous(stepTitle(ui, lang, previous))}
                </button>
              )}
              {/* Not a live region: public/js/app.js announces saves in the page's one live region, once per change. */}
              <p id="save-status" class="save-status">
                {state.savedAt ? e.saved(formatTime(state.savedAt)) : ''}
              </p>
            </div>
          </form>
          {current === FINISH_STEP && (
            <form method="post" action={`/households/${household.id}/balances/${detail.id}/finalisation`} class="finalise">
              <button type="submit" class="button">
                {e.finalise}
              </button>
            </form>
          )}
        </div>
        <StepOverview ui={ui} lang={lang} detail={detail} steps={steps} current={currentId} />
      </div>
    </Layout>
  );
}

/** The last step: what is still to do (each a button to its step) and what finalising means. */
function FinishStep({ ui, lang, detail, steps }: { ui: Ui; lang: Locale; detail: BalanceDetail; steps: EditorStep[] }) {
  const e = ui.t.balances.editor;
  const p = progress(detail);
  const open = p.total - p.answered - p.unconfirmed;
  const todo = steps.filter((s) => s.todo > 0);
  return (
    <>
      {todo.length ? (
        <>
          <p>{e.finishTodo}</p>
          <ul class="finish-todo">
            {todo.map((s) => (
              <li>
                <button type="submit" name="go" value={s.id} class="step-link">
                  <span class="step-link__name">{stepTitle(ui, lang, s)}</span> <span class="step-status step-status--todo">{e.stepTodo(s.todo)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{e.finishAllDone}</p>
      )}
      {p.unconfirmed > 0 && <p class="alert alert--info">{e.finaliseUnconfirmed(p.unconfirmed)}</p>}
      {open > 0 && <p>{e.finaliseOpen(open)}</p>}
      <p>{e.finaliseIntro}</p>
    </>
  );
}
