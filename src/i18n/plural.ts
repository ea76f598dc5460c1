/**
 * Plural forms through the language's own rules (CLDR, via Intl.PluralRules), not `n === 1`:
 * French treats 0 as singular ("0 remarque"), and the client languages to come have more forms
 * (Polish: one/few/many, Arabic: zero/one/two/few/many). `other` is always given; a message for
 * such a language adds the forms it needs.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Plural = (n: number, forms: PluralForms) => string;

/** `plurals('fr')(n, { one: 'remarque', other: 'remarques' })`. `lang` is a BCP 47 tag. */
export function plurals(lang: string): Plural {
  const rules = new Intl.PluralRules(lang);
  return (n, forms) => forms[rules.select(n)] ?? forms.other;
}
