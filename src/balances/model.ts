import type { CatalogueData } from '../catalogue/default-catalogue.js';
import type { CellValue, LayoutSection, Subject } from './logic.js';
import type { BalanceMethod, BalanceStatus } from './tables.js';

// The balance feature's data as the rest of the code sees it: what the queries return and the
// forms hand them. Types only, so views can import them without reaching query code.

export interface BalanceSummary {
  id: number;
  householdId: number;
  takenOn: string;
  method: BalanceMethod;
  status: BalanceStatus;
  catalogueVersionId: number;
  catalogueVersionNumber: number;
  createdAt: number;
  updatedAt: number;
  finalisedAt: number | null;
  finalisedByName: string | null;
}

export interface StoredCell extends CellValue {
  id: number;
  prefilled: boolean;
  revision: number;
  editorToken: string;
  updatedAt: number;
  updatedByName: string | null;
}

export interface BalanceDetail extends BalanceSummary {
  catalogue: CatalogueData;
  /** Sensitive domains left out for this user (organisation setting). */
  hiddenSensitive: number;
  subjects: (Subject & { tookPart: boolean })[];
  layout: LayoutSection[];
  cells: Map<string, StoredCell>;
}

export interface PostedCell {
  subject: string;
  domainKey: string;
  value: CellValue;
  revision: number;
  changed: boolean;
  confirm: boolean;
}

export interface AmendmentRow {
  id: number;
  subject: string;
  domainKey: string;
  reason: string;
  before: CellValue;
  after: CellValue;
  createdAt: number;
  createdByName: string | null;
}
