/** The languages the application speaks: the worker's UI, the catalogue's texts, PDFs and mail. */
export type Locale = 'nl' | 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'fr', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
