import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Trx } from '../db/transaction.js';
import type { OrgScope } from '../auth/scope.js';
import { visibleMembers } from '../households/access.js';
import { CLIENT_LANGUAGES, DUTCH, isShipped, type ClientLanguage } from './languages.js';
import { shippedEntries } from './shipped/index.js';
import { mergeEntries, type TextEntry } from './text-logic.js';
import type { ImportedText } from './po.js';
import type { OfficialLanguage } from './tables.js';
import type { LanguageState } from './model.js';

// Client texts and client languages of an organisation: what an administrator switches on, what a
// translator's file brought in, and which language binds on the client's copies. Every function
// takes the scope second and reads or writes that organisation's rows only.

type Db = Kysely<Database>;

function entryOf(r: { context: string; source: string; forms: string; status: 'draft' | 'reviewed' }): TextEntry {
  let forms: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.forms);
    if (Array.isArray(parsed) && parsed.every((f) => typeof f === 'string')) forms = parsed;
  } catch {
    forms = [];
  }
  return { context: r.context, source: r.source, forms, status: r.status, origin: 'organisation' };
}

/** The texts a client reads in `lang`: the organisation's own over the shipped drafts. */
export async function clientTextEntries(db: Db, scope: Pick<OrgScope, 'organisationId'>, lang: string): Promise<Map<string, TextEntry>> {
  if (lang === DUTCH.code) return new Map();
  const rows = await db
    .selectFrom('client_text')
    .select(['context', 'source', 'forms', 'status'])
    .where('organisation_id', '=', scope.organisationId)
    .where('lang', '=', lang)
    .execute();
  return mergeEntries(shippedEntries(lang), rows.map(entryOf));
}

/** The client languages of the organisation: those that ship with texts, and those it added. Dutch is not among them (always offered). */
export async function organisationLanguages(db: Db, scope: Pick<OrgScope, 'organisationId'>): Promise<LanguageState[]> {
  const rows = await db.selectFrom('client_language').selectAll().where('organisation_id', '=', scope.organisationId).execute();
  const byLang = new Map(rows.map((r) => [r.lang, r]));
  return CLIENT_LANGUAGES.filter((l) => l.code !== DUTCH.code && (isShipped(l.code) || byLang.has(l.code))).map((language) => {
    const r = byLang.get(language.code);
    return { language, shownToClients: r?.shown_to_clients === 1, changedAt: r?.changed_at ?? null, shipped: isShipped(language.code) };
  });
}

/** The languages a client may choose: Dutch, then those an administrator switched on for clients. */
export async function languagesForClients(db: Db, scope: Pick<OrgScope, 'organisationId'>): Promise<ClientLanguage[]> {
  const on = new Set(
    (await db.selectFrom('client_language').select('lang').where('organisation_id', '=', scope.organisationId).where('shown_to_clients', '=', 1).execute()).map(
      (r) => r.lang,
    ),
  );
  return [DUTCH, ...CLIENT_LANGUAGES.filter((l) => on.has(l.code))];
}

/** Switches a language on or off for clients. False when it already was as asked (nothing written). */
export async function setShownToClients(trx: Trx, scope: OrgScope, lang: string, shown: boolean, now: number): Promise<boolean> {
  const existing = await trx
    .selectFrom('client_language')
    .select('shown_to_clients')
    .where('organisation_id', '=', scope.organisationId)
    .where('lang', '=', lang)
    .executeTakeFirst();
  if ((existing?.shown_to_clients === 1) === shown) return false;
  await trx
    .insertInto('client_language')
    .values({ organisation_id: scope.organisationId, lang, shown_to_clients: shown ? 1 : 0, changed_at: now, changed_by: scope.userId })
    .onConflict((oc) => oc.columns(['organisation_id', 'lang']).doUpdateSet({ shown_to_clients: shown ? 1 : 0, changed_at: now, changed_by: scope.userId }))
    .execute();
  return true;
}

/** Adds a language the product knows (off for clients). False when the organisation already has it. */
export async function addLanguage(trx: Trx, scope: OrgScope, lang: string, now: number): Promise<boolean> {
  if (isShipped(lang)) return false;
  const res = await trx
    .insertInto('client_language')
    .values({ organisation_id: scope.organisationId, lang, shown_to_clients: 0, changed_at: now, changed_by: scope.userId })
    .onConflict((oc) => oc.columns(['organisation_id', 'lang']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Stores a translator's texts (all of one file, in the caller's transaction). */
export async function saveImportedTexts(trx: Trx, scope: OrgScope, lang: string, texts: readonly ImportedText[], now: number): Promise<void> {
  for (const t of texts) {
    const values = { source: t.source, forms: JSON.stringify(t.forms), status: t.status, updated_at: now, updated_by: scope.userId };
    await trx
      .insertInto('client_text')
      .values({ organisation_id: scope.organisationId, lang, context: t.context, ...values })
      .onConflict((oc) => oc.columns(['organisation_id', 'lang', 'context']).doUpdateSet(values))
      .execute();
  }
  if (!isShipped(lang)) await addLanguage(trx, scope, lang, now);
}

export async function officialLanguage(db: Db, scope: Pick<OrgScope, 'organisationId'>): Promise<OfficialLanguage> {
  const row = await db.selectFrom('client_setting').select('official_language').where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  return row?.official_language ?? 'nl';
}

export async function setOfficialLanguage(trx: Trx, scope: OrgScope, value: OfficialLanguage, now: number): Promise<boolean> {
  const current = await officialLanguage(trx, scope);
  if (current === value) return false;
  await trx
    .insertInto('client_setting')
    .values({ organisation_id: scope.organisationId, official_language: value, updated_at: now, updated_by: scope.userId })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet({ official_language: value, updated_at: now, updated_by: scope.userId }))
    .execute();
  return true;
}

/** The language a person chose last time in the client view (offered first), if any. */
export async function rememberedLanguage(db: Db, scope: OrgScope, memberId: number): Promise<string | null> {
  const row = await db
    .selectFrom('member_client_language')
    .select('lang')
    .where('member_id', '=', memberId)
    .where('member_id', 'in', visibleMembers(db, scope).select('household_member.id'))
    .executeTakeFirst();
  return row?.lang ?? null;
}
