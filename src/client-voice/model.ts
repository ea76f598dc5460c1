// The client-voice feature's data as the rest of the code sees it. Types only, so views can import
// them without reaching query code.
import type { ClientLanguage } from './languages.js';

export interface LanguageState {
  language: ClientLanguage;
  shownToClients: boolean;
  changedAt: number | null;
  /** Texts ship with the product for this language. */
  shipped: boolean;
}
