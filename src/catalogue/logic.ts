import type { CatalogueData, CatalogueDomain, Level, Localized } from './default-catalogue.js';
import { LOCALES } from '../i18n/locale.js';

// ---------------------------------------------------------------- the draft (pure: no db, no request)

/** The editable part of a domain: everything but its key and whether it is on. */
export type DomainValues = Omit<CatalogueDomain, 'key' | 'defaultOn'>;

export interface DraftDomain {
  id: number;
  themeId: number;
  position: number;
  revision: number;
  retiredAt: number | null;
  domain: CatalogueDomain;
}
export interface DraftTheme {
  id: number;
  key: string;
  level: Level;
  position: number;
  revision: number;
  name: Localized;
  /** In order; retired domains are not here (see Draft.retired). */
  domains: DraftDomain[];
}
export interface Draft {
  revision: number;
  /** Ordered by level, then position; retired themes left out. */
  themes: DraftTheme[];
  retired: (DraftDomain & { themeName: Localized; themeLevel: Level })[];
  /** Every key any theme or domain of this organisation ever had. */
  keys: Set<string>;
}

export type Direction = 'up' | 'down';

const texts = (v: Localized) => LOCALES.map((l) => v[l]);

/** The values as they are stored: every text per language, the settings as flags (a save that changes none of it changes nothing). */
function stored(d: DomainValues) {
  return [texts(d.name), texts(d.question), d.anchors.map(texts), d.allowNotApplicable ? 1 : 0, d.sensitive ? 1 : 0, d.podMiAreas];
}

/** Whether saving `b` over `a` would store the same thing. */
export function sameDomainValues(a: DomainValues, b: DomainValues): boolean {
  return JSON.stringify(stored(a)) === JSON.stringify(stored(b));
}

/** The draft as a catalogue: what publishing would store. Themes without domains are left out. */
export function draftCatalogue(draft: Draft): CatalogueData {
  return {
    formatVersion: 1,
    themes: draft.themes
      .filter((t) => t.domains.length > 0)
      .map((t) => ({ key: t.key, level: t.level, name: t.name, domains: t.domains.map((d) => d.domain) })),
  };
}

/**
 * The ids of `ordered` with `id` swapped with its neighbour in `direction`, each at its new position
 * 0..n-1 (renumbered, so equal or gapped positions cannot make a move a no-op); only the rows whose
 * position changes. Empty when `id` is not there or already at that edge.
 */
export function swappedPositions(ordered: { id: number; position: number }[], id: number, direction: Direction): { id: number; position: number }[] {
  const i = ordered.findIndex((r) => r.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ordered.length) return [];
  const ids = ordered.map((r) => r.id);
  [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  const before = new Map(ordered.map((r) => [r.id, r.position]));
  return ids.map((rowId, position) => ({ id: rowId, position })).filter((r) => before.get(r.id) !== r.position);
}
