// Pure helpers of the household feature (no database, no request), unit-testable.
import { parseId, parsePage } from '../http/params.js';

export const PAGE_SIZE = 25;
export const NAME_MAX = 100;
export const DOSSIER_REF_MAX = 50;
export const SEARCH_MAX = 200;
export const MIN_BIRTH_YEAR = 1900;
export const ADULT_AGE = 18;
/** Members typed on the "new household" form at most; more can be added on the dossier. */
export const MAX_NEW_MEMBERS = 12;

// ---------------------------------------------------------------- search

// Letters that Unicode does not decompose into a base letter plus accent.
const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ĳ: 'ij' };

/**
 * Lower case, accents removed, anything that is not a letter or digit turned into one space:
 * "Éloïse D'Hondt-Çelik" -> "eloise d hondt celik". The same function builds the stored search
 * column and the typed search, so accents and punctuation never decide whether a name is found,
 * and the query needs nothing but LIKE on plain letters (the same on SQLite and PostgreSQL,
 * and no LIKE wildcard can survive it).
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıĳ]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The stored search column of a household: its number and every member's name, former members too. */
export function buildSearchText(dossierRef: string | null, members: { firstName: string; lastName: string }[]): string {
  const parts = [dossierRef ?? '', ...members.map((m) => `${m.firstName} ${m.lastName}`)];
  // Padded with spaces so a later change to word-start matching (LIKE '% peet%') needs no migration.
  return ` ${normaliseForSearch(parts.join(' '))} `;
}

/** The words of a typed search; every word must occur somewhere in the household's search text. */
export function searchTokens(q: string): string[] {
  const normal = normaliseForSearch(q.slice(0, SEARCH_MAX));
  return normal ? [...new Set(normal.split(' '))].slice(0, 8) : [];
}

// ---------------------------------------------------------------- the caseload's query string

export type StatusFilter = 'active' | 'closed' | 'all';
/** How the caseload can be sorted; balance_asc/balance_desc by the date of the latest finalised balance. */
export type CaseloadSort = 'updated_desc' | 'updated_asc' | 'created_desc' | 'created_asc' | 'balance_asc' | 'balance_desc';
export const CASELOAD_SORTS: readonly CaseloadSort[] = ['updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'balance_asc', 'balance_desc'];
/** "No finalised balance in the last N months" filter choices. */
export const STALE_MONTHS = [3, 6, 12] as const;

export interface CaseloadFilters {
  q: string;
  /** Null: every team the user may see. */
  teamId: number | null;
  status: StatusFilter;
  /** Only households assigned to the signed-in user ("mijn dossiers"). */
  mine: boolean;
  sort: CaseloadSort;
  page: number;
  /** Only households without a finalised balance in the last N months (or none at all). */
  staleMonths: number | null;
}

/**
 * Reads the caseload's GET parameters. Anything unreadable falls back to the default, and a team
 * the user is not in is ignored (it could only ever show nothing, but it should not even be echoed).
 */
export function parseCaseloadQuery(query: Record<string, string | undefined>, teamIds: number[]): CaseloadFilters {
  const team = parseId(query.team);
  const status = query.status === 'closed' || query.status === 'all' ? query.status : 'active';
  const sort = (CASELOAD_SORTS as readonly string[]).includes(query.sort ?? '') ? (query.sort as CaseloadSort) : 'updated_desc';
  return {
    q: (query.q ?? '').slice(0, SEARCH_MAX),
    teamId: team !== null && teamIds.includes(team) ? team : null,
    status,
    mine: query.mine === '1',
    sort,
    page: parsePage(query.page),
    staleMonths: (STALE_MONTHS as readonly number[]).includes(Number(query.stale)) ? Number(query.stale) : null,
  };
}

/** The query string of a caseload URL, defaults left out so links stay short and shareable. */
export function caseloadQueryString(f: CaseloadFilters, overrides: Partial<CaseloadFilters> = {}): string {
  const v = { ...f, ...overrides };
  const params = new URLSearchParams();
  if (v.q.trim()) params.set('q', v.q.trim());
  if (v.teamId !== null) params.set('team', String(v.teamId));
  if (v.status !== 'active') params.set('status', v.status);
  if (v.mine) params.set('mine', '1');
  if (v.sort !== 'updated_desc') params.set('sort', v.sort);
  if (v.staleMonths !== null) params.set('stale', String(v.staleMonths));
  if (v.page > 1) params.set('page', String(v.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The page numbers to link to: first, last, and two either side of the current one; null is a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out[out.length - 1];
    if (typeof prev === 'number' && n - prev > 1) out.push(null);
    out.push(n);
  }
  return out;
}

// ---------------------------------------------------------------- dates and age

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar day in Belgium as 'yyyy-mm-dd' (the server may run in UTC). */
export function todayIso(now: number): string {
  return isoDay.format(new Date(now));
}

export function currentYear(now: number): number {
  return Number(todayIso(now).slice(0, 4));
}

/**
 * Adult or child for the balance: the override when a worker set one, else 18 or older in the
 * current calendar year (someone born in 2008 counts as adult during all of 2026). The balance
 * feature scores adult domains for adults and child domains for children.
 */
export function isAdult(member: { birthYear: number; adultOverride: boolean | null }, year: number): boolean {
  if (member.adultOverride !== null) return member.adultOverride;
  return year - member.birthYear >= ADULT_AGE;
}

/** The ISO date `months` calendar months before `iso` (day clamped to the month's length). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
