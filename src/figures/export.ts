import type { Messages } from '../i18n/index.js';
import type { Locale } from '../i18n/locale.js';
import { AGREEMENT_STATUSES } from '../gpmi/tables.js';
import { neutralise, toCsv } from './logic.js';
import { COMPLETENESS_ROWS, DIST_COLUMNS, INSPECTION_ROWS, type Count } from './counting.js';
import type { FiguresResult } from './figures.js';

// Every table of the figures as rows of plain cells, for the CSV and XLSX downloads (the pages
// render the same data as HTML tables). Text is neutralised against formula injection; numbers
// stay numbers; a hidden count is a text ("< 5", "×"), never a number.

export const EXPORT_TABLES = ['distribution', 'movement', 'outcomes', 'inspection', 'completeness'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Cell = string | number;

/** A count as a cell: the number, "< T" (small, or a withheld table: fewer than MIN_PEOPLE), or "×" (hidden). */
export function countCell(c: Count, hiddenMark: string): Cell {
  if (c.value !== null) return c.value;
  if ((c.status === 'small' || c.status === 'withheld') && c.below !== undefined) return `< ${c.below}`;
  return hiddenMark;
}

export interface ExportSheet {
  title: string;
  rows: Cell[][];
}

/** The table with a first line naming what it shows and the rule, then the header and the rows. */
export function exportSheet(result: FiguresResult, table: ExportTable, t: Messages, lang: Locale, what: string): ExportSheet {
  const f = t.figures;
  const mark = f.legend.hiddenMark;
  const head = (title: string): Cell[][] => [[title], [f.export.filters, what], [f.export.threshold(result.threshold)], []];
  switch (table) {
    case 'distribution':
      return {
        title: f.distribution.title,
        rows: [
          ...head(f.distribution.title),
          [f.distribution.domain, ...DIST_COLUMNS.map((c) => f.distribution.columns[c]!), f.distribution.total],
          ...result.distribution.map((r) => [r.domain.name[lang], ...DIST_COLUMNS.map((c) => countCell(r.counts[c], mark)), countCell(r.total, mark)]),
        ],
      };
    case 'movement':
      return {
        title: f.movement.title,
        rows: [
          ...head(f.movement.title),
          ...(result.movement === null
            ? [[f.movement.onlyYears]]
            : [
                [
                  f.movement.domain,
                  f.movement.total,
                  f.movement.improved,
                  f.movement.stayed,
                  f.movement.worsened,
                  ...[1, 2, 3, 4, 5].flatMap((from) => [1, 2, 3, 4, 5].map((to) => `${f.movement.from(from)} ${f.movement.to(to).toLowerCase()}`)),
                ],
                ...result.movement.map((m) => [
                  m.domain.name[lang],
                  countCell(m.total, mark),
                  countCell(m.improved, mark),
                  countCell(m.stayed, mark),
                  countCell(m.worsened, mark),
                  ...m.cells.flatMap((row) => row.map((c) => countCell(c, mark))),
                ]),
              ]),
        ],
      };
    case 'outcomes':
      return {
        title: f.outcomes.title,
        rows: [
          ...head(f.outcomes.title),
          [f.outcomes.domain, ...AGREEMENT_STATUSES.map((s) => f.outcomes.status[s]), f.outcomes.total],
          ...result.outcomes.map((r) => [r.domain.name[lang], ...AGREEMENT_STATUSES.map((s) => countCell(r.statuses[s], mark)), countCell(r.total, mark)]),
        ],
      };
    case 'inspection':
      return {
        title: f.inspection.title,
        rows: [
          ...head(f.inspection.title),
          [f.inspection.what, f.inspection.count],
          ...INSPECTION_ROWS.map((r) => [f.inspection.rows[r]!, countCell(result.inspection[r], mark)]),
        ],
      };
    case 'completeness':
      return {
        title: f.completeness.title,
        rows: [
          ...head(f.completeness.title),
          [f.inspection.what, f.inspection.count],
          ...COMPLETENESS_ROWS.map((r) => [f.completeness[r], countCell(result.completeness[r], mark)]),
        ],
      };
  }
}

export function sheetCsv(sheet: ExportSheet): string {
  return toCsv(sheet.rows);
}

/** The sheet as an XLSX file (write-excel-file, decision 026): text cells as text, numbers as numbers. */
export async function sheetXlsx(sheet: ExportSheet): Promise<Buffer> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const data = sheet.rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i];
      if (v === undefined) return null;
      const safe = neutralise(v);
      return typeof safe === 'number' ? { value: safe, type: Number } : { value: safe, type: String };
    }),
  );
  return writeXlsxFile(data, { sheet: sheet.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' ') }).toBuffer();
}
