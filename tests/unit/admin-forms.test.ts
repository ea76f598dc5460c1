import { describe, expect, it } from 'vitest';
import { parseInvite, parseSettings, parseTeamName, parseUserEdit, type AdminError } from '../../src/admin/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The administrator's forms answer error codes (keys of admin.errors, with the values a text
// needs); the words come from the user's language only when a view says them.

const TEAMS = [{ id: 3 }, { id: 4 }];
const reached: AdminError[] = [];
/** Each case's codes, kept for the checks at the end. */
function codes<T extends { ok: true } | { ok: false; errors: Record<string, AdminError | undefined> } | { ok: false; error: AdminError }>(r: T): T {
  if (!r.ok) reached.push(...('error' in r ? [r.error] : (Object.values(r.errors).filter(Boolean) as AdminError[])));
  return r;
}

describe('admin forms answer codes', () => {
  it('an invitation: every problem of one submit at once', () => {
    const r = codes(parseInvite({ display_name: ' ', email: 'ann', locale: 'de', team_3: 'boss' }, TEAMS, 'nl'));
    expect(r).toMatchObject({ ok: false, errors: { display_name: 'required', email: 'invalidEmail', locale: 'invalidLanguage', team_3: 'invalidRole' } });
    // The form comes back as typed, with the administrator's language instead of an unknown one.
    expect(r.values).toEqual({ display_name: ' ', email: 'ann', is_admin: false, locale: 'nl', roles: { 3: 'none', 4: 'none' } });
  });

  it('an invitation: an empty address is required, a long name or address is refused', () => {
    expect(codes(parseInvite({ display_name: 'x'.repeat(201), email: '' }, [], 'nl'))).toMatchObject({
      ok: false,
      errors: { display_name: ['tooLong', 200], email: 'required' },
    });
    expect(codes(parseInvite({ display_name: 'Ann', email: `${'a'.repeat(315)}@ocmw.be` }, [], 'nl'))).toMatchObject({
      ok: false,
      errors: { email: 'invalidEmail' },
    });
  });

  it('an invitation that is fine gives what to store', () => {
    const r = parseInvite({ display_name: ' Ann Peeters ', email: ' ann@ocmw.be ', is_admin: '1', locale: 'fr', team_3: 'lead' }, TEAMS, 'nl');
    expect(r.ok && r.invite).toEqual({ email: 'ann@ocmw.be', displayName: 'Ann Peeters', isAdmin: true, locale: 'fr', roles: new Map([[3, 'lead']]) });
  });

  it("a user's details: name required, a role per team; a team the form did not show keeps its role", () => {
    expect(codes(parseUserEdit({ display_name: '', team_4: 'x' }, TEAMS, { 3: 'worker' }))).toMatchObject({
      ok: false,
      errors: { display_name: 'required', team_4: 'invalidRole' },
      values: { roles: { 3: 'worker', 4: 'none' } },
    });
    const r = parseUserEdit({ display_name: 'Wim', is_policy: '1', team_4: 'none' }, TEAMS, { 3: 'worker' });
    expect(r.ok && r.edit).toEqual({ displayName: 'Wim', isAdmin: false, isPolicy: true, roles: new Map([[4, null]]) });
  });

  it("a team's name: required, at most 100 characters, trimmed", () => {
    expect(codes(parseTeamName('  '))).toEqual({ ok: false, error: 'required' });
    expect(codes(parseTeamName('x'.repeat(101)))).toEqual({ ok: false, error: ['tooLong', 100] });
    expect(parseTeamName(' Team Noord ')).toEqual({ ok: true, name: 'Team Noord' });
  });

  it('the settings: who sees sensitive domains is one of two; a form without the choice keeps what is set', () => {
    expect(codes(parseSettings({ name: 'OCMW Gent', sensitive_visibility: 'all', require_two_factor: '1' }))).toEqual({
      ok: false,
      values: { name: 'OCMW Gent', require_two_factor: true, sensitive_visibility: 'team' },
      errors: { sensitive_visibility: 'sensitiveInvalid' },
    });
    expect(codes(parseSettings({ name: '' }))).toMatchObject({ ok: false, errors: { name: 'required' } });
    expect(parseSettings({ name: ' OCMW Gent ' })).toEqual({
      ok: true,
      settings: { name: 'OCMW Gent', requireTwoFactor: false, sensitiveVisibility: undefined },
    });
    expect(parseSettings({ name: 'OCMW Gent', sensitive_visibility: 'assigned' })).toMatchObject({ ok: true, settings: { sensitiveVisibility: 'assigned' } });
  });

  // Answered by the routes (they need the database), with the same texts; tests/integration/admin.test.ts.
  const ROUTE_ONLY = ['emailTaken', 'lastAdmin', 'lastAdminDisable', 'disabledNoLink', 'notInvited', 'teamNameTaken'] as const;

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').admin.errors, reached, ROUTE_ONLY);
    expectWordsInEachLanguage((t) => t.admin.errors, [...reached, ...ROUTE_ONLY]);
  });

  it('the view says a code in the user’s language, with its values', () => {
    const said = { display_name: ['tooLong', 200] as const, email: 'invalidEmail' as const };
    expect(sayAll(messagesFor('nl').admin.errors, said)).toEqual({
      display_name: 'Gebruik hoogstens 200 tekens.',
      email: 'Typ een geldig e-mailadres, bijvoorbeeld naam@ocmw.be.',
    });
    expect(sayAll(messagesFor('fr').admin.errors, said).display_name).toBe('Utilisez au maximum 200 caractères.');
  });
});
