import type { Ui } from '../../src/http/ui.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import { cellKey, domId, FINISH_STEP, isAnswered, progress, type EditorStep, type LayoutSection } from '../../src/balances/logic.js';
import type { Locale } from '../../src/i18n/locale.js';
import { subjectLabel } from './labels.js';

// The editor's overview: how far the balance is, and every step (a theme of one person) with what
// is done and what is still to do. Its counts are swapped out of band after each save; the buttons
// themselves never are, so a focused button keeps its focus.

type Cells = Pick<BalanceDetail, 'layout' | 'cells'>;

export function Progress({ ui, detail, oob }: { ui: Ui; detail: Cells; oob?: boolean }) {
  const p = progress(detail);
  const e = ui.t.balances.editor;
  return (
    <div id="balance-progress" class="progress" hx-swap-oob={oob ? 'true' : undefined}>
      <p>
        <strong>{e.progress(p.answered, p.total)}</strong>
        {p.unconfirmed > 0 && <> {e.unconfirmed(p.unconfirmed)}</>}
      </p>
      <progress max={String(p.total)} value={String(p.answered)} aria-hidden="true"></progress>
    </div>
  );
}

export function stepStatusId(step: string) {
  return domId('ss', step);
}
function subjectCountId(subject: string) {
  return domId('sc', subject);
}

/** "klaar" with a tick, or "nog 2 te doen": words and a symbol, never colour alone. */
export function StepStatus({ ui, step, oob }: { ui: Ui; step: EditorStep; oob?: boolean }) {
  const e = ui.t.balances.editor;
  return (
    <span id={stepStatusId(step.id)} class={`step-status step-status--${step.todo ? 'todo' : 'done'}`} hx-swap-oob={oob ? 'true' : undefined}>
      {step.todo ? e.stepTodo(step.todo) : <>✓ {e.stepDone}</>}
    </span>
  );
}

/** Per person: how many of their domains are done. */
export function SubjectCount({ ui, section, detail, oob }: { ui: Ui; section: LayoutSection; detail: Cells; oob?: boolean }) {
  const domains = section.themes.flatMap((t) => t.domains);
  const done = domains.filter((d) => {
    const c = detail.cells.get(cellKey(section.subject.key, d.key));
    return c && isAnswered(c);
  }).length;
  return (
    <span id={subjectCountId(section.subject.key)} class="step-nav__count" hx-swap-oob={oob ? 'true' : undefined}>
      {ui.t.balances.editor.subjectDone(done, domains.length)}
    </span>
  );
}

/**
 * Every step, grouped per person; one click jumps anywhere. Each entry is a submit button of the
 * step form (`form="step-form"`), so jumping saves what is on the current step first, with or
 * without JavaScript.
 */
export function StepOverview({ ui, lang, detail, steps, current }: { ui: Ui; lang: Locale; detail: Cells; steps: EditorStep[]; current: string }) {
  const e = ui.t.balances.editor;
  return (
    <nav class="step-nav" id="overview" aria-labelledby="overview-title">
      <h2 id="overview-title" class="step-nav__title" tabindex={-1}>
        {e.overviewTitle}
      </h2>
      <Progress ui={ui} detail={detail} />
      {detail.layout.map((section) => (
        <div class="step-nav__subject">
          <h3>
            {subjectLabel(ui, section.subject)} <SubjectCount ui={ui} section={section} detail={detail} />
          </h3>
          <ul>
            {steps
              .filter((s) => s.subject.key === section.subject.key)
              .map((s) => (
                <li>
                  <button type="submit" form="step-form" name="go" value={s.id} class="step-link" aria-current={s.id === current ? 'step' : undefined}>
                    <span class="step-link__name">{s.theme.name[lang]}</span> <StepStatus ui={ui} step={s} />
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
      <p class="step-nav__finish">
        <button type="submit" form="step-form" name="go" value={FINISH_STEP} class="step-link" aria-current={current === FINISH_STEP ? 'step' : undefined}>
          <span class="step-link__name">{e.finishStep}</span>
        </button>
      </p>
    </nav>
  );
}
