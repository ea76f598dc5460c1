import type { Ui } from '../../src/http/ui.js';

/** What names a client file: its id and, when it has one, its dossier number. */
export interface DossierNamed {
  id: number;
  dossierRef: string | null;
}

/**
 * How window titles and breadcrumbs name a client file: its dossier number, else "Dossier <id>".
 * Never a person or a national register number: titles end up in the browser history of shared PCs.
 */
export function dossierName(ui: Ui, h: DossierNamed): string {
  return h.dossierRef ?? ui.t.households.dossier.title(String(h.id));
}
