import { renderChartSvg, type ChartSize } from './render.js';
import { SCORE_COLOURS, SCORE_TEXT } from './palette.js';

/** One cell of the heatmap: a score, or a word for "not scored" ('nvt', 'nb') or "not asked" (null). */
export type HeatCell = { state: 'scored'; score: number } | { state: 'nvt' | 'nb' | 'open' } | null;

export interface HeatmapModel {
  /** Column labels (dates as the reader reads them), oldest first. */
  columns: string[];
  /** Rows (domains), top to bottom; `cells` has one entry per column. */
  rows: { label: string; cells: HeatCell[] }[];
  /** The short word for "not applicable" in the reader's language (messages: balances.nvtShort). */
  nvtText: string;
}

/** What a cell shows as text: the number, the short "not applicable" word, or a dash. The data table shows the same words. */
export function heatCellText(cell: HeatCell, nvtText: string): string {
  if (!cell) return '';
  if (cell.state === 'scored') return String(cell.score);
  return cell.state === 'nvt' ? nvtText : '–';
}

export function heatmapSize(model: HeatmapModel): ChartSize {
  const labelWidth = 190;
  const width = Math.min(1100, Math.max(420, labelWidth + 40 + model.columns.length * 64));
  return { width, height: 70 + model.rows.length * 30 };
}

/**
 * Domains (rows) against dates (columns). Each cell is filled with its score colour and carries its
 * number, so the picture also reads in grayscale; cells without a score are white with a dash,
 * cells of a domain not asked that time are left empty. ECharts needs a visual map for a heatmap;
 * a hidden piecewise one maps each score to its fixed colour (0 = no score: white).
 */
export function heatmapOption(model: HeatmapModel) {
  const data: {
    value: [number, number, number];
    itemStyle: { color: string; borderColor: string; borderWidth: number };
    label: { color: string; formatter: string };
  }[] = [];
  model.rows.forEach((row, y) =>
    row.cells.forEach((cell, x) => {
      if (!cell) return;
      const scored = cell.state === 'scored';
      const score = scored ? (cell.score as 1 | 2 | 3 | 4 | 5) : null;
      data.push({
        // Row 0 is drawn at the top: the y axis is inverted below.
        value: [x, y, score ?? 0],
        itemStyle: { color: score ? SCORE_COLOURS[score] : '#ffffff', borderColor: '#ffffff', borderWidth: 2 },
        label: { color: score ? SCORE_TEXT[score] : '#4a5561', formatter: heatCellText(cell, model.nvtText) },
      });
    }),
  );
  return {
    grid: { left: 190, right: 20, top: 36, bottom: 14 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: model.columns,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#1d2329', fontSize: 11, interval: 0 },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.rows.map((r) => truncate(r.label)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: '#1d2329', fontSize: 12, interval: 0 },
    },
    visualMap: {
      show: false,
      type: 'piecewise',
      dimension: 2,
      pieces: [{ value: 0, color: '#ffffff' }, ...([1, 2, 3, 4, 5] as const).map((n) => ({ value: n, color: SCORE_COLOURS[n] }))],
    },
    series: [{ type: 'heatmap', silent: true, data, label: { show: true, fontSize: 13, fontWeight: 'bold' } }],
  };
}

export function heatmapSvg(model: HeatmapModel): string {
  return renderChartSvg(heatmapOption(model), heatmapSize(model));
}

function truncate(label: string, max = 28): string {
  return label.length > max ? label.slice(0, max - 1) + '…' : label;
}
