import { describe, expect, it } from 'vitest';
import { radarOption, radarSvg } from '../../src/charts/radar.js';
import { heatmapSvg } from '../../src/charts/heatmap.js';
import { lineOption, lineSvg } from '../../src/charts/line.js';
import { ChartCache } from '../../src/charts/cache.js';
import { inlineChart } from '../../src/overview/charts.js';
import { balanceLabels, scoreCounts } from '../../src/overview/model.js';

const evil = '<script>alert(1)</script>';

describe('chart builders', () => {
  it('escape admin-edited text: a domain name with markup is text in every chart', () => {
    const svgs = [
      radarSvg([{ label: evil, score: 3 }, { label: 'B', score: 2 }, { label: 'C', score: 4 }], ''),
      heatmapSvg({ columns: ['01/01/2026'], rows: [{ label: evil, cells: [{ state: 'scored', score: 2 }] }] }),
      lineSvg({ columns: ['01/01/2026', '01/02/2026'], series: [{ label: evil, values: [2, 3] }] }),
    ];
    for (const svg of svgs) {
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;');
      expect(svg).not.toContain('style=');
    }
  });

  it('draws a missing score as a gap, never as a value at the centre', () => {
    const option = radarOption([{ label: 'A', score: 3 }, { label: 'B', score: null }, { label: 'C', score: 4 }], '');
    expect(option.series[0]!.data).toEqual([[3, 0], ['-', 1], [4, 2], [3, 3]]);
    const line = lineOption({ columns: ['a', 'b', 'c'], series: [{ label: 'X', values: [2, null, 4] }] });
    expect(line.series[0]!.data).toEqual([2, '-', 4]);
    expect(line.series[0]!.connectNulls).toBe(false);
  });

  it('gives each line its own dash pattern and marker, so lines differ in grayscale', () => {
    const line = lineOption({ columns: ['a'], series: ['A', 'B', 'C'].map((label) => ({ label, values: [1] })) });
    const styles = line.series.map((s) => `${s.lineStyle.type}/${s.symbol}`);
    expect(new Set(styles).size).toBe(3);
  });

  it('makes ids unique per inlined chart and names the picture', () => {
    const svg = radarSvg([{ label: 'A', score: 3 }, { label: 'B', score: 2 }, { label: 'C', score: 4 }], '');
    const a = inlineChart(svg, 'Balans "A" & <B>', 'radar-m1');
    expect(a).toMatch(/^<svg role="img" aria-label="Balans &quot;A&quot; &amp; &lt;B>"/);
    expect(a).not.toMatch(/\bzr\d+-/);
  });
});

describe('scoreCounts', () => {
  it('groups 1-2, 3, 4-5 and no score', () => {
    expect(scoreCounts([1, 2, 3, 4, 5, null, 2])).toEqual({ low: 3, mid: 1, high: 2, none: 1 });
  });
});

describe('balanceLabels', () => {
  it('names balances by date, numbering those that share a day in date order', () => {
    const labels = balanceLabels([{ id: 7, takenOn: '2026-11-22' }, { id: 3, takenOn: '2026-05-01' }, { id: 5, takenOn: '2026-11-22' }]);
    expect([...labels]).toEqual([[3, '01/05/2026'], [5, '22/11/2026 (1)'], [7, '22/11/2026 (2)']]);
  });
});

describe('ChartCache', () => {
  it('renders once per key and evicts the least recently used', () => {
    const cache = new ChartCache(2);
    let renders = 0;
    const r = (v: string) => () => { renders++; return v; };
    cache.get('a', r('A'));
    cache.get('b', r('B'));
    expect(cache.get('a', r('A2'))).toBe('A');
    cache.get('c', r('C'));
    expect(cache.get('b', r('B2'))).toBe('B2');
    expect(renders).toBe(4);
  });
});
