import type { Kysely, Selectable } from 'kysely';
import type { Trx } from '../db/transaction.js';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import { defaultCatalogue, type CatalogueData, type CatalogueDomain, type Level, type Localized, type PodMiArea } from './default-catalogue.js';
import { LEVELS, parseCatalogue } from './catalogue-schema.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import { compactSummary, diffCatalogues, hasChanges, newlyUncovered, uniqueKey, type StoredChanges } from './catalogue.js';
import type { AnchorColumn, CatalogueDomainTable, CatalogueThemeTable } from './tables.js';
import type { CatalogueVersion, PendingPublication, VersionListItem } from './model.js';
import {
  draftCatalogue,
  sameDomainValues,
  swappedPositions,
  type Direction,
  type DomainValues,
  type Draft,
  type DraftDomain,
  type DraftTheme,
} from './logic.js';

// Queries of the catalogue. Every function that reads or writes an organisation's catalogue
// takes its OrgScope: a theme, domain or version of another organisation is simply not found.
// Functions take `db` first, so they work the same inside a transaction the route opened.

type Db = Kysely<Database>;
type DomainRow = Selectable<CatalogueDomainTable>;
type ThemeRow = Selectable<CatalogueThemeTable>;

// ---------------------------------------------------------------- row mapping (the one place)

const anchorColumn = (n: number, lang: string) => `anchor${n}_${lang}` as AnchorColumn;

function localizedOf(row: Record<string, unknown>, prefix: string): Localized {
  return { nl: String(row[`${prefix}_nl`]), fr: String(row[`${prefix}_fr`]), en: String(row[`${prefix}_en`]) };
}

function localizedColumns(prefix: string, value: Localized): Record<string, string> {
  return Object.fromEntries(LOCALES.map((l) => [`${prefix}_${l}`, value[l]]));
}

function domainOf(row: DomainRow): CatalogueDomain {
  return {
    key: row.key,
    name: localizedOf(row, 'name'),
    question: localizedOf(row, 'question'),
    anchors: [1, 2, 3, 4, 5].map((n) => localizedOf(row, `anchor${n}`)) as CatalogueDomain['anchors'],
    allowNotApplicable: row.allow_not_applicable === 1,
    defaultOn: row.active === 1,
    podMiAreas: JSON.parse(row.pod_mi_areas) as PodMiArea[],
    sensitive: row.sensitive === 1,
  };
}

function domainColumns(d: DomainValues) {
  const anchors: Record<string, string> = {};
  d.anchors.forEach((a, i) => {
    for (const l of LOCALES) anchors[anchorColumn(i + 1, l)] = a[l];
  });
  return {
    ...localizedColumns('name', d.name),
    ...localizedColumns('question', d.question),
    ...anchors,
    allow_not_applicable: d.allowNotApplicable ? 1 : 0,
    sensitive: d.sensitive ? 1 : 0,
    pod_mi_areas: JSON.stringify(d.podMiAreas),
  } as Pick<CatalogueDomainTable, `name_${Locale}` | `question_${Locale}` | AnchorColumn | 'allow_not_applicable' | 'sensitive' | 'pod_mi_areas'>;
}

// ---------------------------------------------------------------- installing

let defaultJson: string | undefined;

/**
 * Gives a new organisation the default catalogue as its draft and publishes that as version 1.
 * In the caller's transaction; one insert per table.
 */
export async function installDefaultCatalogue(trx: Trx, organisationId: number, now: number): Promise<number> {
  await writeNewDraft(trx, organisationId, defaultCatalogue, now);
  defaultJson ??= JSON.stringify(defaultCatalogue);
  const version = await trx
    .insertInto('catalogue_version')
    .values({
      organisation_id: organisationId,
      number: 1,
      published_at: now,
      published_by: null,
      note: null,
      changes: JSON.stringify({ kind: 'installed' } satisfies StoredChanges),
      content: defaultJson,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return version.id;
}

async function writeNewDraft(db: Db, organisationId: number, data: CatalogueData, now: number) {
  await db.insertInto('catalogue_draft').values({ organisation_id: organisationId, revision: 0, updated_at: now, updated_by: null }).execute();
  const themes = await db
    .insertInto('catalogue_theme')
    .values(
      data.themes.map((t, i) => ({
        organisation_id: organisationId,
        key: t.key,
        level: t.level,
        position: i,
        ...(localizedColumns('name', t.name) as Pick<CatalogueThemeTable, 'name_nl' | 'name_fr' | 'name_en'>),
        retired_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'key'])
    .execute();
  const themeId = new Map(themes.map((t) => [t.key, t.id]));
  const rows = data.themes.flatMap((t) =>
    t.domains.map((d, j) => ({
      organisation_id: organisationId,
      theme_id: themeId.get(t.key)!,
      key: d.key,
      position: j,
      active: d.defaultOn ? 1 : 0,
      ...domainColumns(d),
      retired_at: null,
      created_at: now,
      updated_at: now,
    })),
  );
  // Chunks keep every statement far below SQLite's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('catalogue_domain')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function hasCatalogue(db: Db, scope: OrgScope): Promise<boolean> {
  const row = await db.selectFrom('catalogue_draft').select('organisation_id').where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  return Boolean(row);
}

// ---------------------------------------------------------------- published versions

function versionQuery(db: Db, scope: OrgScope) {
  return db
    .selectFrom('catalogue_version as v')
    .leftJoin('app_user as u', (j) => j.onRef('u.id', '=', 'v.published_by').on('u.organisation_id', '=', scope.organisationId))
    .select(['v.id', 'v.number', 'v.published_at', 'v.published_by', 'v.note', 'v.changes', 'v.content', 'u.display_name'])
    .where('v.organisation_id', '=', scope.organisationId);
}

function versionOf(row: {
  id: number;
  number: number;
  published_at: number;
  published_by: number | null;
  note: string | null;
  changes: string;
  content: string;
  display_name: string | null;
}): CatalogueVersion {
  return {
    id: row.id,
    number: row.number,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    publishedByName: row.display_name,
    note: row.note,
    changes: JSON.parse(row.changes) as StoredChanges,
    catalogue: JSON.parse(row.content) as CatalogueData,
  };
}

/**
 * A published version of the organisation's catalogue, by id: what a balance shows for the version
 * it recorded. Another organisation's version, or an unknown id, is undefined (a 404 for routes).
 */
export async function getCatalogueVersion(db: Db, scope: OrgScope, versionId: number): Promise<CatalogueVersion | undefined> {
  if (!Number.isSafeInteger(versionId)) return undefined;
  const row = await versionQuery(db, scope).where('v.id', '=', versionId).executeTakeFirst();
  return row ? versionOf(row) : undefined;
}

/** The version new balances use: the latest published one. */
export async function getCurrentVersion(db: Db, scope: OrgScope): Promise<CatalogueVersion | undefined> {
  const row = await versionQuery(db, scope).orderBy('v.number', 'desc').limit(1).executeTakeFirst();
  return row ? versionOf(row) : undefined;
}

export async function listVersions(db: Db, scope: OrgScope): Promise<VersionListItem[]> {
  const rows = await db
    .selectFrom('catalogue_version as v')
    .leftJoin('app_user as u', (j) => j.onRef('u.id', '=', 'v.published_by').on('u.organisation_id', '=', scope.organisationId))
    .select(['v.id', 'v.number', 'v.published_at', 'v.note', 'v.changes', 'u.display_name'])
    .where('v.organisation_id', '=', scope.organisationId)
    .orderBy('v.number', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    publishedAt: r.published_at,
    publishedByName: r.display_name,
    note: r.note,
    changes: JSON.parse(r.changes) as StoredChanges,
  }));
}

// ---------------------------------------------------------------- the draft

const draftDomainOf = (row: DomainRow): DraftDomain => ({
  id: row.id,
  themeId: row.theme_id,
  position: row.position,
  revision: row.revision,
  retiredAt: row.retired_at,
  domain: domainOf(row),
});
const draftThemeOf = (row: ThemeRow): DraftTheme => ({
  id: row.id,
  key: row.key,
  level: row.level,
  position: row.position,
  revision: row.revision,
  name: localizedOf(row, 'name'),
  domains: [],
});

export async function loadDraft(db: Db, scope: OrgScope): Promise<Draft | undefined> {
  const meta = await db.selectFrom('catalogue_draft').select('revision').where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  if (!meta) return undefined;
  const themeRows = await db.selectFrom('catalogue_theme').selectAll().where('organisation_id', '=', scope.organisationId).execute();
  const domainRows = await db
    .selectFrom('catalogue_domain')
    .selectAll()
    .where('organisation_id', '=', scope.organisationId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const themes = themeRows.map(draftThemeOf).sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.position - b.position || a.id - b.id);
  const byId = new Map(themes.map((t) => [t.id, t]));
  const retired: Draft['retired'] = [];
  for (const row of domainRows) {
    const d = draftDomainOf(row);
    const theme = byId.get(row.theme_id)!;
    if (row.retired_at !== null) retired.push({ ...d, themeName: theme.name, themeLevel: theme.level });
    else theme.domains.push(d);
  }
  const retiredThemeIds = new Set(themeRows.filter((t) => t.retired_at !== null).map((t) => t.id));
  return {
    revision: meta.revision,
    themes: themes.filter((t) => !retiredThemeIds.has(t.id)),
    retired,
    keys: new Set([...themeRows.map((t) => t.key), ...domainRows.map((d) => d.key)]),
  };
}

async function bumpDraft(db: Db, scope: OrgScope, now: number) {
  await db
    .updateTable('catalogue_draft')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: now, updated_by: scope.userId }))
    .where('organisation_id', '=', scope.organisationId)
    .execute();
}

export async function findDraftDomain(db: Db, scope: OrgScope, id: number) {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await db.selectFrom('catalogue_domain').selectAll().where('id', '=', id).where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  if (!row) return undefined;
  const theme = await findDraftTheme(db, scope, row.theme_id);
  return theme ? { ...draftDomainOf(row), theme } : undefined;
}

export async function findDraftTheme(db: Db, scope: OrgScope, id: number): Promise<(DraftTheme & { retiredAt: number | null }) | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await db.selectFrom('catalogue_theme').selectAll().where('id', '=', id).where('organisation_id', '=', scope.organisationId).executeTakeFirst();
  return row ? { ...draftThemeOf(row), retiredAt: row.retired_at } : undefined;
}

/** Switches a domain on or off. False when there is no such (unretired) domain in this organisation. */
export async function setDomainActive(db: Db, scope: OrgScope, id: number, active: boolean, now: number): Promise<boolean> {
  const res = await db
    .updateTable('catalogue_domain')
    .set({ active: active ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await bumpDraft(db, scope, now);
  return true;
}

/** Swaps a domain with its neighbour in the theme. False when not found; true also at the edge (nothing to do). */
export async function moveDomain(db: Db, scope: OrgScope, id: number, direction: Direction, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_domain')
    .select(['id', 'theme_id', 'position'])
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!row) return false;
  const siblings = await db
    .selectFrom('catalogue_domain')
    .select(['id', 'position'])
    .where('theme_id', '=', row.theme_id)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  await swapWithNeighbour(db, 'catalogue_domain', siblings, id, direction, now);
  await bumpDraft(db, scope, now);
  return true;
}

/** Swaps a theme with its neighbour of the same level. */
export async function moveTheme(db: Db, scope: OrgScope, id: number, direction: Direction, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_theme')
    .select(['id', 'level'])
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!row) return false;
  const siblings = await db
    .selectFrom('catalogue_theme')
    .select(['id', 'position'])
    .where('level', '=', row.level)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  await swapWithNeighbour(db, 'catalogue_theme', siblings, id, direction, now);
  await bumpDraft(db, scope, now);
  return true;
}

async function swapWithNeighbour(
  db: Db,
  table: 'catalogue_domain' | 'catalogue_theme',
  ordered: { id: number; position: number }[],
  id: number,
  direction: Direction,
  now: number,
) {
  for (const { id: rowId, position } of swappedPositions(ordered, id, direction)) {
    await db.updateTable(table).set({ position, updated_at: now }).where('id', '=', rowId).execute();
  }
}

export type SaveResult =
  | { status: 'saved' | 'unchanged' }
  | { status: 'notFound' }
  /** Someone else saved since this form was opened: nothing was written. */
  | { status: 'conflict'; current: DraftDomain };

/** Saves a domain's texts and settings if nobody saved it since `revision` (optimistic locking). */
export async function updateDomain(db: Db, scope: OrgScope, id: number, revision: number, values: DomainValues, now: number): Promise<SaveResult> {
  const current = await findDraftDomain(db, scope, id);
  if (!current) return { status: 'notFound' };
  if (current.revision !== revision || current.retiredAt !== null) return { status: 'conflict', current };
  if (sameDomainValues(current.domain, values)) return { status: 'unchanged' };
  const res = await db
    .updateTable('catalogue_domain')
    .set((eb) => ({ ...domainColumns(values), revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('revision', '=', revision)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { status: 'conflict', current: (await findDraftDomain(db, scope, id))! };
  await bumpDraft(db, scope, now);
  return { status: 'saved' };
}

export async function addDomain(db: Db, scope: OrgScope, themeId: number, values: DomainValues, now: number): Promise<{ id: number; key: string } | undefined> {
  const theme = await findDraftTheme(db, scope, themeId);
  if (!theme || theme.retiredAt !== null) return undefined;
  const draft = (await loadDraft(db, scope))!;
  const key = uniqueKey(values.name.nl, draft.keys, 'domein');
  const last = await db
    .selectFrom('catalogue_domain')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('theme_id', '=', themeId)
    .executeTakeFirst();
  const row = await db
    .insertInto('catalogue_domain')
    .values({
      organisation_id: scope.organisationId,
      theme_id: themeId,
      key,
      position: Number(last?.p ?? -1) + 1,
      active: 1,
      ...domainColumns(values),
      retired_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpDraft(db, scope, now);
  return { id: row.id, key };
}

export async function addTheme(db: Db, scope: OrgScope, level: Level, name: Localized, now: number): Promise<{ id: number; key: string }> {
  const draft = (await loadDraft(db, scope))!;
  const key = uniqueKey(`${level} ${name.nl}`, draft.keys, level);
  const last = await db
    .selectFrom('catalogue_theme')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  const row = await db
    .insertInto('catalogue_theme')
    .values({
      organisation_id: scope.organisationId,
      key,
      level,
      position: Number(last?.p ?? -1) + 1,
      ...(localizedColumns('name', name) as Pick<CatalogueThemeTable, 'name_nl' | 'name_fr' | 'name_en'>),
      retired_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpDraft(db, scope, now);
  return { id: row.id, key };
}

export type ThemeSaveResult = { status: 'saved' | 'unchanged' | 'notFound' } | { status: 'conflict'; current: DraftTheme };

export async function updateTheme(db: Db, scope: OrgScope, id: number, revision: number, name: Localized, now: number): Promise<ThemeSaveResult> {
  const current = await findDraftTheme(db, scope, id);
  if (!current || current.retiredAt !== null) return { status: 'notFound' };
  if (current.revision !== revision) return { status: 'conflict', current };
  if (LOCALES.every((l) => current.name[l] === name[l])) return { status: 'unchanged' };
  const res = await db
    .updateTable('catalogue_theme')
    .set((eb) => ({ ...localizedColumns('name', name), revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return { status: 'conflict', current: (await findDraftTheme(db, scope, id))! };
  await bumpDraft(db, scope, now);
  return { status: 'saved' };
}

/** Takes a domain out of the catalogue: not in new balances, still in the versions that had it. */
export async function retireDomain(db: Db, scope: OrgScope, id: number, now: number): Promise<boolean> {
  const res = await db
    .updateTable('catalogue_domain')
    .set((eb) => ({ retired_at: now, revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return false;
  await bumpDraft(db, scope, now);
  return true;
}

/** Puts a retired domain back, at the end of its theme (and brings back the theme if needed). */
export async function restoreDomain(db: Db, scope: OrgScope, id: number, now: number): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_domain')
    .select(['id', 'theme_id'])
    .where('id', '=', id)
    .where('organisation_id', '=', scope.organisationId)
    .where('retired_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return false;
  const last = await db
    .selectFrom('catalogue_domain')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('theme_id', '=', row.theme_id)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  await db
    .updateTable('catalogue_domain')
    .set((eb) => ({ retired_at: null, position: Number(last?.p ?? -1) + 1, revision: eb('revision', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
  await db
    .updateTable('catalogue_theme')
    .set({ retired_at: null, updated_at: now })
    .where('id', '=', row.theme_id)
    .where('organisation_id', '=', scope.organisationId)
    .execute();
  await bumpDraft(db, scope, now);
  return true;
}

/**
 * An imported catalogue becomes the draft (the published version is untouched). Themes and domains
 * are matched by key: existing ones take the file's texts, order and settings; new ones are added;
 * ones the file does not have are retired, so their keys are never reused for something else.
 */
export async function replaceDraft(db: Db, scope: OrgScope, data: CatalogueData, now: number): Promise<void> {
  const org = scope.organisationId;
  const themeRows = await db.selectFrom('catalogue_theme').select(['id', 'key']).where('organisation_id', '=', org).execute();
  const domainRows = await db.selectFrom('catalogue_domain').select(['id', 'key']).where('organisation_id', '=', org).execute();
  const themeIds = new Map(themeRows.map((t) => [t.key, t.id]));
  const domainIds = new Map(domainRows.map((d) => [d.key, d.id]));
  const keptThemes = new Set<number>();
  const keptDomains = new Set<number>();
  for (const [i, theme] of data.themes.entries()) {
    const values = {
      level: theme.level,
      position: i,
      ...(localizedColumns('name', theme.name) as Pick<CatalogueThemeTable, 'name_nl' | 'name_fr' | 'name_en'>),
      retired_at: null,
      updated_at: now,
    };
    let themeId = themeIds.get(theme.key);
    if (themeId !== undefined) {
      await db
        .updateTable('catalogue_theme')
        .set((eb) => ({ ...values, revision: eb('revision', '+', 1) }))
        .where('id', '=', themeId!)
        .execute();
    } else {
      themeId = (
        await db
          .insertInto('catalogue_theme')
          .values({ organisation_id: org, key: theme.key, ...values, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    keptThemes.add(themeId);
    for (const [j, domain] of theme.domains.entries()) {
      const dv = { theme_id: themeId, position: j, active: domain.defaultOn ? 1 : 0, ...domainColumns(domain), retired_at: null, updated_at: now };
      const domainId = domainIds.get(domain.key);
      if (domainId !== undefined) {
        await db
          .updateTable('catalogue_domain')
          .set((eb) => ({ ...dv, revision: eb('revision', '+', 1) }))
          .where('id', '=', domainId)
          .execute();
        keptDomains.add(domainId);
      } else {
        const inserted = await db
          .insertInto('catalogue_domain')
          .values({ organisation_id: org, key: domain.key, ...dv, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        keptDomains.add(inserted.id);
      }
    }
  }
  const dropDomains = domainRows.map((d) => d.id).filter((id) => !keptDomains.has(id));
  if (dropDomains.length) {
    await db
      .updateTable('catalogue_domain')
      .set((eb) => ({ retired_at: now, revision: eb('revision', '+', 1), updated_at: now }))
      .where('organisation_id', '=', org)
      .where('id', 'in', dropDomains)
      .where('retired_at', 'is', null)
      .execute();
  }
  const dropThemes = themeRows.map((t) => t.id).filter((id) => !keptThemes.has(id));
  if (dropThemes.length) {
    await db
      .updateTable('catalogue_theme')
      .set({ retired_at: now, updated_at: now })
      .where('organisation_id', '=', org)
      .where('id', 'in', dropThemes)
      .where('retired_at', 'is', null)
      .execute();
  }
  await bumpDraft(db, scope, now);
}

// ---------------------------------------------------------------- publishing

export async function pendingPublication(db: Db, scope: OrgScope): Promise<PendingPublication | undefined> {
  const draft = await loadDraft(db, scope);
  const current = await getCurrentVersion(db, scope);
  if (!draft || !current) return undefined;
  const next = draftCatalogue(draft);
  const parsed = parseCatalogue(next);
  return {
    draft,
    current,
    next,
    changes: diffCatalogues(current.catalogue, next),
    issues: parsed.ok ? [] : parsed.issues,
    emptyThemes: draft.themes.filter((t) => t.domains.length === 0),
  };
}

export type PublishResult =
  | { status: 'published'; id: number; number: number }
  | { status: 'stale' | 'unchanged' | 'invalid' | 'missing' }
  /** The version would leave these POD MI areas, covered now, without a switched-on domain, and that was not confirmed. */
  | { status: 'uncovered'; areas: PodMiArea[] };

/**
 * Publishes the draft as the next version, if it is still the draft whose summary the
 * administrator confirmed (`expectedRevision`). The version row is never changed afterwards.
 */
export async function publishDraft(
  db: Db,
  scope: OrgScope,
  expectedRevision: number,
  note: string | null,
  now: number,
  /** The administrator confirmed publishing a version that leaves POD MI areas uncovered that the current version covers. */
  uncoveredConfirmed = false,
): Promise<PublishResult> {
  const pending = await pendingPublication(db, scope);
  if (!pending) return { status: 'missing' };
  if (pending.draft.revision !== expectedRevision) return { status: 'stale' };
  if (pending.issues.length) return { status: 'invalid' };
  if (!hasChanges(pending.changes)) return { status: 'unchanged' };
  // Checked on the draft as it is in this transaction: what the confirmation was given for.
  const uncovered = newlyUncovered(pending.current.catalogue, pending.next);
  if (uncovered.length && !uncoveredConfirmed) return { status: 'uncovered', areas: uncovered };
  const parsed = parseCatalogue(pending.next);
  if (!parsed.ok) return { status: 'invalid' };
  const number = pending.current.number + 1;
  const row = await db
    .insertInto('catalogue_version')
    .values({
      organisation_id: scope.organisationId,
      number,
      published_at: now,
      published_by: scope.userId,
      note,
      changes: JSON.stringify({ kind: 'published', summary: compactSummary(pending.changes) } satisfies StoredChanges),
      content: JSON.stringify(parsed.data),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { status: 'published', id: row.id, number };
}
