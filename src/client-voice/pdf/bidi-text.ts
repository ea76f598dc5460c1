import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import { FONT, SCRIPT_FONT, type FontName } from '../../pdf/fonts.js';
import { COLOURS, type PdfWriter } from '../../pdf/document.js';

// Text in the client's language on a PDF page, right-to-left included. pdfkit (through fontkit)
// shapes Arabic but does not reorder bidirectional text: given "اسمي Sara Peeters، 12/03/2026" it
// lays the words out left to right in the order typed. Here each line is put in display order by
// the Unicode Bidirectional Algorithm (bidi-js, a complete implementation of UAX #9): the line's
// runs of one direction are placed in visual order, each right-to-left run is handed to fontkit
// whole (which shapes it and lays its glyphs right to left), mirrored characters ("(" in an Arabic
// run) are swapped as the algorithm's rule L4 asks, and every run is one text object at its own x.
// Arabic runs use the Arabic font, others Noto Sans, on one shared baseline.
// The paragraph's logical text goes into the structure tree as ActualText, so assistive technology
// reads it in logical order whatever the drawing order.
// Proved by tests/unit/client-copy-pdf.test.ts, which reads the glyphs back from the PDF.

// bidi-js is a CommonJS module whose export is the factory itself; its type declarations describe it
// as an ES default export, so it is required rather than imported.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();

export type Direction = 'ltr' | 'rtl';

/** Arabic letters (and their presentation forms): drawn with the Arabic font. */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

export interface Run {
  text: string;
  rtl: boolean;
}

/**
 * A line's runs in visual (left-to-right drawing) order. Within a right-to-left run the text stays
 * in logical order (fontkit lays it out right to left); its mirrored characters are swapped.
 */
export function visualRuns(line: string, base: Direction): Run[] {
  if (!line) return [];
  const { levels } = bidi.getEmbeddingLevels(line, base);
  // Runs of one level, in logical order.
  const runs: { start: number; end: number; level: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = runs[runs.length - 1];
    if (last && last.level === levels[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, level: levels[i]! });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at
  // that level or higher.
  const max = Math.max(...runs.map((r) => r.level));
  const minOdd = Math.min(...runs.map((r) => (r.level % 2 ? r.level : Infinity)));
  for (let level = max; level >= minOdd && Number.isFinite(minOdd); level--) {
    for (let i = 0; i < runs.length;) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => {
    const rtl = r.level % 2 === 1;
    let text = line.slice(r.start, r.end);
    // Rule L4: a mirrored character (brackets, arrows) takes its mirror image in right-to-left text.
    if (rtl) text = [...text].map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('');
    return { text, rtl };
  });
}

export function fontFor(run: Run, bold: boolean): FontName {
  if (ARABIC.test(run.text)) return bold ? SCRIPT_FONT.arabicBold : SCRIPT_FONT.arabic;
  return bold ? FONT.bold : FONT.regular;
}

/** A whole right-to-left run goes to fontkit as one piece (its features option), which lays it out right to left. */
const RTL_LAYOUT = { features: {} as unknown as PDFKit.Mixins.OpenTypeFeatures[] };

function runWidth(w: PdfWriter, run: Run, bold: boolean, size: number): number {
  w.doc.font(fontFor(run, bold)).fontSize(size);
  return w.doc.widthOfString(run.text, run.rtl ? RTL_LAYOUT : {});
}

function lineWidth(w: PdfWriter, line: string, base: Direction, bold: boolean, size: number): number {
  return visualRuns(line, base).reduce((sum, r) => sum + runWidth(w, r, bold, size), 0);
}

/**
 * Breaks a paragraph into lines of at most `width`, between words, in logical order. Each word is
 * measured once (in its own runs and font) and a line is the sum of its words and spaces: no
 * kerning crosses a space, so this is the width the line is drawn with.
 */
export function breakLines(w: PdfWriter, text: string, base: Direction, width: number, bold: boolean, size: number): string[] {
  const lines: string[] = [];
  const measured = new Map<string, number>();
  const widthOf = (word: string) => measured.get(word) ?? measured.set(word, lineWidth(w, word, base, bold, size)).get(word)!;
  const space = runWidth(w, { text: ' ', rtl: base === 'rtl' }, bold, size);
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.split(/ +/).filter(Boolean);
    let line = '';
    let used = 0;
    for (const word of words) {
      const wordWidth = widthOf(word);
      if (!line) {
        line = word;
        used = wordWidth;
      } else if (used + space + wordWidth <= width) {
        line = `${line} ${word}`;
        used += space + wordWidth;
      } else {
        lines.push(line);
        line = word;
        used = wordWidth;
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface BidiTextOptions {
  /** BCP 47 tag of the text, for the structure tree. */
  lang: string;
  dir: Direction;
  size?: number | undefined;
  bold?: boolean | undefined;
  colour?: string | undefined;
  indent?: number | undefined;
  /** Space after the paragraph (default: 0.6 of the size). */
  after?: number | undefined;
}

function lineHeight(size: number) {
  return size * 1.55;
}

export function bidiTextHeight(w: PdfWriter, text: string, opts: BidiTextOptions): number {
  const size = opts.size ?? w.type.body;
  return breakLines(w, text, opts.dir, w.width - (opts.indent ?? 0), !!opts.bold, size).length * lineHeight(size);
}

/**
 * A paragraph of client-language text, each line in visual order (see above), right-aligned in a
 * right-to-left language. One tagged paragraph per page it runs over, with its language and, for
 * right-to-left text, its logical text as ActualText.
 */
export function bidiParagraph(w: PdfWriter, text: string, opts: BidiTextOptions): void {
  const size = opts.size ?? w.type.body;
  const bold = !!opts.bold;
  const indent = opts.indent ?? 0;
  const width = w.width - indent;
  const lines = breakLines(w, text, opts.dir, width, bold, size);
  const lh = lineHeight(size);
  const doc = w.doc;
  // A paragraph that fits on a page is not split.
  w.ensureSpace(Math.min(lines.length * lh, w.pageHeight / 3));
  for (let i = 0; i < lines.length;) {
    w.ensureSpace(lh);
    const room = Math.max(1, Math.floor((w.bottom - w.y) / lh));
    const chunk = lines.slice(i, i + room);
    const top = w.y;
    const options = { lang: opts.lang, ...(opts.dir === 'rtl' ? { actual: chunk.join(' ') } : {}) };
    w.tagged(
      'P',
      () => {
        chunk.forEach((line, n) => {
          const runs = visualRuns(line, opts.dir);
          const widths = runs.map((r) => runWidth(w, r, bold, size));
          const total = widths.reduce((a, b) => a + b, 0);
          let x = opts.dir === 'rtl' ? w.left + indent + width - total : w.left + indent;
          const baseline = top + n * lh + size * 1.1;
          runs.forEach((r, k) => {
            doc
              .font(fontFor(r, bold))
              .fontSize(size)
              .fillColor(opts.colour ?? COLOURS.text)
              .text(r.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', ...(r.rtl ? RTL_LAYOUT : {}) });
            x += widths[k]!;
          });
        });
      },
      options as { lang: string },
    );
    doc.x = w.left;
    doc.y = top + chunk.length * lh;
    i += chunk.length;
  }
  doc.fillColor(COLOURS.text);
  w.gap(opts.after ?? size * 0.6);
}
