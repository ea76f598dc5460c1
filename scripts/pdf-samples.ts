/**
 * Constructed (fictional) inputs for the two PDFs, used by the bench and the PDF unit tests, and
 * `npx tsx scripts/pdf-samples.ts <dir>` writes them as files to look at (pdftoppm -png -r 70 ...).
 * The big case is the one issue 7 names: a household of 6 with 45 domains and 5 agreements.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultCatalogue, type CatalogueData } from '../src/catalogue/default-catalogue.js';
import { balanceLayout, cellKey, type Subject } from '../src/balances/logic.js';
import type { AmendmentRow, BalanceDetail, StoredCell } from '../src/balances/model.js';
import type { Member } from '../src/households/model.js';
import type { Locale } from '../src/i18n/index.js';
import { renderBalanceReport, type BalanceReportInput } from '../src/pdf/balance-report.js';
import { renderGpmiReport, type GpmiReportInput } from '../src/pdf/gpmi-report.js';

const PEOPLE: { first: string; last: string; year: number; role: Member['role'] }[] = [
  { first: 'Sara', last: 'Peeters', year: 1985, role: 'aanvrager' },
  { first: 'Youssef', last: 'El Amrani-Vandenberghe', year: 1982, role: 'partner' },
  { first: 'Lina', last: 'Peeters', year: 2012, role: 'kind' },
  { first: 'Noah', last: 'El Amrani', year: 2014, role: 'kind' },
  { first: 'Émile', last: 'Peeters', year: 2017, role: 'kind' },
  { first: 'Zoë', last: 'El Amrani', year: 2019, role: 'kind' },
];

const REMARKS = [
  'Woont met het gezin in een huurwoning die te klein is; de huur is hoog in verhouding tot het inkomen.',
  'Financiën: er lopen afbetalingsplannen bij twee schuldeisers. Schulden bij de energieleverancier zijn in bespreking. Sara wil zelf het overzicht terugkrijgen en vraagt hulp bij het openen en ordenen van de post, die zich de voorbije maanden heeft opgestapeld. Ze heeft een map gekregen en we spraken af om elke twee weken samen de nieuwe brieven te bekijken.',
  'Gaat graag naar de voetbalclub, de bijdrage is een probleem.',
  'Geen bijzonderheden.',
];

/** A catalogue with every domain switched on except `off` (46 in the default catalogue - 1 = 45). */
export function catalogueWithAllOn(off = ['traject-verslaving']): CatalogueData {
  return {
    ...defaultCatalogue,
    themes: defaultCatalogue.themes.map((th) => ({ ...th, domains: th.domains.map((d) => ({ ...d, defaultOn: !off.includes(d.key) })) })),
  };
}

export function sampleBalance(
  opts: { members?: number; hideSensitive?: boolean; status?: 'draft' | 'final'; catalogue?: CatalogueData } = {},
): BalanceReportInput['detail'] & { members: Member[] } {
  const catalogue = opts.catalogue ?? catalogueWithAllOn();
  const now = Date.UTC(2026, 10, 20, 10, 0, 0);
  const members: Member[] = PEOPLE.slice(0, opts.members ?? 6).map((p, i) => ({
    id: 100 + i,
    householdId: 42,
    firstName: p.first,
    lastName: p.last,
    birthYear: p.year,
    birthDate: null,
    role: p.role,
    adultOverride: null,
    nationalNumber: '85073000123',
    joinedOn: '2020-01-01',
    leftOn: null,
    position: i,
    revision: 1,
    updatedAt: now,
    updatedByName: null,
  }));
  const subjects: (Subject & { tookPart: boolean })[] = [
    { key: 'h', memberId: null, level: 'huishouden', name: '', tookPart: true },
    ...members.map((m) => ({
      key: `m${m.id}`,
      memberId: m.id,
      level: 2026 - m.birthYear >= 18 ? ('volwassene' as const) : ('kind' as const),
      name: `${m.firstName} ${m.lastName}`,
      tookPart: m.role !== 'kind',
    })),
  ];
  const layout = balanceLayout(catalogue, subjects, { hideSensitive: opts.hideSensitive ?? false });
  const cells = new Map<string, StoredCell>();
  let n = 0;
  for (const section of layout)
    for (const th of section.themes)
      for (const d of th.domains) {
        n++;
        const kind = d.allowNotApplicable && n % 4 === 0 ? 'nvt' : n % 17 === 0 ? 'nb' : 'scored';
        cells.set(cellKey(section.subject.key, d.key), {
          id: n,
          state: kind,
          score: kind === 'scored' ? 1 + ((n * 7) % 5) : null,
          clientScore: n % 11 === 0 ? 1 + ((n * 3) % 5) : null,
          remark: n % 5 === 0 ? REMARKS[(n / 5) % REMARKS.length]! : '',
          prefilled: false,
          revision: 1,
          editorToken: '',
          updatedAt: now,
          updatedByName: 'Wendy Maes',
        });
      }
  const count = (hide: boolean) =>
    balanceLayout(catalogue, subjects, { hideSensitive: hide }).reduce((s, x) => s + x.themes.reduce((m, t) => m + t.domains.length, 0), 0);
  const final = (opts.status ?? 'final') === 'final';
  return {
    id: 7,
    householdId: 42,
    takenOn: '2026-11-20',
    method: 'samen',
    status: opts.status ?? 'final',
    catalogueVersionId: 1,
    catalogueVersionNumber: 3,
    createdAt: now,
    updatedAt: now,
    finalisedAt: final ? now : null,
    finalisedByName: final ? 'Wendy Maes' : null,
    catalogue,
    hiddenSensitive: opts.hideSensitive ? count(false) - count(true) : 0,
    subjects,
    layout,
    cells,
    members,
  };
}

export function sampleBalanceReportInput(opts: Parameters<typeof sampleBalance>[0] & { locale?: Locale } = {}): BalanceReportInput {
  const detail = sampleBalance(opts);
  const amendments: AmendmentRow[] = [
    {
      id: 1,
      subject: 'h',
      domainKey: 'schulden',
      reason: 'Bij het nalezen bleek een afbetalingsplan al afgesloten.',
      createdAt: Date.UTC(2026, 10, 21, 9, 0, 0),
      createdByName: 'Wendy Maes',
      before: { state: 'scored', score: 1, clientScore: null, remark: '' },
      after: { state: 'scored', score: 2, clientScore: null, remark: '' },
    },
    {
      id: 2,
      subject: `m${detail.members[0]!.id}`,
      domainKey: 'mentale-gezondheid',
      reason: 'Gevoelige correctie.',
      createdAt: Date.UTC(2026, 10, 21, 9, 5, 0),
      createdByName: 'Wendy Maes',
      before: { state: 'scored', score: 2, clientScore: null, remark: '' },
      after: { state: 'scored', score: 3, clientScore: null, remark: '' },
    },
  ];
  return {
    organisation: 'OCMW Neteland',
    household: { id: 42, dossierRef: 'D-2026/0042 é', members: detail.members },
    detail,
    amendments,
    locale: opts.locale ?? 'nl',
  };
}

export function sampleGpmiInput(opts: { language?: Locale; signed?: boolean; agreements?: number } = {}): GpmiReportInput {
  const all: GpmiReportInput['agreements'] = [
    {
      domainName: 'Verblijfplaats',
      currentScore: 2,
      targetScore: 4,
      agreement: 'Je zoekt een betaalbare woning die groot genoeg is voor het hele gezin.',
      clientActions: [
        'Je schrijft je in bij het sociaal verhuurkantoor en bij De Woonbrug.',
        'Je zoekt zelf elke week naar woningen op de privémarkt en houdt bij waar je belde.',
        'Je gaat in op elk aanbod dat het OCMW of het verhuurkantoor je doet.',
      ],
      ocmwActions: ['Het OCMW gaat met je mee op zoek naar een woning.', 'Het OCMW bekijkt of je recht hebt op een huurpremie en helpt je met het dossier.'],
      partners: ['Sociaal verhuurkantoor Kempen', 'De Woonbrug'],
      dueDate: '2027-02-15',
      status: 'lopend',
      longTermGoal: 'Ik woon met mijn kinderen in een betaalbare woning die groot genoeg is.',
      shortTermGoal: 'Ik sta ingeschreven bij twee verhuurkantoren.',
      evaluations: [
        {
          date: '2027-03-01',
          inPerson: true,
          status: 'lopend',
          note: 'NOTITIE: Sara is ingeschreven bij het verhuurkantoor; spanningen thuis over de zoektocht.',
          byName: 'Wendy Maes',
        },
      ],
    },
    {
      domainName: 'Schulden',
      currentScore: 1,
      targetScore: 3,
      agreement: 'Je krijgt samen met het OCMW weer overzicht over je schulden en betaalt volgens een plan af.',
      clientActions: [
        'Je brengt alle brieven van schuldeisers mee naar het volgende gesprek.',
        'Je opent elke dag je post en legt brieven over geld in de map.',
      ],
      ocmwActions: ['Het OCMW maakt een overzicht van alle schulden.', 'Het OCMW neemt contact op met de schuldeisers voor een afbetalingsplan.'],
      partners: ['Dienst schuldbemiddeling'],
      dueDate: '2027-01-10',
      status: 'lopend',
      longTermGoal: 'Ik betaal mijn schulden af volgens een plan en maak geen nieuwe.',
      shortTermGoal: 'Ik breng alle brieven van schuldeisers mee.',
      evaluations: [
        { date: '2027-01-10', inPerson: false, status: 'lopend', note: 'NOTITIE: twee brieven ontbraken nog.', byName: 'Wendy Maes' },
        { date: '2027-03-01', inPerson: true, status: 'bijgestuurd', note: '', byName: 'Wendy Maes' },
      ],
    },
    {
      domainName: 'Financiën en administratie',
      currentScore: 2,
      targetScore: 4,
      agreement: 'Je leert je budget zelf te beheren met een weekbudget.',
      clientActions: ['Je houdt een maand lang bij wat je uitgeeft.'],
      ocmwActions: ['Het OCMW zet samen met jou een weekbudget op.'],
      partners: [],
      dueDate: '2027-03-01',
      status: 'bijgestuurd',
    },
    {
      domainName: 'Tewerkstelling',
      currentScore: 2,
      targetScore: 3,
      agreement: 'Je volgt een opleiding Nederlands en zoekt daarna werk.',
      clientActions: ['Je gaat elke week naar de les Nederlands.', 'Je meldt het als je een les niet kan volgen.'],
      ocmwActions: ['Het OCMW zoekt met jou een opleiding die past.'],
      partners: ['VDAB', 'CVO Kempen'],
      dueDate: '2027-05-01',
      status: 'lopend',
    },
    {
      domainName: 'Vrije tijd (kinderen)',
      currentScore: 3,
      targetScore: 4,
      agreement: 'Je kinderen kunnen naar de voetbalclub en de jeugdbeweging.',
      clientActions: ['Je schrijft Lina en Noah in bij de club.'],
      ocmwActions: ['Het OCMW betaalt het lidgeld via het fonds voor participatie.'],
      partners: ['Vrijetijdsdienst van de gemeente'],
      dueDate: null,
      status: 'bereikt',
    },
  ];
  const signed = opts.signed ?? true;
  return {
    organisation: 'OCMW Neteland',
    dossierRef: 'D-2026-0042',
    language: opts.language ?? 'nl',
    persons: ['Sara Peeters'],
    workerName: 'Wendy Maes',
    startDate: '2026-12-01',
    durationMonths: 12,
    evaluationDates: ['2027-03-01', '2027-06-01', '2027-09-01'],
    version: 2,
    signed: signed ? { date: '2026-12-01', clientName: 'Sara Peeters', workerName: 'Wendy Maes' } : null,
    agreements: all.slice(0, opts.agreements ?? 5),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? '/tmp/pdf-samples';
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'balance.pdf'), await renderBalanceReport(sampleBalanceReportInput()));
  fs.writeFileSync(path.join(dir, 'balance-draft-fr.pdf'), await renderBalanceReport(sampleBalanceReportInput({ status: 'draft', locale: 'fr', members: 2 })));
  fs.writeFileSync(path.join(dir, 'gpmi.pdf'), await renderGpmiReport(sampleGpmiInput()));
  fs.writeFileSync(path.join(dir, 'gpmi-file.pdf'), await renderGpmiReport(sampleGpmiInput(), { audience: 'file' }));
  const adults = sampleBalanceReportInput({ hideSensitive: true });
  for (const s of adults.detail.subjects) if (s.memberId !== null) s.level = 'volwassene';
  adults.detail.layout = balanceLayout(adults.detail.catalogue, adults.detail.subjects, { hideSensitive: true });
  fs.writeFileSync(path.join(dir, 'balance-6-adults.pdf'), await renderBalanceReport(adults));
  fs.writeFileSync(path.join(dir, 'gpmi-draft.pdf'), await renderGpmiReport(sampleGpmiInput({ signed: false, language: 'fr' })));
  console.log(`written to ${dir}`);
}
