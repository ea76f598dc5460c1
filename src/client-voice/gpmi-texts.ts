import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Trx } from '../db/transaction.js';
import type { OrgScope } from '../auth/scope.js';
import type { GpmiPrint } from '../gpmi/queries.js';

// A GPMI's client-facing sentences in a client's language, written by an interpreter or translator
// (the product does not translate). Kept per GPMI and language, matched on the official sentence
// they translate: a sentence changed in a new version shows in the official language only until
// someone translates it again. The GPMI itself was found by the route through the client file.

type Db = Kysely<Database>;

export const GPMI_TEXT_MAX = 2000;

export type GpmiPart = 'text' | 'longTermGoal' | 'shortTermGoal' | 'client' | 'ocmw';

export interface GpmiSentence {
  agreement: number;
  domainName: string;
  part: GpmiPart;
  source: string;
}

/** The sentences of a printed GPMI version a client reads, in order, each once. */
export function gpmiSentences(print: Pick<GpmiPrint, 'agreements'>): GpmiSentence[] {
  const out: GpmiSentence[] = [];
  const seen = new Set<string>();
  print.agreements.forEach((a, i) => {
    const add = (part: GpmiPart, source: string) => {
      const s = source.trim();
      if (!s || seen.has(s)) return;
      seen.add(s);
      out.push({ agreement: i + 1, domainName: a.domainName, part, source: s });
    };
    add('text', a.text);
    add('longTermGoal', a.longTermGoal);
    add('shortTermGoal', a.shortTermGoal);
    a.client.forEach((x) => add('client', x));
    a.ocmw.forEach((x) => add('ocmw', x));
  });
  return out;
}

export const sourceHash = (source: string) => createHash('sha256').update(source.trim()).digest('hex');

/** The translations of a GPMI in one language, by the official sentence. */
export async function gpmiTranslations(db: Db, scope: OrgScope, gpmiId: number, lang: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('gpmi_client_text')
    .select(['source', 'text'])
    .where('organisation_id', '=', scope.organisationId)
    .where('gpmi_id', '=', gpmiId)
    .where('lang', '=', lang)
    .execute();
  return new Map(rows.map((r) => [r.source, r.text]));
}

/** Stores the translations as typed: a filled one is written, an emptied one removed. Returns how many changed. */
export async function saveGpmiTranslations(
  trx: Trx,
  scope: OrgScope,
  gpmiId: number,
  lang: string,
  entries: readonly { source: string; text: string }[],
  now: number,
): Promise<number> {
  const current = await gpmiTranslations(trx, scope, gpmiId, lang);
  let changed = 0;
  for (const { source, text } of entries) {
    const before = current.get(source);
    if ((before ?? '') === text) continue;
    changed++;
    if (!text) {
      await trx
        .deleteFrom('gpmi_client_text')
        .where('organisation_id', '=', scope.organisationId)
        .where('gpmi_id', '=', gpmiId)
        .where('lang', '=', lang)
        .where('source_hash', '=', sourceHash(source))
        .execute();
      continue;
    }
    await trx
      .insertInto('gpmi_client_text')
      .values({
        organisation_id: scope.organisationId,
        gpmi_id: gpmiId,
        lang,
        source_hash: sourceHash(source),
        source,
        text,
        updated_at: now,
        updated_by: scope.userId,
      })
      .onConflict((oc) => oc.columns(['gpmi_id', 'lang', 'source_hash']).doUpdateSet({ text, updated_at: now, updated_by: scope.userId }))
      .execute();
  }
  return changed;
}
