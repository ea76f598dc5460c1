import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * The audit log records who did what to which record, and whether it worked, never the content:
 * no passwords, codes, tokens, names, remarks or scores. Rows can only be added (triggers refuse
 * UPDATE and DELETE).
 */
export interface AuditEntry {
  organisationId: number | null;
  actorUserId: number | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string | number;
  requestId?: string;
  outcome?: 'success' | 'failure' | 'denied';
}

export type AuditAction =
  | 'setup.completed'
  | 'signin.success' | 'signin.failure' | 'signin.locked' | 'signout'
  | 'twofactor.success' | 'twofactor.failure' | 'twofactor.enabled' | 'twofactor.recovery_used' | 'twofactor.recovery_regenerated' | 'twofactor.reset'
  | 'password.changed' | 'password.reset_link_created' | 'password.reset'
  | 'user.invited' | 'user.invitation_renewed' | 'user.invitation_accepted' | 'user.updated' | 'user.disabled' | 'user.enabled' | 'user.role_changed' | 'user.teams_changed'
  | 'session.ended' | 'session.ended_by_admin'
  | 'team.created' | 'team.renamed'
  | 'organisation.created' | 'organisation.settings_changed'
  | 'catalogue.installed' | 'catalogue.published' | 'catalogue.imported' | 'catalogue.exported' | 'catalogue.domain_added' | 'catalogue.domain_updated' | 'catalogue.domain_switched_on' | 'catalogue.domain_switched_off' | 'catalogue.domain_moved' | 'catalogue.domain_retired' | 'catalogue.domain_restored' | 'catalogue.theme_added' | 'catalogue.theme_updated' | 'catalogue.theme_moved'
  | 'caseload.viewed' | 'household.viewed' | 'household.created' | 'household.updated' | 'household.closed' | 'household.reopened' | 'household_member.viewed' | 'household_member.added' | 'household_member.updated' | 'household_member.departed'
  | 'balance.new_form_viewed' | 'balance.created' | 'balance.viewed' | 'balance.scores_saved' | 'balance.save_conflict' | 'balance.finalised' | 'balance.amended'
  | 'balance.pdf_downloaded'
  | 'gpmi.pdf_downloaded'
  | 'balance.overview_viewed' | 'household.evolution_viewed' | 'balance.comparison_viewed'
  | 'plan.viewed' | 'plan.saved' | 'plan.save_conflict'
  | 'gpmi.new_form_viewed' | 'gpmi.created' | 'gpmi.viewed' | 'gpmi.updated' | 'gpmi.save_conflict' | 'gpmi.signed' | 'gpmi.version_created' | 'gpmi.evaluated'
  | 'access.denied';

export async function audit(db: Kysely<Database>, now: number, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at: now,
      organisation_id: e.organisationId,
      actor_user_id: e.actorUserId,
      action: e.action,
      target_type: e.targetType ?? null,
      target_id: e.targetId === undefined ? null : String(e.targetId),
      request_id: e.requestId ?? null,
      outcome: e.outcome ?? 'success',
    })
    .execute();
}
