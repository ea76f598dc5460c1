import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import type { Level } from '../catalogue/default-catalogue.js';
import { choosablePeriods, periodKey, type Period } from './logic.js';
import {
  balanceFamily,
  completenessFamily,
  inspectionFamily,
  outcomeFamily,
  periodIndex,
  share,
  type CompletenessRow,
  type Count,
  type DistributionRow,
  type FamilyShape,
  type FiguresData,
  type InspectionRow,
  type Moment,
  type MovementMatrix,
  type OutcomeRow,
  type Thresholds,
} from './counting.js';
import { familyShape, figuresAccess, figuresSettings, firstYearOf, loadFiguresData } from './queries.js';
import type { FiguresAccess } from './model.js';

// The one function boundary for anonymous figures (issue 15): `figuresFor(db, scope, filters)`
// returns plain data, for the pages, the exports and (later) the API. Nothing in it names a
// person, a dossier or a remark; every count went through the suppression of its whole family.

export const LEVELS: readonly Level[] = ['huishouden', 'volwassene', 'kind'];
export const MOMENTS: readonly Moment[] = ['first', 'latest'];

export interface FiguresFilters {
  period: Period;
  /** A team id, or 'all': the organisation (beleid) or all of a lead's teams. */
  team: number | 'all';
  level: Level;
  moment: Moment;
}

export interface FiguresResult {
  filters: { period: string; team: number | 'all'; level: Level; moment: Moment };
  audience: 'screen' | 'export';
  /** Counts below this are shown as "< threshold". */
  threshold: number;
  distribution: DistributionRow[];
  /** Years only (null for a quarter). */
  movement: (MovementMatrix & { shares: { improved: number | null; stayed: number | null; worsened: number | null } })[] | null;
  outcomes: OutcomeRow[];
  inspection: Record<InspectionRow, Count>;
  completeness: Record<CompletenessRow, Count>;
  /** Sensitive domains left out for this viewer (organisation setting). */
  hiddenSensitive: number;
}

/** The export threshold: twice the screen's (default 10), on top of what the screen hides. */
export function thresholdsOf(screen: number): Thresholds {
  return { screen, export: screen * 2 };
}

/** What a caller may choose: their teams (and 'all'), the periods with data, levels, moments. */
export interface FiguresChoices {
  access: FiguresAccess;
  periods: Period[];
  /** The data the choices were made from; pass it on to figuresFor in the same request. */
  data: FiguresData;
}

export async function figuresChoices(db: Kysely<Database>, scope: OrgScope, today: string): Promise<FiguresChoices> {
  const [access, data] = await Promise.all([figuresAccess(db, scope), loadFiguresData(db, scope)]);
  return { access, periods: choosablePeriods(firstYearOf(data, Number(today.slice(0, 4))), today), data };
}

/** May this caller see figures at all (a lead of a team, or beleid)? */
export function maySeeFigures(scope: OrgScope): boolean {
  return scope.isPolicy === true || scope.leadTeamIds.length > 0;
}

/** The selection index in the family: a team, the organisation, or the lead's group. Undefined: not theirs. */
function selectionIndex(shape: FamilyShape, access: FiguresAccess, team: number | 'all'): { index: number; teams: number[] } | undefined {
  if (team === 'all') {
    if (access.all === 'organisation') return { index: shape.teams.length, teams: shape.teams };
    if (access.all !== 'teams') return undefined;
    const mine = access.teams.map((t) => t.id).sort((a, b) => a - b);
    if (mine.length === shape.teams.length) return { index: shape.teams.length, teams: shape.teams };
    const g = shape.groups.findIndex((x) => x.join(',') === mine.join(','));
    return g < 0 ? undefined : { index: shape.teams.length + 1 + g, teams: mine };
  }
  if (!access.teams.some((t) => t.id === team)) return undefined;
  const i = shape.teams.indexOf(team);
  return i < 0 ? undefined : { index: i, teams: [team] };
}

// Families are deterministic for the same data; the data object is new whenever the data changed.
const families = new WeakMap<FiguresData, Map<string, unknown>>();
function memo<T>(data: FiguresData, key: string, make: () => T): T {
  let m = families.get(data);
  if (!m) families.set(data, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = make();
  if (m.size > 200) m.clear();
  m.set(key, v);
  return v;
}

/**
 * The anonymous figures for one choice of filters, as this caller may see them; undefined when the
 * team is not one of theirs (the route answers 404). `audience: 'export'` applies the stricter
 * export threshold on top of what the screen hides.
 */
export async function figuresFor(
  db: Kysely<Database>,
  scope: OrgScope,
  filters: FiguresFilters,
  opts: { today: string; audience?: 'screen' | 'export'; loaded?: Pick<FiguresChoices, 'access' | 'data'> },
): Promise<FiguresResult | undefined> {
  const audience = opts.audience ?? 'screen';
  const [access, shape, settings, data] = await Promise.all([
    opts.loaded?.access ?? figuresAccess(db, scope),
    familyShape(db, scope),
    figuresSettings(db, scope),
    opts.loaded?.data ?? loadFiguresData(db, scope),
  ]);
  const selection = selectionIndex(shape, access, filters.team);
  if (!selection) return undefined;
  const thresholds = thresholdsOf(settings.threshold);
  const year = filters.period.year;
  const p = periodIndex(filters.period);
  const shapeKey = `${shape.teams.join(',')}/${shape.groups.map((g) => g.join(',')).join(';')}/${thresholds.screen}`;
  const side = audience === 'screen' ? 'screen' : 'exported';

  // First, latest and movement share people: one family (decision 025), whichever is asked for.
  const balances = memo(data, `b|${shapeKey}|${year}|${filters.level}`, () => balanceFamily(data, shape, { year, level: filters.level }, thresholds));
  const dist = balances[filters.moment][side];
  const mv = filters.period.kind === 'year' ? balances.movement[side] : null;
  const out = memo(data, `o|${shapeKey}|${year}|${filters.level}`, () => outcomeFamily(data, shape, { year, level: filters.level }, thresholds));
  const insp = memo(data, `i|${shapeKey}|${year}|${opts.today}`, () => inspectionFamily(data, shape, year, opts.today, thresholds));
  const comp = memo(data, `c|${shapeKey}|${year}`, () => completenessFamily(data, shape, year, thresholds));

  // Sensitive domains follow the organisation's visibility setting: with "only the assigned worker
  // and team leads", they are left out unless the viewer leads every team of the selection. An API
  // client is no lead: it counts them only with the sensitive scope and the setting "the whole team"
  // (the rule of households/sensitive.ts).
  const hideSensitive = scope.apiClient
    ? !(scope.apiClient.readsSensitive && scope.sensitiveVisibility === 'team')
    : scope.sensitiveVisibility === 'assigned' && !selection.teams.every((t) => scope.leadTeamIds.includes(t));
  const visible = <R extends { domain: { sensitive: boolean } }>(rows: R[]) => (hideSensitive ? rows.filter((r) => !r.domain.sensitive) : rows);
  const distribution = visible(dist[selection.index]![p]!);
  return {
    filters: { period: periodKey(filters.period), team: filters.team, level: filters.level, moment: filters.moment },
    audience,
    threshold: audience === 'screen' ? thresholds.screen : thresholds.export,
    distribution,
    movement: mv
      ? visible(mv[selection.index]!).map((m) => ({
          ...m,
          shares: { improved: share(m.improved, m.total), stayed: share(m.stayed, m.total), worsened: share(m.worsened, m.total) },
        }))
      : null,
    outcomes: visible(out.rows[side][selection.index]![p]!),
    inspection: insp[side][selection.index]![p]!,
    completeness: comp[side][selection.index]![p]!,
    hiddenSensitive: dist[selection.index]![p]!.length - distribution.length,
  };
}
