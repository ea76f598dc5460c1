import { describe, expect, it } from 'vitest';
import { parseSsoForm, readSsoForm, type SsoFormError, type SsoFormValues } from '../../src/sso/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The single sign-on form answers error codes (keys of sso.admin.errors, with the values a text
// needs); the words come from the user's language only when the view says them.

const ISSUER = 'https://login.microsoftonline.com/tenant/v2.0';
const reached: SsoFormError[] = [];
const form = (v: Partial<SsoFormValues>): SsoFormValues => ({
  ...readSsoForm({ issuer: ISSUER, client_id: 'sociale-balans', client_secret: 'geheim', domains: 'ocmw-voorbeeld.be', password_signin: '1' }),
  ...v,
});
/** The case's answer, its codes kept for the checks at the end. */
function parse(v: Partial<SsoFormValues>, opts = { allowHttp: false, hasSecret: false }) {
  const r = parseSsoForm(form(v), opts);
  if (!r.ok) reached.push(...(Object.values(r.errors).filter(Boolean) as SsoFormError[]));
  return r;
}

describe('the single sign-on form answers codes', () => {
  it('every problem of one submit at once', () => {
    expect(parse({ issuer: 'http://idp.ocmw.be', client_id: ' ', client_secret: '', domains: 'ocmw-voorbeeld.be\nniet een domein' })).toEqual({
      ok: false,
      errors: {
        issuer: 'issuerInvalid',
        client_id: 'clientIdRequired',
        client_secret: 'clientSecretRequired',
        domains: ['domainsInvalid', 'niet, een, domein'],
      },
    });
  });

  it('an issuer with a query is refused; http only where the deployment allows it', () => {
    expect(parse({ issuer: `${ISSUER}?x=1` })).toMatchObject({ ok: false, errors: { issuer: 'issuerInvalid' } });
    expect(parse({ issuer: 'http://127.0.0.1:4000' }, { allowHttp: true, hasSecret: false }).ok).toBe(true);
  });

  it('a client id or secret too long; an empty secret keeps the one stored', () => {
    expect(parse({ client_id: 'x'.repeat(201), client_secret: 'x'.repeat(1001) })).toMatchObject({
      ok: false,
      errors: { client_id: 'tooLong', client_secret: 'tooLong' },
    });
    expect(parse({ client_secret: '' }, { allowHttp: false, hasSecret: true })).toMatchObject({ ok: true, values: { clientSecret: null } });
  });

  it('at least one domain, at most 20', () => {
    expect(parse({ domains: ' ' })).toMatchObject({ ok: false, errors: { domains: 'domainsRequired' } });
    const many = Array.from({ length: 21 }, (_, i) => `ocmw${i}.be`).join('\n');
    expect(parse({ domains: many })).toMatchObject({ ok: false, errors: { domains: ['domainsTooMany', 20] } });
  });

  it('a form that is fine gives what to store: trimmed, the issuer without its last slash', () => {
    expect(parse({ issuer: ` ${ISSUER}/ `, client_id: ' sociale-balans ', domains: '@OCMW-Voorbeeld.be, gemeente.be', mfa_enforced: true })).toEqual({
      ok: true,
      values: {
        issuer: ISSUER,
        clientId: 'sociale-balans',
        clientSecret: 'geheim',
        domains: ['ocmw-voorbeeld.be', 'gemeente.be'],
        autoCreate: false,
        mfaEnforced: true,
        passwordSignIn: true,
      },
    });
  });

  // Answered by the route, with the same texts (tests/integration/sso.test.ts): discovery needs the
  // network, the domains of other organisations the database, password sign-in off the user's own link.
  const ROUTE_ONLY = ['issuerUnreachable', 'issuerMismatch', 'domainsTaken', 'passwordOffNeedsOwnSignIn'] as const;

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').sso.admin.errors, reached, ROUTE_ONLY);
    expectWordsInEachLanguage(
      (t) => t.sso.admin.errors,
      [...reached, 'issuerUnreachable', 'issuerMismatch', ['domainsTaken', 'ocmw-voorbeeld.be'], 'passwordOffNeedsOwnSignIn'],
    );
  });

  it('the view says a code in the user’s language, with its values', () => {
    const said = { domains: ['domainsInvalid', 'niet, een, domein'] as const };
    expect(sayAll(messagesFor('nl').sso.admin.errors, said)).toEqual({ domains: 'Dit is geen e-maildomein: niet, een, domein.' });
    expect(sayAll(messagesFor('fr').sso.admin.errors, { domains: ['domainsTaken', 'gemeente.be'] })).toEqual({
      domains: 'Ces domaines appartiennent déjà à une autre organisation : gemeente.be.',
    });
  });
});
