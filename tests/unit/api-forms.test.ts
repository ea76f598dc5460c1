import { describe, expect, it } from 'vitest';
import { emptyApiClientForm, parseApiClientForm, readApiClientForm, type ApiClientError, type ApiClientFormValues } from '../../src/api/forms.js';
import { sayAll } from '../../src/http/form-errors.js';
import { messagesFor } from '../../src/i18n/index.js';
import { expectEveryKeyReached, expectWordsInEachLanguage } from '../support/error-codes.js';

// The API client form answers error codes (keys of api.admin.errors, with the values a text
// needs); the words come from the user's language only when the view says them.

const TEAMS = [3, 4];
const reached: ApiClientError[] = [];
const form = (v: Partial<ApiClientFormValues>): ApiClientFormValues => ({ ...emptyApiClientForm(), name: 'Dossierpakket', scopes: ['households:read'], ...v });
/** The case's answer, its codes kept for the checks at the end. */
function parse(v: Partial<ApiClientFormValues>) {
  const r = parseApiClientForm(form(v), TEAMS);
  if (!r.ok) reached.push(...(Object.values(r.errors).filter(Boolean) as ApiClientError[]));
  return r;
}

describe('the API client form answers codes', () => {
  it('every problem of one submit at once', () => {
    expect(parse({ name: ' ', scopes: [], team: '9', ip_allow_list: '10.0.0.1\nintranet.ocmw.be, 10.0.0.0/33', rate_limit: '0' })).toEqual({
      ok: false,
      errors: {
        name: 'nameRequired',
        scopes: 'scopesNone',
        team: 'teamInvalid',
        ip_allow_list: ['ipInvalid', 'intranet.ocmw.be, 10.0.0.0/33'],
        rate_limit: ['rateInvalid', 1, 6000],
      },
    });
  });

  it('a name over 100 characters, a rate that is no number or too high', () => {
    expect(parse({ name: 'x'.repeat(101) })).toMatchObject({ ok: false, errors: { name: ['nameTooLong', 100] } });
    expect(parse({ name: ' ' + 'x'.repeat(100) + ' ' }).ok).toBe(true);
    expect(parse({ rate_limit: 'veel' })).toMatchObject({ ok: false, errors: { rate_limit: ['rateInvalid', 1, 6000] } });
    expect(parse({ rate_limit: '6001' })).toMatchObject({ ok: false, errors: { rate_limit: ['rateInvalid', 1, 6000] } });
  });

  it('the scopes: only known ones, writing needs reading, PDFs need remarks', () => {
    expect(parse({ scopes: ['households:read', 'admin:all'] })).toMatchObject({ ok: false, errors: { scopes: 'scopeUnknown' } });
    expect(parse({ scopes: ['households:write'] })).toMatchObject({ ok: false, errors: { scopes: 'scopesWriteNeedsRead' } });
    expect(parse({ scopes: ['households:read', 'documents:read'] })).toMatchObject({ ok: false, errors: { scopes: 'scopesDocumentsNeedRemarks' } });
  });

  it('at most 50 addresses or ranges', () => {
    const addresses = Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`).join('\n');
    expect(parse({ ip_allow_list: addresses })).toMatchObject({ ok: false, errors: { ip_allow_list: ['ipTooMany', 50] } });
  });

  it('a form that is fine gives what to store: trimmed, the address list in its canonical form', () => {
    const fields = { name: ' Dossierpakket ', scopes: ['households:read', 'households:write'], team: '4', ip_allow_list: '10.0.0.1/32', rate_limit: ' 60 ' };
    expect(parseApiClientForm(readApiClientForm(fields), TEAMS)).toEqual({
      ok: true,
      values: { name: 'Dossierpakket', scopes: ['households:read', 'households:write'], teamId: 4, ipAllowList: '10.0.0.1', rateLimitPerMinute: 60 },
    });
  });

  // Answered by the route (it needs the organisation's other clients); tests/integration/api-admin.test.ts.
  const ROUTE_ONLY = ['nameTaken'] as const;

  it('every code is reached, and has words in each language', () => {
    expectEveryKeyReached(messagesFor('nl').api.admin.errors, reached, ROUTE_ONLY);
    expectWordsInEachLanguage((t) => t.api.admin.errors, [...reached, ...ROUTE_ONLY]);
  });

  it('the view says a code in the user’s language, with its values', () => {
    const said = { ip_allow_list: ['ipInvalid', 'intranet.ocmw.be'] as const, rate_limit: ['rateInvalid', 1, 6000] as const };
    expect(sayAll(messagesFor('nl').api.admin.errors, said)).toEqual({
      ip_allow_list: 'Dit is geen IP-adres of reeks: intranet.ocmw.be.',
      rate_limit: 'Geef een getal van 1 tot 6000.',
    });
  });
});
