/**
 * Colours for charts. Scores use the same ColorBrewer RdBu classes as the score chips
 * (public/css/app.css .chip--1..5), so a 2 looks the same in the grid, the heatmap and the PDF.
 * Series (people, domains in a line chart) differ by line type and symbol as well as colour, so
 * they stay apart in grayscale print and for colour-blind readers.
 */
export const SCORE_COLOURS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '#b2182b',
  2: '#f4a582',
  3: '#f7f7f7',
  4: '#92c5de',
  5: '#2166ac',
};

/** Text colour on each score colour with at least 4.5:1 contrast. */
export const SCORE_TEXT: Record<1 | 2 | 3 | 4 | 5, string> = { 1: '#ffffff', 2: '#1d2329', 3: '#1d2329', 4: '#1d2329', 5: '#ffffff' };

/** Dark series colours (all ≥ 4.5:1 on white) paired with distinct dash patterns and symbols. */
export const SERIES_STYLES: readonly { colour: string; lineType: 'solid' | 'dashed' | 'dotted'; symbol: string }[] = [
  { colour: '#1b4f8a', lineType: 'solid', symbol: 'circle' },
  { colour: '#8c2d04', lineType: 'dashed', symbol: 'rect' },
  { colour: '#1b6e3a', lineType: 'dotted', symbol: 'triangle' },
  { colour: '#5e3c99', lineType: 'solid', symbol: 'diamond' },
  { colour: '#333333', lineType: 'dashed', symbol: 'pin' },
  { colour: '#7a4b00', lineType: 'dotted', symbol: 'roundRect' },
];

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length]!;
}
