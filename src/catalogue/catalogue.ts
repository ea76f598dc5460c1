import {
  POD_MI_AREAS,
  type CatalogueData,
  type CatalogueDomain,
  type CatalogueTheme,
  type Level,
  type Localized,
  type PodMiArea,
} from './default-catalogue.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import { LEVELS } from './catalogue-schema.js';

// Pure logic on a catalogue (CatalogueData): lookups, POD MI coverage, keys, and what changed
// between two versions. No database here, so all of it is unit-testable and reusable by the
// balance feature, which reads a version's CatalogueData and nothing else.
//
// In a published version `defaultOn` means "switched on in this organisation": the domain is part
// of every new balance. Switched-off domains stay in the version (an optional extra).

export function domainsOf(catalogue: CatalogueData, level?: Level): { theme: CatalogueTheme; domain: CatalogueDomain }[] {
  return catalogue.themes.filter((theme) => !level || theme.level === level).flatMap((theme) => theme.domains.map((domain) => ({ theme, domain })));
}

export function findDomain(catalogue: CatalogueData, key: string): CatalogueDomain | undefined {
  for (const theme of catalogue.themes) for (const d of theme.domains) if (d.key === key) return d;
  return undefined;
}

/** Which switched-on domains cover each POD MI area, in the inspection's order. */
export function podMiCoverage(catalogue: CatalogueData): { area: PodMiArea; domains: CatalogueDomain[] }[] {
  const active = domainsOf(catalogue)
    .map((x) => x.domain)
    .filter((d) => d.defaultOn);
  return POD_MI_AREAS.map((area) => ({ area, domains: active.filter((d) => d.podMiAreas.includes(area)) }));
}

/**
 * Domain names (in `lang`, compared without case) that occur at more than one level in any of these
 * catalogues: "Mobiliteit" for adults and for children. Where such a name is shown alone (a change
 * summary, a button's accessible name), the level goes with it: "Mobiliteit (kind)".
 */
export function namesAtSeveralLevels(catalogues: readonly CatalogueData[], lang: Locale): Set<string> {
  const levels = new Map<string, Set<Level>>();
  for (const c of catalogues)
    for (const { theme, domain } of domainsOf(c)) {
      const name = domain.name[lang].trim().toLowerCase();
      levels.set(name, (levels.get(name) ?? new Set()).add(theme.level));
    }
  return new Set([...levels].filter(([, l]) => l.size > 1).map(([name]) => name));
}

export function uncoveredAreas(catalogue: CatalogueData): PodMiArea[] {
  return podMiCoverage(catalogue)
    .filter((c) => c.domains.length === 0)
    .map((c) => c.area);
}

/**
 * The POD MI areas the current version covers and the next would not: publishing that asks for a
 * confirmation. Areas no version covered (an OCMW that keeps the core set) are shown, not asked again.
 */
export function newlyUncovered(current: CatalogueData, next: CatalogueData): PodMiArea[] {
  const before = new Set(uncoveredAreas(current));
  return uncoveredAreas(next).filter((a) => !before.has(a));
}

/** "Organisatie- en planningsvermogen" -> "organisatie-en-planningsvermogen". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * A key from a name that no theme or domain of the organisation has ever used, retired ones
 * included: keys tie scores in different versions to the same domain, so a key is never reused.
 */
export function uniqueKey(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(name) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

// ---------------------------------------------------------------- what changed

export type TextField = 'name' | 'question' | 'anchor1' | 'anchor2' | 'anchor3' | 'anchor4' | 'anchor5';
export type Setting = 'allowNotApplicable' | 'sensitive' | 'podMiAreas' | 'theme';
export interface TextChange {
  field: TextField;
  lang: Locale;
  from?: string;
  to?: string;
}
export interface ThemeRef {
  key: string;
  level: Level;
  name: Localized;
}
export interface DomainRef {
  key: string;
  name: Localized;
  /** The level of the domain's theme (absent in summaries stored before it was recorded). */
  level?: Level | undefined;
}

export interface ChangeSummary {
  themesAdded: ThemeRef[];
  themesRemoved: ThemeRef[];
  themesRenamed: { theme: ThemeRef; changes: TextChange[] }[];
  domainsAdded: DomainRef[];
  domainsRetired: DomainRef[];
  switchedOn: DomainRef[];
  switchedOff: DomainRef[];
  textsChanged: { domain: DomainRef; changes: TextChange[] }[];
  settingsChanged: { domain: DomainRef; settings: Setting[] }[];
  /** Levels whose themes are in a different order. */
  themeOrderChanged: Level[];
  /** Themes whose domains are in a different order. */
  domainOrderChanged: ThemeRef[];
}

/** What is stored with a version: the summary without the old and new texts themselves. */
export type StoredChanges = { kind: 'installed' } | { kind: 'published'; summary: ChangeSummary };

const themeRef = (t: CatalogueTheme): ThemeRef => ({ key: t.key, level: t.level, name: t.name });
const domainRef = (d: CatalogueDomain, level: Level): DomainRef => ({ key: d.key, name: d.name, level });

function textChanges(pairs: [TextField, Localized, Localized][]): TextChange[] {
  const out: TextChange[] = [];
  for (const [field, from, to] of pairs) for (const lang of LOCALES) if (from[lang] !== to[lang]) out.push({ field, lang, from: from[lang], to: to[lang] });
  return out;
}

function sameOrder(a: string[], b: string[]): boolean {
  const common = new Set(a.filter((k) => b.includes(k)));
  const x = a.filter((k) => common.has(k));
  const y = b.filter((k) => common.has(k));
  return x.every((k, i) => k === y[i]);
}

/** Everything that differs from `from` (the current version) to `to` (the draft). */
export function diffCatalogues(from: CatalogueData, to: CatalogueData): ChangeSummary {
  const s: ChangeSummary = {
    themesAdded: [],
    themesRemoved: [],
    themesRenamed: [],
    domainsAdded: [],
    domainsRetired: [],
    switchedOn: [],
    switchedOff: [],
    textsChanged: [],
    settingsChanged: [],
    themeOrderChanged: [],
    domainOrderChanged: [],
  };
  const oldThemes = new Map(from.themes.map((t) => [t.key, t]));
  const newThemes = new Map(to.themes.map((t) => [t.key, t]));
  const oldDomains = new Map(domainsOf(from).map((x) => [x.domain.key, x]));
  const newDomains = new Map(domainsOf(to).map((x) => [x.domain.key, x]));

  for (const t of to.themes) {
    const old = oldThemes.get(t.key);
    if (!old) {
      s.themesAdded.push(themeRef(t));
      continue;
    }
    const changes = textChanges([['name', old.name, t.name]]);
    if (changes.length) s.themesRenamed.push({ theme: themeRef(t), changes });
    if (
      !sameOrder(
        old.domains.map((d) => d.key),
        t.domains.map((d) => d.key),
      )
    )
      s.domainOrderChanged.push(themeRef(t));
  }
  for (const t of from.themes) if (!newThemes.has(t.key)) s.themesRemoved.push(themeRef(t));
  for (const level of LEVELS) {
    const keys = (c: CatalogueData) => c.themes.filter((t) => t.level === level).map((t) => t.key);
    if (!sameOrder(keys(from), keys(to))) s.themeOrderChanged.push(level);
  }

  for (const { theme, domain: d } of domainsOf(to)) {
    const old = oldDomains.get(d.key);
    if (!old) {
      s.domainsAdded.push(domainRef(d, theme.level));
      continue;
    }
    const o = old.domain;
    if (o.defaultOn !== d.defaultOn) (d.defaultOn ? s.switchedOn : s.switchedOff).push(domainRef(d, theme.level));
    const changes = textChanges([
      ['name', o.name, d.name],
      ['question', o.question, d.question],
      ...d.anchors.map((a, i): [TextField, Localized, Localized] => [`anchor${i + 1}` as TextField, o.anchors[i]!, a]),
    ]);
    if (changes.length) s.textsChanged.push({ domain: domainRef(d, theme.level), changes });
    const settings: Setting[] = [];
    if (o.allowNotApplicable !== d.allowNotApplicable) settings.push('allowNotApplicable');
    if (o.sensitive !== d.sensitive) settings.push('sensitive');
    if ([...o.podMiAreas].sort().join() !== [...d.podMiAreas].sort().join()) settings.push('podMiAreas');
    if (old.theme.key !== theme.key) settings.push('theme');
    if (settings.length) s.settingsChanged.push({ domain: domainRef(d, theme.level), settings });
  }
  for (const { theme, domain } of domainsOf(from)) if (!newDomains.has(domain.key)) s.domainsRetired.push(domainRef(domain, theme.level));
  return s;
}

export function hasChanges(s: ChangeSummary): boolean {
  return Object.values(s).some((list) => list.length > 0);
}

/** The summary as stored with a version: which texts changed, not the texts (the versions have those). */
export function compactSummary(s: ChangeSummary): ChangeSummary {
  const strip = (changes: TextChange[]) => changes.map(({ field, lang }) => ({ field, lang }));
  return {
    ...s,
    themesRenamed: s.themesRenamed.map((x) => ({ theme: x.theme, changes: strip(x.changes) })),
    textsChanged: s.textsChanged.map((x) => ({ domain: x.domain, changes: strip(x.changes) })),
  };
}
