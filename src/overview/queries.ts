import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OrgScope } from '../auth/scope.js';
import { catalogueOf, listBalances } from '../balances/queries.js';
import type { BalanceDetail, BalanceSummary } from '../balances/model.js';
import { balanceLayout, cellKey, subjectKeyOf, type CellValue, type LayoutSection, type Subject } from '../balances/logic.js';
import type { Snapshot } from './model.js';

// Reading balances for the overview and the evolution. Every read starts from listBalances/findBalance
// (scoped to the user's visible households); subjects and scores are then read for exactly those
// balance ids, a household's whole history in three queries however many balances it has.

type Db = Kysely<Database>;

/** Per balance: how many corrections it had and the last one's id (changes with every correction). */
export async function amendmentStamps(db: Db, balanceIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (!balanceIds.length) return out;
  const rows = await db
    .selectFrom('balance_amendment')
    .select((eb) => ['balance_id', eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('last')])
    .where('balance_id', 'in', balanceIds)
    .groupBy('balance_id')
    .execute();
  for (const r of rows) out.set(r.balance_id, `${r.n}-${r.last}`);
  return out;
}

function stampOf(b: Pick<BalanceSummary, 'id' | 'status' | 'catalogueVersionId' | 'updatedAt'>, amendments: string | undefined): string {
  // A draft changes with every save: its updated_at is part of the stamp (drafts are never cached anyway).
  return `${b.id}.v${b.catalogueVersionId}.a${amendments ?? '0'}${b.status === 'draft' ? `.d${b.updatedAt}` : ''}`;
}

export async function snapshotOfDetail(db: Db, detail: BalanceDetail): Promise<Snapshot> {
  const stamps = await amendmentStamps(db, [detail.id]);
  return {
    id: detail.id,
    takenOn: detail.takenOn,
    status: detail.status,
    method: detail.method,
    catalogueVersionId: detail.catalogueVersionId,
    catalogueVersionNumber: detail.catalogueVersionNumber,
    catalogue: detail.catalogue,
    subjects: detail.subjects,
    layout: detail.layout,
    cells: detail.cells,
    hiddenSensitive: detail.hiddenSensitive,
    stamp: stampOf(detail, stamps.get(detail.id)),
  };
}

/**
 * All balances of a visible household as snapshots (newest first, as listBalances orders them),
 * with sensitive domains left out when `hideSensitive`. `finalOnly`: drafts are left out.
 */
export async function loadSnapshots(
  db: Db,
  scope: OrgScope,
  householdId: number,
  opts: { hideSensitive: boolean; finalOnly?: boolean },
): Promise<{ all: BalanceSummary[]; snapshots: Snapshot[] }> {
  const all = await listBalances(db, scope, householdId);
  const chosen = opts.finalOnly ? all.filter((b) => b.status === 'final') : all;
  if (!chosen.length) return { all, snapshots: [] };
  const ids = chosen.map((b) => b.id);
  const [subjectRows, scoreRows, stamps] = await Promise.all([
    db
      .selectFrom('balance_subject')
      .innerJoin('household_member as m', 'm.id', 'balance_subject.member_id')
      .select(['balance_subject.balance_id', 'balance_subject.member_id', 'balance_subject.level', 'balance_subject.took_part', 'm.first_name', 'm.last_name'])
      .where('balance_subject.balance_id', 'in', ids)
      .orderBy('balance_subject.level', 'desc')
      .orderBy('m.position')
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('balance_score')
      .select(['balance_id', 'subject', 'domain_key', 'state', 'score', 'client_score', 'remark'])
      .where('balance_id', 'in', ids)
      .execute(),
    amendmentStamps(db, ids),
  ]);
  const subjectsOf = new Map<number, (Subject & { tookPart: boolean })[]>();
  for (const r of subjectRows) {
    const list = subjectsOf.get(r.balance_id) ?? [];
    list.push({ key: subjectKeyOf(r.member_id), memberId: r.member_id, level: r.level, name: `${r.first_name} ${r.last_name}`, tookPart: r.took_part === 1 });
    subjectsOf.set(r.balance_id, list);
  }
  const cellsOf = new Map<number, Map<string, CellValue>>();
  for (const r of scoreRows) {
    const m = cellsOf.get(r.balance_id) ?? new Map<string, CellValue>();
    m.set(cellKey(r.subject, r.domain_key), { state: r.state, score: r.score, clientScore: r.client_score, remark: r.remark });
    cellsOf.set(r.balance_id, m);
  }
  const snapshots: Snapshot[] = [];
  for (const b of chosen) {
    const catalogue = await catalogueOf(db, scope, b.catalogueVersionId);
    if (!catalogue) continue;
    const subjects = [{ key: 'h', memberId: null, level: 'huishouden' as const, name: '', tookPart: true }, ...(subjectsOf.get(b.id) ?? [])];
    const layout = balanceLayout(catalogue, subjects, { hideSensitive: opts.hideSensitive });
    const hiddenSensitive = opts.hideSensitive ? count(balanceLayout(catalogue, subjects)) - count(layout) : 0;
    snapshots.push({
      id: b.id,
      takenOn: b.takenOn,
      status: b.status,
      method: b.method,
      catalogueVersionId: b.catalogueVersionId,
      catalogueVersionNumber: b.catalogueVersionNumber,
      catalogue,
      subjects,
      layout,
      cells: cellsOf.get(b.id) ?? new Map(),
      hiddenSensitive,
      stamp: stampOf(b, stamps.get(b.id)),
    });
  }
  return { all, snapshots };
}

function count(l: LayoutSection[]): number {
  return l.reduce((n, s) => n + s.themes.reduce((m, t) => m + t.domains.length, 0), 0);
}
