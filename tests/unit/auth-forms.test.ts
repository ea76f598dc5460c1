import { describe, expect, it } from 'vitest';
import {
  lockedFor,
  newPasswordErrors,
  parseForgotten,
  parseLanguage,
  parseSetup,
  parseSignIn,
  signInTexts,
  type AuthError,
  type AuthErrors,
} from '../../src/auth/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The sign-in and account forms answer error codes (keys of auth.errors); the words come from the
// user's language only when a view says them.

const GOOD = 'een lange zin als wachtwoord';
const reached: AuthError[] = [];
function codes<T extends { ok: true } | { ok: false; errors: AuthErrors }>(r: T): T {
  if (!r.ok) reached.push(...(Object.values(r.errors).filter(Boolean) as AuthError[]));
  return r;
}
const seen = (errors: AuthErrors) => codes({ ok: false, errors });

describe('auth forms answer codes', () => {
  it('first-run setup: every problem of one submit at once, in the order of the form', () => {
    const r = codes(parseSetup({ code: 'WRONG', organisation: ' ', name: 'x'.repeat(201), email: 'marie', password: 'kort' }, 'ABCD-1234'));
    expect(r).toEqual({
      ok: false,
      values: { organisation: ' ', name: 'x'.repeat(201), email: 'marie' },
      errors: { code: 'wrongSetupCode', organisation: 'required', name: ['nameTooLong', 200], email: 'invalidEmail', password: 'tooShort' },
    });
    expect(Object.keys(r.ok ? {} : r.errors)).toEqual(['code', 'organisation', 'name', 'email', 'password']);
    // No code left (setup done in another tab): any code is wrong; an empty one is still "required".
    expect(codes(parseSetup({ code: 'abcd-1234' }, null))).toMatchObject({ ok: false, errors: { code: 'wrongSetupCode' } });
    expect(codes(parseSetup({ code: ' ' }, 'ABCD-1234'))).toMatchObject({ ok: false, errors: { code: 'required' } });
  });

  it('first-run setup that is fine (the code in any case)', () => {
    const r = parseSetup({ code: ' abcd-1234 ', organisation: ' OCMW Gent ', name: 'Marie', email: ' marie@ocmw.be ', password: GOOD }, 'ABCD-1234');
    expect(r).toEqual({ ok: true, setup: { organisation: 'OCMW Gent', name: 'Marie', email: 'marie@ocmw.be', password: GOOD } });
  });

  it('a new password: each problem of checkPassword is a code of the field', () => {
    expect(seen(newPasswordErrors('x'.repeat(257), 'a@b.be')).errors).toEqual({ password: 'tooLong' });
    expect(seen(newPasswordErrors('password1234', 'a@b.be')).errors).toEqual({ password: 'common' });
    expect(seen(newPasswordErrors('marie@ocmw.be is mijn wachtwoord', 'marie@ocmw.be')).errors).toEqual({ password: 'containsEmail' });
    expect(newPasswordErrors(GOOD, 'marie@ocmw.be')).toEqual({});
  });

  it('sign-in: both fields required; the address trimmed', () => {
    expect(codes(parseSignIn({ email: ' ', password: '' }))).toEqual({ ok: false, email: '', errors: { email: 'required', password: 'required' } });
    expect(parseSignIn({ email: ' marie@ocmw.be ', password: ' x ' })).toEqual({ ok: true, email: 'marie@ocmw.be', password: ' x ' });
  });

  it('password forgotten: an address (empty is not one); language: one of ours', () => {
    expect(codes(parseForgotten({ email: '' }))).toEqual({ ok: false, errors: { email: 'invalidEmail' } });
    expect(parseForgotten({ email: ' marie@ocmw.be ' })).toEqual({ ok: true, email: 'marie@ocmw.be' });
    expect(codes(parseLanguage({ locale: 'de' }))).toEqual({ ok: false, errors: { locale: 'invalidLanguage' } });
    expect(parseLanguage({ locale: 'fr' })).toEqual({ ok: true, locale: 'fr' });
  });

  it('the lock says whole minutes, rounded up', () => {
    expect(lockedFor(61_000)).toEqual(['locked', 2]);
    expect(lockedFor(1)).toEqual(['locked', 1]);
  });

  // Answered by the routes (a secret or the database decides), with the same texts: tests/integration/auth.test.ts,
  // signin-throttle.test.ts, sso.test.ts.
  const ROUTE_ONLY = ['signInFailed', 'locked', 'passwordOff', 'wrongCode', 'wrongRecovery', 'wrongCurrent'] as const;

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').auth.errors, reached, ROUTE_ONLY);
    expectWordsInEachLanguage((t) => t.auth.errors, [...reached, ...ROUTE_ONLY.filter((k) => k !== 'locked'), lockedFor(120_000), lockedFor(60_000)]);
  });

  it('the sign-in form also says the refusals of signing in through the organisation', () => {
    expectWordsInEachLanguage(signInTexts, ['noProvider', 'unreachable', 'signInFailed']);
    const nl = sayAll(signInTexts(messagesFor('nl')), { email: 'required', password: ['locked', 1] });
    expect(nl).toEqual({ email: 'Vul dit veld in.', password: 'Te veel mislukte pogingen. Probeer het opnieuw over 1 minuut.' });
  });
});
