import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { renderBalanceReport } from '../../src/pdf/balance-report.js';
import { renderGpmiReport } from '../../src/pdf/gpmi-report.js';
import { gpmiReportInput } from '../../src/pdf/gpmi-input.js';
import type { GpmiPrint } from '../../src/gpmi/queries.js';
import { cellKey } from '../../src/balances/logic.js';
import { sampleBalanceReportInput, sampleGpmiInput } from '../../scripts/pdf-samples.js';
import { figureAlts, readPdf, structureRoles } from '../support/pdf.js';

// The PDFs are read back with pdf.js: what a viewer shows and a screen reader gets.

describe('the balance report', async () => {
  const input = sampleBalanceReportInput();
  const pdf = await readPdf(await renderBalanceReport(input));
  const { detail } = input;

  it('is an A4, tagged PDF with its title and language set and its fonts embedded', () => {
    expect(pdf.info.Title).toBe('Sociale balans van 20/11/2026');
    expect(pdf.info.Language).toBe('nl-BE');
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    expect(pdf.raw).toContain('/StructTreeRoot');
    expect(pdf.raw).toMatch(/\/DisplayDocTitle true/);
    // Noto Sans embedded (TrueType font files), and none of the standard, unembedded fonts.
    expect(pdf.raw).toContain('/FontFile2');
    expect(pdf.raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    for (const size of pdf.sizes) expect([Math.round(size.width), Math.round(size.height)].sort()).toEqual([595, 842]);
  });

  it('tags headings, tables with header cells, lists and figures with alt text', () => {
    const roles = new Set(pdf.structure.flatMap(structureRoles));
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'LBody', 'Figure', 'Caption'])
      expect(roles, role).toContain(role);
    const alts = pdf.structure.flatMap(figureAlts);
    expect(alts).toHaveLength(detail.layout.length);
    const sara = alts.find((a) => a.includes('Sara Peeters'))!;
    const score = detail.cells.get(cellKey('m100', 'vangnet'))!;
    expect(sara).toMatch(/^Radargrafiek van Sara Peeters \(volwassene\)/);
    expect(sara).toContain(`Vangnet ${score.score}`);
  });

  it('names every member with role and age group, never the national number', () => {
    for (const s of ['Sara Peeters', 'Youssef El Amrani-Vandenberghe', 'Émile Peeters', 'Zoë El Amrani', 'Aanvrager', 'Partner', 'Volwassene', 'Kind'])
      expect(pdf.text).toContain(s);
    expect(pdf.text).not.toContain('85073000123');
    expect(pdf.text).toContain('Samen met de cliënt');
    expect(pdf.text).toContain('versie 3');
    expect(pdf.text).toContain('Afgerond door Wendy Maes op 20/11/2026');
  });

  it('shows every cell of the grid as number and word, and "niet van toepassing" / "niet besproken" in words', () => {
    // From the overview's title to the first person's chart.
    const overview = pdf.pages
      .slice(
        pdf.pages.findIndex((p) => p.includes('Overzicht van alle domeinen')),
        pdf.pages.findIndex((p) => p.includes('De balans in één beeld')),
      )
      .join(' ');
    for (const section of detail.layout)
      for (const th of section.themes) {
        expect(overview).toContain(th.theme.name.nl);
        for (const d of th.domains) expect(overview).toContain(d.name.nl);
      }
    const scored = [...detail.cells.values()].filter((c) => c.state === 'scored');
    const labels = { 1: 'Acuut probleem', 2: 'Ruim onvoldoende', 3: 'Onvoldoende', 4: 'Voldoende', 5: 'Zelfredzaam' } as const;
    for (const n of [1, 2, 3, 4, 5] as const) {
      const expected = scored.filter((c) => c.score === n).length;
      // Once in the grid, and again in the person's lists for 1-2 and 4-5.
      const found = overview.split(`${n} ${labels[n]}`).length - 1;
      expect(found, `score ${n}`).toBeGreaterThanOrEqual(expected);
    }
    expect(overview).toContain('Niet van toepassing');
    expect(overview).toContain('Niet besproken');
  });

  it('keeps accents (Financiën, Financiële situatie, Schulden) and long remarks whole', () => {
    expect(pdf.text).toContain('Financiële situatie');
    expect(pdf.text).toContain('Schulden');
    expect(pdf.text).toContain('Financiën: er lopen afbetalingsplannen bij twee schuldeisers.');
    expect(pdf.text).toContain('elke twee weken samen de nieuwe brieven te bekijken.');
  });

  it('lists stabilising and destabilising elements per person, and the corrections with their reason', () => {
    expect(pdf.text).toContain('Destabiliserend (1 en 2)');
    expect(pdf.text).toContain('Stabiliserend (4 en 5)');
    expect(pdf.text).toContain('Correcties na het afronden');
    expect(pdf.text).toContain('Schulden — Huishouden: van 1 Acuut probleem naar 2 Ruim onvoldoende');
    expect(pdf.text).toContain('Bij het nalezen bleek een afbetalingsplan al afgesloten.');
  });

  it('has the organisation, the dossier and "Pagina x van y" on every page', () => {
    pdf.pages.forEach((text, i) => {
      expect(text).toContain('OCMW Neteland');
      expect(text).toContain('Dossier D-2026/0042 é');
      expect(text).toContain(`Pagina ${i + 1} van ${pdf.numPages}`);
      expect(text).not.toContain('ONTWERP');
    });
  });
});

describe('the balance report, other cases', () => {
  it('leaves out hidden sensitive domains everywhere: grid, lists, charts, remarks and corrections', async () => {
    const input = sampleBalanceReportInput({ hideSensitive: true });
    const pdf = await readPdf(await renderBalanceReport(input));
    for (const name of ['Fysieke gezondheid', 'Mentale gezondheid', 'Middelengebruik', 'Justitie', 'Jeugdzorg', 'Veiligheid', 'Gevoelige correctie'])
      expect(pdf.text, name).not.toContain(name);
    expect(pdf.structure.flatMap(figureAlts).join(' ')).not.toMatch(/gezondheid|Justitie/);
    expect(pdf.text).toMatch(/\d+ gevoelige domeinen zijn afgeschermd/);
    // The same data without hiding does show them (so the test above can fail).
    const open = await readPdf(await renderBalanceReport(sampleBalanceReportInput()));
    for (const name of ['Fysieke gezondheid', 'Mentale gezondheid', 'Justitie', 'Gevoelige correctie']) expect(open.text, name).toContain(name);
  });

  it('marks a draft on every page', async () => {
    const pdf = await readPdf(await renderBalanceReport(sampleBalanceReportInput({ status: 'draft', members: 2 })));
    for (const text of pdf.pages) expect(text).toContain('ONTWERP — nog niet afgerond');
    expect(pdf.text).not.toContain('Correcties na het afronden');
  });

  it('speaks French when asked (Santé, Problème aigu, Page x sur y)', async () => {
    const pdf = await readPdf(await renderBalanceReport(sampleBalanceReportInput({ locale: 'fr', members: 2 })));
    expect(pdf.info.Language).toBe('fr-BE');
    expect(pdf.info.Title).toBe('Bilan social du 20/11/2026');
    for (const s of ['Santé physique', 'Santé mentale', 'Situation financière', 'Le ménage', 'Demandeur', 'Adulte']) expect(pdf.text).toContain(s);
    expect(pdf.text).toMatch(/[1-5] (Problème aigu|Très insuffisant|Insuffisant|Suffisant|Autonome)/);
    expect(pdf.pages[0]).toContain(`Page 1 sur ${pdf.numPages}`);
    expect(pdf.text).not.toContain('Pagina');
  });

  it('puts a level with more than three people on landscape pages (at 11 pt three fit beside the domain names)', async () => {
    const input = sampleBalanceReportInput({ members: 6 });
    // Six adults: six person columns in one table.
    for (const s of input.detail.subjects) if (s.memberId !== null) s.level = 'volwassene';
    const { balanceLayout } = await import('../../src/balances/logic.js');
    input.detail.layout = balanceLayout(input.detail.catalogue, input.detail.subjects);
    const pdf = await readPdf(await renderBalanceReport(input));
    expect(pdf.sizes.some((s) => s.width > s.height)).toBe(true);
    expect(pdf.sizes[0]!.width).toBeLessThan(pdf.sizes[0]!.height);
    const landscape = pdf.pages.filter((_, i) => pdf.sizes[i]!.width > pdf.sizes[i]!.height).join(' ');
    expect(landscape).toContain('Zoë El Amrani');
    expect(landscape).toContain('Organisatie- en planningsvermogen');
  });
});

describe('the GPMI', async () => {
  const input = sampleGpmiInput();
  const bytes = await renderGpmiReport(input);
  const pdf = await readPdf(bytes);

  it('is tagged, titled, in Dutch, with embedded fonts', () => {
    expect(pdf.info.Title).toBe('GPMI van Sara Peeters');
    expect(pdf.info.Language).toBe('nl-BE');
    expect(pdf.markInfo).toMatchObject({ Marked: true });
    expect(pdf.raw).toContain('/FontFile2');
    expect(pdf.raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    const roles = new Set(pdf.structure.flatMap(structureRoles));
    for (const role of ['H1', 'H2', 'H3', 'L', 'LI', 'Table', 'TH', 'TD', 'Sect']) expect(roles, role).toContain(role);
  });

  it('holds every agreement with "Wat doe jij?", "Wat doet het OCMW?", partners, dates, scores and status', () => {
    expect(pdf.text).toContain('Jouw afspraken');
    for (const a of input.agreements) {
      expect(pdf.text).toContain(a.domainName);
      expect(pdf.text).toContain(a.agreement);
      for (const s of [...a.clientActions, ...a.ocmwActions, ...a.partners]) expect(pdf.text).toContain(s);
    }
    expect(pdf.text.split('Wat doe jij?').length - 1).toBe(5);
    expect(pdf.text.split('Wat doet het OCMW?').length - 1).toBe(5);
    expect(pdf.text).toContain('Waar sta je nu? 1 Acuut probleem');
    expect(pdf.text).toContain('Waar wil je staan? 3 Onvoldoende');
    expect(pdf.text).toContain('We bekijken dit op 15/02/2027');
    for (const s of ['We werken eraan', 'Aangepast', 'Bereikt']) expect(pdf.text).toContain(s);
    expect(pdf.text).toContain('01/03/2027, 01/06/2027, 01/09/2027');
    expect(pdf.text).toContain('12 maanden');
  });

  it('keeps an agreement that fits on one page on one page; a longer one names its domain on the page it runs on to', () => {
    // The first two (with goals and evaluations) are longer than a page at 13 pt; the others fit.
    for (const a of input.agreements.slice(2)) {
      const page = pdf.pages.findIndex((p) => p.includes(a.agreement));
      expect(pdf.pages[page], a.domainName).toContain(a.ocmwActions.at(-1)!);
    }
    for (const a of input.agreements.slice(0, 2)) {
      const page = pdf.pages.findIndex((p) => p.includes(a.agreement));
      expect(pdf.pages[page + 1]!.startsWith(`${a.domainName} (vervolg)`), a.domainName).toBe(true);
    }
  });

  it('uses large type for the agreements (people who read poorly)', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
    const items: { height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++)
      items.push(
        ...((await (await doc.getPage(n)).getTextContent()).items.filter((i) => 'str' in i && i.str.startsWith('Je schrijft je in')) as { height: number }[]),
      );
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.height).toBeGreaterThanOrEqual(12.5);
    await doc.destroy();
  });

  it('ends with signature blocks for the client and the worker, and page numbers with the OCMW on every page', () => {
    const last = pdf.pages.at(-1)!;
    expect(last).toContain('Handtekeningen');
    expect(last).toContain('Ondertekend op 01/12/2026.');
    expect(last).toMatch(/Cliënt Naam: Sara Peeters Datum: 01\/12\/2026 Handtekening:/);
    expect(last).toMatch(/Maatschappelijk werker Naam: Wendy Maes Datum: 01\/12\/2026 Handtekening:/);
    pdf.pages.forEach((text, i) => {
      expect(text).toContain('OCMW Neteland');
      expect(text).toContain(`Pagina ${i + 1} van ${pdf.numPages}`);
    });
  });

  it('as a draft says so on every page and leaves the dates to sign empty; in French it says "vous"', async () => {
    const draft = await readPdf(await renderGpmiReport(sampleGpmiInput({ signed: false, language: 'fr', agreements: 2 })));
    expect(draft.info.Language).toBe('fr-BE');
    for (const text of draft.pages) expect(text).toContain('PROJET — pas encore signé');
    expect(draft.text).toContain('Que faites-vous ?');
    expect(draft.text).toContain('Que fait le CPAS ?');
    expect(draft.text).not.toContain('Signé le');
    expect(draft.pages.at(-1)).toMatch(/Bénéficiaire Nom : Sara Peeters Date : Signature :/);
  });
});

/** Text runs per page as pdf.js reads them: the string, its size in points, its baseline (from the page's bottom) and whether it lies in an Artifact. */
async function textRuns(bytes: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: { str: string; size: number; y: number; artifact: boolean }[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent({ includeMarkedContent: true });
      const open: string[] = [];
      const runs: (typeof pages)[number] = [];
      for (const it of content.items as { type?: string; tag?: string; str?: string; transform?: number[] }[]) {
        if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') open.push(it.tag ?? '');
        else if (it.type === 'endMarkedContent') open.pop();
        else if (it.str?.trim()) {
          const [, , c, d, , f] = it.transform!;
          runs.push({ str: it.str, size: Math.hypot(c!, d!), y: f!, artifact: open.includes('Artifact') });
        }
      }
      pages.push(runs);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The page content streams, inflated (pdfkit compresses them), for checks on the marked-content operators. */
function contentStreams(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf('stream\n', at);
    if (start < 0) break;
    const end = raw.indexOf('\nendstream', start);
    try {
      out.push(inflateSync(raw.subarray(start + 7, end)).toString('latin1'));
    } catch {
      // not a deflated stream (or a font program): not content
    }
    at = end + 10;
  }
  return out;
}

describe('the balance report, read with the client beside you', async () => {
  const input = sampleBalanceReportInput();
  const bytes = await renderBalanceReport(input);
  const pdf = await readPdf(bytes);
  const runs = await textRuns(bytes);

  it('prints everything the reader reads (all but the running header and footer) at 11 pt or more, the radar included', () => {
    const body = runs.flat().filter((r) => !r.artifact);
    expect(body.length).toBeGreaterThan(500);
    const small = body.filter((r) => r.size < 10.95).map((r) => `${r.str} (${r.size.toFixed(1)} pt)`);
    expect(small).toEqual([]);
    // The grid's chips too (8 pt before).
    expect(body.find((r) => r.str.includes('Acuut probleem'))!.size).toBeGreaterThanOrEqual(11);
  });

  it('marks the running header and footer as pagination artifacts on every page, outside the structure tree', () => {
    runs.forEach((page, i) => {
      const artifacts = page.filter((r) => r.artifact).map((r) => r.str);
      expect(artifacts, `page ${i + 1}`).toEqual(expect.arrayContaining(['OCMW Neteland', 'Dossier D-2026/0042 é', `Pagina ${i + 1} van ${runs.length}`]));
      expect(page.filter((r) => !r.artifact).map((r) => r.str)).not.toContain(`Pagina ${i + 1} van ${runs.length}`);
    });
    const streams = contentStreams(bytes).join('\n');
    const top = streams.match(/\/Artifact <<\s*\/Type \/Pagination[^>]*\/Attached \[\/Top\]/g) ?? [];
    const bottom = streams.match(/\/Artifact <<\s*\/Type \/Pagination[^>]*\/Attached \[\/Bottom\]/g) ?? [];
    expect(top).toHaveLength(pdf.numPages);
    expect(bottom).toHaveLength(pdf.numPages);
  });

  it('fills the first page: the facts, the household and how to read the scores, not a page two-thirds empty', () => {
    const lowest = Math.min(...runs[0]!.filter((r) => !r.artifact).map((r) => r.y));
    // Baselines are measured from the bottom of an 842 pt page; the bottom margin is 62 pt.
    expect(lowest).toBeLessThan(842 / 3);
    expect(pdf.pages[0]).toContain('Zo lees je de scores');
    expect(pdf.pages[0]).toContain('1 Acuut probleem Hier is nu hulp nodig.');
  });

  it('never leaves a grid row on a page without its theme (repeated as "(vervolg)" when a theme runs on)', () => {
    const first = pdf.pages.findIndex((p) => p.includes('Overzicht van alle domeinen'));
    const last = pdf.pages.findIndex((p) => p.includes('De balans in één beeld'));
    expect(last - first).toBeGreaterThan(1);
    // A domain name with the themes it is in (Netwerk: Sociaal netwerk for adults, Vrije tijd for children).
    const themes = new Map<string, Set<string>>();
    for (const section of input.detail.layout)
      for (const th of section.themes) for (const d of th.domains) themes.set(d.name.nl, (themes.get(d.name.nl) ?? new Set()).add(th.theme.name.nl));
    for (let i = first; i < last; i++)
      for (const [domain, names] of themes) {
        // A domain's row on this page (its name followed by a score chip) comes with its theme's name.
        if (new RegExp(`${domain} ([1-5] |Niet )`).test(pdf.pages[i]!))
          expect(
            [...names].some((n) => pdf.pages[i]!.includes(n)),
            `${domain} on page ${i + 1} without ${[...names].join(' or ')}`,
          ).toBe(true);
      }
  });

  it('opens each following page of a person with whose it is, so a remark is never alone at the top of a page', () => {
    const whoOf = (s: (typeof input.detail.layout)[number]) =>
      s.subject.memberId === null ? 'Huishouden' : `${s.subject.name} (${s.subject.level === 'volwassene' ? 'volwassene' : 'kind'})`;
    const starts = input.detail.layout.map((s) => pdf.pages.findIndex((p) => p.startsWith(`${whoOf(s)} De balans in één beeld`)));
    expect(starts.every((s) => s > 0)).toBe(true);
    const corrections = pdf.pages.findIndex((p) => p.startsWith('Correcties na het afronden'));
    const ends = [...starts.slice(1), corrections > 0 ? corrections : pdf.pages.length];
    let followed = 0;
    input.detail.layout.forEach((s, k) => {
      const who = whoOf(s);
      for (let i = starts[k]! + 1; i < ends[k]!; i++) {
        followed++;
        expect(
          pdf.pages[i]!.startsWith(`${who} (vervolg)`) || pdf.pages[i]!.startsWith(`${who}: opmerkingen (vervolg)`),
          `page ${i + 1}: ${pdf.pages[i]!.slice(0, 60)}`,
        ).toBe(true);
      }
    });
    expect(followed).toBeGreaterThan(0);
  });
});

/** Every RGB colour a PDF's content streams set, for filling (scn/rg) or stroking (SCN/RG), as [r, g, b] in 0..1. */
function colours(bytes: Uint8Array): { op: string; rgb: [number, number, number] }[] {
  const out: { op: string; rgb: [number, number, number] }[] = [];
  for (const s of contentStreams(bytes))
    for (const m of s.matchAll(/(?:^|\s)([\d.]+) ([\d.]+) ([\d.]+) (scn|SCN|rg|RG)(?=\s)/g))
      out.push({ op: m[4]!, rgb: [Number(m[1]), Number(m[2]), Number(m[3])] });
  return out;
}

/** A clear red (hue within 20° of pure red, saturated, neither near-black nor near-white): what reads as "alarm". */
function isRed([r, g, b]: [number, number, number]): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return false;
  const s = l > 0.5 ? (max - min) / (2 - max - min) : (max - min) / (max + min);
  let h = max === r ? ((g - b) / (max - min)) % 6 : max === g ? (b - r) / (max - min) + 2 : (r - g) / (max - min) + 4;
  h = (h * 60 + 360) % 360;
  return (h <= 20 || h >= 340) && s >= 0.45 && l >= 0.2 && l <= 0.8;
}

describe('the GPMI, the client’s copy and the file copy', async () => {
  const input = sampleGpmiInput();
  const clientBytes = await renderGpmiReport(input, { audience: 'client' });
  const fileBytes = await renderGpmiReport(input, { audience: 'file' });
  const client = await readPdf(clientBytes);
  const file = await readPdf(fileBytes);
  const notes = input.agreements.flatMap((a) => (a.evaluations ?? []).map((e) => e.note ?? '')).filter((n) => n.trim());

  it('shows each agreement’s long- and short-term goal and every evaluation (day and how it went), in both copies', () => {
    for (const pdf of [client, file]) {
      for (const a of input.agreements) {
        if (a.longTermGoal) expect(pdf.text).toContain(`Doel op lange termijn ${a.longTermGoal}`);
        if (a.shortTermGoal) expect(pdf.text).toContain(`Doel op korte termijn ${a.shortTermGoal}`);
      }
      expect(pdf.text.split('Zo ging het bij de evaluaties').length - 1).toBe(input.agreements.filter((a) => a.evaluations?.length).length);
      // Day, in a personal conversation or not, and how it went (issue 13 asks for all three).
      expect(pdf.text).toContain('01/03/2027 (persoonlijk gesprek): We werken eraan');
      expect(pdf.text).toContain('10/01/2027 (geen persoonlijk gesprek): We werken eraan');
      expect(pdf.text).toContain('01/03/2027 (persoonlijk gesprek): Aangepast');
    }
  });

  it('keeps the worker’s evaluation notes (and who wrote them) out of the client’s copy; the file copy has them', () => {
    expect(notes.length).toBeGreaterThan(1);
    for (const note of notes) {
      expect(client.text).not.toContain(note);
      expect(file.text).toContain(note);
    }
    expect(client.text).not.toContain('NOTITIE');
    expect(file.text).toContain('01/03/2027 (persoonlijk gesprek): We werken eraan (Wendy Maes)');
    expect(file.pages[0]).toContain('Exemplaar voor het dossier');
    expect(client.text).not.toContain('Exemplaar voor het dossier');
  });

  it('is the client’s copy unless the file copy is asked for', async () => {
    const plain = await readPdf(await renderGpmiReport(input));
    for (const note of notes) expect(plain.text).not.toContain(note);
    expect(plain.text).toContain('Waar sta je nu? 1 Acuut probleem');
  });

  it('draws no red in the client’s copy: a "1 Acuut probleem" is a number and a word in an outline, not a red bar', () => {
    // The same agreement scored 1 ("Schulden") is in both copies.
    expect(client.text).toContain('Waar sta je nu? 1 Acuut probleem');
    const acute = [0xb2 / 255, 0x18 / 255, 0x2b / 255];
    const near = (c: number[]) => c.every((v, i) => Math.abs(v - acute[i]!) < 0.01);
    expect(colours(fileBytes).some((c) => c.op === 'scn' && near(c.rgb))).toBe(true);
    expect(colours(fileBytes).filter((c) => isRed(c.rgb)).length).toBeGreaterThan(0);
    expect(colours(clientBytes).filter((c) => isRed(c.rgb))).toEqual([]);
  });
});

describe('the GPMI input from the stored GPMI', () => {
  it('carries the goals and the evaluations (with notes, for the file copy) of each agreement', () => {
    const print = {
      organisationName: 'OCMW Neteland',
      householdId: 42,
      dossierRef: 'D-1',
      gpmiId: 3,
      person: { memberId: 100, firstName: 'Sara', lastName: 'Peeters' },
      members: [],
      balance: { id: 7, takenOn: '2026-11-20' },
      version: {
        number: 1,
        status: 'signed',
        reason: null,
        startOn: '2026-12-01',
        durationMonths: 12,
        endsOn: '2027-12-01',
        moments: ['2027-03-01'],
        signedOn: '2026-12-01',
        signedClientName: 'Sara Peeters',
        signedByName: 'Wendy Maes',
        createdAt: 0,
        createdByName: 'Wendy Maes',
      },
      latestVersionNumber: 1,
      agreements: [
        {
          id: 1,
          domainKey: 'schulden',
          domainName: 'Schulden',
          themeName: 'Financiële situatie',
          subjectLabel: 'Huishouden',
          subject: 'h',
          text: 'Je betaalt af volgens een plan.',
          longTermGoal: 'Schuldenvrij.',
          shortTermGoal: 'Alle brieven verzameld.',
          targetScore: 3,
          scoreAtStart: 1,
          dueOn: null,
          status: 'lopend',
          currentStatus: 'bijgestuurd',
          client: [],
          ocmw: [],
          partners: [],
          evaluations: [{ heldOn: '2027-03-01', inPerson: true, status: 'bijgestuurd', note: 'Moeilijk gesprek.', shared: false, byName: 'Wendy Maes' }],
        },
      ],
      hiddenAgreements: 0,
      locale: 'nl',
    } satisfies GpmiPrint;
    const [a] = gpmiReportInput(print, 'Wendy Maes').agreements;
    expect(a).toMatchObject({
      longTermGoal: 'Schuldenvrij.',
      shortTermGoal: 'Alle brieven verzameld.',
      status: 'bijgestuurd',
      evaluations: [{ date: '2027-03-01', inPerson: true, status: 'bijgestuurd', note: 'Moeilijk gesprek.', shared: false, byName: 'Wendy Maes' }],
    });
  });
});
