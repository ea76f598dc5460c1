import type { Ui } from '../../src/http/ui.js';
import type { TodoItem } from '../../src/figures/model.js';
import type { TodoQueryValues } from '../../src/figures/forms.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { dossierName } from '../components/dossier.js';

/**
 * "Te doen": balances due, GPMIs to draw up and evaluations due or overdue in the caller's
 * caseload, each with its date and a link; what is late first. Filtered on the caseload (mine, all
 * my teams, one team) and the kind, with a plain GET form (works without JavaScript).
 */
export function TodoPage(p: {
  ui: Ui;
  teams: { id: number; name: string }[];
  values: TodoQueryValues;
  items: TodoItem[];
  today: string;
  error?: string | undefined;
}) {
  const { ui } = p;
  const t = ui.t.figures.todo;
  const whose = [
    { value: 'mine', label: t.mine },
    { value: 'teams', label: t.teams },
    ...(p.teams.length > 1 ? p.teams.map((x) => ({ value: String(x.id), label: t.team(x.name) })) : []),
  ];
  const what = (i: TodoItem) => (i.kind === 'balance' ? t.kinds.balance : i.kind === 'gpmi' ? t.gpmiFor(i.firstName ?? '') : t.evaluationFor(i.firstName));
  return (
    <Layout ui={ui} title={t.title}>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <form method="get" action="/todo" class="filters">
        <fieldset>
          <legend class="visually-hidden">{t.title}</legend>
          <div class="field field--inline">
            <label for="field-whose">{t.whose}</label>
            <select id="field-whose" name="whose">
              {whose.map((o) => (
                <option value={o.value} selected={o.value === p.values.whose}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field field--inline">
            <label for="field-kind">{t.kind}</label>
            <select id="field-kind" name="kind">
              {Object.entries(t.kinds).map(([value, label]) => (
                <option value={value} selected={value === p.values.kind}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {t.show}
          </button>
        </fieldset>
      </form>
      {p.error ? (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {p.error}
        </div>
      ) : !p.items.length ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p class="meta-line">{t.count(p.items.length)}</p>
          <div class="table-wrap" tabindex={0} role="region" aria-label={t.caption}>
            <table class="todo-table">
              <caption class="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.due}</th>
                  <th scope="col">{t.what}</th>
                  <th scope="col">{t.dossier}</th>
                  <th scope="col">{t.action}</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((i) => (
                  <tr class={i.overdue ? 'todo--overdue' : undefined}>
                    <td>
                      {formatIsoDate(i.dueOn)}
                      {i.overdue && <strong class="todo__late"> ({t.overdue})</strong>}
                    </td>
                    <td>
                      {what(i)}
                      {i.inPersonNeeded && <span class="muted"> — {t.inPerson}</span>}
                    </td>
                    <td>{dossierName(ui, { id: i.householdId, dossierRef: i.dossierRef })}</td>
                    <td>
                      <a href={i.href}>
                        {t.open}
                        <span class="visually-hidden">
                          : {what(i)}, {dossierName(ui, { id: i.householdId, dossierRef: i.dossierRef })}
                        </span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
