import { en } from './messages/en.js';
import { fr } from './messages/fr.js';
import { nl, type Messages } from './messages/nl.js';

import { DEFAULT_LOCALE, isLocale, type Locale } from './locale.js';

export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locale.js';
export type { Messages };

const catalogues: Record<Locale, Messages> = { nl, fr, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/**
 * Picks the best supported language from an Accept-Language header (RFC 9110 quality values).
 * Dutch unless the browser clearly prefers French or English.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return DEFAULT_LOCALE;
}
