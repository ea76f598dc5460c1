import type { GpmiPrint } from '../../gpmi/queries.js';
import type { BalanceDetail } from '../../balances/model.js';
import { cellKey } from '../../balances/logic.js';
import { messagesFor, type Messages } from '../../i18n/index.js';
import { formatIsoDate } from '../../i18n/format.js';
import { PdfWriter, COLOURS, TYPE_LARGE } from '../../pdf/document.js';
import { FONT, sharedFaces } from '../../pdf/fonts.js';
import { domainContext, themeContext, type ClientCopy } from '../text-logic.js';
import { bidiParagraph, type BidiTextOptions } from './bidi-text.js';

// The client's copies, bilingual: the organisation's official language (the text that binds: Dutch
// in Flanders, French in Wallonia, the client's choice in Brussels; the copy says so) and, under
// each part, the client's language. The official side is the GPMI or balance as written; the
// client side comes from the client texts (the catalogue's, the client view's words) and, for a
// GPMI's own sentences, from what an interpreter or translator wrote for it (gpmi_client_text). A
// part nobody translated says so in the client's language: the copy never invents a translation.

export type Official = 'nl' | 'fr';

interface Common {
  copy: ClientCopy;
  official: Official;
}

function clientOpts(copy: ClientCopy, extra: Partial<BidiTextOptions> = {}): BidiTextOptions {
  return { lang: copy.language.code, dir: copy.language.dir, ...extra };
}

/** The official text, then its translation (or "not translated") in the client's language. */
function bilingual(w: PdfWriter, copy: ClientCopy, official: string, translated: string | null | undefined, opts: { bold?: boolean; indent?: number } = {}) {
  w.paragraph(official, { font: opts.bold ? FONT.bold : FONT.regular, after: 2, ...(opts.indent ? { indent: opts.indent } : {}) });
  if (copy.isDutch) return;
  if (translated) bidiParagraph(w, translated, clientOpts(copy, { bold: opts.bold, indent: opts.indent, colour: COLOURS.heading }));
  else bidiParagraph(w, copy.w('pdfNotTranslated'), clientOpts(copy, { indent: opts.indent, colour: COLOURS.muted }));
}

/** A label in both languages (a heading of the client copy). */
function bilingualHeading(w: PdfWriter, copy: ClientCopy, level: 2 | 3, official: string, client: string) {
  w.heading(level, official, { keepWithNext: w.type.body * 5 });
  if (!copy.isDutch) bidiParagraph(w, client, clientOpts(copy, { bold: true, colour: COLOURS.heading, size: level === 2 ? w.type.h3 : w.type.body }));
}

function bindingNotice(w: PdfWriter, { copy, official }: Common) {
  const o = messagesFor(official).clientVoice.gpmi;
  w.notice(official === 'nl' ? o.pdfBinding : o.pdfBindingFr, { font: FONT.bold });
  if (!copy.isDutch) bidiParagraph(w, copy.w(official === 'nl' ? 'pdfBindingNl' : 'pdfBindingFr'), clientOpts(copy, { bold: true }));
}

function writer(t: Messages, title: string, organisation: string, dossierRef: string | null, draftMark: string | undefined) {
  return new PdfWriter({
    title,
    lang: t.meta.lang,
    organisation,
    dossierLabel: dossierRef ? t.pdf.dossier(dossierRef) : '',
    pageLabel: t.pdf.page,
    draftMark,
    type: TYPE_LARGE,
    continued: t.pdf.continued,
    scoreTone: 'neutral',
  });
}

export interface GpmiClientCopyInput extends Common {
  /** The GPMI as printed in the official language. */
  print: GpmiPrint;
  /** The agreements' domain names in Dutch (what the client texts translate), by domain key. */
  dutchDomainNames: ReadonlyMap<string, string>;
  /** The GPMI's own sentences in the client's language, by the official sentence they translate. */
  translations: ReadonlyMap<string, string>;
}

export function renderGpmiClientCopy(input: GpmiClientCopyInput): Promise<Buffer> {
  const { print, copy, translations } = input;
  const t = messagesFor(input.official);
  const g = t.pdf.gpmi;
  const names = print.person
    ? `${print.person.firstName} ${print.person.lastName}`
    : print.members
        .filter((m) => m.adult)
        .map((m) => `${m.firstName} ${m.lastName}`)
        .join(', ');
  const signed = print.version.status === 'signed';
  const w = writer(t, `${g.docTitle(names)} — ${copy.language.autonym}`, print.organisationName, print.dossierRef, signed ? undefined : g.draftMark);
  const tr = (official: string) => (official.trim() ? translations.get(official.trim()) : undefined);

  w.heading(1, g.title);
  if (!copy.isDutch) bidiParagraph(w, copy.w('pdfGpmiTitle'), clientOpts(copy, { bold: true, size: w.type.h2, colour: COLOURS.heading }));
  w.paragraph(g.subtitle, { colour: COLOURS.muted });
  bindingNotice(w, input);
  if (!signed && !copy.isDutch) bidiParagraph(w, copy.w('pdfDraft'), clientOpts(copy, { bold: true, colour: COLOURS.draft }));

  // The facts, each in both languages; names and dates are the same in both.
  const facts: [string, string, string][] = [
    [g.forWhom, copy.w('pdfFor'), names],
    [g.start, copy.w('pdfStart'), formatIsoDate(print.version.startOn)],
    [g.duration, '', g.months(print.version.durationMonths)],
  ];
  for (const [label, clientLabel, value] of facts) {
    w.paragraph(`${label}: ${value}`, { after: 2 });
    if (clientLabel && !copy.isDutch) bidiParagraph(w, `${clientLabel}: ${value}`, clientOpts(copy));
  }
  if (!copy.isDutch) bidiParagraph(w, copy.count('pdfMonths', print.version.durationMonths), clientOpts(copy));
  if (print.version.moments.length) {
    const dates = print.version.moments.map(formatIsoDate).join(', ');
    w.paragraph(`${g.evaluations}: ${dates}`, { after: 2 });
    if (!copy.isDutch) bidiParagraph(w, `${copy.w('pdfEvaluations')}: ${dates}`, clientOpts(copy));
  }

  if (!print.agreements.length) w.paragraph(g.noAgreements);
  print.agreements.forEach((a, i) => {
    w.ensureSpace(w.pageHeight * 0.3);
    w.group('Sect', () => {
      const dutchName = input.dutchDomainNames.get(a.domainKey) ?? a.domainName;
      const clientName = copy.text(domainContext(a.domainKey, 'name'), dutchName);
      bilingualHeading(w, copy, 2, `${g.agreementNumber(i + 1, print.agreements.length)}: ${a.domainName}`, clientName.text);
      bilingual(w, copy, a.text, tr(a.text), { bold: true });
      if (a.longTermGoal.trim()) {
        bilingualHeading(w, copy, 3, g.longTerm, copy.w('pdfGoalLong'));
        bilingual(w, copy, a.longTermGoal.trim(), tr(a.longTermGoal));
      }
      if (a.shortTermGoal.trim()) {
        bilingualHeading(w, copy, 3, g.shortTerm, copy.w('pdfGoalShort'));
        bilingual(w, copy, a.shortTermGoal.trim(), tr(a.shortTermGoal));
      }
      for (const [label, clientLabel, items] of [
        [g.clientActions, copy.w('pdfClientActions'), a.client],
        [g.ocmwActions, copy.w('pdfOcmwActions'), a.ocmw],
      ] as const) {
        bilingualHeading(w, copy, 3, label, clientLabel);
        if (!items.length) w.paragraph(t.pdf.none);
        for (const item of items) bilingual(w, copy, `• ${item}`, tr(item) ? `• ${tr(item)}` : undefined, { indent: 8 });
      }
    });
    w.gap(w.type.body);
  });

  // Who signs: the names and a place to sign, in the official language (the binding text).
  w.heading(2, g.signaturesTitle);
  w.paragraph(g.signIntro);
  if (signed && print.version.signedOn) w.paragraph(g.signedOn(formatIsoDate(print.version.signedOn)), { font: FONT.bold });
  for (const who of [names, print.version.signedByName ?? '']) {
    w.ensureSpace(w.type.body * 5);
    w.paragraph(`${g.name} ${who}`, { after: 2 });
    w.paragraph(`${g.date} ${g.signature}`, { colour: COLOURS.muted, after: w.type.body * 2 });
  }
  return w.finish();
}

export interface BalanceClientCopyInput extends Common {
  organisation: string;
  dossierRef: string | null;
  /** The balance as the client file shows it to this worker (sensitive domains already left out where they must be). */
  detail: BalanceDetail;
}

/** The client's copy of a balance: per person and theme, each domain with both scores, in both languages. */
export function renderBalanceClientCopy(input: BalanceClientCopyInput): Promise<Buffer> {
  const { detail, copy } = input;
  const t = messagesFor(input.official);
  const cv = t.clientVoice.gpmi;
  const lang = input.official;
  const date = formatIsoDate(detail.takenOn);
  const final = detail.status === 'final';
  const w = writer(t, cv.pdfBalanceTitle(date), input.organisation, input.dossierRef, final ? undefined : t.pdf.balance.draftMark);
  w.heading(1, cv.pdfBalanceTitle(date));
  if (!copy.isDutch) bidiParagraph(w, `${copy.w('pdfBalanceTitle')} — ${date}`, clientOpts(copy, { bold: true, size: w.type.h2, colour: COLOURS.heading }));
  bindingNotice(w, input);
  if (!final && !copy.isDutch) bidiParagraph(w, copy.w('pdfDraft'), clientOpts(copy, { bold: true, colour: COLOURS.draft }));
  for (const section of detail.layout) {
    const who = section.subject.memberId === null ? t.balances.editor.household : section.subject.name;
    w.heading(2, who);
    for (const th of section.themes) {
      bilingualHeading(w, copy, 3, th.theme.name[lang], copy.text(themeContext(th.theme.key), th.theme.name.nl).text);
      for (const d of th.domains) {
        const cell = detail.cells.get(cellKey(section.subject.key, d.key));
        w.ensureSpace(w.type.body * 8);
        w.paragraph(d.name[lang], { font: FONT.bold, after: 2 });
        if (!copy.isDutch) bidiParagraph(w, copy.text(domainContext(d.key, 'name'), d.name.nl).text, clientOpts(copy, { bold: true }));
        const scores: [string, string, number | null][] = [
          [cv.pdfWorkerScore, copy.w('pdfWorkerScore'), cell?.state === 'scored' ? cell.score : null],
          [cv.pdfClientScore, copy.w('pdfYourScore'), cell?.clientScore ?? null],
        ];
        for (const [label, clientLabel, score] of scores) {
          if (score === null) {
            if (label === cv.pdfWorkerScore) w.paragraph(`${label}: ${cv.pdfNotScored}`, { colour: COLOURS.muted, after: 2, indent: 8 });
            continue;
          }
          w.paragraph(`${label}: ${score} — ${d.anchors[score - 1]![lang]}`, { after: 2, indent: 8 });
          if (!copy.isDutch) {
            const anchor = copy.text(domainContext(d.key, `anchor${score}`), d.anchors[score - 1]!.nl);
            bidiParagraph(w, `${clientLabel}: ${score} — ${anchor.translated ? anchor.text : copy.w('pdfNotTranslated')}`, clientOpts(copy, { indent: 8 }));
          }
        }
      }
    }
  }
  return w.finish();
}

/**
 * Right-to-left languages whose copies were read back from the PDF in a test (decision 030). Another
 * right-to-left language (Dari, Pashto) stays on screen until a test proves its copy too.
 */
const RTL_PROVEN = new Set(['ar']);

export function pdfLanguageProven(language: { code: string; dir: 'ltr' | 'rtl' }): boolean {
  return language.dir === 'ltr' || RTL_PROVEN.has(language.code);
}

/**
 * Whether the embedded fonts can draw every character of these texts. A language whose texts they
 * cannot draw gets no PDF (it is read on screen): a PDF with blanks would be worse than none.
 */
export function pdfCanDraw(texts: Iterable<string>): boolean {
  const faces = [...sharedFaces().values()] as { hasGlyphForCodePoint?: (cp: number) => boolean }[];
  for (const text of texts)
    for (const ch of text) {
      if (/\s/.test(ch)) continue;
      const cp = ch.codePointAt(0)!;
      if (!faces.some((f) => f.hasGlyphForCodePoint?.(cp))) return false;
    }
  return true;
}
