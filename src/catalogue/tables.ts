import type { Generated } from 'kysely';
import type { Level } from './default-catalogue.js';
import type { Locale } from '../i18n/locale.js';

// Row types of the catalogue tables (migrations/20261122T1200_catalogue.ts), as Kysely sees them.
// Booleans are 0/1 integers (SQLite). Texts are one column per language.

type PerLang<P extends string> = { [K in `${P}_${Locale}`]: string };
export type AnchorColumn = `anchor${1 | 2 | 3 | 4 | 5}_${Locale}`;
type AnchorColumns = { [K in AnchorColumn]: string };

export interface CatalogueDraftTable {
  organisation_id: number;
  revision: Generated<number>;
  updated_at: number;
  updated_by: number | null;
}

export type CatalogueThemeTable = {
  id: Generated<number>;
  organisation_id: number;
  key: string;
  level: Level;
  position: number;
  revision: Generated<number>;
  retired_at: number | null;
  created_at: number;
  updated_at: number;
} & PerLang<'name'>;

export type CatalogueDomainTable = {
  id: Generated<number>;
  organisation_id: number;
  theme_id: number;
  key: string;
  position: number;
  allow_not_applicable: number;
  sensitive: number;
  active: number;
  /** JSON array of POD MI area codes. */
  pod_mi_areas: string;
  revision: Generated<number>;
  retired_at: number | null;
  created_at: number;
  updated_at: number;
} & PerLang<'name'> &
  PerLang<'question'> &
  AnchorColumns;

export interface CatalogueVersionTable {
  id: Generated<number>;
  organisation_id: number;
  number: number;
  published_at: number;
  published_by: number | null;
  note: string | null;
  /** JSON: StoredChanges. */
  changes: string;
  /** JSON: CatalogueData. */
  content: string;
}

export interface CatalogueTables {
  catalogue_draft: CatalogueDraftTable;
  catalogue_theme: CatalogueThemeTable;
  catalogue_domain: CatalogueDomainTable;
  catalogue_version: CatalogueVersionTable;
}
