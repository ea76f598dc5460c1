// The languages a client may read the client view and their copies in. The worker's interface
// stays nl/fr/en (src/i18n); these are the clients' languages. Which of them an organisation offers
// is data (client_language rows, switched on by an administrator); this list only says what the
// product knows about each language so that it can be offered: its own name, its writing
// direction, and its plural rules, as gettext writes them in a PO file's header (for translators'
// tools) and in the order of CLDR's categories (what Intl.PluralRules answers), which is how a
// plural text is stored and chosen here.

export type Direction = 'ltr' | 'rtl';

export interface ClientLanguage {
  /** BCP 47 tag, as in the URL, the PO header and the html lang attribute. */
  code: string;
  /** The language's name in itself: what a client looks for in the picker. */
  autonym: string;
  /** The name in Dutch, for the administrator's and worker's pages. */
  dutchName: string;
  dir: Direction;
  /** gettext's Plural-Forms header. */
  pluralForms: string;
  /** The CLDR category of each gettext plural index (msgstr[0], msgstr[1], ...). */
  pluralCategories: readonly Intl.LDMLPluralRule[];
}

const TWO_NOT_ONE = 'nplurals=2; plural=(n != 1);';
const TWO_ABOVE_ONE = 'nplurals=2; plural=(n > 1);';
const EAST_SLAVIC = 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);';

export const CLIENT_LANGUAGES: readonly ClientLanguage[] = [
  { code: 'nl', autonym: 'Nederlands', dutchName: 'Nederlands', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  {
    code: 'ar',
    autonym: 'العربية',
    dutchName: 'Arabisch',
    dir: 'rtl',
    pluralForms: 'nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);',
    pluralCategories: ['zero', 'one', 'two', 'few', 'many', 'other'],
  },
  { code: 'tr', autonym: 'Türkçe', dutchName: 'Turks', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  {
    code: 'ro',
    autonym: 'Română',
    dutchName: 'Roemeens',
    dir: 'ltr',
    pluralForms: 'nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);',
    pluralCategories: ['one', 'few', 'other'],
  },
  { code: 'uk', autonym: 'Українська', dutchName: 'Oekraïens', dir: 'ltr', pluralForms: EAST_SLAVIC, pluralCategories: ['one', 'few', 'many'] },
  {
    code: 'pl',
    autonym: 'Polski',
    dutchName: 'Pools',
    dir: 'ltr',
    pluralForms: 'nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);',
    pluralCategories: ['one', 'few', 'many'],
  },
  { code: 'en', autonym: 'English', dutchName: 'Engels', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  { code: 'fr', autonym: 'Français', dutchName: 'Frans', dir: 'ltr', pluralForms: TWO_ABOVE_ONE, pluralCategories: ['one', 'other'] },
  // Known, so an organisation can add them (and import a translator's texts); no texts ship for them.
  { code: 'fa-AF', autonym: 'دری', dutchName: 'Dari', dir: 'rtl', pluralForms: TWO_ABOVE_ONE, pluralCategories: ['one', 'other'] },
  { code: 'ps', autonym: 'پښتو', dutchName: 'Pasjtoe', dir: 'rtl', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  { code: 'ti', autonym: 'ትግርኛ', dutchName: 'Tigrinya', dir: 'ltr', pluralForms: TWO_ABOVE_ONE, pluralCategories: ['one', 'other'] },
  { code: 'so', autonym: 'Soomaali', dutchName: 'Somalisch', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  { code: 'bg', autonym: 'Български', dutchName: 'Bulgaars', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  { code: 'ru', autonym: 'Русский', dutchName: 'Russisch', dir: 'ltr', pluralForms: EAST_SLAVIC, pluralCategories: ['one', 'few', 'many'] },
  { code: 'es', autonym: 'Español', dutchName: 'Spaans', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
  { code: 'sq', autonym: 'Shqip', dutchName: 'Albanees', dir: 'ltr', pluralForms: TWO_NOT_ONE, pluralCategories: ['one', 'other'] },
];

/** The languages whose client texts ship with the product (as drafts: see docs/decisions/028). */
export const SHIPPED_LANGUAGES = ['ar', 'tr', 'ro', 'uk', 'pl', 'en', 'fr'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

const byCode = new Map(CLIENT_LANGUAGES.map((l) => [l.code, l]));

/** The language with this exact code, or undefined (codes come from URLs and forms: nothing is guessed). */
export function clientLanguage(code: string | undefined | null): ClientLanguage | undefined {
  return code ? byCode.get(code) : undefined;
}

export const DUTCH = byCode.get('nl')!;

export function isShipped(code: string): code is ShippedLanguage {
  return (SHIPPED_LANGUAGES as readonly string[]).includes(code);
}

/** The gettext plural index for `n` in this language: the position of CLDR's category for n. */
export function pluralIndex(language: ClientLanguage, n: number): number {
  const category = new Intl.PluralRules(language.code).select(n);
  const i = language.pluralCategories.indexOf(category);
  return i === -1 ? language.pluralCategories.length - 1 : i;
}
