import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT, sharedFaces, type FontName } from './fonts.js';
import { CHIP_PAD_Y, drawScoreChip, scoreChipHeight, type ScoreTone, type ScoreValue } from './score-cell.js';
import { svgForPdf } from './svg.js';

// The PDF foundation: an A4 document that is tagged for assistive technology (every heading,
// paragraph, list, table and figure is a structure element; rules, backgrounds, headers and footers
// are artifacts), with its title and language set and Noto Sans embedded. Content is laid out top
// to bottom by the helpers below, which break pages themselves so a table row is never cut in half
// and a heading never sits alone at the bottom of a page. Headers and footers ("Pagina x van y")
// are drawn at the end, when the number of pages is known (bufferPages).

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Structure element options pdfkit supports but @types/pdfkit 0.17 does not list. */
interface StructOptions {
  alt?: string;
  lang?: string;
  title?: string;
  scope?: 'Row' | 'Column' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

export interface TypeScale {
  body: number;
  small: number;
  h1: number;
  h2: number;
  h3: number;
  lineGap: number;
}
/**
 * The balance report: it is read with the client too, so nothing the reader needs is below 11 pt
 * ("small" is a muted colour, not a smaller size). The client's GPMI uses the large scale (people
 * who read poorly, often on paper). Only the running header and footer (artifacts) are smaller.
 */
export const TYPE_NORMAL: TypeScale = { body: 11, small: 11, h1: 22, h2: 16, h3: 13, lineGap: 2.5 };
export const TYPE_LARGE: TypeScale = { body: 13, small: 11, h1: 26, h2: 18, h3: 14.5, lineGap: 3.5 };

export const COLOURS = {
  text: '#1d2329',
  muted: '#4a545e',
  heading: '#1b3a5c',
  rule: '#9aa3ad',
  faint: '#d5dbe1',
  fill: '#eef1f4',
  draft: '#5c1f00',
  draftFill: '#fde9d9',
} as const;

const MARGINS = { top: 80, bottom: 62, left: 52, right: 52 };

export type Layout = 'portrait' | 'landscape';

export interface PdfSetup {
  /** Document title: in the PDF's metadata, shown by viewers instead of the file name, and in the footer. */
  title: string;
  /** BCP 47 language of the text, e.g. 'nl-BE'. */
  lang: string;
  organisation: string;
  /** "Dossier D-2026-0042", top right on every page. */
  dossierLabel: string;
  pageLabel: (n: number, total: number) => string;
  /** Drawn on every page when the document is not final, e.g. "ONTWERP — nog niet afgerond". */
  draftMark?: string | undefined;
  type?: TypeScale;
  /** "Huishouden (vervolg)": how a heading or caption is repeated at the top of a following page. */
  continued?: ((what: string) => string) | undefined;
  /** 'neutral': score chips without their colour fill (the client's copy); 'colour' by default. */
  scoreTone?: ScoreTone | undefined;
}

export type CellSpec = { text: string; bold?: boolean; muted?: boolean } | { score: ScoreValue };

export type TableRow = { cells: CellSpec[] } | { group: string };

export interface TableSpec {
  caption?: string;
  /** Widths are relative weights of the content width. */
  columns: { header: string; weight: number }[];
  rows: TableRow[];
  /** The first cell of each row is a row header (th scope=row). */
  rowHeaders?: boolean;
  /** Column widths in points, instead of weights of the full width (then the table may be narrower). */
  widths?: number[];
  size?: number;
  /** No header row (a list of label/value pairs): the first column then carries the row headers. */
  noHeader?: boolean;
  /** A short table (a legend) moves to the next page whole rather than being split. */
  keepTogether?: boolean;
}

const CELL_PAD_X = 4.5;
const CELL_PAD_Y = 4;

export class PdfWriter {
  readonly doc: Doc;
  readonly type: TypeScale;
  private readonly setup: PdfSetup;
  private readonly root: Struct;
  private parents: Struct[] = [];
  private layout: Layout = 'portrait';
  private readonly scoreTone: ScoreTone;

  constructor(setup: PdfSetup) {
    this.setup = setup;
    this.type = setup.type ?? TYPE_NORMAL;
    this.scoreTone = setup.scoreTone ?? 'colour';
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      autoFirstPage: true,
      tagged: true,
      lang: setup.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: setup.title, Author: setup.organisation, Creator: 'Sociale Balans', Producer: 'Sociale Balans (pdfkit)' },
    } as PDFKit.PDFDocumentOptions);
    for (const [name, face] of sharedFaces()) this.doc.registerFont(name, face as Buffer);
    this.doc.font(FONT.regular).fontSize(this.type.body).fillColor(COLOURS.text);
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.parents = [this.root];
  }

  // ------------------------------------------------------------ geometry
  /** Set while laying out one of several columns (see columns()). */
  private area: { left: number; width: number } | null = null;
  get left(): number {
    return this.area?.left ?? this.doc.page.margins.left;
  }
  get width(): number {
    return this.area?.width ?? this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  get pageHeight(): number {
    return this.bottom - this.doc.page.margins.top;
  }

  newPage(layout: Layout = this.layout): void {
    this.layout = layout;
    this.doc.addPage({ size: 'A4', layout, margins: MARGINS });
    this.doc.x = this.left;
    const label = this.continuations[this.continuations.length - 1];
    if (label) {
      // Whose page this is, when a section runs on: read out once already (its heading), so decoration.
      const y = this.doc.y;
      const h = this.textHeight(label, FONT.bold, this.type.h3, this.width);
      this.artifact(() => {
        this.doc.font(FONT.bold).fontSize(this.type.h3).fillColor(COLOURS.muted).text(label, this.left, y, { width: this.width, lineGap: this.type.lineGap });
      });
      this.doc.fillColor(COLOURS.text);
      this.doc.x = this.left;
      this.doc.y = y + h + this.type.body * 0.5;
    }
  }

  private continuations: string[] = [];
  /**
   * While `fill` runs, every page it starts opens with `label` (e.g. "Sara Peeters (vervolg)"), so a
   * block that moved to a new page is never left there without saying what it belongs to.
   */
  continued(label: string, fill: () => void): void {
    this.continuations.push(this.setup.continued ? this.setup.continued(label) : label);
    try {
      fill();
    } finally {
      this.continuations.pop();
    }
  }

  /** Starts a new page unless `height` still fits below the current position. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom && this.doc.y > this.doc.page.margins.top + 1) this.newPage();
  }

  gap(points: number): void {
    if (this.doc.y + points <= this.bottom) this.doc.y += points;
  }

  /**
   * Blocks side by side, each filling a column from the same top. `height` is what the tallest
   * needs (see listHeight): the columns move to a new page together when they do not fit here, and
   * when they would not fit on any page the blocks simply follow each other instead.
   */
  columns(blocks: (() => void)[], height: number, gutter = 20): void {
    if (height > this.pageHeight * 0.9) {
      blocks.forEach((b) => b());
      return;
    }
    this.ensureSpace(height);
    const y0 = this.doc.y;
    const left = this.left;
    const colW = (this.width - gutter * (blocks.length - 1)) / blocks.length;
    let maxY = y0;
    blocks.forEach((block, i) => {
      this.area = { left: left + i * (colW + gutter), width: colW };
      this.doc.y = y0;
      try {
        block();
      } finally {
        this.area = null;
      }
      maxY = Math.max(maxY, this.doc.y);
    });
    this.doc.x = this.left;
    this.doc.y = maxY;
  }

  /** The height list() will take for these items at this width (for columns() and keep-together decisions). */
  listHeight(items: string[], width: number, size = this.type.body): number {
    const bulletW = size * 1.2;
    return items.reduce((h, item) => h + this.textHeight(item, FONT.regular, size, width - bulletW) + size * 0.3, 0) + size * 0.4;
  }

  textHeight(text: string, font: FontName, size: number, width: number): number {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(text, { width, lineGap: this.type.lineGap });
  }

  // ------------------------------------------------------------ structure
  private get parent(): Struct {
    return this.parents[this.parents.length - 1]!;
  }

  /** A structure element under the current parent, its content drawn by `draw`. */
  tagged(type: string, draw: () => void, options: StructOptions = {}, parent: Struct = this.parent): Struct {
    const el = this.doc.struct(type, options as Parameters<Doc['struct']>[1]);
    parent.add(el);
    el.add(draw);
    el.end();
    return el;
  }

  /** A grouping element (Sect, L, Table...) whose children are added by `fill`. */
  group(type: string, fill: () => void, options: StructOptions = {}): void {
    const el = this.doc.struct(type, options as Parameters<Doc['struct']>[1]);
    this.parent.add(el);
    this.parents.push(el);
    try {
      fill();
    } finally {
      this.parents.pop();
      el.end();
    }
  }

  /**
   * Decoration (rules, backgrounds): not read out, not in the structure. Never call inside tagged
   * content. `pagination` marks a running header or footer as such (/Type /Pagination, attached to
   * the top or bottom edge, with its box), so assistive technology and reflow know what it is.
   */
  artifact(draw: () => void, pagination?: { edge: 'Top' | 'Bottom'; bbox: [number, number, number, number] }): void {
    if (pagination) this.doc.markContent('Artifact', { type: 'Pagination', attached: [pagination.edge], bbox: pagination.bbox } as never);
    else this.doc.markContent('Artifact');
    draw();
    this.doc.endMarkedContent();
  }

  // ------------------------------------------------------------ blocks
  heading(level: 1 | 2 | 3, text: string, opts: { keepWithNext?: number; colour?: string } = {}): void {
    const size = level === 1 ? this.type.h1 : level === 2 ? this.type.h2 : this.type.h3;
    const h = this.textHeight(text, FONT.bold, size, this.width);
    const before = level === 1 ? 0 : level === 2 ? size * 0.9 : size * 0.6;
    if (this.doc.y > this.doc.page.margins.top + 1) this.ensureSpace(before + h + (opts.keepWithNext ?? this.type.body * 4));
    if (this.doc.y > this.doc.page.margins.top + 1) this.gap(before);
    const y = this.doc.y;
    this.tagged(`H${level}`, () => {
      this.doc
        .font(FONT.bold)
        .fontSize(size)
        .fillColor(opts.colour ?? COLOURS.heading)
        .text(text, this.left, y, { width: this.width, lineGap: this.type.lineGap });
    });
    if (level < 3) this.doc.outline.addItem(text);
    this.doc.fillColor(COLOURS.text);
    this.gap(level === 1 ? size * 0.35 : size * 0.3);
  }

  paragraph(text: string, opts: { font?: FontName; size?: number; colour?: string; after?: number; indent?: number; keepWithNext?: number } = {}): void {
    const size = opts.size ?? this.type.body;
    const font = opts.font ?? FONT.regular;
    const indent = opts.indent ?? 0;
    const width = this.width - indent;
    const h = this.textHeight(text, font, size, width);
    // A paragraph that fits on a page is not split; a longer one (a long remark) flows on.
    this.ensureSpace(Math.min(h, this.pageHeight / 3) + (opts.keepWithNext ?? 0));
    const y = this.doc.y;
    this.tagged('P', () => {
      this.doc
        .font(font)
        .fontSize(size)
        .fillColor(opts.colour ?? COLOURS.text)
        .text(text, this.left + indent, y, { width, lineGap: this.type.lineGap });
    });
    this.doc.x = this.left;
    this.doc.fillColor(COLOURS.text);
    this.gap(opts.after ?? size * 0.6);
  }

  /** A boxed note (draft notice, hidden domains). */
  notice(text: string, opts: { fill?: string; colour?: string; font?: FontName } = {}): void {
    const size = this.type.body;
    const pad = 7;
    const font = opts.font ?? FONT.regular;
    const h = this.textHeight(text, font, size, this.width - 2 * pad) + 2 * pad;
    this.ensureSpace(h);
    const y = this.doc.y;
    this.artifact(() => {
      this.doc
        .save()
        .roundedRect(this.left, y, this.width, h, 3)
        .fill(opts.fill ?? COLOURS.fill)
        .restore();
      this.doc
        .save()
        .rect(this.left, y, 3, h)
        .fill(opts.colour ?? COLOURS.heading)
        .restore();
    });
    this.tagged('P', () => {
      this.doc
        .font(font)
        .fontSize(size)
        .fillColor(opts.colour ?? COLOURS.text)
        .text(text, this.left + pad + 2, y + pad, { width: this.width - 2 * pad - 2, lineGap: this.type.lineGap });
    });
    this.doc.fillColor(COLOURS.text);
    this.doc.x = this.left;
    this.doc.y = y + h;
    this.gap(size * 0.8);
  }

  /** A bulleted list; an item is never split over two pages unless it is longer than a page. */
  list(items: string[], opts: { size?: number; indent?: number } = {}): void {
    const size = opts.size ?? this.type.body;
    const indent = opts.indent ?? 0;
    const bulletW = size * 1.2;
    const width = this.width - indent - bulletW;
    this.group('L', () => {
      for (const item of items) {
        const h = this.textHeight(item, FONT.regular, size, width);
        this.ensureSpace(Math.min(h, this.pageHeight / 2));
        const y = this.doc.y;
        this.group('LI', () => {
          this.tagged('Lbl', () => {
            this.doc
              .font(FONT.bold)
              .fontSize(size)
              .fillColor(COLOURS.heading)
              .text('•', this.left + indent, y, { width: bulletW, lineBreak: false });
          });
          this.tagged('LBody', () => {
            this.doc
              .font(FONT.regular)
              .fontSize(size)
              .fillColor(COLOURS.text)
              .text(item, this.left + indent + bulletW, y, { width, lineGap: this.type.lineGap });
          });
        });
        this.doc.x = this.left;
        this.gap(size * 0.3);
      }
    });
    this.gap(size * 0.4);
  }

  /** An SVG picture (a chart) with its text alternative. */
  figure(svg: string, opts: { alt: string; width: number; height: number }): void {
    this.ensureSpace(opts.height);
    const x = this.left + (this.width - opts.width) / 2;
    const y = this.doc.y;
    this.tagged(
      'Figure',
      () => {
        SVGtoPDF(this.doc as never, svgForPdf(svg), x, y, {
          width: opts.width,
          height: opts.height,
          preserveAspectRatio: 'xMidYMid meet',
          fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
        });
      },
      { alt: opts.alt, bbox: [x, y, x + opts.width, y + opts.height], placement: 'Block' },
    );
    this.doc.font(FONT.regular).fillColor(COLOURS.text);
    this.doc.x = this.left;
    this.doc.y = y + opts.height;
    this.gap(this.type.body * 0.6);
  }

  // ------------------------------------------------------------ tables
  table(spec: TableSpec): void {
    const size = spec.size ?? this.type.body;
    const total = spec.columns.reduce((s, c) => s + c.weight, 0);
    const widths = spec.widths ?? spec.columns.map((c) => (c.weight / total) * this.width);
    const tableW = widths.reduce((s, w) => s + w, 0);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const headerH = spec.noHeader
      ? 0
      : Math.max(...spec.columns.map((c, i) => this.textHeight(c.header, FONT.bold, size, widths[i]! - 2 * CELL_PAD_X))) + 2 * CELL_PAD_Y;
    const rowH = (row: TableRow): number => {
      if ('group' in row) return this.textHeight(row.group, FONT.bold, size, tableW - 2 * CELL_PAD_X) + 2 * CELL_PAD_Y + 2;
      return Math.max(
        ...row.cells.map((cell, i) => {
          const w = widths[i]! - 2 * CELL_PAD_X;
          if ('score' in cell) return scoreChipHeight(this.doc, cell.score, w, size) + 2 * CELL_PAD_Y;
          return this.textHeight(cell.text, cell.bold || (spec.rowHeaders && i === 0) ? FONT.bold : FONT.regular, size, w) + 2 * CELL_PAD_Y;
        }),
      );
    };
    const captionH = spec.caption ? this.textHeight(spec.caption, FONT.bold, size + 1, tableW) + 4 : 0;
    const heights = spec.rows.map(rowH);
    const sum = (from: number, to: number) => heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
    // Blocks: a group row (a theme) with the rows under it; without group rows the table is one block.
    const blockStart: number[] = [];
    const blockEnd: number[] = [];
    spec.rows.forEach((row, r) => (blockStart[r] = 'group' in row || r === 0 ? r : blockStart[r - 1]!));
    for (let r = spec.rows.length - 1; r >= 0; r--) blockEnd[r] = r === spec.rows.length - 1 || 'group' in spec.rows[r + 1]! ? r : blockEnd[r + 1]!;
    const room = this.pageHeight - headerH - this.type.h3 * 2;
    /**
     * What must fit below the current position before row r is drawn, so that no row is orphaned:
     * a theme moves to a new page whole when it fits on one, else with at least its first two
     * rows; the last row of a block never goes to a new page alone (the one before goes with it).
     */
    const need = (r: number): number => {
      const end = blockEnd[r]!;
      if ('group' in spec.rows[r]!) return sum(r, end) <= room ? sum(r, end) : sum(r, Math.min(end, r + 2));
      return r === end - 1 ? heights[r]! + heights[end]! : heights[r]!;
    };
    // The caption, the header and the first block (or its start) stay together.
    const whole = captionH + headerH + sum(0, spec.rows.length - 1);
    this.ensureSpace(spec.keepTogether && whole <= this.pageHeight ? whole : captionH + headerH + (spec.rows.length ? need(0) : 0));

    const drawHeader = (repeat: boolean) => {
      if (repeat && spec.caption) {
        // The caption ("Volwassenen") is repeated with the header, as decoration.
        const label = this.setup.continued ? this.setup.continued(spec.caption) : spec.caption;
        const y = this.doc.y;
        const h = this.textHeight(label, FONT.bold, size + 1, tableW) + 4;
        this.artifact(() => {
          this.doc
            .font(FONT.bold)
            .fontSize(size + 1)
            .fillColor(COLOURS.heading)
            .text(label, this.left, y, { width: tableW, lineGap: this.type.lineGap });
        });
        this.doc.y = y + h;
      }
      if (spec.noHeader) return;
      const y = this.doc.y;
      this.artifact(() => {
        this.doc.save().rect(this.left, y, tableW, headerH).fill(COLOURS.fill).restore();
        this.doc
          .save()
          .moveTo(this.left, y + headerH)
          .lineTo(this.left + tableW, y + headerH)
          .lineWidth(0.8)
          .strokeColor(COLOURS.rule)
          .stroke()
          .restore();
      });
      const drawCells = () =>
        spec.columns.forEach((c, i) => {
          this.doc
            .font(FONT.bold)
            .fontSize(size)
            .fillColor(COLOURS.text)
            .text(c.header, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, { width: widths[i]! - 2 * CELL_PAD_X, lineGap: this.type.lineGap });
        });
      if (repeat) {
        // A header repeated on a following page is decoration: it was read out once already.
        this.artifact(drawCells);
      } else {
        this.group('THead', () =>
          this.group('TR', () =>
            spec.columns.forEach((c, i) => {
              this.tagged(
                'TH',
                () => {
                  this.doc
                    .font(FONT.bold)
                    .fontSize(size)
                    .fillColor(COLOURS.text)
                    .text(c.header, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, { width: widths[i]! - 2 * CELL_PAD_X, lineGap: this.type.lineGap });
                },
                { scope: 'Column' },
              );
            }),
          ),
        );
      }
      this.doc.y = y + headerH;
    };

    this.group('Table', () => {
      if (spec.caption) {
        const y = this.doc.y;
        this.tagged('Caption', () => {
          this.doc
            .font(FONT.bold)
            .fontSize(size + 1)
            .fillColor(COLOURS.heading)
            .text(spec.caption!, this.left, y, { width: tableW, lineGap: this.type.lineGap });
        });
        this.doc.y = y + captionH;
      }
      drawHeader(false);
      this.group('TBody', () => {
        spec.rows.forEach((row, r) => {
          const h = heights[r]!;
          if (this.doc.y + need(r) > this.bottom) {
            this.newPage();
            drawHeader(true);
            // A theme that runs on: its name again above its next rows (decoration: it was read once).
            const start = blockStart[r]!;
            const head = spec.rows[start]!;
            if (!('group' in row) && 'group' in head) {
              const label = this.setup.continued ? this.setup.continued(head.group) : head.group;
              const gh = this.textHeight(label, FONT.bold, size, tableW - 2 * CELL_PAD_X) + 2 * CELL_PAD_Y + 2;
              const gy = this.doc.y;
              this.artifact(() => {
                this.doc
                  .save()
                  .rect(this.left, gy + 2, tableW, gh - 2)
                  .fill(COLOURS.fill)
                  .restore();
                this.doc
                  .font(FONT.bold)
                  .fontSize(size)
                  .fillColor(COLOURS.heading)
                  .text(label, this.left + CELL_PAD_X, gy + 2 + CELL_PAD_Y, { width: tableW - 2 * CELL_PAD_X, lineGap: this.type.lineGap });
              });
              this.doc.y = gy + gh;
            }
          }
          const y = this.doc.y;
          this.artifact(() => {
            if ('group' in row)
              this.doc
                .save()
                .rect(this.left, y + 2, tableW, h - 2)
                .fill(COLOURS.fill)
                .restore();
            this.doc
              .save()
              .moveTo(this.left, y + h)
              .lineTo(this.left + tableW, y + h)
              .lineWidth(0.5)
              .strokeColor(COLOURS.faint)
              .stroke()
              .restore();
            if (!('group' in row))
              row.cells.forEach((cell, i) => {
                if ('score' in cell)
                  drawScoreChip(this.doc, cell.score, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, widths[i]! - 2 * CELL_PAD_X, size, 'background', this.scoreTone);
              });
          });
          const textOffset = !('group' in row) && row.cells.some((c) => 'score' in c) ? CHIP_PAD_Y : 0;
          this.group('TR', () => {
            if ('group' in row) {
              const th = this.tagged('TH', () => {
                this.doc
                  .font(FONT.bold)
                  .fontSize(size)
                  .fillColor(COLOURS.heading)
                  .text(row.group, this.left + CELL_PAD_X, y + 2 + CELL_PAD_Y, { width: tableW - 2 * CELL_PAD_X, lineGap: this.type.lineGap });
              });
              // The theme's name heads the rows below it and spans the whole table.
              (th as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
                O: 'Table',
                Scope: 'Row',
                ColSpan: spec.columns.length,
              };
              return;
            }
            row.cells.forEach((cell, i) => {
              const header = spec.rowHeaders && i === 0;
              this.tagged(
                header ? 'TH' : 'TD',
                () => {
                  if ('score' in cell) {
                    drawScoreChip(this.doc, cell.score, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y, widths[i]! - 2 * CELL_PAD_X, size, 'text', this.scoreTone);
                  } else {
                    this.doc
                      .font(cell.bold || header ? FONT.bold : FONT.regular)
                      .fontSize(size)
                      .fillColor(cell.muted ? COLOURS.muted : COLOURS.text)
                      .text(cell.text, xs[i]! + CELL_PAD_X, y + CELL_PAD_Y + textOffset, { width: widths[i]! - 2 * CELL_PAD_X, lineGap: this.type.lineGap });
                  }
                },
                header ? { scope: 'Row' } : {},
              );
            });
          });
          this.doc.y = y + h;
        });
      });
    });
    this.doc.x = this.left;
    this.doc.fillColor(COLOURS.text);
    this.gap(size * 1.2);
  }

  // ------------------------------------------------------------ finishing
  /** Header, footer and draft mark on every page, then the bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      this.decoratePage(i - range.start + 1, range.count);
    }
    this.root.end();
    doc.end();
    return done;
  }

  private decoratePage(n: number, total: number): void {
    const doc = this.doc;
    const page = doc.page;
    const saved = page.margins;
    // Drawing in the margins must not make pdfkit start a new page.
    page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const left = saved.left;
    const width = page.width - saved.left - saved.right;
    const small = 9.5;
    // The running header: organisation, dossier, rule (and the draft mark below it).
    this.artifact(
      () => {
        doc
          .font(FONT.bold)
          .fontSize(small + 0.5)
          .fillColor(COLOURS.heading)
          .text(this.setup.organisation, left, 30, { width: width * 0.6, lineBreak: false, ellipsis: true });
        doc
          .font(FONT.regular)
          .fontSize(small)
          .fillColor(COLOURS.muted)
          .text(this.setup.dossierLabel, left + width * 0.6, 31, { width: width * 0.4, align: 'right', lineBreak: false, ellipsis: true });
        doc
          .save()
          .moveTo(left, 46)
          .lineTo(left + width, 46)
          .lineWidth(0.6)
          .strokeColor(COLOURS.rule)
          .stroke()
          .restore();
        if (this.setup.draftMark) {
          doc.save().rect(left, 50, width, 17).fill(COLOURS.draftFill).restore();
          doc
            .font(FONT.bold)
            .fontSize(small + 0.5)
            .fillColor(COLOURS.draft)
            .text(this.setup.draftMark, left, 53.5, { width, align: 'center', lineBreak: false });
        }
      },
      { edge: 'Top', bbox: [left, 28, left + width, this.setup.draftMark ? 67 : 47] },
    );
    // The running footer: the document's title and "Pagina x van y".
    const fy = page.height - 40;
    this.artifact(
      () => {
        doc
          .save()
          .moveTo(left, fy - 6)
          .lineTo(left + width, fy - 6)
          .lineWidth(0.6)
          .strokeColor(COLOURS.rule)
          .stroke()
          .restore();
        doc
          .font(FONT.regular)
          .fontSize(small)
          .fillColor(COLOURS.muted)
          .text(this.setup.title, left, fy, { width: width * 0.7, lineBreak: false, ellipsis: true });
        doc
          .font(FONT.regular)
          .fontSize(small)
          .fillColor(COLOURS.muted)
          .text(this.setup.pageLabel(n, total), left + width * 0.7, fy, { width: width * 0.3, align: 'right', lineBreak: false });
      },
      { edge: 'Bottom', bbox: [left, fy - 7, left + width, fy + small * 1.4] },
    );
    page.margins = saved;
  }
}
