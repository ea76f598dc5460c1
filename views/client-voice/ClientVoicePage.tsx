import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import type { InvitationSummary, SentAnswer } from '../../src/client-voice/invitations.js';
import type { InvitationErrors, InvitationFormValues } from '../../src/client-voice/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { DEFAULT_LINK_HOURS, invitationState, MAX_LINK_HOURS } from '../../src/client-voice/logic.js';
import { clientLanguage, type ClientLanguage } from '../../src/client-voice/languages.js';
import { clientVoicePath } from '../../src/client-voice/paths.js';
import { findDomain } from '../../src/catalogue/catalogue.js';
import { formatDateTime, formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary } from '../components/form.js';
import { OfficialChoice } from './OfficialChoice.js';
import { NotificationBanner } from '../components/NotificationBanner.js';

// The worker's page of "the client scores too" for one draft balance: start a hand-over or a link
// for one adult, see and withdraw the invitations, decide on answers waiting for the worker, and
// read what the client sent. Its own page under the balance, so the balance editor stays as it is.

export interface ClientVoicePageProps {
  ui: Ui;
  household: Household;
  detail: BalanceDetail;
  invitations: InvitationSummary[];
  answers: SentAnswer[];
  adults: { memberId: number; name: string }[];
  linkAvailable: boolean;
  handoverAvailable: boolean;
  values: InvitationFormValues;
  errors?: InvitationErrors;
  notice?: string | undefined;
  finaliseWarning: boolean;
  now: number;
  /** Languages switched on for clients (for the bilingual copy of the balance). */
  copyLanguages: ClientLanguage[];
  /** Brussels: the copy's official language is the client's choice. */
  officialChoice: boolean;
}

export function ClientVoicePage(props: ClientVoicePageProps) {
  const {
    ui,
    household,
    detail,
    invitations,
    answers,
    adults,
    linkAvailable,
    handoverAvailable,
    values,
    errors = {},
    notice,
    finaliseWarning,
    now,
    copyLanguages,
    officialChoice,
  } = props;
  const t = ui.t.clientVoice;
  const lang = ui.locale;
  const base = clientVoicePath(household.id, detail.id);
  const errorTexts = sayAll(t.errors, errors);
  const domainName = (key: string) => findDomain(detail.catalogue, key)?.name[lang] ?? key;
  const who = (a: SentAnswer) => (a.subject === 'h' ? t.household : a.firstName);
  const pending = answers.filter((a) => a.state === 'pending');
  const isDraft = detail.status === 'draft';
  return (
    <Layout ui={ui} title={t.windowTitle(formatIsoDate(detail.takenOn))} dossier={household}>
      <p class="breadcrumb">
        <a href={`/households/${household.id}/balances/${detail.id}`}>{t.backToBalance}</a>
      </p>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {notice && <NotificationBanner t={ui.t} message={notice} />}
      {finaliseWarning && isDraft && (
        <section class="card alert alert--warning" aria-labelledby="finalise-warning" data-focus-on-load tabindex={-1}>
          <h2 id="finalise-warning">{t.finaliseWarningTitle}</h2>
          <p>{t.finaliseWarning}</p>
          <form method="post" action={`/households/${household.id}/balances/${detail.id}/finalisation`}>
            <input type="hidden" name="client_links" value="close" />
            <button type="submit" class="button">
              {t.finaliseAnyway}
            </button>{' '}
            <a href={`/households/${household.id}/balances/${detail.id}`}>{t.backToBalance}</a>
          </form>
        </section>
      )}
      {!isDraft && <p class="alert alert--info">{t.finalBalance}</p>}

      {pending.length > 0 && (
        <section class="card" aria-labelledby="waiting-title">
          <h2 id="waiting-title">{t.waitingTitle}</h2>
          <p>{t.waitingIntro}</p>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.domain}</th>
                <th scope="col">{t.typed}</th>
                <th scope="col">{t.clientSays}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.accept}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((a) => (
                <tr>
                  <th scope="row">
                    {domainName(a.domainKey)} — {who(a)}
                  </th>
                  <td>{a.cellClientScore ?? '—'}</td>
                  <td>{a.score}</td>
                  <td>
                    {isDraft && (
                      <form method="post" action={`${base}/answers/${a.id}/decision`} class="inline-form">
                        <button
                          type="submit"
                          name="decision"
                          value="accept"
                          class="button button--secondary"
                          aria-label={t.acceptLabel(domainName(a.domainKey), who(a))}
                        >
                          {t.accept}
                        </button>{' '}
                        <button
                          type="submit"
                          name="decision"
                          value="keep"
                          class="button button--quiet"
                          aria-label={t.keepLabel(domainName(a.domainKey), who(a))}
                        >
                          {t.keep}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {isDraft && (
        <section class="card" aria-labelledby="start-title">
          <h2 id="start-title">{t.startTitle}</h2>
          <ErrorSummary t={ui.t} errors={errorTexts} labels={{ member: t.whoLegend, mode: t.modeLegend, hours: t.hoursLabel }} />
          {adults.length === 0 ? (
            <p>{t.noAdults}</p>
          ) : (
            <form method="post" action={`${base}/invitations`}>
              <fieldset class="field" id="field-member" aria-describedby={errors.member ? 'member-error' : undefined}>
                <legend>{t.whoLegend}</legend>
                {errors.member && (
                  <p class="field__error" id="member-error">
                    {errorTexts.member}
                  </p>
                )}
                {adults.map((a, i) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name="member"
                      value={String(a.memberId)}
                      checked={values.member === String(a.memberId) || (values.member === '' && i === 0)}
                    />{' '}
                    {a.name}
                  </label>
                ))}
                <label class="choice">
                  <input type="checkbox" name="household" value="1" checked={values.household} /> {t.includeHousehold}
                </label>
              </fieldset>
              <fieldset class="field" id="field-mode" aria-describedby={errors.mode ? 'mode-error' : undefined}>
                <legend>{t.modeLegend}</legend>
                {errors.mode && (
                  <p class="field__error" id="mode-error">
                    {errorTexts.mode}
                  </p>
                )}
                {linkAvailable ? (
                  <label class="choice">
                    <input type="radio" name="mode" value="link" checked={values.mode === 'link' || values.mode === ''} aria-describedby="mode-link-hint" />{' '}
                    {t.modeLink}
                    <span class="field__hint" id="mode-link-hint">
                      {t.modeLinkHint}
                    </span>
                  </label>
                ) : (
                  <p class="field__hint">{t.noLinkMode}</p>
                )}
                {handoverAvailable ? (
                  <label class="choice">
                    <input
                      type="radio"
                      name="mode"
                      value="handover"
                      checked={values.mode === 'handover' || (!linkAvailable && values.mode === '')}
                      aria-describedby="mode-handover-hint"
                    />{' '}
                    {t.modeHandover}
                    <span class="field__hint" id="mode-handover-hint">
                      {t.modeHandoverHint}
                    </span>
                  </label>
                ) : (
                  <p class="field__hint">
                    {t.noHandover} <a href="/account">{t.setUpTwoFactor}</a>
                  </p>
                )}
              </fieldset>
              {linkAvailable && (
                <div class={`field${errors.hours ? ' field--error' : ''}`}>
                  <label for="field-hours">{t.hoursLabel}</label>
                  <p class="field__hint" id="field-hours-hint">
                    {t.hoursHint(DEFAULT_LINK_HOURS, MAX_LINK_HOURS)}
                  </p>
                  {errors.hours && (
                    <p class="field__error" id="field-hours-error">
                      {errorTexts.hours}
                    </p>
                  )}
                  <input
                    id="field-hours"
                    name="hours"
                    inputmode="numeric"
                    value={values.hours || String(DEFAULT_LINK_HOURS)}
                    aria-describedby={`field-hours-hint${errors.hours ? ' field-hours-error' : ''}`}
                    aria-invalid={errors.hours ? 'true' : undefined}
                  />
                </div>
              )}
              {(linkAvailable || handoverAvailable) && (
                <button type="submit" class="button">
                  {t.start}
                </button>
              )}
            </form>
          )}
        </section>
      )}

      <section class="card" aria-labelledby="invitations-title">
        <h2 id="invitations-title">{t.openTitle}</h2>
        {invitations.length === 0 ? (
          <p>{t.noInvitations}</p>
        ) : (
          <ul class="plain-list">
            {invitations.map((inv) => {
              const state = invitationState({ closed_at: inv.closedAt, closed_reason: inv.closedReason, expires_at: inv.expiresAt }, now);
              const language = clientLanguage(inv.lang);
              return (
                <li>
                  <strong>{inv.firstName}</strong> — {inv.mode === 'link' ? t.howLink : t.howHandover}
                  {inv.includeHousehold && <>, {t.withHousehold}</>} — {t.state[state]}
                  {state === 'open' && inv.mode === 'link' && <> ({t.validUntil(formatDateTime(inv.expiresAt))})</>}
                  {language && (
                    <>
                      {' '}
                      — {t.language}: {language.dutchName}
                    </>
                  )}
                  {state === 'open' && (
                    <form method="post" action={`${base}/invitations/${inv.id}/revocation`} class="inline-form">
                      {' '}
                      <button type="submit" class="button button--quiet" aria-label={t.revokeLabel(inv.firstName)}>
                        {t.revoke}
                      </button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="sent-title">
        <h2 id="sent-title">{t.sentTitle}</h2>
        {answers.length === 0 ? (
          <p>{t.noneSent}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.domain}</th>
                <th scope="col">{t.answer}</th>
                <th scope="col">{t.remark}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {answers.map((a) => (
                <tr>
                  <th scope="row">
                    {domainName(a.domainKey)} — {who(a)}
                  </th>
                  <td>{a.kind === 'declined' ? t.declined : a.score}</td>
                  <td dir="auto">{a.remark}</td>
                  <td>{t.answerState[a.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {copyLanguages.length > 0 && (
        <section class="card" aria-labelledby="copy-title">
          <h2 id="copy-title">{ui.t.clientVoice.gpmi.pdfTitle}</h2>
          <p>{ui.t.clientVoice.gpmi.pdfHint}</p>
          <form method="get" action={`/households/${household.id}/balances/${detail.id}/client-copy`}>
            <div class="field">
              <label for="copy-lang">{ui.t.clientVoice.gpmi.languageLabel}</label>
              <select id="copy-lang" name="lang">
                {copyLanguages.map((l) => (
                  <option value={l.code}>
                    {l.dutchName} ({l.autonym})
                  </option>
                ))}
              </select>
            </div>
            {officialChoice && <OfficialChoice legend={ui.t.clientVoice.gpmi.officialChoice} />}
            <button type="submit" class="button button--secondary">
              {ui.t.clientVoice.gpmi.downloadBalance}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export function LinkCreatedPage({
  ui,
  household,
  detail,
  firstName,
  url,
  qrSvg,
  expiresAt,
}: {
  ui: Ui;
  household: Household;
  detail: BalanceDetail;
  firstName: string;
  url: string;
  qrSvg: string;
  expiresAt: number;
}) {
  const t = ui.t.clientVoice;
  return (
    <Layout ui={ui} title={t.linkTitle(firstName)} dossier={household}>
      <h1>{t.linkTitle(firstName)}</h1>
      <p>{t.linkIntro}</p>
      <div class="field">
        <label for="client-link">{t.linkLabel}</label>
        <input id="client-link" type="text" readonly value={url} class="link-box" />
      </div>
      <figure class="qr" role="img" aria-label={t.qrLabel} dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <p>{t.linkValid(formatDateTime(expiresAt))}</p>
      <p>
        <a class="button" href={clientVoicePath(household.id, detail.id)}>
          {t.done}
        </a>
      </p>
    </Layout>
  );
}
