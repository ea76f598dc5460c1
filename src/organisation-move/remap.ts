import { AUDIT_TARGETS, MOVE_PLAN, type TableName } from './plan.js';
import type { FileRow, FileValue } from './values.js';

// The one place where ids inside a row are rewritten: foreign keys, 'm<member id>' subjects and
// the audit log's target ids. The import rewrites them to the target's new ids; the checksums
// (format.ts) to the rows' ranks. Both go through this function, so what the checksum compares is
// exactly what the import writes.

/** Per table: an id in the file → the id (or rank) it becomes. */
export type IdMaps = Map<TableName, Map<number, number>>;

/** A row that cannot be rewritten: an id that names nothing of the organisation. */
export class RemapError extends Error {}

function mapped(maps: IdMaps, table: TableName, id: number): number | undefined {
  return maps.get(table)?.get(id);
}

/** The audit row's target id in the target's numbering, or null when it names nothing moved. */
function auditTarget(type: FileValue, id: FileValue, maps: IdMaps): FileValue {
  if (id === null || type === null) return id;
  if (typeof type !== 'string' || typeof id !== 'string') throw new RemapError('audit_event: target is not text');
  if (!Object.hasOwn(AUDIT_TARGETS, type)) throw new RemapError(`audit_event: unknown target type "${type}"`);
  const how = AUDIT_TARGETS[type as keyof typeof AUDIT_TARGETS];
  if (how === null) return id;
  const team = (text: string) => (/^\d{1,15}$/.test(text) ? mapped(maps, 'team', Number(text)) : text);
  if (how === 'team-in-query') {
    const at = id.indexOf('?');
    if (at < 0) return id;
    const params = new URLSearchParams(id.slice(at + 1));
    const t = params.get('team');
    if (t !== null) {
      const m = team(t);
      if (m === undefined) return null;
      params.set('team', String(m));
    }
    return `${id.slice(0, at)}?${params.toString()}`;
  }
  if (how === 'team-or-word') {
    const dot = id.indexOf('.');
    const m = team(dot < 0 ? id : id.slice(0, dot));
    if (m === undefined) return null;
    return dot < 0 ? String(m) : `${m}${id.slice(dot)}`;
  }
  // A record of another organisation (a refused attempt) or one that no longer exists: in the
  // target the same number would name someone else's record, so the row keeps no number.
  const n = /^\d{1,15}$/.test(id) ? mapped(maps, how, Number(id)) : undefined;
  return n === undefined ? null : String(n);
}

/** The row with every id it holds (except its own) rewritten through `maps`. */
export function remapRow(table: TableName, row: FileRow, maps: IdMaps): FileRow {
  const plan = MOVE_PLAN[table];
  if (plan.kind !== 'moved') throw new RemapError(`${table} is not moved`);
  const out: FileRow = { ...row };
  for (const [column, target] of Object.entries(plan.refs)) {
    const v = row[column];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') throw new RemapError(`${table}.${column} is not a number`);
    const m = mapped(maps, target, v);
    if (m !== undefined) out[column] = m;
    // The audit log's actor and API client have no foreign key: one outside the organisation is dropped.
    else if (table === 'audit_event') out[column] = null;
    else throw new RemapError(`${table}.${column} names ${target} ${v}, which is not of this organisation`);
  }
  for (const column of plan.subjects ?? []) {
    const v = row[column];
    if (v === 'h') continue;
    const m = typeof v === 'string' ? /^m(\d{1,15})$/.exec(v) : null;
    const member = m ? mapped(maps, 'household_member', Number(m[1])) : undefined;
    if (member === undefined) throw new RemapError(`${table}.${column} "${String(v)}" names no member of this organisation`);
    out[column] = `m${member}`;
  }
  if (table === 'audit_event') out.target_id = auditTarget(row.target_type ?? null, row.target_id ?? null, maps);
  return out;
}
