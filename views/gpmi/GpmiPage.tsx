import type { Ui } from '../../src/http/ui.js';
import type { Household } from '../../src/households/model.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import { cellKey } from '../../src/balances/logic.js';
import type { PlanRow } from '../../src/gpmi/logic.js';
import { addMonths, agreementVisible, currentSigned, dateWindow, dueWindow, earliestRecordedOn, latestVersion } from '../../src/gpmi/logic.js';
import { AGREEMENT_STATUSES } from '../../src/gpmi/tables.js';
import type { AgreementDetail, GpmiRecord, VersionDetail } from '../../src/gpmi/model.js';
import { agreementField, type DraftFormValues, type GpmiError, type GpmiErrors } from '../../src/gpmi/forms.js';
import { say, sayAll } from '../../src/http/form-errors.js';
import { formatDate, formatDateTime, formatIsoDate } from '../../src/i18n/format.js';
import { Layout } from '../layouts/Layout.js';
import { DateField, ErrorSummary, Field, type FieldErrors } from '../components/form.js';
import { ScoreChip } from '../balances/ScoreChip.js';
import { AField, AgreementList, domainName, gpmiFor, gpmiTitle, PageMessages, subjectName } from './parts.js';

export interface GpmiPageProps {
  ui: Ui;
  household: Household;
  gpmi: GpmiRecord;
  /** The balance the GPMI came from, as this user may see it. */
  balance: BalanceDetail;
  /** The version shown. */
  version: VersionDetail;
  /** Its agreements this user may see (sensitive domains left out when hidden). */
  visible: AgreementDetail[];
  hiddenCount: number;
  /** Today in Belgium (yyyy-mm-dd): the default signing date. */
  today: string;
  /** The werkpunten of the source balance (they come first in "add an agreement"). */
  plan: Map<string, PlanRow>;
  /** Set when the shown version is the newest and a draft: the form's values. */
  draft?: DraftFormValues | undefined;
  /** What the draft form (and its signature) refused: codes, said here in the user's words. */
  errors?: GpmiErrors | undefined;
  /** After a 409: the version someone else saved meanwhile. */
  conflict?: VersionDetail | undefined;
  /** The signing fields as typed (they are part of the draft form). */
  signValues?: { signedOn: string; clientName: string } | undefined;
  changeValue?: string | undefined;
  changeErrors?: GpmiErrors | undefined;
  topError?: GpmiError | undefined;
  notice?: string | undefined;
}

/** The props as the parts of the page use them: the form's codes turned into words once. */
type Shown = Omit<GpmiPageProps, 'errors' | 'changeErrors'> & { errors?: FieldErrors | undefined; changeErrors: FieldErrors };

export function GpmiPage(props: GpmiPageProps) {
  const { ui, household: h, gpmi, version: v, balance } = props;
  const p: Shown = { ...props, errors: props.errors && sayAll(ui.t.gpmi.errors, props.errors), changeErrors: sayAll(ui.t.gpmi.errors, props.changeErrors) };
  const g = ui.t.gpmi.gpmi;
  const latest = latestVersion(gpmi);
  const signed = currentSigned(gpmi);
  const isLatest = v.id === latest.id;
  const base = `/households/${h.id}/gpmis/${gpmi.id}`;
  return (
    <Layout ui={ui} title={g.windowTitle} dossier={h}>
      <div class="gpmi-page">
        <p class="breadcrumb no-print">
          <a href={`/households/${h.id}`}>{g.back}</a>
        </p>
        <p class="print-only print-header">
          {ui.user?.organisationName}
          {h.dossierRef && (
            <>
              {' '}
              — {ui.t.households.caseload.dossierRef} {h.dossierRef}
            </>
          )}
        </p>
        <h1>{gpmiTitle(ui, h, gpmi)}</h1>
        <p class="contract-name">{g.contractName}</p>
        <p class="meta-line">
          <strong>{g.versionLine(v.number)}</strong> —{' '}
          {v.status === 'signed' ? g.signedLine(formatIsoDate(v.signedOn!), v.signedClientName ?? '', v.signedByName ?? '?') : g.draft}
        </p>
        <PageMessages t={ui.t} notice={p.notice} topError={p.topError && say(ui.t.gpmi.errors, p.topError)} />
        {p.hiddenCount > 0 && <p class="alert alert--info">{g.hiddenAgreements(p.hiddenCount)}</p>}
        {!isLatest && (
          <p class="alert alert--info no-print">
            {g.oldVersion(v.number, latest.number)} <a href={base}>{g.toLatest}</a>
          </p>
        )}
        {isLatest && v.status === 'draft' && signed && (
          <p class="alert alert--info no-print">
            {g.signedDraftNote(signed.number)} <a href={`${base}?version=${signed.number}`}>{g.viewSigned(signed.number)}</a>
          </p>
        )}
        {p.conflict && (
          <div class="error-summary" role="alert" tabindex={-1} data-focus-on-load>
            <h2 class="error-summary__title">{ui.t.gpmi.form.conflictTitle}</h2>
            <p>{ui.t.gpmi.form.conflictIntro(p.conflict.updatedByName ?? '?', formatDateTime(p.conflict.updatedAt))}</p>
            <h3>{ui.t.gpmi.form.theirs}</h3>
            <AgreementList
              ui={ui}
              balance={balance}
              agreements={p.conflict.agreements.filter((a) => agreementVisible(balance, a))}
              headingLevel={4}
              idPrefix="theirs"
            />
          </div>
        )}

        <dl class="facts">
          <dt>{g.fromBalance}</dt>
          <dd>
            <a href={`/households/${h.id}/balances/${balance.id}`}>{formatIsoDate(balance.takenOn)}</a>
          </dd>
          <dt>{g.startOn}</dt>
          <dd>{formatIsoDate(v.startOn)}</dd>
          <dt>{g.duration}</dt>
          <dd>{g.months(v.durationMonths)}</dd>
          <dt>{g.endsOn}</dt>
          <dd>{formatIsoDate(addMonths(v.startOn, v.durationMonths))}</dd>
          <dt>{g.moments}</dt>
          <dd>{v.moments.length ? v.moments.map(formatIsoDate).join(', ') : g.noMoments}</dd>
          {v.reason && (
            <>
              <dt>{g.reason}</dt>
              <dd class="pre-wrap">{v.reason}</dd>
            </>
          )}
        </dl>

        {p.draft ? (
          <>
            <DraftForm {...p} draft={p.draft} />
            {/* What gets printed for signing: the agreements as the client reads them. */}
            <section class="print-only" aria-labelledby="print-agreements-title">
              <h2 id="print-agreements-title">{g.agreementsTitle}</h2>
              <AgreementList ui={ui} balance={balance} agreements={p.visible} idPrefix="print" />
            </section>
          </>
        ) : (
          <section aria-labelledby="agreements-title">
            <h2 id="agreements-title">{g.agreementsTitle}</h2>
            <AgreementList ui={ui} balance={balance} agreements={p.visible} />
          </section>
        )}
        <div class="no-print actions">
          <p>
            <a href={`${base}/pdf${isLatest ? '' : `?version=${v.number}`}`} download>
              {ui.t.pdf.gpmi.download}
            </a>
          </p>
          <p>
            <a href={`${base}/pdf?copy=file${isLatest ? '' : `&version=${v.number}`}`} download>
              {ui.t.pdf.gpmi.downloadFileCopy}
            </a>
          </p>
          <p>
            <a href={`${base}/client-language`}>{ui.t.clientVoice.gpmi.link}</a>
          </p>
          <button type="button" class="button button--secondary" data-print hidden>
            {g.print}
          </button>
          <p class="field__hint">{g.printHint}</p>
          {isLatest && v.status === 'signed' && (
            <p>
              <a class="button" href={`${base}/evaluations/new`}>
                {g.evaluate}
              </a>
            </p>
          )}
        </div>
        <Signatures ui={ui} household={h} gpmi={gpmi} version={v} />
        {isLatest && v.status === 'signed' && <ChangeForm {...p} />}
        <History ui={ui} gpmi={gpmi} shown={v.number} base={base} />
      </div>
    </Layout>
  );
}

/** Signature blocks for the paper copy (print only): client and worker, with the date. */
function Signatures({ ui, household, gpmi, version }: { ui: Ui; household: Household; gpmi: GpmiRecord; version: VersionDetail }) {
  const g = ui.t.gpmi.gpmi;
  return (
    <section class="print-only signatures" aria-labelledby="signatures-title">
      <h2 id="signatures-title">{g.signatures}</h2>
      <div class="signatures__grid">
        <div>
          <p>
            <strong>{g.signClient}</strong>: {version.signedClientName ?? (gpmi.memberId !== null ? gpmiFor(ui, household, gpmi.memberId) : '')}
          </p>
          <p>
            {g.signDate}: {version.signedOn ? formatIsoDate(version.signedOn) : ''}
          </p>
          <p class="signatures__line"></p>
        </div>
        <div>
          <p>
            <strong>{g.signWorker}</strong>: {version.signedByName ?? ''}
          </p>
          <p>
            {g.signDate}: {version.signedOn ? formatIsoDate(version.signedOn) : ''}
          </p>
          <p class="signatures__line"></p>
        </div>
      </div>
    </section>
  );
}

function DraftForm(p: Shown & { draft: DraftFormValues }) {
  const { ui, household: h, gpmi, balance, draft, errors } = p;
  const f = ui.t.gpmi.form;
  const labels: Record<string, string> = {
    start_on: f.startOn,
    duration: f.duration,
    moments: f.moments,
    add_domain: f.addDomain,
    signed_on: ui.t.gpmi.sign.signedOn,
    client_name: ui.t.gpmi.sign.clientName,
  };
  for (const a of p.visible) {
    const name = domainName(ui, balance, a.domainKey);
    for (const [part, label] of [
      ['text', f.text],
      ['client', f.clientDoes],
      ['ocmw', f.ocmwDoes],
      ['partners', f.partners],
      ['lt', f.longTerm],
      ['st', f.shortTerm],
      ['ts', f.target],
      ['due', f.due],
      ['status', f.status],
    ] as const) {
      labels[agreementField(a.id, part)] = `${name} — ${label}`;
    }
  }
  // Domains that can get a new agreement: in the source balance, allowed for this GPMI, not yet used.
  const used = new Set(p.version.agreements.map((a) => cellKey(a.subject, a.domainKey)));
  const subjects = balance.layout.filter((s) => gpmi.memberId === null || s.subject.key === 'h' || s.subject.memberId === gpmi.memberId);
  const werkpunten = [...p.plan.values()].filter(
    (r) =>
      r.priority !== null &&
      !used.has(cellKey(r.subject, r.domainKey)) &&
      subjects.some((s) => s.subject.key === r.subject && s.themes.some((t) => t.domains.some((d) => d.key === r.domainKey))),
  );
  return (
    <form method="post" action={`/households/${h.id}/gpmis/${gpmi.id}`} novalidate class="no-print gpmi-form">
      <h2>{f.title}</h2>
      <p class="alert alert--info">{f.intro}</p>
      {errors && <ErrorSummary t={ui.t} errors={errors} labels={labels} />}
      <input type="hidden" name="revision" value={String(draft.revision)} />
      <div class="inline-fields">
        <DateField t={ui.t} name="start_on" label={f.startOn} value={draft.startOn} range={dateWindow(p.today)} error={errors?.start_on} />
        <Field name="duration" label={f.duration} value={draft.duration} error={errors?.duration} inputmode="numeric" maxlength={2} />
      </div>
      <DateField
        t={ui.t}
        name="moments"
        label={f.moments}
        value={draft.moments}
        range={{ from: p.version.startOn, to: addMonths(p.version.startOn, p.version.durationMonths) }}
        error={errors?.moments}
        list
      />
      <h3>{ui.t.gpmi.gpmi.agreementsTitle}</h3>
      {p.visible.length === 0 && <p>{ui.t.gpmi.gpmi.noAgreements}</p>}
      {p.visible.map((a) => {
        const due = dueWindow(p.today, p.version);
        const v = draft.agreements.get(a.id);
        if (!v) return null;
        const k = (part: string) => agreementField(a.id, part);
        const cell = balance.cells.get(cellKey(a.subject, a.domainKey));
        const name = domainName(ui, balance, a.domainKey);
        return (
          <fieldset class="agreement-form" id={`agreement-${a.id}`}>
            <legend>{ui.t.gpmi.gpmi.agreementFor(name, subjectName(ui, balance, a.subject))}</legend>
            <p>
              {ui.t.gpmi.plan.nowScore}:{' '}
              <ScoreChip t={ui.t} state={cell?.state === 'scored' ? 'scored' : 'nb'} score={cell?.state === 'scored' ? cell.score : null} />
            </p>
            <AField key_={k('text')} name={`a${a.id}.text`} label={f.text} hint={f.textHint} value={v.text} error={errors?.[k('text')]} maxlength={500} />
            <div class="agreement-form__lists">
              <AField
                key_={k('client')}
                name={`a${a.id}.client`}
                label={f.clientDoes}
                hint={f.clientDoesHint}
                value={v.client}
                error={errors?.[k('client')]}
                multiline
                rows={4}
              />
              <AField
                key_={k('ocmw')}
                name={`a${a.id}.ocmw`}
                label={f.ocmwDoes}
                hint={f.ocmwDoesHint}
                value={v.ocmw}
                error={errors?.[k('ocmw')]}
                multiline
                rows={4}
              />
            </div>
            <AField
              key_={k('partners')}
              name={`a${a.id}.partners`}
              label={f.partners}
              hint={f.partnersHint}
              value={v.partners}
              error={errors?.[k('partners')]}
              multiline
              rows={2}
            />
            <details class="disclosure" open={errors?.[k('lt')] || errors?.[k('st')] || errors?.[k('ts')] ? true : undefined}>
              <summary>
                {f.longTerm} / {f.shortTerm}
              </summary>
              <AField key_={k('lt')} name={`a${a.id}.lt`} label={f.longTerm} value={v.lt} error={errors?.[k('lt')]} multiline rows={2} maxlength={1000} />
              <AField key_={k('st')} name={`a${a.id}.st`} label={f.shortTerm} value={v.st} error={errors?.[k('st')]} multiline rows={2} maxlength={1000} />
              <SelectField
                id={k('ts')}
                name={`a${a.id}.ts`}
                label={f.target}
                error={errors?.[k('ts')]}
                options={[['', f.targetNone], ...[1, 2, 3, 4, 5].map((n) => [String(n), `${n} — ${ui.t.balances.scale[n as 1]}`] as [string, string])]}
                value={v.ts}
              />
            </details>
            <div class="inline-fields">
              <DateField t={ui.t} id={`field-${k('due')}`} name={`a${a.id}.due`} label={f.due} value={v.due} range={due} error={errors?.[k('due')]} />
              <SelectField
                id={k('status')}
                name={`a${a.id}.status`}
                label={f.status}
                error={errors?.[k('status')]}
                options={AGREEMENT_STATUSES.map((s) => [s, ui.t.gpmi.status[s]] as [string, string])}
                value={v.status}
              />
            </div>
            <div class="field">
              <label>
                <input type="checkbox" name={`a${a.id}.remove`} value="1" checked={v.remove} /> {f.remove}
              </label>
            </div>
          </fieldset>
        );
      })}
      <p>
        <button type="submit" class="button" name="action" value="save">
          {f.save}
        </button>
      </p>
      <fieldset class="card add-agreement">
        <legend>{f.add}</legend>
        <SelectField
          id="add_domain"
          name="add_domain"
          label={f.addDomain}
          hint={f.addDomainHint}
          error={errors?.add_domain}
          value={draft.addDomain}
          options={[
            ['', f.addNone],
            ...werkpunten.map(
              (r) =>
                [
                  cellKey(r.subject, r.domainKey),
                  `${ui.t.gpmi.plan.werkpunt}: ${domainName(ui, balance, r.domainKey)} — ${subjectName(ui, balance, r.subject)}`,
                ] as [string, string],
            ),
            ...subjects.flatMap((s) =>
              s.themes.flatMap((t) =>
                t.domains
                  .filter(
                    (d) =>
                      !used.has(cellKey(s.subject.key, d.key)) &&
                      !werkpunten.some((w) => w.subject === s.subject.key && w.domainKey === d.key) &&
                      balance.cells.get(cellKey(s.subject.key, d.key))?.state !== 'nvt',
                  )
                  .map((d) => [cellKey(s.subject.key, d.key), `${d.name[ui.locale]} — ${subjectName(ui, balance, s.subject.key)}`] as [string, string]),
              ),
            ),
          ]}
        />
        <button type="submit" class="button button--secondary" name="action" value="add">
          {f.addSubmit}
        </button>
      </fieldset>
      <SignFields {...p} />
    </form>
  );
}

function SelectField({
  id,
  name,
  label,
  hint,
  error,
  options,
  value,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  options: [string, string][];
  value: string;
}) {
  const fid = `field-${id}`;
  const describedBy = [hint ? `${fid}-hint` : '', error ? `${fid}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={fid}>{label}</label>
      {hint && (
        <p class="field__hint" id={`${fid}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${fid}-error`}>
          {error}
        </p>
      )}
      <select id={fid} name={name} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined}>
        {options.map(([v, l]) => (
          <option value={v} selected={v === value}>
            {l}
          </option>
        ))}
        {value !== '' && !options.some(([v]) => v === value) && (
          <option value={value} selected>
            {value}
          </option>
        )}
      </select>
    </div>
  );
}

/**
 * Signing is part of the draft form (its own submit button, `action=sign`): what was typed above is
 * saved and signed together, never dropped. Enter in a field submits the first button, "Bewaren".
 */
function SignFields(p: Shown) {
  const { ui, household: h, gpmi } = p;
  const s = ui.t.gpmi.sign;
  const values = p.signValues ?? {
    signedOn: formatIsoDate(p.today),
    clientName: gpmi.memberId !== null ? gpmiFor(ui, h, gpmi.memberId) : '',
  };
  return (
    <section class="card" aria-labelledby="sign-title">
      <h2 id="sign-title">{s.title}</h2>
      <p>{s.intro}</p>
      <DateField
        t={ui.t}
        name="signed_on"
        label={s.signedOn}
        value={values.signedOn}
        range={{ from: earliestRecordedOn(p.version.startOn), to: 'today' }}
        error={p.errors?.signed_on}
      />
      <Field name="client_name" label={s.clientName} value={values.clientName} error={p.errors?.client_name} maxlength={200} />
      <p>{s.worker(ui.user?.displayName ?? '')}</p>
      <button type="submit" class="button" name="action" value="sign">
        {s.submit}
      </button>
    </section>
  );
}

function ChangeForm(p: Shown) {
  const { ui, household: h, gpmi } = p;
  const c = ui.t.gpmi.change;
  return (
    <form method="post" action={`/households/${h.id}/gpmis/${gpmi.id}/versions`} novalidate class="card no-print">
      <h2>{c.title}</h2>
      <p>{c.intro}</p>
      <ErrorSummary t={ui.t} errors={p.changeErrors} labels={{ reason: c.reason }} />
      <Field name="reason" label={c.reason} hint={c.reasonHint} value={p.changeValue ?? ''} error={p.changeErrors.reason} multiline maxlength={1000} />
      <button type="submit" class="button button--secondary">
        {c.submit}
      </button>
    </form>
  );
}

function History({ ui, gpmi, shown, base }: { ui: Ui; gpmi: GpmiRecord; shown: number; base: string }) {
  const g = ui.t.gpmi.gpmi;
  return (
    <section class="card no-print" aria-labelledby="history-title">
      <h2 id="history-title">{g.history}</h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{g.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{g.historyVersion}</th>
              <th scope="col">{g.historyStatus}</th>
              <th scope="col">{g.historyReason}</th>
              <th scope="col">{g.historyMade}</th>
              <th scope="col">{g.historySigned}</th>
            </tr>
          </thead>
          <tbody>
            {[...gpmi.versions].reverse().map((v) => (
              <tr>
                <th scope="row">
                  {v.number === shown ? (
                    <strong aria-current="true">{g.versionLine(v.number)}</strong>
                  ) : (
                    <a href={`${base}?version=${v.number}`} aria-label={g.historyOpen(v.number)}>
                      {g.versionLine(v.number)}
                    </a>
                  )}
                </th>
                <td>{v.status === 'signed' ? ui.t.gpmi.list.states.signed : g.draft}</td>
                <td class="pre-wrap">{v.reason ?? g.historyFirst}</td>
                <td>{g.madeBy(v.createdByName ?? '?', formatDate(v.createdAt))}</td>
                <td>{v.signedOn ? g.signedLine(formatIsoDate(v.signedOn), v.signedClientName ?? '', v.signedByName ?? '?') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
