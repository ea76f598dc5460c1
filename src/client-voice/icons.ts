import fs from 'node:fs';
import { createRequire } from 'node:module';

// Pictograms for people who read poorly: one per theme of the catalogue, one per level of the
// scale, a few for the client view's states. From Lucide (ISC licence) in Iconify's JSON packaging
// (@iconify-json/lucide), read from node_modules on first use (never a CDN: no outbound internet).
// Decorative only: the text beside each pictogram says everything, so they are aria-hidden.

const THEME_ICONS: Record<string, string> = {
  'huishouden-wonen': 'house',
  'huishouden-financiele-situatie': 'wallet',
  'huishouden-budgetteringsvaardigheden': 'calculator',
  'huishouden-voeding': 'utensils',
  'huishouden-veiligheid': 'shield',
  'huishouden-kinderen-opvoeding': 'baby',
  'volwassene-sociaal-netwerk': 'users',
  'volwassene-gezondheid': 'heart-pulse',
  'volwassene-inburgering': 'languages',
  'volwassene-digitale-vaardigheden': 'smartphone',
  'volwassene-mobiliteit': 'bus',
  'volwassene-justitie': 'scale',
  'volwassene-werk-opleiding': 'briefcase',
  'volwassene-geletterdheid': 'book-open',
  'volwassene-vrije-tijd': 'bike',
  'volwassene-persoonlijke-vaardigheden': 'sprout',
  'kind-school': 'school',
  'kind-vrije-tijd-netwerk': 'puzzle',
  'kind-gezondheid': 'heart-pulse',
  'kind-verplaatsingen': 'bus',
};
/** An organisation's own theme gets a neutral mark. */
const FALLBACK = 'circle-dot';
export const LEVEL_ICONS = ['frown', 'annoyed', 'meh', 'smile', 'laugh'] as const;

interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number }>;
  width?: number;
  height?: number;
}
let set: IconSet | undefined;
function iconSet(): IconSet {
  if (!set) {
    const file = createRequire(import.meta.url).resolve('@iconify-json/lucide/icons.json');
    set = JSON.parse(fs.readFileSync(file, 'utf8')) as IconSet;
  }
  return set;
}

const cache = new Map<string, string>();

/** An icon as inline SVG markup (decorative, hidden from assistive technology). */
export function iconSvg(name: string): string {
  const hit = cache.get(name);
  if (hit) return hit;
  const s = iconSet();
  const icon = s.icons[name] ?? s.icons[FALLBACK]!;
  const w = icon.width ?? s.width ?? 24;
  const h = icon.height ?? s.height ?? 24;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true" focusable="false" class="icon">${icon.body}</svg>`;
  cache.set(name, svg);
  return svg;
}

export function themeIcon(themeKey: string): string {
  return iconSvg(THEME_ICONS[themeKey] ?? FALLBACK);
}

/** The icon names in use, for the licence note and a test that each exists in the set. */
export function iconNamesInUse(): string[] {
  return [...new Set([...Object.values(THEME_ICONS), FALLBACK, ...LEVEL_ICONS, 'languages', 'lock', 'circle-check', 'triangle-alert'])];
}

export function hasIcon(name: string): boolean {
  return name in iconSet().icons;
}
