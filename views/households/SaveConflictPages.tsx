import type { Child } from 'hono/jsx';
import type { Ui } from '../../src/http/ui.js';
import type { HouseholdFormValues, MemberFormValues } from '../../src/households/forms.js';
import type { Household, Member, TeamWithWorkers } from '../../src/households/model.js';
import type { ConflictRow } from '../../src/households/conflict-rows.js';
import { ConflictPage } from './ConflictPage.js';
import { HouseholdFields, MemberFields } from './fields.js';
import { DateField, type DateRange } from '../components/form.js';

// The 409 pages of the dossier's forms when someone else saved first: both versions side by side
// (rows), and the user's own form again with the new revision, so "save mine" is a knowing choice.

export function HouseholdConflictPage(p: { ui: Ui; current: Household; teams: TeamWithWorkers[]; typed: HouseholdFormValues; rows: ConflictRow[] }) {
  const cur = p.current;
  return (
    <ConflictPage
      ui={p.ui}
      household={cur}
      mode="conflict"
      rows={p.rows}
      savedBy={{ name: cur.updatedByName, at: cur.updatedAt }}
      keepHref={`/households/${cur.id}`}
    >
      <form method="post" action={`/households/${cur.id}`} novalidate>
        <input type="hidden" name="revision" value={String(cur.revision)} />
        <HouseholdFields
          ui={p.ui}
          teams={p.teams}
          values={p.typed}
          errors={{}}
          currentWorker={cur.assignedUserId !== null ? { id: cur.assignedUserId, name: cur.assignedName ?? '', teamId: cur.teamId } : null}
        />
        <button type="submit" class="button">
          {p.ui.t.households.conflict.saveMine}
        </button>
      </form>
    </ConflictPage>
  );
}

/** Someone else saved this member first: both versions, and this user's form (`children`) with the new revision. */
function MemberSaveConflict(p: { ui: Ui; current: Household; member: Member; rows: ConflictRow[]; action: string; children: Child }) {
  const { current: cur, member: m } = p;
  return (
    <ConflictPage
      ui={p.ui}
      household={cur}
      mode="conflict"
      rows={p.rows}
      savedBy={{ name: m.updatedByName, at: m.updatedAt }}
      keepHref={`/households/${cur.id}/members/${m.id}`}
    >
      <form method="post" action={p.action} novalidate>
        <input type="hidden" name="revision" value={String(m.revision)} />
        {p.children}
        <button type="submit" class="button">
          {p.ui.t.households.conflict.saveMine}
        </button>
      </form>
    </ConflictPage>
  );
}

export function MemberConflictPage(p: { ui: Ui; current: Household; member: Member; typed: MemberFormValues; rows: ConflictRow[]; joinedRange: DateRange }) {
  return (
    <MemberSaveConflict {...p} action={`/households/${p.current.id}/members/${p.member.id}`}>
      <MemberFields ui={p.ui} values={p.typed} errors={{}} joined={p.joinedRange} />
    </MemberSaveConflict>
  );
}

export function DepartureConflictPage(p: { ui: Ui; current: Household; member: Member; typed: string; rows: ConflictRow[] }) {
  return (
    <MemberSaveConflict {...p} action={`/households/${p.current.id}/members/${p.member.id}/departure`}>
      <DateField t={p.ui.t} name="left_on" label={p.ui.t.households.fields.leftOn} value={p.typed} range={{ from: p.member.joinedOn, to: 'today' }} required />
    </MemberSaveConflict>
  );
}
