// The OAuth scopes an API client can be given (docs/decisions/032-api-for-client-file-software.md). Pure: no db, no request.
// Each is a separate yes/no of the administrator; a call needs every scope its route names.

export const API_SCOPES = [
  'households:read',
  'households:write',
  'balances:read',
  'remarks:read',
  'sensitive:read',
  'gpmi:read',
  'documents:read',
  'catalogue:read',
  'figures:read',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Scopes as stored and as OAuth writes them: space-separated, in the order of API_SCOPES. */
export function formatScopes(scopes: Iterable<ApiScope>): string {
  const set = new Set(scopes);
  return API_SCOPES.filter((s) => set.has(s)).join(' ');
}

/** A stored or requested scope string; unknown words are dropped (`unknown` lists them). */
export function parseScopes(text: string): { scopes: ApiScope[]; unknown: string[] } {
  const words = text.split(/\s+/).filter(Boolean);
  const known = new Set(words.filter(isApiScope));
  return { scopes: API_SCOPES.filter((s) => known.has(s)), unknown: words.filter((w) => !isApiScope(w)) };
}

export type ScopeProblem = 'none' | 'writeNeedsRead' | 'documentsNeedRemarks';

/**
 * Combinations an administrator may not grant. A PDF is the document a worker downloads for the
 * client file, remarks included, so a client that may fetch PDFs must also be trusted with
 * remarks: otherwise "no remarks" would hold for the JSON and not for the PDF.
 */
export function scopeProblem(scopes: readonly ApiScope[]): ScopeProblem | null {
  if (!scopes.length) return 'none';
  if (scopes.includes('households:write') && !scopes.includes('households:read')) return 'writeNeedsRead';
  if (scopes.includes('documents:read') && !scopes.includes('remarks:read')) return 'documentsNeedRemarks';
  return null;
}
