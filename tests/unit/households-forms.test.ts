import { describe, expect, it } from 'vitest';
import { emptyMember, parseDeparture, parseHousehold, parseMember } from '../../src/households/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';

// The household forms answer error codes (keys of households.errors, with the values a text needs);
// the words come from the user's language only when a view says them.

const NOW = Date.UTC(2026, 10, 25, 10, 0);
const member = (over: Partial<ReturnType<typeof emptyMember>>) => ({
  ...emptyMember('aanvrager'),
  first_name: 'Sara',
  last_name: 'Peeters',
  birth_year: '1985',
  ...over,
});

describe('household forms answer codes', () => {
  it('a member: every problem of one submit, as codes with their values', () => {
    const r = parseMember(NOW, member({ first_name: ' ', last_name: 'x'.repeat(101), birth_year: '2031', national_number: '85.07.30-033.29' }));
    expect(r).toEqual({
      ok: false,
      errors: {
        first_name: 'firstNameRequired',
        last_name: ['nameTooLong', 100],
        birth_year: ['birthYearFuture', 2026],
        national_number: 'nationalNumberChecksum',
      },
    });
  });

  it('a member: cross-field rules after the fields (birth date in another year, number of someone else)', () => {
    expect(parseMember(NOW, member({ birth_date: '30/07/1986' }))).toEqual({ ok: false, errors: { birth_date: 'birthDateOtherYear' } });
    expect(parseMember(NOW, member({ birth_year: '1986', national_number: '85.07.30-033.28' }))).toEqual({
      ok: false,
      errors: { national_number: ['nationalNumberYear', 1985, 1986] },
    });
    expect(parseMember(NOW, member({ birth_year: '', birth_date: '' }), 'm2_')).toEqual({ ok: false, errors: { m2_birth_year: 'birthYearRequired' } });
  });

  it('a member that is fine gives its values', () => {
    const r = parseMember(NOW, member({ birth_date: '30/07/1985', national_number: '85.07.30-033.28' }));
    expect(r).toEqual({
      ok: true,
      values: {
        firstName: 'Sara',
        lastName: 'Peeters',
        birthYear: 1985,
        birthDate: '1985-07-30',
        role: 'aanvrager',
        adultOverride: null,
        nationalNumber: '85073003328',
      },
    });
  });

  it('a household: a team of the user, a worker of that team', () => {
    const teams = [{ id: 3, name: 'Noord', workers: [{ id: 7, name: 'An' }] }];
    expect(parseHousehold({ team: '4', worker: '', dossier_ref: '' }, teams)).toEqual({ ok: false, errors: { team: 'teamInvalid' } });
    expect(parseHousehold({ team: '3', worker: '8', dossier_ref: 'x'.repeat(51) }, teams)).toEqual({
      ok: false,
      errors: { worker: 'workerInvalid', dossier_ref: ['dossierRefTooLong', 50] },
    });
    expect(parseHousehold({ team: '3', worker: '7', dossier_ref: ' D1 ' }, teams)).toEqual({
      ok: true,
      values: { teamId: 3, assignedUserId: 7, dossierRef: 'D1' },
    });
  });

  it('a departure: required, a real day, not in the future, not before the member joined', () => {
    expect(parseDeparture(NOW, '', '2026-01-01')).toEqual({ ok: false, errors: { left_on: 'leftOnRequired' } });
    expect(parseDeparture(NOW, '31/02/2026', '2026-01-01')).toEqual({ ok: false, errors: { left_on: 'leftOnInvalid' } });
    expect(parseDeparture(NOW, '01/12/2026', '2026-01-01')).toEqual({ ok: false, errors: { left_on: 'leftOnFuture' } });
    expect(parseDeparture(NOW, '31/12/2025', '2026-01-01')).toEqual({ ok: false, errors: { left_on: ['leftOnBeforeJoined', '01/01/2026'] } });
    expect(parseDeparture(NOW, '2026-11-25', '2026-01-01')).toEqual({ ok: true, day: '2026-11-25' });
  });

  it('the view says a code in each language, with its values', () => {
    const codes = { last_name: ['nameTooLong', 100] as const, team: 'teamInvalid' as const };
    expect(sayAll(messagesFor('nl').households.errors, codes)).toEqual({ last_name: 'Gebruik hoogstens 100 tekens.', team: 'Kies een van je teams.' });
    const fr = sayAll(messagesFor('fr').households.errors, codes);
    const en = sayAll(messagesFor('en').households.errors, codes);
    expect(fr.last_name).toContain('100');
    expect(en.last_name).toContain('100');
    expect(new Set([fr.team, en.team, 'Kies een van je teams.']).size).toBe(3);
  });
});
