import { renderChartSvg, type ChartSize } from './render.js';
import { seriesStyle } from './palette.js';

export interface LineModel {
  /** The dates (as the reader reads them), oldest first: one category per balance. */
  columns: string[];
  /** One line per chosen domain; null where there is no score (a gap in the line, never a 0). */
  series: { label: string; values: (number | null)[] }[];
}

export const LINE_SIZE: ChartSize = { width: 900, height: 380 };

/**
 * Chosen domains over time, y from 1 (acuut) to 5 (zelfredzaam). Each line has its own colour, dash
 * pattern and marker shape (palette.SERIES_STYLES), and the legend repeats them, so lines stay apart
 * in grayscale and for colour-blind readers. A missing score breaks the line.
 */
export function lineOption(model: LineModel) {
  return {
    grid: { left: 48, right: 24, top: 24 + 22 * Math.ceil(model.series.length / 3), bottom: 40 },
    legend: { top: 0, left: 0, itemWidth: 34, itemHeight: 12, textStyle: { color: '#1d2329', fontSize: 12 }, data: model.series.map((s) => s.label) },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: model.columns,
      axisLabel: { color: '#1d2329', fontSize: 11, interval: 0 },
      axisLine: { lineStyle: { color: '#4a5561' } },
    },
    yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { color: '#1d2329', fontSize: 12 }, splitLine: { lineStyle: { color: '#c9d1d9' } } },
    series: model.series.map((s, i) => {
      const style = seriesStyle(i);
      return {
        type: 'line',
        name: s.label,
        silent: true,
        connectNulls: false,
        symbol: style.symbol,
        symbolSize: 9,
        lineStyle: { color: style.colour, type: style.lineType, width: 2.5 },
        itemStyle: { color: style.colour },
        data: s.values.map((v) => v ?? '-'),
      };
    }),
  };
}

export function lineSvg(model: LineModel): string {
  return renderChartSvg(lineOption(model), LINE_SIZE);
}
