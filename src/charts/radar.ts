import { renderChartSvg } from './render.js';
import { SCORE_COLOURS } from './palette.js';

export interface RadarPoint {
  /** Domain name as shown to the reader (already in the user's language). */
  label: string;
  /** 1–5, or null when not scored / not applicable / not discussed (drawn as a gap, listed in the table). */
  score: number | null;
}

export const RADAR_SIZE = { width: 600, height: 440 } as const;

/**
 * The "balans" picture of one person (or the household): one spoke per domain, 1 in the centre and
 * 5 (zelfredzaam) at the rim. The rings are tinted with the score colours so the picture reads like
 * the grid; the polygon is dark with a solid line and square markers so it survives grayscale print.
 */
export function radarOption(points: RadarPoint[], seriesName: string) {
  return {
    radar: {
      indicator: points.map((p) => ({ name: wrap(p.label), min: 0, max: 5 })),
      splitNumber: 5,
      radius: '58%',
      center: ['50%', '52%'],
      axisName: { color: '#1d2329', fontSize: 11 },
      // Rings from the centre out: 0–1 (acuut) … 4–5 (zelfredzaam), lightly tinted with the score colours.
      splitArea: { areaStyle: { color: [SCORE_COLOURS[1] + '33', SCORE_COLOURS[2] + '40', '#f7f7f7', SCORE_COLOURS[4] + '40', SCORE_COLOURS[5] + '26'] } },
      splitLine: { lineStyle: { color: '#9aa3ad' } },
      axisLine: { lineStyle: { color: '#9aa3ad' } },
    },
    series: [{
      type: 'radar',
      name: seriesName,
      silent: true,
      symbol: 'rect',
      symbolSize: 6,
      lineStyle: { color: '#1b4f8a', width: 2 },
      itemStyle: { color: '#1b4f8a' },
      areaStyle: { color: '#1b4f8a', opacity: 0.15 },
      data: [{ value: points.map((p) => p.score ?? '-'), name: seriesName }],
    }],
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
