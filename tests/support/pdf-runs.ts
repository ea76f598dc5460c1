import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads text back from a PDF the way it is drawn, for right-to-left text, where pdf.js's own text
 * extraction (getTextContent) guesses the order and reverses ligatures character by character.
 *
 * pdf.js maps every glyph to its characters through the font's ToUnicode map; this reader takes its
 * operator list: each text object (BT … ET) is one run, its glyphs in drawing order (left to right)
 * and its position. Lines are runs on one baseline, top to bottom. `logicalLines` then puts each line
 * back in reading order, independently of how it was made: a line with Arabic in it is read right to
 * left — its runs from right to left, each Arabic run's glyphs reversed (they are drawn left to
 * right), with the mirrored brackets of rule L4 turned back — and a run without Arabic (a Dutch name,
 * a date) left to right. That is exact for right-to-left paragraphs whose embedded left-to-right
 * parts are not nested further (levels 1 and 2), which is what the client texts have.
 */

export interface DrawnRun {
  x: number;
  y: number;
  glyphs: string[];
}

export async function drawnRuns(bytes: Uint8Array, pageNumber?: number): Promise<DrawnRun[][]> {
  const data = new Uint8Array(bytes.slice());
  const doc = await getDocument({ data, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: DrawnRun[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      if (pageNumber !== undefined && p !== pageNumber) continue;
      const page = await doc.getPage(p);
      const ops = await page.getOperatorList();
      const runs: DrawnRun[] = [];
      let current: DrawnRun | null = null;
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        if (fn === OPS.beginText) current = null;
        else if (fn === OPS.setTextMatrix) {
          const m = args[0] as number[] | Record<string, number>;
          const e = Array.isArray(m) ? m[4]! : m[4]!;
          const f = Array.isArray(m) ? m[5]! : m[5]!;
          if (!current) current = { x: e, y: f, glyphs: [] };
        } else if (fn === OPS.showText && current) {
          for (const g of args[0] as unknown[])
            if (g && typeof g === 'object' && 'unicode' in g) current.glyphs.push(String((g as { unicode: string }).unicode));
        } else if (fn === OPS.endText && current) {
          if (current.glyphs.length) runs.push(current);
          current = null;
        }
      }
      pages.push(runs);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const STRONG_LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff0-9]/;
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

/** The page's lines in reading order, each as logical text (see above). */
export function logicalLines(runs: DrawnRun[]): string[] {
  const lines = new Map<number, DrawnRun[]>();
  for (const r of runs) {
    const key = Math.round(r.y * 2) / 2;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  return [...lines.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([, line]) => {
      const rtl = line.some((r) => r.glyphs.some((g) => ARABIC.test(g)));
      const ordered = [...line].sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
      return ordered
        .map((r) => {
          const text = r.glyphs.join('');
          const isRtlRun = rtl && (ARABIC.test(text) || !STRONG_LTR.test(text));
          return isRtlRun
            ? [...r.glyphs]
                .reverse()
                .map((g) => MIRROR[g] ?? g)
                .join('')
            : text;
        })
        .join('');
    });
}

/** NFKC, with runs of white space made one space: how texts are compared. */
export function normalised(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}
