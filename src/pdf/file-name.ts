// File names for downloaded PDFs. The client-file software (Cevi/Logins, Sierra) and Windows shares
// choke on spaces, slashes, accents and very long names, so the name is plain ASCII letters, digits,
// dashes and the two underscores that separate its parts: `sociale-balans_<dossier>_<yyyy-mm-dd>.pdf`.

/** The client's bilingual copies carry the client language's code (from src/client-voice/languages.ts: ASCII letters and dashes). */
export type PdfKind = 'sociale-balans' | 'gpmi' | 'gpmi-dossierkopie' | `gpmi-clientkopie-${string}` | `sociale-balans-clientkopie-${string}`;

const DOSSIER_MAX = 40;

/** A dossier number as a file-name part: accents dropped, anything else that is not [A-Za-z0-9] a dash. */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, DOSSIER_MAX)
    .replace(/-+$/, '');
}

/**
 * `sociale-balans_D-2026-0042_2026-11-20.pdf`. Without a usable dossier number (none, or nothing
 * left after cleaning) the household's id stands in: `sociale-balans_gezin-42_2026-11-20.pdf`.
 * `date` is an ISO calendar day; anything else is refused, since it comes from our own data.
 */
export function pdfFileName(opts: { kind: PdfKind; dossierRef: string | null; householdId: number; date: string }): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error('pdfFileName: date must be yyyy-mm-dd');
  if (!Number.isSafeInteger(opts.householdId) || opts.householdId < 1) throw new Error('pdfFileName: bad household id');
  const dossier = (opts.dossierRef && fileNamePart(opts.dossierRef)) || `gezin-${opts.householdId}`;
  return `${opts.kind}_${dossier}_${opts.date}.pdf`;
}
