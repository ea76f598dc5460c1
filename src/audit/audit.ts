import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { inOrganisation } from '../db/organisation-scope.js';

/**
 * The audit log records who did what to which record, and whether it worked, never the content:
 * no passwords, codes, tokens, names, remarks or scores. Rows can only be added (triggers refuse
 * UPDATE and DELETE).
 */
export interface AuditEntry {
  organisationId: number | null;
  actorUserId: number | null;
  action: AuditAction;
  targetType?: AuditTargetType;
  targetId?: string | number;
  requestId?: string;
  outcome?: 'success' | 'failure' | 'denied';
  /** The API client that made the call, when the caller is not a person (src/api/). */
  apiClientId?: number | null;
  /** The API route called, as a pattern: "GET /api/v1/households/:householdId". */
  route?: string | null;
}

/** Every action the audit log records. A list, not only a type, so a test can check each has words (src/audit/words.ts). */
export const AUDIT_ACTIONS = [
  'setup.completed',
  'signin.success',
  'signin.failure',
  'signin.locked',
  'signout',
  'twofactor.success',
  'twofactor.failure',
  'twofactor.enabled',
  'twofactor.recovery_used',
  'twofactor.recovery_regenerated',
  'twofactor.reset',
  'password.changed',
  'password.reset_link_created',
  'password.reset',
  'user.invited',
  'user.invitation_renewed',
  'user.invitation_accepted',
  'user.updated',
  'user.disabled',
  'user.enabled',
  'user.role_changed',
  'user.teams_changed',
  'session.ended',
  'session.ended_by_admin',
  'team.created',
  'team.renamed',
  'organisation.created',
  'organisation.settings_changed',
  'organisation.exported',
  'organisation.imported',
  'catalogue.installed',
  'catalogue.published',
  'catalogue.imported',
  'catalogue.exported',
  'catalogue.domain_added',
  'catalogue.domain_updated',
  'catalogue.domain_switched_on',
  'catalogue.domain_switched_off',
  'catalogue.domain_moved',
  'catalogue.domain_retired',
  'catalogue.domain_restored',
  'catalogue.theme_added',
  'catalogue.theme_updated',
  'catalogue.theme_moved',
  'caseload.viewed',
  'household.viewed',
  'household.created',
  'household.updated',
  'household.closed',
  'household.reopened',
  'household_member.viewed',
  'household_member.added',
  'household_member.updated',
  'household_member.departed',
  'balance.new_form_viewed',
  'balance.created',
  'balance.viewed',
  'balance.scores_saved',
  'balance.save_conflict',
  'balance.finalised',
  'balance.amended',
  'balance.pdf_downloaded',
  'gpmi.pdf_downloaded',
  'balance.overview_viewed',
  'household.evolution_viewed',
  'balance.comparison_viewed',
  'plan.viewed',
  'plan.saved',
  'plan.save_conflict',
  'gpmi.new_form_viewed',
  'gpmi.created',
  'gpmi.viewed',
  'gpmi.updated',
  'gpmi.save_conflict',
  'gpmi.signed',
  'gpmi.version_created',
  'gpmi.evaluated',
  'client_voice.page_viewed',
  'client_voice.link_created',
  'client_voice.handover_started',
  'client_voice.handover_ended',
  'client_voice.revoked',
  'client_voice.answer_decided',
  'client_voice.link_opened',
  'client_voice.link_refused',
  'client_voice.viewed',
  'client_voice.language_chosen',
  'client_voice.answer_saved',
  'client_voice.answer_refused',
  'client_voice.sent',
  'client_voice.send_refused',
  'client_texts.exported',
  'client_texts.imported',
  'client_language.added',
  'client_language.shown',
  'client_language.hidden',
  'client_setting.changed',
  'gpmi.client_texts_viewed',
  'gpmi.client_texts_saved',
  'gpmi.client_copy_downloaded',
  'balance.client_copy_downloaded',
  'figures.viewed',
  'figures.export_downloaded',
  'figures.settings_changed',
  'todo.viewed',
  'living_wage.viewed',
  'living_wage.saved',
  'living_wage.removed',
  'digest.sent',
  'access.denied',
  'balance.list_viewed',
  'gpmi.list_viewed',
  'api.token_issued',
  'api.token_refused',
  'api.unauthorized',
  'api.rate_limited',
  'api.request',
  'api_client.created',
  'api_client.updated',
  'api_client.secret_rotated',
  'api_client.revoked',
  'sso.configured',
  'sso.removed',
  'sso.mfa_enforcement_recorded',
  'sso.mfa_enforcement_withdrawn',
  'sso.password_signin_changed',
  'sso.identity_linked',
  'signin.sso_success',
  'signin.sso_refused',
  'user.created_by_sso',
  'audit_log.viewed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Every kind of record an audit row can name (target_type). Typed, so a new kind cannot be written
 * without words for it on the audit log (src/audit/words.ts).
 */
export const AUDIT_TARGET_TYPES = [
  'user',
  'team',
  'organisation',
  'session',
  'route',
  'household',
  'household_member',
  'balance',
  'gpmi',
  'caseload',
  'catalogue_version',
  'catalogue_domain',
  'catalogue_theme',
  'catalogue_draft',
  'api_client',
  'sso_refusal',
  'client_invitation',
  'client_language',
  'figures',
  'figures_export',
  'todo',
] as const;

export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/**
 * Actions that record a read (a page or file shown, or a refused attempt to see one), not a change.
 * Only these may share a commit with other requests' rows (group commit, below).
 */
export function isReadAction(action: AuditAction): boolean {
  return (
    action === 'access.denied' ||
    action.endsWith('viewed') ||
    action.endsWith('_downloaded') ||
    // An API call that changed nothing (a refused token or call, a read): src/api/.
    (action.startsWith('api.') && action !== 'api.token_issued')
  );
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
    api_client_id: e.apiClientId ?? null,
    route: e.route ?? null,
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
  if (db.isTransaction) {
    await db.insertInto('audit_event').values(row(now, e)).execute();
    return;
  }
  if (isReadAction(e.action)) return readAuditBatch(db).add(row(now, e));
  // Outside a transaction the row is written for the organisation it names (on PostgreSQL the
  // organisation wall accepts it only there), whatever the scope of the code that reports it: a
  // failed sign-in is reported before anyone is signed in.
  const insert = async () => void (await db.insertInto('audit_event').values(row(now, e)).execute());
  await (e.organisationId === null ? insert() : inOrganisation(e.organisationId, insert));
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
    // Each organisation's rows are added in its own scope: on PostgreSQL the organisation wall
    // (src/db/organisation-scope.ts) accepts a row only for the organisation the statement runs
    // for, and the flush would otherwise run in the scope of whichever request came first.
    const byOrganisation = new Map<number | null, ReadAuditBatch['pending']>();
    for (const p of this.pending.splice(0)) {
      const list = byOrganisation.get(p.row.organisation_id);
      if (list) list.push(p);
      else byOrganisation.set(p.row.organisation_id, [p]);
    }
    for (const [organisationId, pending] of byOrganisation) {
      if (organisationId === null) await this.insert(pending);
      else await inOrganisation(organisationId, () => this.insert(pending));
    }
  }

  private async insert(pending: ReadAuditBatch['pending']) {
    // 200 rows x 10 values stays far below SQLite's (and PostgreSQL's) bound-parameter limits.
    while (pending.length) {
      const batch = pending.splice(0, 200);
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
