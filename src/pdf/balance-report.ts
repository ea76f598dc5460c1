import { createHash } from 'node:crypto';
import type { Household } from '../households/model.js';
import type { AmendmentRow, BalanceDetail } from '../balances/model.js';
import { cellExists, cellKey, EMPTY_CELL, type CellValue, type LayoutSection, type Subject } from '../balances/logic.js';
import type { Level } from '../catalogue/default-catalogue.js';
import { messagesFor, type Locale, type Messages } from '../i18n/index.js';
import { formatDate, formatIsoDate } from '../i18n/format.js';
import { radarSvg, RADAR_SIZE, type RadarPoint } from '../charts/radar.js';
import { chartCache } from '../charts/cache.js';
import { loadChartEngine } from '../charts/render.js';
import { PdfWriter, COLOURS, type Layout, type TableRow } from './document.js';
import { FONT } from './fonts.js';
import { scoreText, type ScoreValue } from './score-cell.js';
import { cropHeight } from './svg.js';

// The balance report (issue 7, PDF a): what the finalised balance page shows, for the client file.
// Everything comes from one BalanceDetail that findBalance loaded with the reader's hideSensitive,
// so a domain hidden from this reader is in no table, chart, list or correction here either.

export interface BalanceReportInput {
  organisation: string;
  household: Pick<Household, 'id' | 'dossierRef' | 'members'>;
  detail: BalanceDetail;
  amendments: AmendmentRow[];
  locale: Locale;
}

const LEVELS: Level[] = ['huishouden', 'volwassene', 'kind'];
/**
 * Person columns per grid table on a portrait page; more go on a landscape page, at most
 * LANDSCAPE_COLUMNS per table. At 11 pt a chip ("2 Ruim onvoldoende") needs about 125 pt to stay on
 * one line: three people fit beside the domain names on a portrait page, four to five on landscape.
 */
const PORTRAIT_COLUMNS = 3;
const LANDSCAPE_COLUMNS = 6;

export function scoreValue(t: Messages, v: CellValue, final: boolean): ScoreValue {
  const scale = t.balances.scale;
  if (v.state === 'scored' && v.score !== null) return { state: 'scored', score: v.score, label: scale[v.score as 1] };
  // A finalised balance keeps unanswered domains as "niet besproken".
  const state = v.state === 'nvt' ? 'nvt' : v.state === 'nb' || final ? 'nb' : 'open';
  return { state, score: null, label: scale[state] };
}

function personLabel(t: Messages, s: Subject): string {
  const e = t.balances.editor;
  return s.memberId === null ? e.household : `${s.name} (${s.level === 'volwassene' ? e.adult : e.child})`;
}

export async function renderBalanceReport(input: BalanceReportInput): Promise<Buffer> {
  await loadChartEngine(); // the radar charts are drawn with ECharts, loaded on first need
  const { detail, household, locale } = input;
  const t = messagesFor(locale);
  const p = t.pdf.balance;
  const final = detail.status === 'final';
  const date = formatIsoDate(detail.takenOn);
  const w = new PdfWriter({
    title: p.docTitle(date),
    lang: t.meta.lang,
    organisation: input.organisation,
    dossierLabel: household.dossierRef ? t.pdf.dossier(household.dossierRef) : '',
    pageLabel: t.pdf.page,
    draftMark: final ? undefined : p.draftMark,
    continued: t.pdf.continued,
  });
  const cell = (subject: string, domainKey: string) => scoreValue(t, detail.cells.get(cellKey(subject, domainKey)) ?? EMPTY_CELL, final);

  // ---------------------------------------------------------------- title and facts
  w.heading(1, p.docTitle(date));
  if (!final) w.notice(p.draftMark, { fill: COLOURS.draftFill, colour: COLOURS.draft, font: FONT.bold });
  w.table({
    noHeader: true,
    rowHeaders: true,
    columns: [
      { header: '', weight: 1 },
      { header: '', weight: 2.6 },
    ],
    rows: [
      { cells: [{ text: p.date }, { text: date }] },
      { cells: [{ text: p.method }, { text: t.balances.method[detail.method] }] },
      { cells: [{ text: p.catalogue }, { text: p.catalogueVersion(detail.catalogueVersionNumber) }] },
      {
        cells: [
          { text: p.status },
          { text: final ? p.final(detail.finalisedByName ?? '?', detail.finalisedAt ? formatDate(detail.finalisedAt) : '') : p.draft },
        ],
      },
    ],
  });
  if (detail.hiddenSensitive > 0) w.notice(t.balances.editor.sensitiveHidden(detail.hiddenSensitive));

  // ---------------------------------------------------------------- how to read the scores
  // On the first page, which the facts alone would leave mostly empty; the reader needs it before the grid.
  w.heading(2, p.legendTitle, { keepWithNext: w.type.body * 18 });
  w.paragraph(p.overviewIntro, { colour: COLOURS.muted });
  const legend = (v: ScoreValue, meaning: string): TableRow => ({ cells: [{ score: v }, { text: meaning }] });
  w.table({
    keepTogether: true,
    noHeader: true,
    columns: [
      { header: p.legendScore, weight: 1.3 },
      { header: p.legendMeaning, weight: 2.7 },
    ],
    rows: [
      ...([1, 2, 3, 4, 5] as const).map((n) => legend({ state: 'scored', score: n, label: t.balances.scale[n] }, p.legend[n])),
      legend({ state: 'nvt', score: null, label: t.balances.scale.nvt }, p.legend.nvt),
      legend({ state: 'nb', score: null, label: t.balances.scale.nb }, p.legend.nb),
    ],
  });

  // ---------------------------------------------------------------- the household
  const members = detail.subjects.filter((s) => s.memberId !== null);
  w.heading(2, p.householdTitle);
  if (members.length) {
    w.table({
      rowHeaders: true,
      columns: [
        // Column headers on one line in Dutch (a long name may wrap instead).
        { header: p.name, weight: 1.65 },
        { header: p.role, weight: 0.94 },
        { header: p.ageGroup, weight: 1.15 },
        { header: p.tookPart, weight: 1.17 },
      ],
      rows: members.map((s) => {
        const m = household.members.find((x) => x.id === s.memberId);
        return {
          cells: [
            { text: s.name },
            { text: m ? t.households.roles[m.role] : '' },
            { text: s.level === 'volwassene' ? t.households.ageGroup.adult : t.households.ageGroup.child },
            { text: s.tookPart ? t.pdf.yes : t.pdf.no },
          ],
        };
      }),
    });
  } else {
    w.paragraph(t.pdf.none);
  }

  // ---------------------------------------------------------------- the overview grid
  const byLevel = LEVELS.map((level) => ({ level, sections: detail.layout.filter((s) => s.subject.level === level && s.themes.length > 0) })).filter(
    (l) => l.sections.length > 0,
  );
  // A level with more people than fit on a portrait page goes on landscape pages; the others stay
  // portrait, and a portrait grid follows on from the first page rather than starting a new one.
  const orientation = (people: number): Layout => (people > PORTRAIT_COLUMNS ? 'landscape' : 'portrait');
  const widest = (o: Layout) => Math.max(1, ...byLevel.filter((l) => orientation(l.sections.length) === o).map((l) => l.sections.length));
  w.doc.font(FONT.bold).fontSize(w.type.body);
  const longestWord = Math.max(
    0,
    ...detail.layout.flatMap((s) => s.themes.flatMap((th) => th.domains.flatMap((d) => d.name[locale].split(/\s+/).map((word) => w.doc.widthOfString(word))))),
  );
  byLevel.forEach(({ level, sections }, i) => {
    const o = orientation(sections.length);
    if (o !== (w.doc.page.width > w.doc.page.height ? 'landscape' : 'portrait')) w.newPage(o);
    if (i === 0) w.heading(2, p.overviewTitle, { keepWithNext: w.type.body * 14 });
    const perTable = o === 'landscape' ? LANDSCAPE_COLUMNS : PORTRAIT_COLUMNS;
    for (let from = 0; from < sections.length; from += perTable) {
      const chunk = sections.slice(from, from + perTable);
      const caption = sections.length > perTable ? p.levelPart(p.levels[level], from + 1, from + chunk.length, sections.length) : p.levels[level];
      // The same column widths in every grid table of one orientation, so the tables line up; a
      // table with fewer people is narrower rather than stretched.
      // Wide enough that no word of a domain name is broken ("Communicatievaardigheden").
      const nameW = Math.min(w.width * 0.4, Math.max(w.width * (o === 'landscape' ? 0.22 : 0.3), longestWord + 12));
      const personW = Math.min(150, (w.width - nameW) / Math.min(perTable, widest(o)));
      w.table({ ...gridTable(t, chunk, caption, cell, locale), widths: [nameW, ...chunk.map(() => personW)] });
    }
  });

  // ---------------------------------------------------------------- per person
  for (const section of detail.layout) {
    if (!section.themes.length) continue;
    w.newPage('portrait');
    personSection(w, t, section, cell, detail, locale);
  }

  // ---------------------------------------------------------------- corrections
  // Only corrections of cells this reader may see: a hidden sensitive domain stays hidden here too.
  // listAmendments already leaves out corrections of domains shielded from this reader; checked again
  // here because a printed page is the last place a shielded sensitive value could leak.
  const visible = final ? input.amendments.filter((a) => cellExists(detail, a.subject, a.domainKey)) : [];
  if (visible.length) {
    w.heading(2, p.correctionsTitle);
    for (const a of visible) {
      const subject = detail.subjects.find((s) => s.key === a.subject);
      const domain = detail.catalogue.themes.flatMap((th) => th.domains).find((d) => d.key === a.domainKey);
      w.paragraph(
        `${domain?.name[locale] ?? a.domainKey} — ${subject ? personLabel(t, subject) : ''}: ${p.correctionChange(scoreText(scoreValue(t, a.before, true)), scoreText(scoreValue(t, a.after, true)))}`,
        { font: FONT.bold, after: 2, keepWithNext: w.type.body * 3 },
      );
      w.paragraph(`${t.balances.view.reason}: ${a.reason}`, { after: 2 });
      w.paragraph(p.correctionBy(a.createdByName ?? '?', formatDate(a.createdAt)), { colour: COLOURS.muted, size: w.type.small });
    }
  }
  return w.finish();
}

function gridTable(t: Messages, sections: LayoutSection[], caption: string, cell: (s: string, d: string) => ScoreValue, locale: Locale) {
  const rows: TableRow[] = [];
  for (const th of sections[0]!.themes) {
    rows.push({ group: th.theme.name[locale] });
    for (const d of th.domains) rows.push({ cells: [{ text: d.name[locale] }, ...sections.map((s) => ({ score: cell(s.subject.key, d.key) }))] });
  }
  const personHeader = (s: Subject) => (s.memberId === null ? t.balances.editor.household : s.name);
  return {
    caption,
    rowHeaders: true,
    columns: [
      { header: t.pdf.balance.domain, weight: sections.length > 4 ? 1.6 : 1.9 },
      ...sections.map((s) => ({ header: personHeader(s.subject), weight: 1 })),
    ],
    rows,
  };
}

function personSection(w: PdfWriter, t: Messages, section: LayoutSection, cell: (s: string, d: string) => ScoreValue, detail: BalanceDetail, locale: Locale) {
  const who = personLabel(t, section.subject);
  // Every following page of this person's section opens with their name.
  w.group('Sect', () => w.continued(who, () => personBody(w, t, section, cell, detail, locale, who)));
}

function personBody(
  w: PdfWriter,
  t: Messages,
  section: LayoutSection,
  cell: (s: string, d: string) => ScoreValue,
  detail: BalanceDetail,
  locale: Locale,
  who: string,
) {
  const p = t.pdf.balance;
  const domains = section.themes.flatMap((th) => th.domains);
  w.heading(2, who);
  // The radar needs three spokes to be a shape; with fewer the lists below say it all.
  if (domains.length >= 3) {
    const points: RadarPoint[] = domains.map((d) => {
      const v = cell(section.subject.key, d.key);
      return { label: d.name[locale], score: v.state === 'scored' ? v.score : null };
    });
    // Keyed by the picture's own content: the same points and name always give the same SVG.
    const key =
      'pdf-radar:' +
      createHash('sha256')
        .update(JSON.stringify([who, points]))
        .digest('base64url');
    const svg = chartCache.get(key, () => radarSvg(points, who));
    const scored = points.filter((x) => x.score !== null).map((x) => `${x.label} ${x.score}`);
    const missing = points.filter((x) => x.score === null).map((x) => x.label);
    const alt = p.chartAlt(who, [scored.join(', ') + '.', missing.length ? p.chartNoScore(missing.join(', ')) : ''].join(' ').trim());
    // The radar (radarOption: centre at 52 % of the height, radius 58 % of half the canvas) with
    // its labels lies in a band around the centre; the blank bands above and below are cut off.
    const r = (0.58 * Math.min(RADAR_SIZE.width, RADAR_SIZE.height)) / 2;
    const band = { top: 0.52 * RADAR_SIZE.height - r - 42, height: 2 * r + 84 };
    const width = Math.min(w.width, 450);
    const height = (width * Math.min(band.height, RADAR_SIZE.height)) / RADAR_SIZE.width;
    w.heading(3, p.chartTitle, { keepWithNext: height });
    w.figure(cropHeight(svg, RADAR_SIZE, band.top, band.height), { alt, width, height });
  }
  const listed = (test: (score: number) => boolean) =>
    domains
      .map((d) => ({ d, v: cell(section.subject.key, d.key) }))
      .filter((x) => x.v.state === 'scored' && x.v.score !== null && test(x.v.score))
      .map((x) => `${x.d.name[locale]}: ${scoreText(x.v)}`);
  // Destabilising and stabilising side by side, as on the balance page.
  const lists = [
    [t.balances.view.destabilising, listed((s) => s <= 2)],
    [t.balances.view.stabilising, listed((s) => s >= 4)],
  ] as const;
  const colW = (w.width - 20) / 2;
  const height = Math.max(...lists.map(([, items]) => w.listHeight([...items, t.pdf.none], colW))) + w.type.h3 * 3;
  w.columns(
    lists.map(([title, items]) => () => {
      w.heading(3, title, { keepWithNext: 0 });
      if (items.length) w.list([...items]);
      else w.paragraph(t.pdf.none);
    }),
    height,
  );
  w.heading(3, p.remarksTitle);
  // A remark that moves to the next page says whose remarks it belongs to.
  let any = false;
  w.continued(`${who}: ${p.remarksTitle.toLowerCase()}`, () => {
    for (const d of domains) {
      const stored = detail.cells.get(cellKey(section.subject.key, d.key));
      if (!stored || (!stored.remark.trim() && stored.clientScore === null)) continue;
      any = true;
      const title = `${d.name[locale]} — ${scoreText(cell(section.subject.key, d.key))}`;
      // The domain's line stays with (the start of) its remark.
      const block =
        w.textHeight(title, FONT.bold, w.type.body, w.width) +
        (stored.clientScore !== null ? w.type.body * 1.6 : 0) +
        Math.min(w.textHeight(stored.remark.trim(), FONT.regular, w.type.body, w.width - 10), w.pageHeight / 4);
      w.ensureSpace(block + w.type.body);
      w.paragraph(title, { font: FONT.bold, after: 1.5 });
      if (stored.clientScore !== null)
        w.paragraph(
          `${t.balances.editor.clientScore}: ${scoreText({ state: 'scored', score: stored.clientScore, label: t.balances.scale[stored.clientScore as 1] })}`,
          { after: 1.5, indent: 10, colour: COLOURS.muted },
        );
      if (stored.remark.trim()) w.paragraph(stored.remark.trim(), { indent: 10 });
      else w.gap(4);
    }
  });
  if (!any) w.paragraph(p.noRemarks);
}
