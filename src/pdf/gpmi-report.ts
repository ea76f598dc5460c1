import { messagesFor, type Locale, type Messages } from '../i18n/index.js';
import { formatIsoDate } from '../i18n/format.js';
import { PdfWriter, COLOURS, TYPE_LARGE, type TableRow } from './document.js';
import { FONT } from './fonts.js';
import type { ScoreValue } from './score-cell.js';

// The GPMI as the client takes it home (issue 7, PDF b): the agreements written to the client
// ("je"), in large type and short blocks, with signature blocks for the client(s) and the worker.
// It takes a plain input so it does not depend on how the GPMI is stored: the route that loads a
// GPMI (and checks scope, audit) maps its data onto GpmiReportInput.
//
// Two copies (GpmiRenderOptions.audience): the client's copy, neutral in tone (score chips as an
// outline with number and word, no coloured fill) and without the worker's evaluation notes; the
// file copy, with the score colours and the notes. The client's is the default, so a copy handed
// over by mistake never carries notes the client was not meant to read.

export const GPMI_STATUSES = ['lopend', 'bereikt', 'bijgestuurd', 'gestopt'] as const;
export type GpmiStatus = (typeof GPMI_STATUSES)[number];

export interface GpmiAgreementInput {
  /** The life domain in the reader's language, e.g. "Verblijfplaats". */
  domainName: string;
  /** 1–5: the score in the balance the agreement came from. */
  currentScore?: number | null | undefined;
  /** 1–5: "waar wil ik staan?". */
  targetScore?: number | null | undefined;
  /** The agreement in one sentence. */
  agreement: string;
  /** "Wat doe jij?" */
  clientActions: string[];
  /** "Wat doet het OCMW?" */
  ocmwActions: string[];
  /** "Wie helpt nog?" (partner services); may be empty. */
  partners: string[];
  /** Due or evaluation day, yyyy-mm-dd. */
  dueDate?: string | null | undefined;
  status: GpmiStatus;
  /** "Doel op lange termijn" / "Doel op korte termijn"; empty or absent when none was written. */
  longTermGoal?: string | undefined;
  shortTermGoal?: string | undefined;
  /** The evaluations of this agreement, oldest first: the day, how it went, and the worker's note (see GpmiEvaluationInput). */
  evaluations?: GpmiEvaluationInput[] | undefined;
}

export interface GpmiEvaluationInput {
  /** yyyy-mm-dd */
  date: string;
  /** A personal conversation (true), not (false), or not recorded (null, evaluations from before this was asked). */
  inPerson?: boolean | null | undefined;
  status: GpmiStatus;
  /** The worker's note: printed on the file copy, and on the client's copy only when `shared`. */
  note?: string | undefined;
  /** The worker marked the note as shared with the client. */
  shared?: boolean | undefined;
  /** Who recorded it; printed on the file copy only. */
  byName?: string | null | undefined;
}

export type GpmiAudience = 'file' | 'client';
export interface GpmiRenderOptions {
  /** 'client' (default): neutral score chips, only the notes shared with the client. 'file': colours and every note. */
  audience?: GpmiAudience | undefined;
}

export interface GpmiReportInput {
  organisation: string;
  dossierRef: string | null;
  language: Locale;
  /** The person(s) the GPMI is for (one adult, or the household's adults). */
  persons: string[];
  /** The social worker, named in the signature block. */
  workerName: string;
  /** yyyy-mm-dd */
  startDate: string;
  durationMonths: number;
  /** yyyy-mm-dd, in order. */
  evaluationDates: string[];
  version: number;
  /** Null while the GPMI is a draft (then every page says so). */
  signed: { date: string; clientName: string; workerName: string } | null;
  agreements: GpmiAgreementInput[];
  /** Agreements left out because the reader may not see their (sensitive) domain: said on paper, never silently. */
  hiddenAgreements?: number | undefined;
}

function score(t: Messages, n: number | null | undefined): ScoreValue | null {
  if (n === null || n === undefined || !Number.isInteger(n) || n < 1 || n > 5) return null;
  return { state: 'scored', score: n, label: t.balances.scale[n as 1] };
}

export function renderGpmiReport(input: GpmiReportInput, options: GpmiRenderOptions = {}): Promise<Buffer> {
  const audience: GpmiAudience = options.audience ?? 'client';
  const t = messagesFor(input.language);
  const g = t.pdf.gpmi;
  const inPerson = t.figures.evaluation.shown;
  const names = input.persons.join(', ');
  const w = new PdfWriter({
    title: g.docTitle(names),
    lang: t.meta.lang,
    organisation: input.organisation,
    dossierLabel: input.dossierRef ? t.pdf.dossier(input.dossierRef) : '',
    pageLabel: t.pdf.page,
    draftMark: input.signed ? undefined : g.draftMark,
    type: TYPE_LARGE,
    continued: t.pdf.continued,
    scoreTone: audience === 'client' ? 'neutral' : 'colour',
  });

  w.heading(1, g.title);
  w.paragraph(g.subtitle, { colour: COLOURS.muted, size: w.type.small });
  if (!input.signed) w.notice(g.draftMark, { fill: COLOURS.draftFill, colour: COLOURS.draft, font: FONT.bold });
  if (audience === 'file') w.notice(g.fileCopy, { font: FONT.bold });
  w.paragraph(g.intro);
  if (input.hiddenAgreements) w.notice(g.hiddenAgreements(input.hiddenAgreements));
  const facts: [string, string][] = [
    [g.forWhom, names],
    [g.start, formatIsoDate(input.startDate)],
    [g.duration, g.months(input.durationMonths)],
  ];
  if (input.evaluationDates.length) facts.push([g.evaluations, input.evaluationDates.map(formatIsoDate).join(', ')]);
  facts.push([g.version, String(input.version)]);
  w.table({
    noHeader: true,
    rowHeaders: true,
    columns: [
      { header: '', weight: 1.25 },
      { header: '', weight: 2 },
    ],
    rows: facts.map(([k, v]) => ({ cells: [{ text: k }, { text: v }] })),
  });

  if (!input.agreements.length) w.paragraph(g.noAgreements);
  input.agreements.forEach((a, i) => {
    // An agreement is kept on one page when it fits on one: a new page rather than a split.
    const height = agreementHeight(w, g, inPerson, a, audience);
    if (height <= w.pageHeight) w.ensureSpace(height);
    // A longer one starts on a new page unless less than 40 % of this one is still free, and every page it
    // runs on to opens with its domain ("Schulden (vervolg)").
    else w.ensureSpace(w.pageHeight * 0.4);
    w.group('Sect', () =>
      w.continued(a.domainName, () => {
        w.paragraph(g.agreementNumber(i + 1, input.agreements.length), { colour: COLOURS.muted, size: w.type.small, after: 0, keepWithNext: w.type.h2 * 3 });
        w.heading(2, a.domainName);
        w.notice(a.agreement, { font: FONT.bold });
        const now = score(t, a.currentScore);
        const target = score(t, a.targetScore);
        const goals: TableRow[] = [
          ...(a.longTermGoal?.trim() ? [{ cells: [{ text: g.longTerm }, { text: a.longTermGoal.trim() }] }] : []),
          ...(a.shortTermGoal?.trim() ? [{ cells: [{ text: g.shortTerm }, { text: a.shortTermGoal.trim() }] }] : []),
          ...(now ? [{ cells: [{ text: g.now }, { score: now }] }] : []),
          ...(target ? [{ cells: [{ text: g.target }, { score: target }] }] : []),
        ];
        if (goals.length) {
          w.table({
            noHeader: true,
            rowHeaders: true,
            columns: [
              { header: '', weight: 1.25 },
              { header: '', weight: 2 },
            ],
            rows: goals,
          });
        }
        for (const [title, items] of [
          [g.clientActions, a.clientActions],
          [g.ocmwActions, a.ocmwActions],
          [g.partners, a.partners],
        ] as const) {
          if (!items.length && title === g.partners) continue;
          w.heading(3, title, { keepWithNext: w.type.body * 3 });
          if (items.length) w.list([...items]);
          else w.paragraph(t.pdf.none);
        }
        const rows: [string, string][] = [];
        if (a.dueDate) rows.push([g.due, formatIsoDate(a.dueDate)]);
        rows.push([g.statusLabel, g.status[a.status]]);
        w.table({
          noHeader: true,
          rowHeaders: true,
          columns: [
            { header: '', weight: 1.25 },
            { header: '', weight: 2 },
          ],
          rows: rows.map(([k, v]) => ({ cells: [{ text: k }, { text: v }] })),
        });
        const evaluations = a.evaluations ?? [];
        if (evaluations.length) {
          w.heading(3, g.evaluationsTitle, { keepWithNext: w.type.body * 3 });
          // How it went, per evaluation; the worker's notes on the file copy (with who wrote them and
          // whether the client got it too), on the client's copy only the notes shared with them.
          w.list(evaluations.map((e) => evaluationLine(g, inPerson, e, audience)));
        }
      }),
    );
    w.gap(w.type.body);
  });

  signatures(w, t, input);
  return w.finish();
}

/** How "in person" reads in an evaluation line: "persoonlijk gesprek" / "geen …" / "… niet geregistreerd". */
type InPersonWords = Messages['figures']['evaluation']['shown'];
const inPersonText = (w: InPersonWords, v: boolean | null | undefined) => (v === true ? w.yes : v === false ? w.no : w.unknown);

/** One evaluation as the list prints it for this copy (see the comment at its use): the day, whether in person, how it went. */
function evaluationLine(g: Messages['pdf']['gpmi'], inPerson: InPersonWords, e: GpmiEvaluationInput, audience: GpmiAudience): string {
  const line = g.evaluation(`${formatIsoDate(e.date)} (${inPersonText(inPerson, e.inPerson)})`, g.status[e.status]);
  const note = e.note?.trim();
  if (audience !== 'file') return note && e.shared ? `${line}\n${note}` : line;
  const by = e.byName ? ` (${e.byName})` : '';
  return note ? `${line}${by}\n${note}${e.shared ? `\n${g.sharedNote}` : ''}` : `${line}${by}`;
}

/** A generous estimate of what one agreement takes on the page (see the layout in renderGpmiReport). */
function agreementHeight(w: PdfWriter, g: Messages['pdf']['gpmi'], inPerson: InPersonWords, a: GpmiAgreementInput, audience: GpmiAudience): number {
  const ty = w.type;
  const row = ty.body * (1 + ty.lineGap / 10) + 14;
  let h = ty.small * 1.8 + ty.h2 * 2.4 + w.textHeight(a.agreement, FONT.bold, ty.body, w.width - 20) + 14 + ty.body;
  h += ((a.currentScore ? 1 : 0) + (a.targetScore ? 1 : 0)) * row + ty.body * 1.2;
  for (const goal of [a.longTermGoal, a.shortTermGoal])
    if (goal?.trim()) h += w.textHeight(goal.trim(), FONT.regular, ty.body, (w.width * 2) / 3.25 - 10) + 2 * 4 + 2;
  const evaluations = a.evaluations ?? [];
  if (evaluations.length)
    h +=
      ty.h3 * 2.2 +
      w.listHeight(
        evaluations.map((e) => evaluationLine(g, inPerson, e, audience)),
        w.width,
      );
  for (const items of [a.clientActions, a.ocmwActions, a.partners]) {
    if (!items.length && items === a.partners) continue;
    h += ty.h3 * 2.2 + (items.length ? w.listHeight(items, w.width) : ty.body * 2);
  }
  h += (a.dueDate ? 2 : 1) * row + ty.body * 1.2;
  return h * 1.05;
}

function signatures(w: PdfWriter, t: Messages, input: GpmiReportInput): void {
  const g = t.pdf.gpmi;
  const doc = w.doc;
  const size = w.type.body;
  const signedDate = input.signed ? formatIsoDate(input.signed.date) : null;
  const blocks = [
    ...input.persons.map((name) => ({ role: g.client, name: input.signed && input.persons.length === 1 ? input.signed.clientName : name })),
    { role: g.worker, name: input.signed?.workerName ?? input.workerName },
  ];
  const gutter = 24;
  const blockW = (w.width - gutter) / 2;
  const step = size * 1.9;
  const signSpace = size * 4.6;
  const blockH = 10 + step * 3 + size * 1.2 + signSpace + 12;
  w.ensureSpace(w.type.h2 * 2.6 + size * 4 + blockH);
  w.group('Sect', () => {
    w.heading(2, g.signaturesTitle, { keepWithNext: size * 4 + blockH });
    w.paragraph(g.signIntro);
    if (signedDate) w.paragraph(g.signedOn(signedDate), { font: FONT.bold });
    for (let i = 0; i < blocks.length; i += 2) {
      w.ensureSpace(blockH);
      const y = doc.y;
      blocks.slice(i, i + 2).forEach((b, j) => {
        const x = w.left + j * (blockW + gutter);
        const inner = blockW - 24;
        const dateLabel = `${g.date} `;
        // The lines to write on are decoration; the words beside them are the content.
        w.artifact(() => {
          doc.save().roundedRect(x, y, blockW, blockH, 4).lineWidth(0.8).strokeColor(COLOURS.rule).stroke().restore();
          doc.font(FONT.regular).fontSize(size);
          const dateLineX = x + 12 + doc.widthOfString(dateLabel) + 2;
          if (!signedDate)
            doc
              .save()
              .moveTo(dateLineX, y + 10 + step * 2 + size * 1.25)
              .lineTo(x + blockW - 12, y + 10 + step * 2 + size * 1.25)
              .lineWidth(0.6)
              .strokeColor(COLOURS.text)
              .stroke()
              .restore();
          doc
            .save()
            .moveTo(x + 12, y + blockH - 14)
            .lineTo(x + blockW - 12, y + blockH - 14)
            .lineWidth(0.6)
            .strokeColor(COLOURS.text)
            .stroke()
            .restore();
        });
        w.group('Div', () => {
          w.tagged('P', () => {
            doc
              .font(FONT.bold)
              .fontSize(size)
              .fillColor(COLOURS.heading)
              .text(b.role, x + 12, y + 10, { width: inner, lineBreak: false });
          });
          w.tagged('P', () => {
            doc
              .font(FONT.regular)
              .fontSize(size)
              .fillColor(COLOURS.text)
              .text(`${g.name} ${b.name}`, x + 12, y + 10 + step, { width: inner, lineBreak: false, ellipsis: true });
          });
          w.tagged('P', () => {
            doc
              .font(FONT.regular)
              .fontSize(size)
              .fillColor(COLOURS.text)
              .text(`${dateLabel}${signedDate ?? ''}`, x + 12, y + 10 + step * 2, { width: inner, lineBreak: false });
          });
          w.tagged('P', () => {
            doc
              .font(FONT.regular)
              .fontSize(size * 0.85)
              .fillColor(COLOURS.muted)
              .text(g.signature, x + 12, y + 10 + step * 3, { width: inner, lineBreak: false });
          });
        });
      });
      doc.x = w.left;
      doc.y = y + blockH + 14;
    }
  });
}
