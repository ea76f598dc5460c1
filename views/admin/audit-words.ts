import type { AuditAction, AuditTargetType } from '../../src/audit/audit.js';
import type { Messages } from '../../src/i18n/index.js';

// Every audit action and every kind of record in the reader's words (decision 024: the audit log
// in words). Each feature keeps its own words in its messages; they meet here. Typed as a full
// Record, so an action or target type added to src/audit/audit.ts without words here fails the
// type check (and tests/unit/audit-words.test.ts checks that no text is empty).

export function auditActionWords(t: Messages): Record<AuditAction, string> {
  return {
    ...t.admin.audit.actions,
    ...t.api.auditActions,
    ...t.sso.auditActions,
    ...t.clientVoice.auditActions,
    ...t.figures.auditActions,
  };
}

export function auditTargetTypeWords(t: Messages): Record<AuditTargetType, string> {
  return {
    ...t.admin.audit.targetTypes,
    ...t.api.audit.targetTypes,
    ...t.sso.auditTargetTypes,
    ...t.clientVoice.auditTargetTypes,
    ...t.figures.auditTargetTypes,
  };
}
