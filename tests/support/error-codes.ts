import { expect } from 'vitest';
import { say, type ErrorCode } from '../../src/http/form-errors.js';
import { LOCALES, messagesFor, type Locale, type Messages } from '../../src/i18n/index.js';

// The checks every feature's form test makes of its error codes: each text of the feature's
// `errors` is reached by a case of the test (or named as the route's), and every language has
// words for each code.

/** The key of a code (`'required'` or `['tooLong', 200]`). */
export const keyOf = (code: unknown): string => (Array.isArray(code) ? String(code[0]) : String(code));

/**
 * `reached`: the codes the test's cases got from the forms; `routeOnly`: the keys only a route
 * answers (a check that needs the database or a secret), each tested in the integration tests.
 * Together they must be every key of the texts, no more, no less.
 */
export function expectEveryKeyReached<M extends object>(texts: M, reached: readonly ErrorCode<M>[], routeOnly: readonly (keyof M & string)[]) {
  const keys = Object.keys(texts).sort();
  expect([...new Set([...reached.map(keyOf), ...routeOnly])].sort()).toEqual(keys);
}

/**
 * Every code in words in each language: a sentence, not empty, with its values in it and no
 * "undefined" from a missing argument; and in fr and en not the Dutch words.
 */
export function expectWordsInEachLanguage<M>(textsOf: (t: Messages) => M, codes: readonly ErrorCode<M>[]) {
  for (const code of codes) {
    const words = Object.fromEntries(LOCALES.map((l) => [l, say(textsOf(messagesFor(l)), code)])) as Record<Locale, string>;
    for (const l of LOCALES) {
      expect(words[l], `${keyOf(code)} in ${l}`).toMatch(/\S/);
      expect(words[l], `${keyOf(code)} in ${l}`).not.toContain('undefined');
      if (Array.isArray(code)) for (const v of code.slice(1)) if (typeof v !== 'object') expect(words[l], `${keyOf(code)} in ${l}`).toContain(String(v));
    }
    expect(words.fr, keyOf(code)).not.toBe(words.nl);
    expect(words.en, keyOf(code)).not.toBe(words.nl);
  }
}
