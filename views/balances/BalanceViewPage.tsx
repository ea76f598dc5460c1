import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { AmendmentRow, BalanceDetail } from '../../src/balances/model.js';
import { cellKey, domId, EMPTY_CELL } from '../../src/balances/logic.js';
import { formatDate, formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { ScoreChip } from './ScoreChip.js';
import { choiceLabel, subjectLabel } from './labels.js';
import { Field } from '../components/form.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import type { AmendmentError } from '../../src/balances/forms.js';

/** A correction's error code in the user's language (the texts live with the editor's and the view's). */
function amendErrorText(ui: Ui, code: AmendmentError): string {
  const t = ui.t.balances;
  return code === 'reasonRequired' || code === 'amendUnchanged' ? t.view[code] : t.editor[code];
}

/** A finalised balance: read-only, with the stabilising and destabilising elements and visible corrections. */
export function BalanceViewPage({
  ui,
  household,
  detail,
  amendments,
  amendError,
  finalised,
}: {
  ui: Ui;
  household: Household;
  detail: BalanceDetail;
  amendments: AmendmentRow[];
  /** A refused correction: which cell, and what is wrong (a code of src/balances/forms.ts). */
  amendError?: { key: string; error: AmendmentError } | undefined;
  /** Just finalised (the 303 after POST .../finalisation): a notification banner with the next steps. */
  finalised?: boolean;
}) {
  const t = ui.t.balances;
  const lang = ui.locale;
  const participants = detail.subjects.filter((s) => s.memberId !== null && s.tookPart).map((s) => s.name);
  const domainName = (key: string) => detail.catalogue.themes.flatMap((th) => th.domains).find((d) => d.key === key)?.name[lang] ?? key;
  const subjectName = (key: string) => {
    const s = detail.subjects.find((x) => x.key === key);
    return s ? subjectLabel(ui, s) : key;
  };
  return (
    <Layout ui={ui} title={t.editor.title(formatIsoDate(detail.takenOn))} dossier={household}>
      <p class="breadcrumb">
        <a href={`/households/${household.id}`}>{household.dossierRef ?? household.members.map((m) => m.firstName).join(', ')}</a>
      </p>
      <h1>{t.editor.title(formatIsoDate(detail.takenOn))}</h1>
      {finalised && !amendError && (
        <NotificationBanner t={ui.t} message={t.view.finalisedNotice}>
          <p>{t.view.nextSteps}</p>
          <ul>
            <li>
              <a href={`/households/${household.id}/balances/${detail.id}/plan`}>{ui.t.gpmi.plan.link}</a>
            </li>
            <li>
              <a href={`/households/${household.id}/balances/${detail.id}/overview`}>{t.view.toOverview}</a>
            </li>
            <li>
              <a href={`/households/${household.id}/balances/${detail.id}/pdf`} download>
                {ui.t.pdf.balance.download}
              </a>
            </li>
          </ul>
        </NotificationBanner>
      )}
      <p class="meta-line">
        {t.view.finalisedBy(detail.finalisedByName ?? '?', detail.finalisedAt ? formatDate(detail.finalisedAt) : '')} {t.view.method}:{' '}
        {t.method[detail.method].toLowerCase()}. {t.editor.catalogueVersion(detail.catalogueVersionNumber)}.
        {participants.length > 0 && (
          <>
            {' '}
            {t.view.participants}: {participants.join(', ')}.
          </>
        )}
      </p>
      {/* At a glance (src/overview): the overview of this balance and the household's evolution. */}
      <p class="no-print balance-links">
        <a href={`/households/${household.id}/balances/${detail.id}/overview`}>{ui.t.overview.list.overviewLabel(formatIsoDate(detail.takenOn))}</a> ·{' '}
        <a href={`/households/${household.id}/evolution`}>{ui.t.overview.evolution.link}</a>
      </p>
      {/* From the balance to the GPMI (src/gpmi): choose werkpunten and goals. */}
      <p class="no-print">
        <a class="button button--secondary" href={`/households/${household.id}/balances/${detail.id}/plan`}>
          {ui.t.gpmi.plan.link}
        </a>
      </p>
      {/* The balance as PDF for the client file (src/pdf). */}
      <p class="no-print">
        <a href={`/households/${household.id}/balances/${detail.id}/pdf`} download>
          {ui.t.pdf.balance.download}
        </a>{' '}
        · <a href={`/households/${household.id}/balances/${detail.id}/client-voice`}>{ui.t.clientVoice.editorLink}</a>
      </p>
      {/* A refused correction is announced at the top as well: it may name no cell shown on this page. */}
      {amendError && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {amendErrorText(ui, amendError.error)}
        </div>
      )}
      {detail.hiddenSensitive > 0 && <p class="alert alert--info">{t.editor.sensitiveHidden(detail.hiddenSensitive)}</p>}
      {detail.layout.map((section) => {
        const scored = section.themes.flatMap((th) => th.domains.map((d) => ({ d, c: detail.cells.get(cellKey(section.subject.key, d.key)) })));
        const stabilising = scored.filter((x) => x.c?.state === 'scored' && (x.c.score ?? 0) >= 4);
        const destabilising = scored.filter((x) => x.c?.state === 'scored' && (x.c.score ?? 9) <= 2);
        return (
          <section class="subject" aria-labelledby={domId('s', section.subject.key)}>
            <h2 id={domId('s', section.subject.key)}>{subjectLabel(ui, section.subject)}</h2>
            <div class="elements">
              <div>
                <h3>{t.view.destabilising}</h3>
                {destabilising.length ? (
                  <ul>
                    {destabilising.map((x) => (
                      <li>
                        <ScoreChip t={ui.t} state="scored" score={x.c!.score} compact /> {x.d.name[lang]}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t.view.none}</p>
                )}
              </div>
              <div>
                <h3>{t.view.stabilising}</h3>
                {stabilising.length ? (
                  <ul>
                    {stabilising.map((x) => (
                      <li>
                        <ScoreChip t={ui.t} state="scored" score={x.c!.score} compact /> {x.d.name[lang]}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t.view.none}</p>
                )}
              </div>
            </div>
            {section.themes.map((th) => (
              <div class="table-wrap">
                <table class="score-table">
                  <caption>{th.theme.name[lang]}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.view.domain}</th>
                      <th scope="col">{t.editor.score}</th>
                      <th scope="col">{t.editor.remark}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {th.domains.map((d) => {
                      const key = cellKey(section.subject.key, d.key);
                      const c = detail.cells.get(key) ?? EMPTY_CELL;
                      const state = c.state === 'open' ? 'nb' : c.state;
                      const anchor = c.state === 'scored' && c.score ? d.anchors[c.score - 1]![lang] : null;
                      const id = domId('a', section.subject.key, d.key);
                      return (
                        <tr id={domId('c', section.subject.key, d.key)}>
                          <th scope="row">{d.name[lang]}</th>
                          <td>
                            <ScoreChip t={ui.t} state={state} score={c.score} />
                            {anchor && <p class="anchor-text">{anchor}</p>}
                            {c.clientScore !== null && (
                              <p class="client-score">
                                {t.editor.clientScore}: {c.clientScore}
                              </p>
                            )}
                          </td>
                          <td>
                            {c.remark ? <p class="pre-wrap">{c.remark}</p> : <p class="muted">{t.view.noRemark}</p>}
                            <details class="disclosure amend" open={amendError?.key === key ? true : undefined}>
                              <summary
                                aria-label={t.view.amendLabel(d.name[lang], section.subject.memberId === null ? t.editor.household : section.subject.name)}
                              >
                                {t.view.amendTitle}
                              </summary>
                              <form method="post" action={`/households/${household.id}/balances/${detail.id}/amendments`} novalidate>
                                <input type="hidden" name="cell" value={key} />
                                <fieldset class="field">
                                  <legend>{t.editor.score}</legend>
                                  <div class="scale scale--compact">
                                    {[1, 2, 3, 4, 5].map((n) => (
                                      <label class="choice">
                                        <input type="radio" name="s" value={String(n)} checked={c.state === 'scored' && c.score === n} /> {n} —{' '}
                                        {t.scale[n as 1]}
                                      </label>
                                    ))}
                                    {d.allowNotApplicable && (
                                      <label class="choice">
                                        <input type="radio" name="s" value="nvt" checked={c.state === 'nvt'} /> {t.scale.nvt}
                                      </label>
                                    )}
                                    <label class="choice">
                                      <input type="radio" name="s" value="nb" checked={c.state === 'nb' || c.state === 'open'} /> {t.scale.nb}
                                    </label>
                                  </div>
                                </fieldset>
                                <div class="field">
                                  <label for={`${id}-r`}>{t.editor.remark}</label>
                                  <textarea id={`${id}-r`} name="r" rows={2} maxlength={10000}>
                                    {c.remark}
                                  </textarea>
                                </div>
                                <Field
                                  name={`reason-${id}`}
                                  label={t.view.reason}
                                  error={amendError?.key === key ? amendErrorText(ui, amendError.error) : undefined}
                                  required
                                  maxlength={1000}
                                />
                                <button type="submit" class="button button--secondary">
                                  {t.view.amendSubmit}
                                </button>
                              </form>
                            </details>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ))}
          </section>
        );
      })}
      {amendments.length > 0 && (
        <section aria-labelledby="amendments-title" class="card">
          <h2 id="amendments-title">{t.view.amendmentsTitle}</h2>
          <ul class="amendments">
            {amendments.map((a) => (
              <li>
                <p>
                  <strong>
                    {domainName(a.domainKey)} — {subjectName(a.subject)}
                  </strong>
                  : {choiceLabel(ui, a.before)} → {choiceLabel(ui, a.after)}
                </p>
                <p>
                  {t.view.reason}: {a.reason}
                </p>
                <p class="muted">{t.view.amendment(a.createdByName ?? '?', formatDate(a.createdAt))}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
