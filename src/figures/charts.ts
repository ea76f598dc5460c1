import { createHash } from 'node:crypto';
import type { Locale } from '../i18n/locale.js';
import { chartCache } from '../charts/cache.js';
import { stackedBarSvg, type StackedBarModel } from '../charts/bar.js';
import { SCORE_COLOURS } from '../charts/palette.js';
import { inlineChart } from '../overview/charts.js';
import type { Messages } from '../i18n/index.js';
import { DIST_COLUMNS } from './counting.js';
import type { FiguresResult } from './figures.js';

// The figures' charts, drawn on the server with ECharts (the one chart path, src/charts) and
// cached by what they show. Only rows whose counts are all shown are drawn: a hidden count is
// never drawn as a bar (nor as 0). The data table beside each chart has every row.

const OTHER = { nvt: '#8c959f', nb: '#d0d7de' } as const;

function cached(model: StackedBarModel): string {
  const key = `figures|${createHash('sha256').update(JSON.stringify(model)).digest('base64url')}`;
  return chartCache.get(key, () => stackedBarSvg(model));
}

export function distributionModel(result: FiguresResult, t: Messages, lang: Locale): StackedBarModel | null {
  const rows = result.distribution.filter((r) => DIST_COLUMNS.every((c) => r.counts[c].value !== null));
  if (!rows.length) return null;
  return {
    categories: rows.map((r) => r.domain.name[lang]),
    series: DIST_COLUMNS.map((c) => ({
      label: t.figures.distribution.columns[c]!,
      colour: c === 'nvt' ? OTHER.nvt : c === 'nb' ? OTHER.nb : SCORE_COLOURS[Number(c) as 1 | 2 | 3 | 4 | 5],
      values: rows.map((r) => r.counts[c].value),
    })),
  };
}

export function movementModel(result: FiguresResult, t: Messages, lang: Locale): StackedBarModel | null {
  const rows = (result.movement ?? []).filter((m) => m.improved.value !== null && m.stayed.value !== null && m.worsened.value !== null);
  if (!rows.length) return null;
  const m = t.figures.movement;
  return {
    categories: rows.map((r) => r.domain.name[lang]),
    series: [
      { label: m.worsened, colour: SCORE_COLOURS[1], values: rows.map((r) => r.worsened.value) },
      { label: m.stayed, colour: SCORE_COLOURS[3], values: rows.map((r) => r.stayed.value) },
      { label: m.improved, colour: SCORE_COLOURS[5], values: rows.map((r) => r.improved.value) },
    ],
  };
}

/** The chart ready to inline, or null when there is nothing to draw. */
export function chartHtml(model: StackedBarModel | null, label: string, id: string): string | null {
  return model ? inlineChart(cached(model), label, id) : null;
}
