import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/default-catalogue.js';
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
    const fr = await readPdf(await renderGpmiReport(sampleGpmiInput({ agreements: 1, language: 'fr' })));
    expect(fr.pages[0]).toContain('Projet individualisé d’intégration sociale (PIIS)');
  });
});

/** Every text a worker or client can read: the messages of every feature, the catalogue, the views and the README. */
function everyText(): { where: string; text: string }[] {
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  return [
    ...LOCALES.map((l) => ({ where: `messages (${l})`, text: JSON.stringify(messagesFor(l), (_k, v: unknown) => (typeof v === 'function' ? String(v) : v)) })),
    { where: 'default catalogue', text: JSON.stringify(defaultCatalogue) },
    ...files('views').map((f) => ({ where: f, text: fs.readFileSync(f, 'utf8') })),
    { where: 'README.md', text: fs.readFileSync('README.md', 'utf8') },
  ];
}

describe('the name of the contract everywhere', () => {
  it('is never an "integrated" project, in any language or text', () => {
    for (const { where, text } of everyText())
      expect(text, where).not.toMatch(/ge[ïi]ntegreerd|integrated (social )?(integration )?project|projet (individualisé )?intégré/i);
  });

  it("is named in full on the GPMI page, in the worker's language", () => {
    expect(messagesFor('nl').gpmi.gpmi.contractName).toBe('Geïndividualiseerd project voor maatschappelijke integratie');
    expect(messagesFor('fr').gpmi.gpmi.contractName).toBe('Projet individualisé d’intégration sociale');
    expect(messagesFor('en').gpmi.gpmi.contractName).toBe('Individualised social integration project');
  });
});
