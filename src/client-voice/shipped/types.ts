import type { ClientWords } from '../words/nl.js';

// The shape of the client texts that ship with the product, per language: the default catalogue's
// themes and domains by key (their Dutch is in src/catalogue/default-catalogue.ts), and the client
// view's words. Written for this project in plain language (about B1); not reviewed by a certified
// translator, so they ship as drafts (docs/decisions/028-client-texts-as-data.md).

export type Anchors = [string, string, string, string, string];

export interface ShippedDomainTexts {
  name: string;
  question: string;
  /** Levels 1 (acute problems) to 5 (fully self-reliant). */
  anchors: Anchors;
}

export interface ShippedCatalogueTexts {
  themes: Record<string, string>;
  domains: Record<string, ShippedDomainTexts>;
}

export interface ShippedPack {
  catalogue: ShippedCatalogueTexts;
  words: ClientWords;
}
