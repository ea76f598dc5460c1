import { describe, expect, it } from 'vitest';
import { emailDomain, parseDomains, parseIssuer, providerAssertsMfa, subjectOf, verifiedEmail } from '../../src/sso/logic.js';

describe('e-mail domains', () => {
  it('take the domain of an address, lower-case', () => {
    expect(emailDomain(' Sara@OCMW-Voorbeeld.BE ')).toBe('ocmw-voorbeeld.be');
    expect(emailDomain('geen adres')).toBeNull();
    expect(emailDomain('a@localhost')).toBeNull();
  });

  it('read the administrator’s list and set apart what is no domain', () => {
    expect(parseDomains('ocmw-voorbeeld.be\n@Voorbeeld.BE, gemeente.voorbeeld.be ocmw-voorbeeld.be')).toEqual({
      domains: ['ocmw-voorbeeld.be', 'voorbeeld.be', 'gemeente.voorbeeld.be'],
      bad: [],
    });
    expect(parseDomains('niet_goed.be\n-a.be\nbe').bad).toEqual(['niet_goed.be', '-a.be', 'be']);
  });
});

describe('the issuer address', () => {
  it('is https, without query or fragment, without a trailing slash; http only where allowed', () => {
    expect(parseIssuer('https://login.microsoftonline.com/abc/v2.0/', false)).toBe('https://login.microsoftonline.com/abc/v2.0');
    expect(parseIssuer('https://idp.example', false)).toBe('https://idp.example');
    expect(parseIssuer('http://127.0.0.1:4000', false)).toBeNull();
    expect(parseIssuer('http://127.0.0.1:4000', true)).toBe('http://127.0.0.1:4000');
    expect(parseIssuer('https://idp.example/?x=1', false)).toBeNull();
    expect(parseIssuer('https://user:pw@idp.example', false)).toBeNull();
    expect(parseIssuer('idp.example', false)).toBeNull();
  });
});

describe('who the person is at the provider', () => {
  it('is sub, or for Entra ID the tenant and object id; never the e-mail address', () => {
    expect(subjectOf({ sub: 'abc', email: 'x@y.be' })).toBe('sub:abc');
    expect(subjectOf({ sub: 'pairwise', tid: 't', oid: 'o' })).toBe('entra:t:o');
    expect(subjectOf({ email: 'x@y.be' })).toBeNull();
    expect(subjectOf({ sub: '' })).toBeNull();
  });

  it('has a usable e-mail address unless the provider says it is unverified', () => {
    expect(verifiedEmail({ email: 'Sara@Y.be' })).toBe('sara@y.be');
    expect(verifiedEmail({ email: 'sara@y.be', email_verified: true })).toBe('sara@y.be');
    expect(verifiedEmail({ email: 'sara@y.be', email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: 42 })).toBeNull();
  });
});

describe('MFA asserted by the provider', () => {
  it('is amr "mfa" or a multi-factor acr; a password alone, or another acr, is not', () => {
    expect(providerAssertsMfa({ amr: ['pwd', 'mfa'] })).toBe(true);
    expect(providerAssertsMfa({ acr: 'http://schemas.openid.net/pape/policies/2007/06/multi-factor' })).toBe(true);
    expect(providerAssertsMfa({ amr: ['pwd'] })).toBe(false);
    expect(providerAssertsMfa({ amr: 'mfa' })).toBe(false);
    expect(providerAssertsMfa({ acr: '1' })).toBe(false);
    expect(providerAssertsMfa({})).toBe(false);
  });
});
