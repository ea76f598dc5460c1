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
  | 'signin.success'
  | 'signin.failure'
  | 'signin.locked'
  | 'signout'
  | 'twofactor.success'
  | 'twofactor.failure'
  | 'twofactor.enabled'
  | 'twofactor.recovery_used'
  | 'twofactor.recovery_regenerated'
  | 'twofactor.reset'
  | 'password.changed'
  | 'password.reset_link_created'
  | 'password.reset'
  | 'user.invited'
  | 'user.invitation_renewed'
  | 'user.invitation_accepted'
  | 'user.updated'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.role_changed'
  | 'user.teams_changed'
  | 'session.ended'
  | 'session.ended_by_admin'
  | 'team.created'
  | 'team.renamed'
  | 'organisation.created'
  | 'organisation.settings_changed'
  | 'catalogue.installed'
  | 'catalogue.published'
  | 'catalogue.imported'
  | 'catalogue.exported'
  | 'catalogue.domain_added'
  | 'catalogue.domain_updated'
  | 'catalogue.domain_switched_on'
  | 'catalogue.domain_switched_off'
  | 'catalogue.domain_moved'
  | 'catalogue.domain_retired'
  | 'catalogue.domain_restored'
  | 'catalogue.theme_added'
  | 'catalogue.theme_updated'
  | 'catalogue.theme_moved'
  | 'caseload.viewed'
  | 'household.viewed'
  | 'household.created'
  | 'household.updated'
  | 'household.closed'
  | 'household.reopened'
  | 'household_member.viewed'
  | 'household_member.added'
  | 'household_member.updated'
  | 'household_member.departed'
  | 'balance.new_form_viewed'
  | 'balance.created'
  | 'balance.viewed'
  | 'balance.scores_saved'
  | 'balance.save_conflict'
  | 'balance.finalised'
  | 'balance.amended'
  | 'balance.pdf_downloaded'
  | 'gpmi.pdf_downloaded'
  | 'balance.overview_viewed'
  | 'household.evolution_viewed'
  | 'balance.comparison_viewed'
  | 'plan.viewed'
  | 'plan.saved'
  | 'plan.save_conflict'
  | 'gpmi.new_form_viewed'
  | 'gpmi.created'
  | 'gpmi.viewed'
  | 'gpmi.updated'
  | 'gpmi.save_conflict'
  | 'gpmi.signed'
  | 'gpmi.version_created'
  | 'gpmi.evaluated'
  | 'audit_log.viewed'
  | 'access.denied';

/**
 * Actions that record a read (a page or file shown, or a refused attempt to see one), not a change.
 * Only these may share a commit with other requests' rows (group commit, below).
 */
export function isReadAction(action: AuditAction): boolean {
  return action === 'access.denied' || action.endsWith('viewed') || action.endsWith('_downloaded');
}

function row(now: number, e: AuditEntry) {
  return {
    at: now,
    organisation_id: e.organisationId,
    actor_user_id: e.actorUserId,
    action: e.action,
    target_type: e.targetType ?? null,
    target_id: e.targetId === undefined ? null : String(e.targetId),
    request_id: e.requestId ?? null,
    outcome: e.outcome ?? 'success',
  };
}

/**
 * Writes one audit row and resolves once it is committed, so a caller that awaits it never shows a
 * page whose viewing is not on record.
 *
 * Inside a transaction the row is part of that transaction: a change and its audit row commit
 * together or not at all. Outside one, rows of *read* actions are group-committed: every page view
 * used to be its own commit and its own fsync (synchronous=FULL) on the event loop; now the views
 * that reach this point in the same turn of the event loop are inserted with one statement, one
 * commit and one fsync, and each of their requests continues only after that commit. Changes are
 * never batched with other requests.
 */
export async function audit(db: Kysely<Database>, now: number, e: AuditEntry): Promise<void> {
  if (!db.isTransaction && isReadAction(e.action)) return readAuditBatch(db).add(row(now, e));
  await db.insertInto('audit_event').values(row(now, e)).execute();
}

type AuditRow = ReturnType<typeof row>;

/** Pending read rows of one database, flushed after the current turn of the event loop. */
class ReadAuditBatch {
  private pending: { row: AuditRow; done: (error?: unknown) => void }[] = [];
  private scheduled = false;

  constructor(private readonly db: Kysely<Database>) {}

  add(r: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ row: r, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush() {
    this.scheduled = false;
    // 200 rows x 8 values stays far below SQLite's (and PostgreSQL's) bound-parameter limits.
    while (this.pending.length) {
      const batch = this.pending.splice(0, 200);
      try {
        await this.db
          .insertInto('audit_event')
          .values(batch.map((b) => b.row))
          .execute();
        for (const b of batch) b.done();
      } catch {
        // One bad row must not fail the other requests' views: write them one by one, so each
        // request learns whether its own row is stored.
        for (const b of batch) {
          try {
            await this.db.insertInto('audit_event').values(b.row).execute();
            b.done();
          } catch (error) {
            b.done(error ?? new Error('audit write failed'));
          }
        }
      }
    }
  }
}

const batches = new WeakMap<Kysely<Database>, ReadAuditBatch>();
function readAuditBatch(db: Kysely<Database>): ReadAuditBatch {
  let b = batches.get(db);
  if (!b) batches.set(db, (b = new ReadAuditBatch(db)));
  return b;
}
