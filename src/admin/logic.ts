import type { TeamRole } from '../auth/current-user.js';
import type { FormFields } from '../http/form.js';

// Pure helpers of the administrator's screens (no database, no request), unit-testable.

export type RoleChoice = 'none' | TeamRole;

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * Reads the radio group `team_<id>` of each of the organisation's teams. Only those teams are
 * read, so a posted id of another organisation's team is ignored. A team missing from the form
 * (created after the form was opened) keeps its current membership; an unknown value is an error.
 */
export function parseTeamRoles(
  fields: FormFields,
  teams: { id: number }[],
  current: Record<number, RoleChoice>,
): { roles: Map<number, TeamRole | null>; values: Record<number, RoleChoice>; invalid: number[] } {
  const roles = new Map<number, TeamRole | null>();
  const values: Record<number, RoleChoice> = {};
  const invalid: number[] = [];
  for (const team of teams) {
    const raw = fields[`team_${team.id}`];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) {
      values[team.id] = current[team.id] ?? 'none';
      continue;
    }
    if (value === 'none' || value === 'worker' || value === 'lead') {
      values[team.id] = value;
      roles.set(team.id, value === 'none' ? null : value);
    } else {
      values[team.id] = current[team.id] ?? 'none';
      invalid.push(team.id);
    }
  }
  return { roles, values, invalid };
}

/** A checkbox counts as ticked when it was sent with any value. */
export function checked(fields: FormFields, name: string): boolean {
  const v = fields[name];
  return v !== undefined && (Array.isArray(v) ? v.some((x) => x !== '') : v !== '');
}

/**
 * The organisation must keep an administrator who can sign in. Only an administrator acting on
 * their own account can take that away (anyone else acting is themselves an active administrator),
 * so the rule is: not on yourself when no other active administrator is left.
 */
export function leavesNoAdmin(p: { actorId: number; targetId: number; removesAdmin: boolean; otherActiveAdmins: number }): boolean {
  return p.removesAdmin && p.actorId === p.targetId && p.otherActiveAdmins === 0;
}

/** `type:id` of an audit row's target: how the audit log's target words are looked up. */
export const targetKey = (type: string | null, id: string | null) => `${type ?? ''}:${id ?? ''}`;
