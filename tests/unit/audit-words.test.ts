import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../src/audit/audit.js';
import { LOCALES, messagesFor } from '../../src/i18n/index.js';
import { auditActionWords, auditTargetTypeWords } from '../../views/admin/audit-words.js';

// Decision 024: the audit log says in words what happened. Every action and every kind of record the
// code can write has words in each language (the type check catches a missing key; this catches an
// empty text or a code left in as its own "words").

describe('the audit log in words, for every action and record kind', () => {
  for (const locale of LOCALES) {
    const actions: Record<string, string | undefined> = auditActionWords(messagesFor(locale));
    const targets: Record<string, string | undefined> = auditTargetTypeWords(messagesFor(locale));

    it(`${locale}: every audit action has words`, () => {
      const missing = AUDIT_ACTIONS.filter((a) => !actions[a]?.trim() || actions[a] === a);
      expect(missing).toEqual([]);
    });

    it(`${locale}: every target type has words`, () => {
      const missing = AUDIT_TARGET_TYPES.filter((k) => !targets[k]?.trim() || targets[k] === k);
      expect(missing).toEqual([]);
    });
  }
});
