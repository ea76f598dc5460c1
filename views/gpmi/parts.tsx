import type { Ui } from '../../src/http/ui.js';
import type { BalanceDetail } from '../../src/balances/model.js';
import type { Household } from '../../src/households/model.js';
import type { AgreementDetail, GpmiRecord } from '../../src/gpmi/model.js';
import type { Movement } from '../../src/gpmi/logic.js';
import { formatIsoDate } from '../../src/i18n/format.js';
import { ScoreChip } from '../balances/ScoreChip.js';
import { fullName } from '../../src/households/names.js';
import { DirectionSymbol } from '../components/direction.js';
import { Field } from '../components/form.js';
import { NotificationBanner } from '../components/NotificationBanner.js';
import type { Messages } from '../../src/i18n/index.js';

// Small pieces shared by the plan, GPMI and evaluation pages.

/** The domain's name and theme in the user's language, from the catalogue version the balance used. */
export function domainName(ui: Ui, balance: Pick<BalanceDetail, 'catalogue'>, key: string): string {
  for (const t of balance.catalogue.themes) for (const d of t.domains) if (d.key === key) return d.name[ui.locale];
  return key;
}

/** "Huishouden" or the member's name (as on the balance). */
export function subjectName(ui: Ui, balance: Pick<BalanceDetail, 'subjects'>, subject: string): string {
  if (subject === 'h') return ui.t.balances.editor.household;
  return balance.subjects.find((s) => s.key === subject)?.name ?? '';
}

/** Who the GPMI is for, as a name ("Sara Peeters") or "Het hele gezin". */
export function gpmiFor(ui: Ui, household: Household, memberId: number | null): string {
  const m = memberId === null ? undefined : household.members.find((x) => x.id === memberId);
  return m ? fullName(m) : ui.t.gpmi.list.household;
}

export function gpmiTitle(ui: Ui, household: Household, gpmi: Pick<GpmiRecord, 'memberId'>): string {
  return gpmi.memberId === null ? ui.t.gpmi.gpmi.titleHousehold : ui.t.gpmi.gpmi.title(gpmiFor(ui, household, gpmi.memberId));
}

/** "beter" / "gelijk" / "slechter" in words, with an arrow that only supports the word. */
export function MovementWord({ ui, movement }: { ui: Ui; movement: Movement | null }) {
  const m = ui.t.gpmi.movement;
  if (!movement) return <span class="muted">{m.none}</span>;
  return (
    <span class={`movement movement--${movement}`}>
      {m[movement]} <DirectionSymbol direction={movement} />
    </span>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <ul class="agreement__list">
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}

/** The agreements of a version, read-only: as the client reads them ("Wat doe jij?"). */
export function AgreementList({
  ui,
  balance,
  agreements,
  headingLevel = 3,
  idPrefix = 'agreement',
}: {
  ui: Ui;
  balance: BalanceDetail;
  agreements: AgreementDetail[];
  headingLevel?: 3 | 4;
  idPrefix?: string;
}) {
  const g = ui.t.gpmi.gpmi;
  if (!agreements.length) return <p>{g.noAgreements}</p>;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <ol class="agreements">
      {agreements.map((a) => {
        const headingId = `${idPrefix}-${a.id}-title`;
        return (
          <li class="agreement" id={`${idPrefix}-${a.id}`}>
            <section aria-labelledby={headingId}>
              <H id={headingId}>{g.agreementFor(domainName(ui, balance, a.domainKey), subjectName(ui, balance, a.subject))}</H>
              <p class="agreement__text">
                <strong>{g.agreement}:</strong> {a.text || g.nothing}
              </p>
              <div class="agreement__lists">
                <div>
                  <p class="agreement__label">{g.clientDoes}</p>
                  {a.client.length ? <List items={a.client} /> : <p>{g.nothing}</p>}
                </div>
                <div>
                  <p class="agreement__label">{g.ocmwDoes}</p>
                  {a.ocmw.length ? <List items={a.ocmw} /> : <p>{g.nothing}</p>}
                </div>
                {a.partners.length > 0 && (
                  <div>
                    <p class="agreement__label">{g.partners}</p>
                    <List items={a.partners} />
                  </div>
                )}
              </div>
              <dl class="agreement__facts">
                {a.longTermGoal && (
                  <>
                    <dt>{g.longTerm}</dt>
                    <dd>{a.longTermGoal}</dd>
                  </>
                )}
                {a.shortTermGoal && (
                  <>
                    <dt>{g.shortTerm}</dt>
                    <dd>{a.shortTermGoal}</dd>
                  </>
                )}
                {a.targetScore !== null && (
                  <>
                    <dt>{g.target}</dt>
                    <dd>
                      <ScoreChip t={ui.t} state="scored" score={a.targetScore} />
                    </dd>
                  </>
                )}
                {a.dueOn && (
                  <>
                    <dt>{g.due}</dt>
                    <dd>{formatIsoDate(a.dueOn)}</dd>
                  </>
                )}
                <dt>{g.status}</dt>
                <dd>
                  <span class={`status status--${a.currentStatus}`}>{ui.t.gpmi.status[a.currentStatus]}</span>
                </dd>
              </dl>
              {a.evaluations.length > 0 && (
                <div class="agreement__evaluations">
                  <p class="agreement__label">{g.evaluationsOf}</p>
                  <ul>
                    {a.evaluations.map((e) => (
                      <li>
                        <p>
                          <strong>{g.evaluationLine(formatIsoDate(e.heldOn), ui.t.gpmi.status[e.status])}</strong>{' '}
                          <span>
                            (
                            {e.inPerson === true
                              ? ui.t.figures.evaluation.shown.yes
                              : e.inPerson === false
                                ? ui.t.figures.evaluation.shown.no
                                : ui.t.figures.evaluation.shown.unknown}
                            )
                          </span>
                          {e.byName && <span class="muted"> ({e.byName})</span>}
                        </p>
                        {e.note && <p class="pre-wrap">{e.note}</p>}
                        {e.note && <p class="muted">{e.shared ? g.noteShared : g.noteFileOnly}</p>}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          </li>
        );
      })}
    </ol>
  );
}

interface AFieldProps {
  /** Error key and id suffix: the input's id is `field-<key>` (the error summary links there). */
  key_: string;
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  inputmode?: 'numeric';
}

/** A labelled input or textarea whose name may differ from its id (agreement fields: `a12.text`). */
export function AField({ key_, rows, ...p }: AFieldProps) {
  return <Field {...p} id={`field-${key_}`} rows={rows ?? 3} />;
}

/** The outcome of the last action: what was saved (a notification banner, focused) or the error the page opens on (focused). */
export function PageMessages({ t, notice, topError }: { t: Messages; notice?: string | undefined; topError?: string | undefined }) {
  return (
    <>
      {notice && !topError && <NotificationBanner t={t} message={notice} />}
      {topError && (
        <div class="alert alert--error" role="alert" tabindex={-1} data-focus-on-load>
          {topError}
        </div>
      )}
    </>
  );
}
