import type { Locale } from '../i18n/locale.js';
import { chartCache } from '../charts/cache.js';
import { svgAsImage } from '../charts/render.js';
import { radarSvg, type RadarPoint } from '../charts/radar.js';
import { heatmapSvg, type HeatmapModel } from '../charts/heatmap.js';
import { lineSvg, type LineModel } from '../charts/line.js';
import type { Snapshot } from './model.js';

// Chart SVG for the overview and evolution, cached for finalised balances. The key holds everything
// the picture depends on: the kind of chart, the balances' stamps (id, catalogue version, number and
// last id of corrections), the language, whether sensitive domains were left out for this viewer,
// the person, and for the evolution charts the column labels. A viewer who may not see sensitive domains therefore never gets a picture made for
// one who may. Names of people are never drawn into a chart (they go in the accessible name, added
// after the cache), so renaming a member cannot leave a stale name in a cached picture.

export interface Viewer {
  lang: Locale;
  hideSensitive: boolean;
}

function viewerKey(v: Viewer): string {
  return `${v.lang}|${v.hideSensitive ? 'shielded' : 'all'}`;
}

function cached(balances: Snapshot[], key: string, render: () => string): string {
  // Drafts change with every save: rendered fresh, never stored.
  if (balances.some((b) => b.status !== 'final')) return render();
  return chartCache.get(key, render);
}

export function radarChart(balance: Snapshot, subjectKey: string, points: RadarPoint[], viewer: Viewer): string {
  return cached([balance], `radar|${balance.stamp}|${viewerKey(viewer)}|${subjectKey}`, () => radarSvg(points, ''));
}

// The column labels ("22/11/2026 (2)") are numbered over ALL finalised balances of the household,
// not only the person's: a balance of another member on the same day changes them. So the labels
// drawn are part of the key.
function columnsKey(columns: string[]): string {
  return JSON.stringify(columns);
}

export function heatmapChart(balances: Snapshot[], subjectKey: string, model: HeatmapModel, viewer: Viewer): string {
  return cached(balances, `heatmap|${balances.map((b) => b.stamp).join(',')}|${viewerKey(viewer)}|${subjectKey}|${columnsKey(model.columns)}`, () =>
    heatmapSvg(model),
  );
}

export function lineChart(balances: Snapshot[], subjectKey: string, domainKeys: string[], model: LineModel, viewer: Viewer): string {
  return cached(
    balances,
    `line|${balances.map((b) => b.stamp).join(',')}|${viewerKey(viewer)}|${subjectKey}|${domainKeys.join(',')}|${columnsKey(model.columns)}`,
    () => lineSvg(model),
  );
}

/**
 * The SVG ready to inline: an image with an accessible name (svgAsImage), and ECharts' ids
 * ("zr0-c0" for clip paths) made unique per chart, because several inline SVGs share one document
 * and `url(#zr0-c0)` would otherwise pick the first chart's clip path.
 */
export function inlineChart(svg: string, label: string, idPrefix: string): string {
  const prefix = idPrefix.replace(/[^a-zA-Z0-9-]/g, '-');
  return svgAsImage(svg.replace(/\bzr\d+-/g, `${prefix}-`), label);
}
