import type { CatalogueIssue } from './catalogue-schema.js';
import type { ChangeSummary, StoredChanges } from './catalogue.js';
import type { CatalogueData } from './default-catalogue.js';
import type { Draft, DraftTheme } from './logic.js';

// The catalogue's published versions and a pending publication as the rest of the code sees them.
// Types only, so views can import them without reaching query code.

export interface CatalogueVersion {
  id: number;
  number: number;
  publishedAt: number;
  publishedBy: number | null;
  publishedByName: string | null;
  note: string | null;
  changes: StoredChanges;
  /** Exactly the texts this version was published with. */
  catalogue: CatalogueData;
}

export interface VersionListItem {
  id: number;
  number: number;
  publishedAt: number;
  publishedByName: string | null;
  note: string | null;
  changes: StoredChanges;
}

export interface PendingPublication {
  draft: Draft;
  current: CatalogueVersion;
  next: CatalogueData;
  changes: ChangeSummary;
  /** Problems that block publishing, as zod issues on `next` (normally none: the forms validate). */
  issues: CatalogueIssue[];
  /** Own themes that have no domain yet and so are not published. */
  emptyThemes: DraftTheme[];
}
