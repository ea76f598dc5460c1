import type { Ui } from '../../src/http/ui.js';
import type { BalanceSummary } from '../../src/balances/model.js';
import { BalancesSection, type BalanceDirections } from '../balances/BalancesSection.js';
import { GpmiSection } from '../gpmi/GpmiSection.js';
import type { GpmiSummary } from '../../src/gpmi/model.js';
import type { Household, Member, TeamWithWorkers } from '../../src/households/model.js';
import { emptyMember, type HouseholdErrors, type HouseholdFormValues, type MemberFormValues } from '../../src/households/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { isAdult } from '../../src/households/logic.js';
import { maskNationalNumber } from '../../src/households/national-number.js';
import { formatDate, formatDateTime, formatIsoDate } from '../../src/i18n/format.js';
import { fullName } from '../../src/households/names.js';
import { Layout } from '../layouts/Layout.js';
import { ErrorSummary } from '../components/form.js';
import { HouseholdFields, householdLabels, MemberFields, memberLabels } from './fields.js';

/** The household is named after the applicant, else its first current member, else its first member. */
export function householdHeading(ui: Ui, h: Household): string {
  const current = h.members.filter((m) => m.leftOn === null);
  const named = current.find((m) => m.role === 'aanvrager') ?? current[0] ?? h.members[0];
  return named ? ui.t.households.dossier.heading(fullName(named)) : ui.t.households.dossier.headingNoMembers;
}

export function householdFormValues(h: Household): HouseholdFormValues {
  return { team: String(h.teamId), worker: h.assignedUserId === null ? '' : String(h.assignedUserId), dossier_ref: h.dossierRef ?? '' };
}

export function AgeGroup({ ui, member, year }: { ui: Ui; member: Member; year: number }) {
  const g = ui.t.households.ageGroup;
  return (
    <>
      {isAdult(member, year) ? g.adult : g.child}
      {member.adultOverride !== null && <> {g.overridden}</>}
    </>
  );
}

export interface HouseholdPageProps {
  ui: Ui;
  household: Household;
  teams: TeamWithWorkers[];
  /** The current calendar year in Belgium (adult or child). */
  year: number;
  notice?: string | undefined;
  /** The household's balances (metingen), newest first. */
  balances: BalanceSummary[];
  /** Per finalised balance: the direction since the previous finalised one (null: the first one). */
  directions?: BalanceDirections | undefined;
  /** The household's GPMIs (src/gpmi), newest first. */
  gpmis?: GpmiSummary[] | undefined;
  /** A refused form, shown again with what was typed and why. */
  failed?: { form: 'member'; values: MemberFormValues; errors: HouseholdErrors } | { form: 'details'; values: HouseholdFormValues; errors: HouseholdErrors };
}

export function HouseholdPage(p: HouseholdPageProps) {
  const { ui, household: h } = p;
  const d = ui.t.households.dossier;
  const c = ui.t.households.caseload;
  const current = h.members.filter((m) => m.leftOn === null);
  const former = h.members.filter((m) => m.leftOn !== null);
  const active = h.status === 'active';
  const memberFailed = p.failed?.form === 'member' ? p.failed : undefined;
  const detailsFailed = p.failed?.form === 'details' ? p.failed : undefined;
  // The form module answers codes; here they become words in the user's language.
  const failedErrors = sayAll(ui.t.households.errors, p.failed?.errors);
  return (
    <Layout ui={ui} title={d.windowTitle} dossier={h}>
      <p>
        <a href="/">{d.back}</a>
      </p>
      <h1>{householdHeading(ui, h)}</h1>
      {p.notice && (
        <p class="alert alert--success" role="status">
          {p.notice}
        </p>
      )}
      {!active && <p class="alert alert--info">{d.closedNotice(formatDate(h.closedAt ?? h.updatedAt))}</p>}

      <section class="card" aria-labelledby="details-title">
        <h2 id="details-title">{d.details}</h2>
        <dl>
          <dt>{c.dossierRef}</dt>
          <dd>{h.dossierRef ?? c.noRef}</dd>
          <dt>{c.team}</dt>
          <dd>{h.teamName}</dd>
          <dt>{ui.t.households.fields.worker}</dt>
          <dd>{h.assignedName ?? c.unassigned}</dd>
          <dt>{d.status}</dt>
          <dd>{active ? ui.t.households.status.active : d.closedOn(formatDate(h.closedAt ?? h.updatedAt))}</dd>
          <dt>{d.created}</dt>
          <dd>{formatDate(h.createdAt)}</dd>
          <dt>{d.updated}</dt>
          <dd>{h.updatedByName ? d.updatedBy(formatDateTime(h.updatedAt), h.updatedByName) : formatDateTime(h.updatedAt)}</dd>
        </dl>
      </section>

      <BalancesSection ui={ui} householdId={h.id} balances={p.balances} directions={p.directions} canStart={active && current.length > 0} />
      {p.gpmis && <GpmiSection ui={ui} household={h} gpmis={p.gpmis} />}

      <section aria-labelledby="members-title">
        <h2 id="members-title">{d.membersTitle}</h2>
        {current.length === 0 ? <p>{d.noMembers}</p> : <MembersTable ui={ui} household={h} members={current} year={p.year} caption={d.membersCaption} />}
        {former.length > 0 && (
          <>
            <h3>{d.formerTitle}</h3>
            <MembersTable ui={ui} household={h} members={former} year={p.year} caption={d.formerCaption} />
          </>
        )}
      </section>

      {active && (
        <section class="card" aria-labelledby="add-member-title">
          <h2 id="add-member-title">{d.addMemberTitle}</h2>
          <form method="post" action={`/households/${h.id}/members`} novalidate>
            {memberFailed && <ErrorSummary t={ui.t} errors={failedErrors} labels={memberLabels(ui)} />}
            <MemberFields ui={ui} values={memberFailed?.values ?? emptyMember()} errors={memberFailed ? failedErrors : {}} />
            <button type="submit" class="button">
              {d.addMemberSubmit}
            </button>
          </form>
        </section>
      )}

      {active && (
        <section class="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{d.editTitle}</h2>
          <form method="post" action={`/households/${h.id}`} novalidate>
            {detailsFailed && <ErrorSummary t={ui.t} errors={failedErrors} labels={householdLabels(ui)} />}
            <input type="hidden" name="revision" value={String(h.revision)} />
            <HouseholdFields
              ui={ui}
              teams={p.teams}
              values={detailsFailed?.values ?? householdFormValues(h)}
              errors={detailsFailed ? failedErrors : {}}
              currentWorker={h.assignedUserId !== null ? { id: h.assignedUserId, name: h.assignedName ?? '', teamId: h.teamId } : null}
            />
            <button type="submit" class="button">
              {d.editSubmit}
            </button>
          </form>
        </section>
      )}

      <section class="card" aria-labelledby="status-title">
        <h2 id="status-title">{active ? d.closeTitle : d.status}</h2>
        {active ? (
          <form method="post" action={`/households/${h.id}/closure`}>
            <p>{d.closeIntro}</p>
            <button type="submit" class="button button--danger">
              {d.closeSubmit}
            </button>
          </form>
        ) : (
          <form method="post" action={`/households/${h.id}/reopening`}>
            <button type="submit" class="button">
              {d.reopenSubmit}
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}

function MembersTable({ ui, household, members, year, caption }: { ui: Ui; household: Household; members: Member[]; year: number; caption: string }) {
  const d = ui.t.households.dossier;
  const f = ui.t.households.fields;
  return (
    <div class="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{d.name}</th>
            <th scope="col">{f.birthYear}</th>
            <th scope="col">{f.role}</th>
            <th scope="col">{d.ageGroup}</th>
            <th scope="col">{f.nationalNumber}</th>
            <th scope="col">
              <span class="visually-hidden">{d.edit}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr>
              <th scope="row">
                {fullName(m)}
                {m.leftOn && (
                  <>
                    <br />
                    <span class="field__hint">{d.leftOn(formatIsoDate(m.leftOn))}</span>
                  </>
                )}
              </th>
              <td>{m.birthDate ? formatIsoDate(m.birthDate) : m.birthYear}</td>
              <td>{ui.t.households.roles[m.role]}</td>
              <td>
                <AgeGroup ui={ui} member={m} year={year} />
              </td>
              <td>{m.nationalNumber ? maskNationalNumber(m.nationalNumber) : <span class="field__hint">{d.notFilledIn}</span>}</td>
              <td>
                <a href={`/households/${household.id}/members/${m.id}`} aria-label={d.editMember(fullName(m))}>
                  {d.edit}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
