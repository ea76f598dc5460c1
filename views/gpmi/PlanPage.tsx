import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import { cellExists, cellKey, domId, type Subject } from '../../src/balances/logic.js';
import type { CatalogueDomain } from '../../src/catalogue/default-catalogue.js';
import type { PlanRowInput } from '../../src/gpmi/logic.js';
import type { PlanError, PlanProblem } from '../../src/gpmi/forms.js';
import { say } from '../../src/http/form-errors.js';
import { PLAN_MAX, PLAN_WARN } from '../../src/gpmi/logic.js';
import type { GpmiSummary, StoredPlan } from '../../src/gpmi/model.js';
import { formatIsoDate, formatTime } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { ScoreChip } from '../balances/ScoreChip.js';
import { subjectLabel } from '../balances/BalanceEditorPage.js';
import { dossierName } from '../components/dossier.js';
import { domainName, PageMessages, subjectName } from './parts.js';

export interface PlanView {
  order: 'lowest' | 'catalogue';
  show: 'all' | 'low';
}
/** A refused row as the page shows it: which field, and the words. */
interface PlanErrorShown {
  key: string;
  field: 'w' | 'p' | 'cp' | 'lt' | 'ts';
  message: string;
}

/** The form's problem codes in the user's words, naming the person where two rows of one person clash. */
function shownProblem(ui: Ui, detail: BalanceDetail, p: PlanProblem): PlanErrorShown {
  const e = ui.t.gpmi.plan.errors;
  const who = (subject: string) => {
    const s = detail.subjects.find((x) => x.key === subject);
    return !s || s.memberId === null ? ui.t.balances.editor.household : s.name;
  };
  switch (p.code) {
    case 'invalidPriority':
      return { key: p.key, field: 'p', message: e.invalidPriority(PLAN_MAX) };
    case 'invalidClientPriority':
      return { key: p.key, field: 'cp', message: e.invalidClientPriority(PLAN_MAX) };
    case 'invalidTarget':
      return { key: p.key, field: 'ts', message: e.invalidTarget };
    case 'targetBelowScore':
      return { key: p.key, field: 'ts', message: e.targetBelowScore };
    case 'goalTooLong':
      return { key: p.key, field: 'lt', message: e.goalTooLong };
    case 'notApplicable':
      return { key: p.key, field: 'w', message: e.notApplicable };
    case 'duplicatePriority':
      return { key: p.key, field: 'p', message: e.duplicatePriority(who(p.subject)) };
    case 'duplicateClientPriority':
      return { key: p.key, field: 'cp', message: e.duplicateClientPriority(who(p.subject)) };
    case 'tooMany':
      return { key: p.key, field: 'p', message: e.tooMany(who(p.subject), PLAN_MAX) };
  }
}

export interface PlanPageProps {
  ui: Ui;
  household: Household;
  detail: BalanceDetail;
  revision: number;
  /** What the form shows: the stored plan, or what the user posted (after a refused save). */
  values: Map<string, PlanRowInput>;
  view: PlanView;
  gpmis: GpmiSummary[];
  crowded: string[];
  /** What the werkpunten form refused (codes; said here in the user's words). */
  problems?: PlanProblem[] | undefined;
  topError?: PlanError | undefined;
  /** After a conflict: the plan someone else saved meanwhile. */
  theirs?: StoredPlan | undefined;
  notice?: string | undefined;
}

export const fieldId = (field: string, key: string) => domId(field, key);

function query(v: PlanView, change: Partial<PlanView> = {}): string {
  const n = { ...v, ...change };
  const q = new URLSearchParams();
  if (n.order !== 'lowest') q.set('order', n.order);
  if (n.show !== 'all') q.set('show', n.show);
  const s = q.toString();
  return s ? `?${s}` : '';
}

const isWerkpunt = (v: PlanRowInput | undefined) => !!v && (v.werkpunt || v.priority !== '');

/** Rows of one person: lowest score first (not scored after, "niet van toepassing" last), or catalogue order. */
function rowsOf(detail: BalanceDetail, subject: Subject, view: PlanView): { domain: CatalogueDomain; theme: string; state: string; score: number | null }[] {
  const section = detail.layout.find((s) => s.subject.key === subject.key);
  if (!section) return [];
  const rows = section.themes.flatMap((t) =>
    t.domains.map((d) => {
      const c = detail.cells.get(cellKey(subject.key, d.key));
      return { domain: d, theme: t.theme.key, state: c?.state ?? 'open', score: c?.state === 'scored' ? c.score : null };
    }),
  );
  const rank = (r: { state: string; score: number | null }) => r.score ?? (r.state === 'nvt' ? 7 : 6);
  const ordered =
    view.order === 'lowest'
      ? rows
          .map((r, i) => ({ r, i }))
          .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
          .map((x) => x.r)
      : rows;
  return view.show === 'low' ? ordered.filter((r) => r.score !== null && r.score <= 2) : ordered;
}

/** A priority 1..PLAN_MAX (or none) with its hidden label and inline error; an out-of-range value sent back stays selectable. */
function PrioritySelect(p: {
  id: string;
  name: string;
  label: string;
  none: string;
  value: string | undefined;
  error: string | undefined;
  describedBy: string | undefined;
}) {
  return (
    <>
      <label for={p.id} class="visually-hidden">
        {p.label}
      </label>
      <select id={p.id} name={p.name} class="select--small" aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.describedBy}>
        <option value="" selected={!p.value}>
          {p.none}
        </option>
        {Array.from({ length: PLAN_MAX }, (_, i) => String(i + 1)).map((n) => (
          <option value={n} selected={p.value === n}>
            {n}
          </option>
        ))}
        {p.value && !/^[1-5]$/.test(p.value) && (
          <option value={p.value} selected>
            {p.value}
          </option>
        )}
      </select>
      {p.error && (
        <p class="field__error" id={`${p.id}-error`}>
          {p.error}
        </p>
      )}
    </>
  );
}
export function PlanPage(p: PlanPageProps) {
  const { ui, household: h, detail } = p;
  const t = ui.t.gpmi.plan;
  const date = formatIsoDate(detail.takenOn);
  const base = `/households/${h.id}/balances/${detail.id}/plan`;
  const errors = p.problems?.map((x) => shownProblem(ui, detail, x));
  const errorOf = (field: string, key: string) => errors?.find((e) => e.field === field && e.key === key)?.message;
  const topError = p.topError && say(ui.t.gpmi.plan.errors, p.topError);
  const werkpunten = [...p.values.values()].filter((v) => isWerkpunt(v) && cellExists(detail, v.subject, v.domainKey));
  const order = detail.subjects.map((s) => s.key);
  werkpunten.sort((a, b) => order.indexOf(a.subject) - order.indexOf(b.subject) || (Number(a.priority) || 99) - (Number(b.priority) || 99));
  const final = detail.status === 'final';
  return (
    <Layout ui={ui} title={t.windowTitle(date)} dossier={h}>
      <p class="breadcrumb">
        <a href={`/households/${h.id}`}>{dossierName(ui, h)}</a> › <a href={`/households/${h.id}/balances/${detail.id}`}>{ui.t.balances.editor.title(date)}</a>
      </p>
      <h1>{t.title}</h1>
      <p class="meta-line">{ui.t.balances.editor.title(date)}</p>
      <PageMessages t={ui.t} notice={p.notice} topError={topError} />
      {!final ? (
        <>
          {!topError && <p class="alert alert--info">{t.draftBalance}</p>}
          <p>
            <a class="button" href={`/households/${h.id}/balances/${detail.id}`}>
              {t.openBalance}
            </a>
          </p>
        </>
      ) : (
        <>
          {p.theirs && (
            <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load>
              <h2 class="error-summary__title">{t.conflictTitle}</h2>
              <p>{t.conflictIntro(p.theirs.updatedByName ?? '?', p.theirs.updatedAt ? formatTime(p.theirs.updatedAt) : '')}</p>
              <h3>{t.theirs}</h3>
              <TheirPlan ui={ui} detail={detail} theirs={p.theirs} />
            </div>
          )}
          {errors && errors.length > 0 && (
            <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load>
              <h2 class="error-summary__title">{ui.t.form.errorSummaryTitle}</h2>
              <ul>
                {errors.map((e) => (
                  <li>
                    <a href={`#${fieldId(e.field, e.key)}`}>
                      {domainName(ui, detail, e.key.slice(e.key.indexOf('.') + 1))}: {e.message}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {p.crowded.map((s) => {
            const n = [...p.values.values()].filter((v) => v.subject === s && isWerkpunt(v)).length;
            return <p class="alert alert--warning">{t.crowded(subjectName(ui, detail, s), n, PLAN_WARN)}</p>;
          })}
          {detail.hiddenSensitive > 0 && <p class="alert alert--info">{ui.t.balances.editor.sensitiveHidden(detail.hiddenSensitive)}</p>}
          <p>{t.intro(PLAN_WARN, PLAN_MAX)}</p>
          <nav class="view-switch" aria-label={t.orderLabel}>
            <span>{t.orderLabel}:</span>
            <a href={`${base}${query(p.view, { order: 'lowest' })}`} aria-current={p.view.order === 'lowest' ? 'true' : undefined}>
              {t.orderLowest}
            </a>
            <a href={`${base}${query(p.view, { order: 'catalogue' })}`} aria-current={p.view.order === 'catalogue' ? 'true' : undefined}>
              {t.orderCatalogue}
            </a>
          </nav>
          <nav class="view-switch" aria-label={t.showLabel}>
            <span>{t.showLabel}:</span>
            <a href={`${base}${query(p.view, { show: 'all' })}`} aria-current={p.view.show === 'all' ? 'true' : undefined}>
              {t.showAll}
            </a>
            <a href={`${base}${query(p.view, { show: 'low' })}`} aria-current={p.view.show === 'low' ? 'true' : undefined}>
              {t.showLow}
            </a>
          </nav>
          {p.view.show === 'low' && <p class="field__hint">{t.filteredNote}</p>}
          <form method="post" action={`${base}${query(p.view)}`} novalidate class="plan-form">
            <input type="hidden" name="revision" value={String(p.revision)} />
            <p class="field__hint" id="priority-hint">
              {t.priorityHint}
            </p>
            <p class="field__hint" id="client-priority-hint">
              {t.clientPriorityHint}
            </p>
            {detail.layout.map((section) => {
              const rows = rowsOf(detail, section.subject, p.view);
              const who = subjectLabel(ui, section.subject);
              const captionId = domId('plan', section.subject.key);
              return (
                <section class="subject" aria-labelledby={captionId}>
                  <h2 id={captionId}>{who}</h2>
                  {rows.length === 0 ? (
                    <p>{t.noLow}</p>
                  ) : (
                    <div class="table-wrap">
                      <table class="plan-table">
                        <caption class="visually-hidden">{t.caption(who)}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t.domain}</th>
                            <th scope="col">{t.score}</th>
                            <th scope="col">{t.werkpunt}</th>
                            <th scope="col">{t.priority}</th>
                            <th scope="col">{t.clientPriority}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {rows.map((r) => {
                            const key = cellKey(section.subject.key, r.domain.key);
                            const v = p.values.get(key);
                            const name = r.domain.name[ui.locale];
                            const err = { w: errorOf('w', key), p: errorOf('p', key), cp: errorOf('cp', key) };
                            const described = (f: 'w' | 'p' | 'cp', hint?: string) =>
                              [hint, err[f] ? `${fieldId(f, key)}-error` : ''].filter(Boolean).join(' ') || undefined;
                            return (
                              <tr class={isWerkpunt(v) ? 'plan-row--chosen' : undefined}>
                                <th scope="row">{name}</th>
                                <td>
                                  <ScoreChip t={ui.t} state={r.state === 'open' ? 'nb' : (r.state as 'scored')} score={r.score} />
                                </td>
                                {r.state === 'nvt' ? (
                                  <td colspan={2} class="muted">
                                    {ui.t.balances.scale.nvt}
                                  </td>
                                ) : (
                                  <>
                                    <td>
                                      <input type="hidden" name="row" value={key} />
                                      <input
                                        type="checkbox"
                                        class="plan-check"
                                        id={fieldId('w', key)}
                                        name={`w.${key}`}
                                        value="1"
                                        checked={isWerkpunt(v)}
                                        aria-invalid={err.w ? 'true' : undefined}
                                        aria-describedby={described('w')}
                                      />
                                      <label for={fieldId('w', key)} class="visually-hidden">
                                        {t.werkpuntLabel(name, who)}
                                      </label>
                                      {err.w && (
                                        <p class="field__error" id={`${fieldId('w', key)}-error`}>
                                          {err.w}
                                        </p>
                                      )}
                                    </td>
                                    <td>
                                      <PrioritySelect
                                        id={fieldId('p', key)}
                                        name={`p.${key}`}
                                        label={t.priorityLabel(name, who)}
                                        none={t.none}
                                        value={v?.priority}
                                        error={err.p}
                                        describedBy={described('p', 'priority-hint')}
                                      />
                                    </td>
                                  </>
                                )}
                                <td>
                                  {r.state === 'nvt' && <input type="hidden" name="row" value={key} />}
                                  <PrioritySelect
                                    id={fieldId('cp', key)}
                                    name={`cp.${key}`}
                                    label={t.clientPriorityLabel(name, who)}
                                    none={t.none}
                                    value={v?.clientPriority}
                                    error={err.cp}
                                    describedBy={described('cp', 'client-priority-hint')}
                                  />
                                </td>
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  )}
                </section>
              );
            })}
            <section aria-labelledby="goals-title" class="goals">
              <h2 id="goals-title">{t.goalsTitle}</h2>
              {werkpunten.length === 0 ? <p>{t.goalsEmpty}</p> : <p>{t.goalsIntro}</p>}
              {werkpunten.map((v) => (
                <GoalFields ui={ui} detail={detail} v={v} errorOf={errorOf} />
              ))}
            </section>
            <button type="submit" class="button">
              {t.save}
            </button>
          </form>
          <section class="card" aria-labelledby="plan-gpmi-title">
            <h2 id="plan-gpmi-title">{t.gpmiTitle}</h2>
            {p.gpmis.length > 0 && (
              <>
                <p>{t.gpmiFromHere}:</p>
                <ul>
                  {p.gpmis.map((g) => (
                    <li>
                      <a href={`/households/${h.id}/gpmis/${g.id}`}>
                        {g.memberId === null
                          ? ui.t.gpmi.gpmi.titleHousehold
                          : ui.t.gpmi.gpmi.title(detail.subjects.find((s) => s.memberId === g.memberId)?.name ?? '')}
                      </a>{' '}
                      — {ui.t.gpmi.list.states[g.state]}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {p.revision > 0 && werkpunten.length > 0 && !p.problems ? (
              <>
                <p>{t.gpmiIntro}</p>
                <p>
                  <a class="button button--secondary" href={`/households/${h.id}/gpmis/new?balance=${detail.id}`}>
                    {t.gpmiStart}
                  </a>
                </p>
              </>
            ) : (
              <p>{t.gpmiNeedsWerkpunt}</p>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}

function GoalFields({
  ui,
  detail,
  v,
  errorOf,
}: {
  ui: Ui;
  detail: BalanceDetail;
  v: PlanRowInput;
  errorOf: (field: string, key: string) => string | undefined;
}) {
  const t = ui.t.gpmi.plan;
  const key = cellKey(v.subject, v.domainKey);
  const cell = detail.cells.get(key);
  const score = cell?.state === 'scored' ? cell.score : null;
  const name = domainName(ui, detail, v.domainKey);
  const who = subjectName(ui, detail, v.subject);
  const id = (f: string) => fieldId(f, key);
  const errLt = errorOf('lt', key);
  const errTs = errorOf('ts', key);
  return (
    <fieldset class="goal">
      <legend>{t.goalLegend(Number(v.priority) || 0, name, who).replace(/^0\. /, '')}</legend>
      <p>
        {t.nowScore}: <ScoreChip t={ui.t} state={cell?.state === 'scored' ? 'scored' : 'nb'} score={score} />
      </p>
      <div class={`field${errLt ? ' field--error' : ''}`}>
        <label for={id('lt')}>{t.longTerm}</label>
        <p class="field__hint" id={`${id('lt')}-hint`}>
          {t.longTermHint}
        </p>
        {errLt && (
          <p class="field__error" id={`${id('lt')}-error`}>
            {errLt}
          </p>
        )}
        <textarea
          id={id('lt')}
          name={`lt.${key}`}
          rows={2}
          maxlength={1000}
          aria-describedby={`${id('lt')}-hint${errLt ? ` ${id('lt')}-error` : ''}`}
          aria-invalid={errLt ? 'true' : undefined}
        >
          {v.longTermGoal}
        </textarea>
      </div>
      <div class="field">
        <label for={id('st')}>{t.shortTerm}</label>
        <p class="field__hint" id={`${id('st')}-hint`}>
          {t.shortTermHint}
        </p>
        <textarea id={id('st')} name={`st.${key}`} rows={2} maxlength={1000} aria-describedby={`${id('st')}-hint`}>
          {v.shortTermGoal}
        </textarea>
      </div>
      <div class={`field${errTs ? ' field--error' : ''}`}>
        <label for={id('ts')}>{t.target}</label>
        <p class="field__hint" id={`${id('ts')}-hint`}>
          {score !== null ? t.targetHint(`${score} ${ui.t.balances.scale[score as 1]}`) : t.targetHintFree}
        </p>
        {errTs && (
          <p class="field__error" id={`${id('ts')}-error`}>
            {errTs}
          </p>
        )}
        <select
          id={id('ts')}
          name={`ts.${key}`}
          aria-describedby={`${id('ts')}-hint${errTs ? ` ${id('ts')}-error` : ''}`}
          aria-invalid={errTs ? 'true' : undefined}
        >
          <option value="" selected={v.targetScore === ''}>
            {t.targetNone}
          </option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option value={String(n)} selected={v.targetScore === String(n)}>
              {n} — {ui.t.balances.scale[n as 1]}
            </option>
          ))}
          {v.targetScore !== '' && !/^[1-5]$/.test(v.targetScore) && (
            <option value={v.targetScore} selected>
              {v.targetScore}
            </option>
          )}
        </select>
      </div>
    </fieldset>
  );
}

function TheirPlan({ ui, detail, theirs }: { ui: Ui; detail: BalanceDetail; theirs: StoredPlan }) {
  const t = ui.t.gpmi.plan;
  const rows = [...theirs.rows.values()].filter((r) => r.priority !== null && cellExists(detail, r.subject, r.domainKey));
  if (!rows.length) return <p>{t.theirsEmpty}</p>;
  return (
    <ul>
      {rows.map((r) => (
        <li>
          {t.priority} {r.priority}: {domainName(ui, detail, r.domainKey)} — {subjectName(ui, detail, r.subject)}
          {r.shortTermGoal && (
            <>
              {' '}
              · {t.shortTerm}: {r.shortTermGoal}
            </>
          )}
          {r.longTermGoal && (
            <>
              {' '}
              · {t.longTerm}: {r.longTermGoal}
            </>
          )}
          {r.targetScore !== null && (
            <>
              {' '}
              · {t.target}: {r.targetScore}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
