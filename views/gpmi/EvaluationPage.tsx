import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import type { AgreementDetail, GpmiRecord, VersionDetail } from '../../src/gpmi/model.js';
import type { EvaluationFormValues, GpmiError, GpmiErrors } from '../../src/gpmi/forms.js';
import { say, sayAll } from '../../src/http/form-errors.js';
import { movement, scoreIn } from '../../src/gpmi/logic.js';
import { AGREEMENT_STATUSES } from '../../src/gpmi/tables.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { DateField, ErrorSummary } from '../components/form.js';
import { earliestRecordedOn } from '../../src/gpmi/logic.js';
import { ScoreChip } from '../balances/ScoreChip.js';
import { AField, domainName, gpmiTitle, MovementWord, subjectName } from './parts.js';
import { InPersonField } from '../figures/InPersonField.js';

/**
 * An evaluation moment: per agreement what happened and how it stands now, beside the domain's score
 * in the balance the GPMI came from and in the latest finalised balance (colour, number, label and a word).
 */
export function EvaluationPage(p: {
  ui: Ui;
  household: Household;
  gpmi: GpmiRecord;
  balance: BalanceDetail;
  version: VersionDetail | undefined;
  visible: AgreementDetail[];
  latestBalance: BalanceDetail | undefined;
  values: EvaluationFormValues;
  errors?: GpmiErrors | undefined;
  /** After a 409 (a newer version was signed meanwhile): the message, and notes typed for agreements the new version no longer has. */
  topError?: GpmiError | undefined;
  leftOver?: { subject: string; domainKey: string; note: string }[] | undefined;
}) {
  const { ui, household: h, gpmi, balance } = p;
  const e = ui.t.gpmi.evaluation;
  // The form module answers codes; here they become words in the user's language.
  const errors = p.errors && sayAll(ui.t.gpmi.errors, p.errors);
  const topError = p.topError && say(ui.t.gpmi.errors, p.topError);
  const base = `/households/${h.id}/gpmis/${gpmi.id}`;
  const newer = p.latestBalance && p.latestBalance.id !== balance.id ? p.latestBalance : undefined;
  const labels: Record<string, string> = { held_on: e.heldOn, in_person: ui.t.figures.evaluation.inPerson };
  for (const a of p.visible) {
    labels[`e${a.id}-note`] = `${domainName(ui, balance, a.domainKey)} — ${e.note}`;
    labels[`e${a.id}-status`] = `${domainName(ui, balance, a.domainKey)} — ${e.newStatus}`;
  }
  return (
    <Layout ui={ui} title={`${e.title} — ${ui.t.gpmi.gpmi.windowTitle}`} dossier={h}>
      <p class="breadcrumb">
        <a href={base}>{gpmiTitle(ui, h, gpmi)}</a>
      </p>
      <h1>{e.title}</h1>
      {!p.version ? (
        <p class="alert alert--error" role="alert">
          {e.needsSigned}
        </p>
      ) : (
        <>
          <p class="meta-line">{ui.t.gpmi.gpmi.versionLine(p.version.number)}</p>
          <p>{e.intro}</p>
          {!newer && <p class="alert alert--info">{e.noNewer}</p>}
          {topError && (
            <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
              {topError}
            </div>
          )}
          {p.leftOver && p.leftOver.length > 0 && (
            <section class="card" aria-labelledby="left-over-title">
              <h2 id="left-over-title">{ui.t.gpmi.errors.staleNotes}</h2>
              <ul>
                {p.leftOver.map((l) => (
                  <li>
                    <strong>
                      {domainName(ui, balance, l.domainKey)} — {subjectName(ui, balance, l.subject)}:
                    </strong>{' '}
                    <span class="pre-wrap">{l.note}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <form method="post" action={`${base}/evaluations`} novalidate>
            <input type="hidden" name="version_id" value={String(p.version.id)} />
            {errors && <ErrorSummary t={ui.t} errors={errors} labels={labels} />}
            <DateField
              t={ui.t}
              name="held_on"
              label={e.heldOn}
              value={p.values.heldOn}
              range={{ from: earliestRecordedOn(p.version.startOn), to: 'today' }}
              error={errors?.held_on}
            />
            <InPersonField ui={ui} value={p.values.inPerson} error={errors?.in_person} />
            {p.visible.map((a) => {
              const before = scoreIn(balance, a.subject, a.domainKey);
              const after = newer ? scoreIn(newer, a.subject, a.domainKey) : undefined;
              const name = domainName(ui, balance, a.domainKey);
              const v = p.values.items.get(a.id) ?? { note: '', status: a.currentStatus, shared: false };
              const statusError = errors?.[`e${a.id}-status`];
              return (
                <fieldset class="agreement-form evaluation" id={`evaluation-${a.id}`}>
                  <legend>{ui.t.gpmi.gpmi.agreementFor(name, subjectName(ui, balance, a.subject))}</legend>
                  <p>
                    <strong>{ui.t.gpmi.gpmi.agreement}:</strong> {a.text}
                  </p>
                  <div class="table-wrap">
                    <table class="compare-table">
                      <caption class="visually-hidden">{e.compareCaption(name)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{e.startBalance(formatIsoDate(balance.takenOn))}</th>
                          <th scope="col">{newer ? e.latestBalance(formatIsoDate(newer.takenOn)) : e.latestBalance('—')}</th>
                          <th scope="col">{e.moved}</th>
                          <th scope="col">{e.target}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <tr>
                          <td>
                            <ScoreChip t={ui.t} state={before.state === 'open' ? 'nb' : before.state} score={before.score} />
                          </td>
                          <td>{after ? <ScoreChip t={ui.t} state={after.state === 'open' ? 'nb' : after.state} score={after.score} /> : '—'}</td>
                          <td>{after ? <MovementWord ui={ui} movement={movement(before.score, after.score)} /> : '—'}</td>
                          <td>{a.targetScore !== null ? <ScoreChip t={ui.t} state="scored" score={a.targetScore} /> : '—'}</td>
                        </tr>
                      </tbody>
                    </table>
                  </div>
                  <AField
                    key_={`e${a.id}-note`}
                    name={`e${a.id}.note`}
                    label={e.note}
                    hint={e.noteHint}
                    value={v.note}
                    error={errors?.[`e${a.id}-note`]}
                    multiline
                    rows={3}
                    maxlength={4000}
                  />
                  <fieldset
                    class={`field${statusError ? ' field--error' : ''}`}
                    id={`field-e${a.id}-status`}
                    aria-describedby={statusError ? `field-e${a.id}-status-error` : undefined}
                  >
                    <legend>{e.newStatus}</legend>
                    {statusError && (
                      <p class="field__error" id={`field-e${a.id}-status-error`}>
                        {statusError}
                      </p>
                    )}
                    <div class="status-choices">
                      {AGREEMENT_STATUSES.map((s) => (
                        <label class="choice">
                          <input type="radio" name={`e${a.id}.status`} value={s} checked={v.status === s} /> {ui.t.gpmi.status[s]}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  {/* After the note and how it stands: whether the client gets the note on their copy. */}
                  <div class="field">
                    <label class="choice" for={`field-e${a.id}-shared`}>
                      <input
                        type="checkbox"
                        id={`field-e${a.id}-shared`}
                        name={`e${a.id}.shared`}
                        value="1"
                        checked={v.shared}
                        aria-describedby={`field-e${a.id}-shared-hint`}
                      />{' '}
                      {e.shared}
                    </label>
                    <p class="field__hint" id={`field-e${a.id}-shared-hint`}>
                      {e.sharedHint}
                    </p>
                  </div>
                </fieldset>
              );
            })}
            <button type="submit" class="button">
              {e.submit}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
