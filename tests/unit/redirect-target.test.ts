import { describe, expect, it } from 'vitest';
import { isRedirectTarget, MAX_REDIRECT_TARGET_LENGTH, redirectTarget, sameOriginPath } from '../../src/http/redirect-target.js';

const ORIGIN = 'http://localhost:3000';

describe('redirectTarget', () => {
  it.each([
    ['/', '/'],
    ['/households/12?tab=x', '/households/12?tab=x'],
    ['/households/12/balances/3#c-child-1-health', '/households/12/balances/3#c-child-1-health'],
    ['/account/language', '/account/language'],
    ['/overview?from=2026-01-01&to=2026-06-30', '/overview?from=2026-01-01&to=2026-06-30'],
    ['/households?q=Jan%20Peeters', '/households?q=Jan%20Peeters'],
    ['/households?q=50%25', '/households?q=50%25'],
    ['/households?q=%C3%A9t%C3%A9', '/households?q=%C3%A9t%C3%A9'],
    ['/javascript:alert(1)', '/javascript:alert(1)'],
    // Looks like user info, but after a leading slash it is just a path on our site.
    ['/@evil.example', '/@evil.example'],
    // Normalised the way the browser would read it; still on our site.
    ['/households/../admin', '/admin'],
  ])('keeps the same-site path %j', (value, expected) => {
    expect(redirectTarget(value, ORIGIN)).toBe(expected);
  });

  const nasty: [string, string][] = [
    ['tab after the slash', '/\t/evil.example'],
    ['encoded tab', '/%09/evil.example'],
    ['encoded tab and backslash', '/%09%5Cevil.example'],
    ['CR/LF', '/\r\n/x'],
    ['LF', '/\n/x'],
    ['encoded LF', '/%0A/x'],
    ['encoded CR LF header injection', '/%0D%0ASet-Cookie:%20a=b'],
    ['encoded NUL', '/x%00'],
    ['encoded backslash', '/%5Cevil.example'],
    ['double-encoded backslash', '/%255Cevil.example'],
    ['double backslash', '\\\\evil.example'],
    ['slash backslash', '/\\evil.example'],
    ['backslash in the path', '/households\\..\\evil'],
    ['scheme-relative', '//evil.example'],
    ['scheme-relative with path', '//evil.example/signin'],
    ['three slashes', '///evil.example'],
    ['encoded slashes', '/%2F%2Fevil.example'],
    ['encoded second slash', '/%2Fevil.example'],
    ['double-encoded slashes', '/%252F%252Fevil.example'],
    ['scheme without slashes', 'https:evil.example'],
    ['full URL elsewhere', 'https://evil.example/'],
    ['full URL on our own origin (not path-only)', 'http://localhost:3000/households'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['data URL', 'data:text/html,<script>alert(1)</script>'],
    ['relative path', 'households/12'],
    ['empty', ''],
    ['space-led', ' /households'],
    ['malformed escape', '/households%'],
    ['raw unicode', '/huishoudens/été'],
    ['fullwidth slashes', '/／／evil.example'],
    ['encoded bidi override', '/%E2%80%AEelpmaxe.live'],
    ['encoded zero-width space', '/%E2%80%8B/evil.example'],
    ['encoded line separator', '/%E2%80%A8x'],
    ['encoded C1 control', '/%C2%85x'],
    ['very long', '/' + 'a'.repeat(MAX_REDIRECT_TARGET_LENGTH)],
    ['deeply encoded', '/%2525252525252F'],
  ];

  it.each(nasty)('falls back to / for %s', (_name, value) => {
    expect(redirectTarget(value, ORIGIN)).toBe('/');
    expect(isRedirectTarget(value, ORIGIN)).toBe(false);
  });

  it('never answers anything that leaves the origin, whatever the input', () => {
    for (const [, value] of nasty) {
      const target = redirectTarget(value, ORIGIN);
      expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
      expect(target).toMatch(/^\/(?![/\\])/);
      expect(target).toMatch(/^[\x21-\x7E]+$/);
    }
  });

  it('falls back for null, undefined and a non-string', () => {
    expect(redirectTarget(null, ORIGIN)).toBe('/');
    expect(redirectTarget(undefined, ORIGIN)).toBe('/');
    expect(redirectTarget(42 as unknown as string, ORIGIN)).toBe('/');
  });

  it('isRedirectTarget accepts only values that need no rewriting', () => {
    expect(isRedirectTarget('/account/language', ORIGIN)).toBe(true);
    expect(isRedirectTarget('/households/../admin', ORIGIN)).toBe(false);
  });
});

describe('sameOriginPath (Referer)', () => {
  const own = [ORIGIN, 'http://127.0.0.1:3000'];
  it('keeps the path and query of our own pages', () => {
    expect(sameOriginPath('http://localhost:3000/households/12?tab=x', own, ORIGIN)).toBe('/households/12?tab=x');
    expect(sameOriginPath('http://127.0.0.1:3000/account', own, ORIGIN)).toBe('/account');
  });
  it.each([
    ['another site', 'https://evil.example/households/1'],
    ['another port', 'http://localhost:4000/account'],
    ['not a URL', 'no url at all'],
    ['missing', undefined],
    ['a nasty path on our origin', 'http://localhost:3000/%2F%2Fevil.example'],
  ])('falls back to / for %s', (_name, value) => {
    expect(sameOriginPath(value, own, ORIGIN)).toBe('/');
  });
});
