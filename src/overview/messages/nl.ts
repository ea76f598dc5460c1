import { plurals } from '../../i18n/plural.js';
// Texts of the balance overview ("foto"), the evolution of a household and the comparison of two balances.
const p = plurals('nl');

export interface Counts {
  low: number;
  mid: number;
  high: number;
  none: number;
}

const nlCounts = (c: Counts) =>
  [
    `${c.low} ${p(c.low, { one: 'domein', other: 'domeinen' })} acuut of ruim onvoldoende`,
    `${c.mid} onvoldoende`,
    `${c.high} voldoende of zelfredzaam`,
    ...(c.none ? [`${c.none} zonder score`] : []),
  ].join(', ');

export const overviewNl = {
  overview: {
    title: (date: string) => `Overzicht van de meting van ${date}`,
    actions: 'Verder met deze meting',
    toBalance: 'Meting met alle details',
    toEvolution: 'Evolutie van het gezin',
    draftNotice: 'Deze meting is nog bezig. Het overzicht toont de scores van nu.',
    gridTitle: 'Alle scores in één oogopslag',
    gridNote: 'Elke cel toont de score als kleur, cijfer en woord. — : dit domein hoort niet bij deze persoon. * : er is een opmerking (zie Opmerkingen).',
    theme: 'Thema',
    domain: 'Domein',
    notAskedFor: (who: string) => `niet gevraagd voor ${who}`,
    hasRemark: 'met opmerking',
    remarksShow: (n: number) => `${n} ${p(n, { one: 'opmerking', other: 'opmerkingen' })} tonen`,
    tableShow: (who: string) => `Scores van ${who} als tabel`,
    elementsTitle: 'Stabiliserende en destabiliserende elementen',
    chartsTitle: 'Balans per persoon',
    household: 'het huishouden',
    radarCaption: (who: string, date: string) => `Balans van ${who} op ${date}`,
    radarLabel: (who: string, date: string, c: Counts) => `Balans van ${who} op ${date}: ${nlCounts(c)}`,
    radarHelp: 'Hoe verder naar buiten, hoe beter (5 = zelfredzaam). Een domein zonder score onderbreekt de lijn.',
    tooFewForChart: 'Te weinig domeinen voor een grafiek (minstens 3 nodig). De tabel toont de scores.',
    tableCaption: (who: string, date: string) => `Scores van ${who} op ${date}`,
    remarksTitle: 'Opmerkingen',
    noRemarks: 'Geen opmerkingen.',
  },
  evolution: {
    changesTitle: 'Wat veranderde er?',
    onlyOne: (who: string) => `${who} was deel van één afgeronde meting: vergelijken kan vanaf twee.`,
    periodSummary: (first: string, last: string, b: number, s: number, w: number) =>
      `Van ${first} tot ${last}: ${b} ${p(b, { one: 'domein', other: 'domeinen' })} beter, ${s} gelijk, ${w} slechter.`,
    stepSummary: (from: string, to: string, b: number, s: number, w: number) => `Van ${from} naar ${to}: ${b} beter, ${s} gelijk, ${w} slechter.`,
    tableHelp:
      'In de tabel staat bij elke score of ze beter, gelijk of slechter is dan bij de meting ervoor. Open een domein om te lezen wat elke score toen betekende.',
    step: { better: 'beter', same: 'gelijk', worse: 'slechter' },
    noComparison: 'niet te vergelijken',
    sinceHidden: 'sinds de meting ervoor:',
    overall: 'Hele periode:',
    meaningsHidden: ': wat de scores toen betekenden',
    meaningAt: (date: string, level: string) => `${date}: ${level}`,
    title: 'Evolutie van het gezin',
    link: 'Evolutie bekijken',
    timelineTitle: 'Alle metingen',
    timelineIntro: 'De grafieken en de vergelijking gebruiken alleen afgeronde metingen.',
    draft: 'bezig',
    final: 'afgerond',
    version: (n: number) => `catalogus versie ${n}`,
    openBalance: (date: string) => `Meting van ${date}`,
    openOverview: (date: string) => `Overzicht van ${date}`,
    noFinal: 'Er is nog geen afgeronde meting. Rond een meting af om de evolutie te zien.',
    personNav: 'Kies een persoon',
    periodNote: (name: string, n: number, total: number) => `${name} was deel van ${n} van de ${total} afgeronde metingen. Alleen die staan hieronder.`,
    heatmapTitle: 'Alle domeinen over de tijd',
    heatmapCaption: (who: string) => `Scores van ${who} per domein en per meting`,
    heatmapLabel: (who: string, n: number, first: string, last: string, c: { better: number; same: number; worse: number }) =>
      `Scores van ${who} in ${n} ${p(n, { one: 'meting', other: 'metingen' })} van ${first} tot ${last}: van de eerste tot de laatste score ${c.better} ${p(c.better, { one: 'domein', other: 'domeinen' })} beter, ${c.same} gelijk, ${c.worse} slechter`,
    notAskedCell: 'niet gevraagd in deze meting',
    lineTitle: 'Lijn per domein',
    chooseDomains: 'Kies de domeinen voor de lijn (hoogstens 6)',
    showLine: 'Lijn tonen',
    lineCaption: (who: string) => `Verloop van gekozen domeinen: ${who}`,
    lineLabel: (who: string, parts: string[]) => `Verloop van ${who}: ${parts.join('; ')}`,
    linePart: (domain: string, first: string, last: string) => `${domain} van ${first} naar ${last}`,
    noScore: 'geen score',
    tooMany: (max: number) => `Je koos meer dan ${max} domeinen. De lijn toont de eerste ${max}.`,
    unknownDomains: 'Een gekozen domein hoort niet bij deze persoon en werd weggelaten.',
    noDomainsChosen: 'Kies minstens één domein en kies "Lijn tonen".',
    compareTitle: 'Twee metingen vergelijken',
    compareIntro: 'Per domein zie je wat beter, gelijk of slechter werd, en wat elke score toen betekende.',
    from: 'Eerste meting',
    to: 'Tweede meting',
    compare: 'Vergelijken',
    single: 'Vergelijken kan vanaf twee afgeronde metingen. Dit gezin heeft er nog maar één.',
    household: 'Huishouden',
  },
  comparison: {
    title: (a: string, b: string) => `Vergelijking: ${a} en ${b}`,
    chooseTitle: 'Metingen vergelijken',
    choose: 'Kies twee afgeronde metingen om te vergelijken.',
    sameBalance: 'Kies twee verschillende metingen.',
    summary: (b: number, s: number, w: number) => `${b} ${p(b, { one: 'domein', other: 'domeinen' })} beter, ${s} gelijk, ${w} slechter.`,
    change: 'Verandering',
    caption: (who: string) => `Vergelijking voor ${who}`,
    better: (n: number) => `beter (+${n})`,
    worse: (n: number) => `slechter (−${n})`,
    same: 'gelijk',
    noScore: 'niet te vergelijken: geen score',
    new: 'nieuw in deze versie',
    retired: 'niet meer in de lijst',
    notAsked: 'niet gevraagd in deze meting',
    onlyIn: (name: string, date: string) => `${name} was alleen deel van de meting van ${date}.`,
    versionsDiffer: (a: number, b: number) =>
      `De metingen gebruiken een andere catalogusversie (${a} en ${b}). Domeinen met dezelfde sleutel worden vergeleken; nieuwe en verdwenen domeinen staan erbij. Elke score toont de tekst van zijn eigen versie.`,
    back: 'Terug naar de evolutie',
  },
  list: {
    direction: 'Sinds de vorige',
    directionText: { better: 'beter', same: 'gelijk', worse: 'slechter' },
    directionDetail: (up: number, down: number) => `${up} omhoog, ${down} omlaag`,
    overview: 'Overzicht',
    overviewLabel: (date: string) => `Overzicht van de meting van ${date}`,
    evolution: 'Evolutie en vergelijking bekijken',
  },
};
export type OverviewMessages = typeof overviewNl;
