import { describe, expect, it } from 'vitest';
import { LOCALES, messagesFor } from '../../src/i18n/index.js';
import { renderGpmiReport } from '../../src/pdf/gpmi-report.js';
import { sampleGpmiInput } from '../../scripts/pdf-samples.js';
import { readPdf } from '../support/pdf.js';

// The contract's legal name (law of 26 May 2002): a geïndividualiseerd project voor maatschappelijke
// integratie, in French a projet individualisé d'intégration sociale. "Geïntegreerd" is wrong.

describe('the name of the contract in the GPMI PDF', () => {
  it('is the individualised project in every language, never an "integrated" one', () => {
    expect(messagesFor('nl').pdf.gpmi.subtitle).toBe('Geïndividualiseerd project voor maatschappelijke integratie (GPMI)');
    expect(messagesFor('fr').pdf.gpmi.subtitle).toBe('Projet individualisé d’intégration sociale (PIIS)');
    expect(messagesFor('en').pdf.gpmi.subtitle).toBe('Individualised social integration project (GPMI)');
    for (const l of LOCALES) expect(JSON.stringify(messagesFor(l).pdf.gpmi), l).not.toMatch(/ge[ïi]ntegreerd|integrated project|intégré/i);
  });

  it('is printed under the title of the Dutch and English GPMI', async () => {
    const nl = await readPdf(await renderGpmiReport(sampleGpmiInput({ agreements: 1 })));
    expect(nl.pages[0]).toContain('Geïndividualiseerd project voor maatschappelijke integratie (GPMI)');
    expect(nl.text).not.toMatch(/Geïntegreerd/i);
    const en = await readPdf(await renderGpmiReport(sampleGpmiInput({ agreements: 1, language: 'en' })));
    expect(en.pages[0]).toContain('Individualised social integration project (GPMI)');
  });
});
