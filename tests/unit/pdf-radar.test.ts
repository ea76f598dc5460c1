import { beforeAll, describe, expect, it } from 'vitest';
import { loadChartEngine } from '../../src/charts/render.js';
import { radarOption, radarSvg } from '../../src/charts/radar.js';

// The radar in the balance PDF (and on the overview page: the same option). Scores run from 1 to
// 5; a ring or a label at 0 would suggest a score below the lowest one.
beforeAll(() => loadChartEngine());

const points = [
  { label: 'Verblijfplaats', score: 1 },
  { label: 'Inkomen', score: null },
  { label: 'Schulden', score: 4 },
  { label: 'Vangnet', score: 5 },
];

describe('the radar', () => {
  it('reads 1 to 5: the radius axis starts at 1, with a label for each score and none for 0', () => {
    const option = radarOption(points, '');
    expect(option.radiusAxis).toMatchObject({ min: 1, max: 5, interval: 1 });
    // One tinted band between each two scores: 1–2, 2–3, 3–4, 4–5.
    expect(option.radiusAxis.splitArea.areaStyle.color).toHaveLength(4);
    const drawn = [...radarSvg(points, '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.trim());
    for (const n of ['1', '2', '3', '4', '5']) expect(drawn).toContain(n);
    expect(drawn).not.toContain('0');
  });

  it('still leaves a gap for a missing score, never a point at the centre (which now means 1)', () => {
    const option = radarOption(points, '');
    expect(option.series[0]!.data).toEqual([
      [1, 0],
      ['-', 1],
      [4, 2],
      [5, 3],
      [1, 4],
    ]);
    expect(option.series[0]!.connectNulls).toBe(false);
  });
});
