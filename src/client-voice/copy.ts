import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import { clientLanguage, DUTCH, type ClientLanguage } from './languages.js';
import { clientTextEntries, languagesForClients } from './queries.js';
import { ClientCopy } from './text-logic.js';

// Which language a client reads. Only Dutch and the languages an administrator switched on for
// clients are ever shown (a draft translation of a language that is off never reaches a client);
// where the organisation is not known yet (a link that does not exist), only Dutch.

type Db = Kysely<Database>;

/** The best of `offered` for an Accept-Language header, else Dutch. */
export function negotiateClientLanguage(header: string | undefined, offered: readonly ClientLanguage[]): ClientLanguage {
  if (!header) return DUTCH;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => Number.isFinite(r.quality) && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) {
    const exact = offered.find((l) => l.code.toLowerCase() === r.tag);
    if (exact) return exact;
    const base = offered.find((l) => l.code.toLowerCase() === r.tag.split('-')[0]);
    if (base) return base;
  }
  return DUTCH;
}

/**
 * The client's texts in `preferred` (the language chosen in this invitation) when the organisation
 * still offers it, else the best offered language for the browser's Accept-Language.
 */
export async function clientCopyFor(
  db: Db,
  scope: Pick<OrgScope, 'organisationId'> | null,
  preferred: string | null,
  acceptLanguage: string | undefined,
): Promise<{ copy: ClientCopy; offered: ClientLanguage[] }> {
  if (!scope) return { copy: new ClientCopy(DUTCH, new Map()), offered: [DUTCH] };
  const offered = await languagesForClients(db, scope);
  const chosen = offered.find((l) => l.code === preferred) ?? negotiateClientLanguage(acceptLanguage, offered);
  return { copy: new ClientCopy(chosen, await clientTextEntries(db, scope, chosen.code)), offered };
}

/** A language the organisation offers, by its exact code from a form. */
export function offeredLanguage(offered: readonly ClientLanguage[], code: string): ClientLanguage | undefined {
  const l = clientLanguage(code);
  return l && offered.some((o) => o.code === l.code) ? l : undefined;
}
