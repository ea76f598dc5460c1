import { beforeAll, describe, expect, it } from 'vitest';
import { loadChartEngine } from '../../src/charts/render.js';
import { radarOption, radarSvg } from '../../src/charts/radar.js';
import { heatmapSvg } from '../../src/charts/heatmap.js';
import { lineOption, lineSvg } from '../../src/charts/line.js';
import { ChartCache } from '../../src/charts/cache.js';
import { inlineChart } from '../../src/overview/charts.js';
import { balanceLabels, scoreCounts } from '../../src/overview/model.js';

// ECharts is loaded on first need (src/charts/render.ts); these tests call the renderers directly.
beforeAll(() => loadChartEngine());

const evil = '<script>alert(1)</script>';

describe('chart builders', () => {
  it('escape admin-edited text: a domain name with markup is text in every chart', () => {
    const svgs = [
      radarSvg(
        [
          { label: evil, score: 3 },
          { label: 'B', score: 2 },
          { label: 'C', score: 4 },
        ],
        '',
      ),
      heatmapSvg({ columns: ['01/01/2026'], rows: [{ label: evil, cells: [{ state: 'scored', score: 2 }] }], nvtText: 'nvt' }),
      lineSvg({ columns: ['01/01/2026', '01/02/2026'], series: [{ label: evil, values: [2, 3] }] }),
    ];
    for (const svg of svgs) {
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;');
      expect(svg).not.toContain('style=');
    }
  });

  it('draws "not applicable" with the word it is given, never a hard-coded Dutch one', () => {
    const svg = heatmapSvg({ columns: ['01/01/2026'], rows: [{ label: 'A', cells: [{ state: 'nvt' }] }], nvtText: 'n/a' });
    const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(drawn).toContain('n/a');
    expect(drawn).not.toContain('nvt');
  });

  it('draws a missing score as a gap, never as a value at the centre', () => {
    const option = radarOption(
      [
        { label: 'A', score: 3 },
        { label: 'B', score: null },
        { label: 'C', score: 4 },
      ],
      '',
    );
    expect(option.series[0]!.data).toEqual([
      [3, 0],
      ['-', 1],
      [4, 2],
      [3, 3],
    ]);
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
    const svg = radarSvg(
      [
        { label: 'A', score: 3 },
        { label: 'B', score: 2 },
        { label: 'C', score: 4 },
      ],
      '',
    );
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
    const labels = balanceLabels([
      { id: 7, takenOn: '2026-11-22' },
      { id: 3, takenOn: '2026-05-01' },
      { id: 5, takenOn: '2026-11-22' },
    ]);
    expect([...labels]).toEqual([
      [3, '01/05/2026'],
      [5, '22/11/2026 (1)'],
      [7, '22/11/2026 (2)'],
    ]);
  });
});

describe('ChartCache', () => {
  it('renders once per key and evicts the least recently used', () => {
    const cache = new ChartCache(2);
    let renders = 0;
    const r = (v: string) => () => {
      renders++;
      return v;
    };
    cache.get('a', r('A'));
    cache.get('b', r('B'));
    expect(cache.get('a', r('A2'))).toBe('A');
    cache.get('c', r('C'));
    expect(cache.get('b', r('B2'))).toBe('B2');
    expect(renders).toBe(4);
  });

  it('stays within its size budget, evicting the least recently used first', () => {
    // Budget 30: key (1) + SVG (9) = 10 per entry, so three fit.
    const cache = new ChartCache(2000, 30);
    let renders = 0;
    const svg = (c: string) => () => {
      renders++;
      return c.repeat(9);
    };
    for (const k of ['a', 'b', 'c']) cache.get(k, svg(k));
    expect(cache.bytes).toBe(30);
    cache.get('a', svg('x')); // a is now the most recently used
    cache.get('d', svg('d')); // over budget: b (least recently used) goes
    expect(cache.size).toBe(3);
    expect(cache.bytes).toBe(30);
    expect(renders).toBe(4);
    expect(cache.get('a', svg('x'))).toBe('aaaaaaaaa');
    expect(cache.get('c', svg('x'))).toBe('ccccccccc');
    expect(renders).toBe(4);
    expect(cache.get('b', svg('B'))).toBe('BBBBBBBBB'); // rendered again
    expect(renders).toBe(5);
    // A picture larger than the whole budget is returned but not kept, and evicts nothing.
    const before = cache.size;
    expect(cache.get('huge', () => 'z'.repeat(40))).toHaveLength(40);
    expect(cache.size).toBe(before);
    expect(cache.bytes).toBeLessThanOrEqual(30);
  });
});
