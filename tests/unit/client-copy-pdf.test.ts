import { describe, expect, it } from 'vitest';
import { PdfWriter } from '../../src/pdf/document.js';
import { FONT } from '../../src/pdf/fonts.js';
import { bidiParagraph, visualRuns } from '../../src/client-voice/pdf/bidi-text.js';
import { drawnRuns, logicalLines, normalised } from '../support/pdf-runs.js';

const writer = () => new PdfWriter({ title: 'proef', lang: 'ar', organisation: 'OCMW', dossierLabel: '', pageLabel: (n, t) => `${n}/${t}` });

// Arabic with a Dutch name, a date, Western and Arabic-Indic digits, brackets, a lam-alef ligature
// and a vowel mark: the mixed text the issue asks to prove.
const MIXED = 'اتفقت سارة (Sara Peeters) مع المساعد الاجتماعي يوم 12/03/2026 على البحث عن مسكن، ولا بأس بـ ٣ زيارات قُبيل الصيف.';

describe('right-to-left text in the PDF', () => {
  it('puts the runs of a mixed line in visual order', () => {
    expect(visualRuns('سارة Sara Peeters مسكن', 'rtl')).toEqual([
      { text: ' مسكن', rtl: true },
      { text: 'Sara Peeters', rtl: false },
      { text: 'سارة ', rtl: true },
    ]);
  });

  it('reads back, in logical order after NFKC, exactly the text that was written (one paragraph over several lines)', async () => {
    const w = writer();
    bidiParagraph(w, MIXED, { lang: 'ar', dir: 'rtl', size: 13 });
    const pdf = await w.finish();
    const [runs] = await drawnRuns(pdf, 1);
    const lines = logicalLines(runs!).filter((l) => /[\u0600-\u06ff\ufb50-\ufeff]/.test(l));
    expect(lines.length).toBeGreaterThan(1);
    expect(normalised(lines.join(' '))).toBe(normalised(MIXED));
  });

  it('the same text drawn the plain pdfkit way does NOT read back right (so the test above can fail)', async () => {
    const w = writer();
    w.doc.font('Vazirmatn').fontSize(13).text(MIXED, w.left, w.y, { width: w.width, align: 'right' });
    const pdf = await w.finish();
    const [runs] = await drawnRuns(pdf, 1);
    const lines = logicalLines(runs!).filter((l) => /[\u0600-\u06ff\ufb50-\ufeff]/.test(l));
    expect(normalised(lines.join(' '))).not.toBe(normalised(MIXED));
  });

  it('shapes Arabic: joined letters are drawn with their positional forms, not the isolated letters', async () => {
    const w = writer();
    bidiParagraph(w, 'مسكن', { lang: 'ar', dir: 'rtl' });
    const [runs] = await drawnRuns(await w.finish(), 1);
    const arabic = runs!.find((r) => r.glyphs.some((g) => /[\ufb50-\ufeff\u0600-\u06ff]/.test(g)))!;
    // Drawn left to right: final nun, medial kaf, medial seen, initial meem (presentation forms).
    expect(arabic.glyphs.map((g) => g.codePointAt(0)!.toString(16))).toEqual(['fee6', 'fedc', 'feb4', 'fee3']);
  });

  it('Latin text keeps Noto Sans', () => {
    const w = writer();
    expect(FONT.regular).toBe('NotoSans');
    expect(visualRuns('Sara', 'ltr')).toEqual([{ text: 'Sara', rtl: false }]);
    expect(w).toBeTruthy();
  });
});
