import { describe, expect, it } from 'vitest';
import { fileNamePart, pdfFileName } from '../../src/pdf/file-name.js';
import { cropHeight, svgForPdf } from '../../src/pdf/svg.js';

describe('pdfFileName', () => {
  const name = (dossierRef: string | null, householdId = 42, date = '2026-11-20') => pdfFileName({ kind: 'sociale-balans', dossierRef, householdId, date });

  it('is sociale-balans_<dossier>_<yyyy-mm-dd>.pdf', () => {
    expect(name('D-2026-0042')).toBe('sociale-balans_D-2026-0042_2026-11-20.pdf');
    expect(pdfFileName({ kind: 'gpmi', dossierRef: 'D-7', householdId: 1, date: '2027-01-05' })).toBe('gpmi_D-7_2027-01-05.pdf');
  });

  it('keeps only ASCII letters, digits and dashes in the dossier part: no spaces, slashes, accents, quotes or underscores', () => {
    expect(name('D 2026/0042')).toBe('sociale-balans_D-2026-0042_2026-11-20.pdf');
    expect(name('Dossier Émile Çelik')).toBe('sociale-balans_Dossier-Emile-Celik_2026-11-20.pdf');
    expect(name('..\\..\\etc/passwd')).toBe('sociale-balans_etc-passwd_2026-11-20.pdf');
    expect(name('a"b;c\r\nd_e')).toBe('sociale-balans_a-b-c-d-e_2026-11-20.pdf');
    for (const ref of ['D 2026/0042', 'Zoë "x" ñ', '日本語 12', '  --x--  '])
      expect(name(ref)).toMatch(/^sociale-balans_[A-Za-z0-9-]+_\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it('falls back to the household id without a (usable) dossier number', () => {
    expect(name(null, 7)).toBe('sociale-balans_gezin-7_2026-11-20.pdf');
    expect(name('', 7)).toBe('sociale-balans_gezin-7_2026-11-20.pdf');
    expect(name('///', 7)).toBe('sociale-balans_gezin-7_2026-11-20.pdf');
    expect(name('日本語', 7)).toBe('sociale-balans_gezin-7_2026-11-20.pdf');
  });

  it('keeps long dossier numbers short, without a trailing dash', () => {
    const part = fileNamePart('A'.repeat(39) + ' B' + 'C'.repeat(30));
    expect(part.length).toBeLessThanOrEqual(40);
    expect(part).not.toMatch(/-$/);
  });

  it('refuses a date that is not yyyy-mm-dd and a bad household id (our own data, so a bug)', () => {
    expect(() => name('D-1', 1, '20/11/2026')).toThrow();
    expect(() => name('D-1', 0)).toThrow();
  });
});

describe('SVG preparation for the PDF', () => {
  it('turns 8-digit hex colours into a colour plus opacity (svg-to-pdfkit would draw them black)', () => {
    expect(svgForPdf('<path fill="#b2182b33" stroke="#2166ac"/>')).toBe('<path fill="#b2182b" fill-opacity="0.2" stroke="#2166ac"/>');
  });

  it('crops the viewBox to a horizontal band, within the original canvas', () => {
    const svg = '<svg width="600" height="440" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 440"><rect/></svg>';
    expect(cropHeight(svg, { width: 600, height: 440 }, 60, 300)).toBe(
      '<svg width="600" height="300" viewBox="0 60 600 300" xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
    );
    expect(cropHeight(svg, { width: 600, height: 440 }, -20, 1000)).toContain('viewBox="0 0 600 440"');
  });
});
