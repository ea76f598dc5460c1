import { afterAll, describe, expect, it } from 'vitest';
import { BALANCE_DUE_RANGE, parseSettings, THRESHOLD_RANGE, type SettingsErrors, type SettingsFormValues } from '../../src/figures/forms.js';
import { parseLivingWage, type LivingWageErrors } from '../../src/figures/logic.js';
import { sayAll, type ErrorCode } from '../../src/http/form-errors.js';
import { messagesFor, type Messages } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The figures' forms (the organisation's settings, a beneficiary's living wage) answer error codes
// of the figures' texts, with the limits as values; the view says them in the user's language.

type SettingsCode = ErrorCode<Messages['figures']['settings']['errors']>;
type LivingWageCode = ErrorCode<Messages['figures']['livingWage']['errors']>;
const settingsReached: SettingsCode[] = [];
const livingWageReached: LivingWageCode[] = [];

function settings(v: Partial<SettingsFormValues>) {
  const r = parseSettings({ threshold: '5', balanceDueMonths: '6', weeklyDigest: false, revision: 1, ...v });
  if (!r.ok) settingsReached.push(...(Object.values(r.errors as SettingsErrors).filter(Boolean) as SettingsCode[]));
  return r;
}
function livingWage(grantedOn: string, exemption = '') {
  const r = parseLivingWage({ grantedOn, exemption }, '2026-11-22');
  if (!r.ok) livingWageReached.push(...(Object.values(r.errors as LivingWageErrors).filter(Boolean) as LivingWageCode[]));
  return r;
}

describe('the figures settings form answers codes', () => {
  it('a threshold or a due time outside its range names the range, both at once', () => {
    expect(settings({ threshold: '2', balanceDueMonths: '37' })).toEqual({
      ok: false,
      errors: { threshold: ['threshold', ...THRESHOLD_RANGE], balance_due_months: ['balanceDue', ...BALANCE_DUE_RANGE] },
    });
    expect(settings({ threshold: 'vijf' })).toMatchObject({ ok: false, errors: { threshold: ['threshold', 3, 50] } });
    expect(settings({ threshold: '3', balanceDueMonths: '36' })).toEqual({ ok: true, values: { threshold: 3, balanceDueMonths: 36, weeklyDigest: false } });
  });

  it('the view says the codes in the user’s language, with the range', () => {
    const r = settings({ threshold: '51' });
    if (r.ok) throw new Error('refused expected');
    expect(sayAll(messagesFor('nl').figures.settings.errors, r.errors)).toEqual({ threshold: 'Geef een geheel getal van 3 tot 50.' });
    expect(sayAll(messagesFor('fr').figures.settings.errors, r.errors)).toEqual({ threshold: 'Indiquez un nombre entier de 3 à 50.' });
  });
});

describe('the living wage form answers codes', () => {
  it('each problem of the grant date and the exemption', () => {
    expect(livingWage('')).toMatchObject({ ok: false, errors: { granted_on: 'grantedOnMissing' } });
    expect(livingWage('31/02/2026')).toMatchObject({ ok: false, errors: { granted_on: 'grantedOnInvalid' } });
    expect(livingWage('01/12/2026')).toMatchObject({ ok: false, errors: { granted_on: 'grantedOnFuture' } });
    expect(livingWage('01/01/2001')).toMatchObject({ ok: false, errors: { granted_on: 'grantedOnTooEarly' } });
    expect(livingWage('01/03/2026', 'luiheid')).toEqual({ ok: false, errors: { exemption: 'exemptionInvalid' } });
    expect(livingWage('01/03/2026', 'health')).toEqual({ ok: true, grantedOn: '2026-03-01', exemption: 'health' });
  });
});

afterAll(() => {
  expectEveryKeyReached(messagesFor('nl').figures.settings.errors, settingsReached, []);
  expectWordsInEachLanguage((t) => t.figures.settings.errors, settingsReached);
  expectEveryKeyReached(messagesFor('nl').figures.livingWage.errors, livingWageReached, []);
  expectWordsInEachLanguage((t) => t.figures.livingWage.errors, livingWageReached);
});
