import { renderChartSvg } from './render.js';
import { SCORE_COLOURS } from './palette.js';

// A polar coordinate system rather than ECharts' radar series: a radar series draws a missing value
// at the centre (it would read as "1, acute"), while a line on polar axes leaves an honest gap
// (PolarComponent is registered with the other parts in loadChartEngine, src/charts/render.ts).

export interface RadarPoint {
  /** Domain name as shown to the reader (already in the user's language). */
  label: string;
  /** 1–5, or null when not scored / not applicable / not discussed (drawn as a gap, listed in the table). */
  score: number | null;
}

// Compact, so the domain names stay legible when three charts share an A4 landscape page.
export const RADAR_SIZE = { width: 480, height: 380 } as const;

/**
 * The "balans" picture of one person (or the household): one spoke per domain, 1 (acuut) in the
 * centre and 5 (zelfredzaam) at the rim. The scale has no 0, so the radius axis starts at 1: a ring
 * or a label at 0 would suggest a score below the lowest one. The rings between the scores are
 * tinted with the score colours so the picture reads like the grid; the outline is dark with a
 * solid line and square markers so it survives grayscale print. A domain without a score breaks
 * the outline there (no line to or from that spoke): it is never drawn at the centre, which now
 * means "1".
 */
export function radarOption(points: RadarPoint[], seriesName: string) {
  const n = points.length;
  const labels = points.map((p) => wrap(p.label));
  // The angle is a value axis from 0 to n: spoke i at i, and n (= 360°) is spoke 0 again, which
  // closes the outline and makes the rings full circles (a category axis stops at the last spoke).
  const data = [...points.map((p, i) => [p.score ?? '-', i]), [points[0]?.score ?? '-', n]];
  return {
    polar: { radius: '58%', center: ['50%', '52%'] }, // src/pdf/balance-report.ts crops around this radius
    angleAxis: {
      type: 'value',
      min: 0,
      max: n,
      interval: 1,
      startAngle: 90,
      clockwise: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#9aa3ad' } },
      axisLabel: { color: '#1d2329', fontSize: 12, formatter: (v: number) => (Number.isInteger(v) && v < n ? labels[v]! : '') },
      splitLine: { show: true, lineStyle: { color: '#9aa3ad' } },
    },
    radiusAxis: {
      min: 1,
      max: 5,
      interval: 1,
      // 12 px: in the PDF the chart is drawn at 450 of its 480 px, so the numbers print at 11 pt.
      axisLabel: { color: '#4a5561', fontSize: 12 },
      axisLine: { lineStyle: { color: '#9aa3ad' } },
      splitLine: { show: true, lineStyle: { color: '#9aa3ad' } },
      // Bands from the centre out: 1–2, 2–3, 3–4, 4–5, lightly tinted from the colour of 1 to that of 5.
      splitArea: {
        show: true,
        areaStyle: { color: [SCORE_COLOURS[1] + '33', SCORE_COLOURS[2] + '40', SCORE_COLOURS[4] + '40', SCORE_COLOURS[5] + '26'] },
      },
    },
    series: [
      {
        type: 'line',
        coordinateSystem: 'polar',
        name: seriesName,
        silent: true,
        connectNulls: false,
        symbol: 'rect',
        symbolSize: 7,
        lineStyle: { color: '#1b4f8a', width: 2.5 },
        itemStyle: { color: '#1b4f8a' },
        data,
      },
    ],
  };
}

export function radarSvg(points: RadarPoint[], seriesName: string): string {
  return renderChartSvg(radarOption(points, seriesName), RADAR_SIZE);
}

/** Long Dutch domain names ("Organisatie- en planningsvermogen") wrapped onto two lines. */
function wrap(label: string, max = 18): string {
  if (label.length <= max) return label;
  const words = label.split(' ');
  let first = '';
  while (words.length && (first + ' ' + words[0]).trim().length <= max) first = (first + ' ' + words.shift()).trim();
  if (!first) return label;
  return words.length ? `${first}\n${words.join(' ')}` : first;
}
