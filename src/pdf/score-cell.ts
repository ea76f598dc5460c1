import { SCORE_COLOURS, SCORE_TEXT } from '../charts/palette.js';
import type { CellState } from '../balances/tables.js';
import { FONT } from './fonts.js';

// A score in a PDF, as on screen (views/balances/ScoreChip.tsx): colour + number + short label.
// The colour helps at a glance; the number and the words carry the meaning, so a grayscale print
// or a colour-blind reader loses nothing. "Niet van toepassing" / "niet besproken" are written out.

export interface ScoreValue {
  state: CellState;
  score: number | null;
  /** The word for the score or state in the reader's language (t.balances.scale). */
  label: string;
}

/**
 * 'colour' for the worker's reports (the grid reads at a glance); 'neutral' for the client's copy:
 * an outlined chip in the text colour, so a "1" is a number and a word, not a solid red bar.
 */
export type ScoreTone = 'colour' | 'neutral';

const PAD_X = 3.5;
export const CHIP_PAD_Y = 2.5;
const PAD_Y = CHIP_PAD_Y;
const BORDER = '#7d8791';

function scored(v: ScoreValue): v is ScoreValue & { score: 1 | 2 | 3 | 4 | 5 } {
  return v.state === 'scored' && v.score !== null && v.score >= 1 && v.score <= 5;
}

/** What the chip says, as one string (also what text extraction finds). */
export function scoreText(v: ScoreValue): string {
  return scored(v) ? `${v.score} ${v.label}` : v.label;
}

// The number is bold and the label regular; measuring the whole in regular type on a slightly
// narrower width never gives fewer lines than drawing it does.
const BOLD_SLACK = 1.5;

export function scoreChipHeight(doc: PDFKit.PDFDocument, v: ScoreValue, width: number, size: number): number {
  doc.font(scored(v) ? FONT.regular : FONT.italic).fontSize(size);
  return doc.heightOfString(scoreText(v), { width: width - 2 * PAD_X - (scored(v) ? BOLD_SLACK : 0) }) + 2 * PAD_Y;
}

/**
 * Draws the chip in two passes: its background (an artifact, drawn outside the tagged content) and
 * its text (inside the table cell's structure element), so the structure holds only words.
 */
export function drawScoreChip(
  doc: PDFKit.PDFDocument,
  v: ScoreValue,
  x: number,
  y: number,
  width: number,
  size: number,
  part: 'background' | 'text',
  tone: ScoreTone = 'colour',
): void {
  const h = scoreChipHeight(doc, v, width, size);
  if (part === 'background') {
    doc.save();
    if (scored(v) && tone === 'neutral') {
      doc.roundedRect(x, y, width, h, 2.5).lineWidth(0.6).strokeColor(BORDER).stroke();
    } else if (scored(v)) {
      doc.roundedRect(x, y, width, h, 2.5).fill(SCORE_COLOURS[v.score]);
      // The lightest colours need an edge to stand out on white paper.
      if (v.score === 3) doc.roundedRect(x, y, width, h, 2.5).lineWidth(0.6).strokeColor(BORDER).stroke();
    } else {
      doc.roundedRect(x, y, width, h, 2.5).lineWidth(0.6).dash(2, { space: 1.5 }).strokeColor(BORDER).stroke().undash();
    }
    doc.restore();
    return;
  }
  const opts = { width: width - 2 * PAD_X };
  if (scored(v)) {
    doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(tone === 'neutral' ? '#1d2329' : SCORE_TEXT[v.score])
      .text(`${v.score} `, x + PAD_X, y + PAD_Y, { ...opts, continued: true });
    doc.font(FONT.regular).text(v.label);
  } else {
    doc
      .font(FONT.italic)
      .fontSize(size)
      .fillColor('#3d464f')
      .text(v.label, x + PAD_X, y + PAD_Y, opts);
  }
  doc.fillColor('#1d2329');
}
