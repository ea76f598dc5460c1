import { createHash } from 'node:crypto';
import { z } from 'zod';
import { migrations } from '../../migrations/index.js';
import { MOVED_TABLES, type TableName } from './plan.js';
import { remapRow, type IdMaps } from './remap.js';
import { MoveError, type FileRow } from './values.js';

// The file an organisation moves in (docs/decisions/037-organisation-move.md): one JSON document
// with every moved table's rows as the database holds them (times in milliseconds, blobs as
// { "base64": ... }), and a manifest of per-table counts and SHA-256 checksums. The checksums are
// taken over a canonical form that does not depend on the ids a database gave (every id replaced
// by the row's rank in its table's export order), so the same organisation exported from the
// source and, after the import, from the target has the same manifest.

export const MOVE_FORMAT = 'sociale-balans-organisation';
export const MOVE_FORMAT_VERSION = 1;

export interface TableManifest {
  count: number;
  sha256: string;
}

export interface MoveFile {
  format: typeof MOVE_FORMAT;
  version: typeof MOVE_FORMAT_VERSION;
  /** The newest migration of the database it came from: the rows have that schema's columns. */
  schema: string;
  exportedAt: number;
  organisation: { id: number; name: string };
  manifest: { tables: Record<string, TableManifest>; sha256: string };
  tables: Record<string, FileRow[]>;
}

/** The newest migration this code knows: both ends of a move must be at the same schema. */
export function currentSchema(): string {
  return Object.keys(migrations).sort().at(-1)!;
}

/** JSON with the keys sorted at every level: the same row always gives the same text. */
function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Per table: the rank (1, 2, ...) of each row's id in the export order. */
function rankMaps(tables: Record<string, FileRow[]>): IdMaps {
  const maps: IdMaps = new Map();
  for (const [table, plan] of MOVED_TABLES) {
    if (plan.id !== 'serial') continue;
    maps.set(table, new Map((tables[table] ?? []).map((row, i) => [Number(row.id), i + 1])));
  }
  return maps;
}

/**
 * Counts and checksums of the rows, over the canonical form: ids by rank, each row as JSON with its
 * keys sorted, the rows' lines sorted (so neither ids nor the order a database returns ties depend
 * on where the rows were).
 */
export function manifestOf(tables: Record<string, FileRow[]>): MoveFile['manifest'] {
  const ranks = rankMaps(tables);
  const out: Record<string, TableManifest> = {};
  for (const [table, plan] of MOVED_TABLES) {
    const rows = tables[table] ?? [];
    const lines = rows.map((row) => {
      const canonical: FileRow = remapRow(table, row, ranks);
      if (plan.id === 'serial') canonical.id = ranks.get(table)!.get(Number(row.id))!;
      return canonicalJson(canonical);
    });
    lines.sort();
    out[table] = { count: rows.length, sha256: sha256(lines.join('\n')) };
  }
  return { tables: out, sha256: sha256(canonicalJson(out)) };
}

/** A short reference to one export, written on the audit rows of both ends (request_id). */
export const moveReference = (manifest: MoveFile['manifest']) => `organisation-move:${manifest.sha256.slice(0, 32)}`;

const fileValue = z.union([z.string(), z.number(), z.null(), z.object({ base64: z.base64() }).strict()]);
const fileSchema = z.object({
  format: z.literal(MOVE_FORMAT),
  version: z.number(),
  schema: z.string(),
  exportedAt: z.number(),
  organisation: z.object({ id: z.number(), name: z.string() }),
  manifest: z.object({ tables: z.record(z.string(), z.object({ count: z.number(), sha256: z.string() })), sha256: z.string() }),
  tables: z.record(z.string(), z.array(z.record(z.string(), fileValue))),
});

/**
 * The file read back, refused unless it is a move file of this version and schema whose rows match
 * its manifest (a file cut short, edited by hand, or damaged in transit).
 */
export function readMoveFile(text: string): MoveFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MoveError('The file is not an organisation move file (not JSON); nothing was imported.');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== MOVE_FORMAT) throw new MoveError('The file is not an organisation move file; nothing was imported.');
  const version = (json as { version?: unknown }).version;
  if (version !== MOVE_FORMAT_VERSION)
    throw new MoveError(`The file has format version ${String(version)}; this version reads version ${MOVE_FORMAT_VERSION} only. Nothing was imported.`);
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new MoveError(`The file is damaged (${parsed.error.issues[0]?.path.join('.') || 'structure'}); nothing was imported.`);
  const file = parsed.data as MoveFile;
  if (file.schema !== currentSchema())
    throw new MoveError(
      `The file was made at database version ${file.schema}, this database is at ${currentSchema()}: run the same version of the application on both ends. Nothing was imported.`,
    );
  const expected = new Set(MOVED_TABLES.map(([t]) => t));
  for (const t of Object.keys(file.tables))
    if (!expected.has(t as TableName)) throw new MoveError(`The file has a table "${t}" this version does not move; nothing was imported.`);
  for (const t of expected) if (!file.tables[t] || !file.manifest.tables[t]) throw new MoveError(`The file lacks the table "${t}"; nothing was imported.`);
  if ((file.tables.organisation ?? []).length !== 1) throw new MoveError('The file does not hold exactly one organisation; nothing was imported.');
  let actual: MoveFile['manifest'];
  try {
    actual = manifestOf(file.tables);
  } catch (e) {
    throw new MoveError(`The file is damaged (${e instanceof Error ? e.message : String(e)}); nothing was imported.`);
  }
  for (const t of expected) {
    const want = file.manifest.tables[t]!;
    const got = actual.tables[t]!;
    if (want.count !== got.count || want.sha256 !== got.sha256)
      throw new MoveError(
        `The file is damaged: the rows of "${t}" do not match its checksum (${got.count} rows, expected ${want.count}); nothing was imported.`,
      );
  }
  if (file.manifest.sha256 !== actual.sha256) throw new MoveError('The file is damaged: its manifest does not match its checksum; nothing was imported.');
  return file;
}
