import { renderChartSvg } from './render.js';

export interface StackedBarModel {
  /** One bar per category (a domain), top to bottom. */
  categories: string[];
  /** One stacked part per series, with its colour; values per category (null: not drawn). */
  series: { label: string; colour: string; values: (number | null)[] }[];
}

/**
 * Horizontal stacked bars (the figures: people per score per domain, or improved / stayed /
 * worsened). Counts, never a mean. The legend names every part and the data table beside the
 * chart carries the same numbers, so colour is never the only signal.
 */
export function stackedBarOption(model: StackedBarModel) {
  return {
    grid: { left: 190, right: 24, top: 24 + 22 * Math.ceil(model.series.length / 4), bottom: 32 },
    legend: { top: 0, left: 0, itemWidth: 18, itemHeight: 12, textStyle: { color: '#1d2329', fontSize: 12 }, data: model.series.map((s) => s.label) },
    xAxis: { type: 'value', axisLabel: { color: '#1d2329', fontSize: 11 }, splitLine: { lineStyle: { color: '#c9d1d9' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: model.categories,
      axisLabel: { color: '#1d2329', fontSize: 12, width: 180, overflow: 'truncate' },
      axisLine: { lineStyle: { color: '#4a5561' } },
    },
    series: model.series.map((s) => ({
      type: 'bar',
      name: s.label,
      stack: 'all',
      silent: true,
      barMaxWidth: 22,
      itemStyle: { color: s.colour, borderColor: '#1d2329', borderWidth: 0.5 },
      data: s.values.map((v) => v ?? '-'),
    })),
  };
}

export function stackedBarSvg(model: StackedBarModel): string {
  return renderChartSvg(stackedBarOption(model), {
    width: 900,
    height: Math.max(160, 60 + 22 * Math.ceil(model.series.length / 4) + 30 * model.categories.length),
  });
}
