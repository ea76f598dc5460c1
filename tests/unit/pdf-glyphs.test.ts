import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { FONT, fontFiles } from '../../src/pdf/fonts.js';
import { LOCALES, messagesFor } from '../../src/i18n/index.js';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';

// A character the embedded font has no glyph for prints as a blank (an arrow once did). Every
// fixed text a PDF can contain must be covered by Noto Sans.

/** Every string in a message tree, functions called with sample arguments. */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (typeof node === 'function') out.push(String((node as (...a: unknown[]) => unknown)('Émile', 'Zoë', 3, 4)));
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}

describe('the PDF fonts', () => {
  it('have a glyph for every character of the PDF texts, score words, roles and domain names, in every language', () => {
    const doc = new PDFDocument();
    for (const [name, data] of fontFiles()) doc.registerFont(name, data);
    const texts = [
      ...LOCALES.flatMap((l) => {
        const t = messagesFor(l);
        return [
          ...strings(t.pdf),
          ...strings(t.balances.scale),
          ...strings(t.balances.view),
          ...strings(t.balances.method),
          ...strings(t.households.roles),
          ...strings(t.households.ageGroup),
        ];
      }),
      ...defaultCatalogue.themes.flatMap((th) => [...Object.values(th.name), ...th.domains.flatMap((d) => Object.values(d.name))]),
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const font of Object.values(FONT)) {
      doc.font(font);
      const face = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
      const missing = new Set<string>();
      for (const text of texts)
        for (const ch of text)
          if (!/\s/.test(ch) && !face.hasGlyphForCodePoint(ch.codePointAt(0)!)) missing.add(`${ch} (U+${ch.codePointAt(0)!.toString(16)}) in "${text}"`);
      expect([...missing], font).toEqual([]);
    }
  });
});

describe('fonts shared between documents', () => {
  it("keep each document's text readable: an accented letter drawn earlier does not blank its base letter later", async () => {
    const { PdfWriter } = await import('../../src/pdf/document.js');
    const { readPdf } = await import('../support/pdf.js');
    const make = async (text: string) => {
      const w = new PdfWriter({ title: 'x', lang: 'nl-BE', organisation: 'OCMW', dossierLabel: '', pageLabel: (n, total) => `${n}/${total}` });
      w.heading(2, text);
      return readPdf(await w.finish());
    };
    // "É", "Ë", "Ö" are composed of "E" / "O" and an accent in Noto Sans: embedding them decodes their parts.
    expect((await make('ÉËÊÖÓÜ Émile Zoë')).text).toContain('ÉËÊÖÓÜ Émile Zoë');
    expect((await make('ONTWERP EVOLUTIE')).text).toContain('ONTWERP EVOLUTIE');
  });
});
