import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { reportLabels } from '../../../shared/report/labels';
import type { Align, Block, Cell, Chapter, LightBox, Report, TableColumn } from '../../../shared/report/model';
import { chartSvg, REPORT_COLORS } from '../../../shared/report/svg';
import { measureText, svgToPng } from './fonts';

/**
 * The report as a Word document an evaluator can keep editing: Word's own heading styles (so
 * the navigation pane and the table of contents work), real Word tables, the charts as 300 dpi
 * pictures of the same drawing the PDF has, fields for page numbers and the table of contents
 * (written with their page numbers filled in, so the file reads right before Word updates them).
 */

const TWIP = 20; // per point
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { left: 1240, right: 1240, top: 1300, bottom: 1150, header: 560, footer: 480 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Charts are drawn at the text width in points, as in the PDF. */
const CHART_WIDTH_PT = CONTENT_WIDTH / TWIP;
const FONT = 'Calibri';

const hex = (c: string) => c.replace('#', '').toUpperCase();
const C = REPORT_COLORS;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

/** Text runs of a text with line breaks. */
function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ ...options, text: line, break: i > 0 ? 1 : undefined }));
}

function para(text: string, options: Omit<IParagraphOptions, 'children' | 'text'> = {}, run: Omit<IRunOptions, 'text' | 'break'> = {}): Paragraph {
  return new Paragraph({ ...options, children: runs(text, run) });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const GRID = { style: BorderStyle.SINGLE, size: 4, color: hex(C.grid) };

function columnTwips(columns: { weight: number }[]): number[] {
  const total = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => Math.floor((c.weight / total) * CONTENT_WIDTH));
  widths[widths.length - 1] += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cell(content: Cell, column: TableColumn, options: { header?: boolean; footer?: boolean; width: number; keepNext?: boolean }): TableCell {
  const bold = options.header || options.footer || ('bold' in content && content.bold) || content.kind === 'light';
  const text = options.header ? column.title : content.text;
  const fill = options.header ? hex(C.headerFill) : content.kind === 'light' && content.light ? hex(C.lightFill[content.light]) : undefined;
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    shading: fill ? { type: ShadingType.CLEAR, fill, color: 'auto' } : undefined,
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    children: [para(text, { alignment: ALIGN[content.kind === 'light' ? 'center' : column.align], spacing: { after: 0 }, keepNext: options.keepNext }, { bold, size: 17 })],
  });
}

function table(block: Extract<Block, { kind: 'table' }>): (Paragraph | Table)[] {
  const widths = columnTwips(block.columns);
  // A short table is kept on one page with its caption (as in the PDF): every row keeps with the next.
  const count = block.rows.length + block.footer.length;
  const short = count <= 14;
  const headerCells = block.columns.map((c, i) => cell({ kind: 'text', text: c.title }, c, { header: true, width: widths[i], keepNext: true }));
  const body = [...block.rows.map((r) => ({ r, footer: false })), ...block.footer.map((r) => ({ r, footer: true }))];
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: headerCells }),
    ...body.map(
      ({ r, footer }, k) =>
        new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, block.columns[i], { footer, width: widths[i], keepNext: short && k < count - 1 })) }),
    ),
  ];
  return [
    para(block.caption, { style: 'Caption', keepNext: true }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: GRID, bottom: GRID, left: NONE, right: NONE, insideHorizontal: GRID, insideVertical: NONE },
      rows,
    }),
    para('', { spacing: { after: 60 } }),
  ];
}

function lightBox(box: LightBox): (Paragraph | Table)[] {
  const leftWidth = 2700;
  const color = box.light ? hex(C.light[box.light]) : hex(C.grid);
  const left = new TableCell({
    width: { size: leftWidth, type: WidthType.DXA },
    margins: { top: 120, bottom: 100, left: 160, right: 120 },
    borders: { left: { style: BorderStyle.SINGLE, size: 36, color }, top: GRID, bottom: GRID, right: NONE },
    children: [
      para(box.title, { spacing: { after: 60 }, keepNext: true }, { bold: true, size: 22, color: hex(C.accent) }),
      para(box.figureLabel, { spacing: { after: 0 } }, { size: 16, color: hex(C.muted) }),
      para(box.figure, { spacing: { after: 80 } }, { bold: true, size: 44 }),
      para(box.lightText, { alignment: AlignmentType.CENTER, spacing: { after: 0 }, shading: { type: ShadingType.CLEAR, fill: box.light ? hex(C.lightFill[box.light]) : hex(C.headerFill), color: 'auto' } }, { bold: true }),
    ],
  });
  const right = new TableCell({
    width: { size: CONTENT_WIDTH - leftWidth, type: WidthType.DXA },
    margins: { top: 120, bottom: 100, left: 200, right: 120 },
    borders: { left: NONE, top: GRID, bottom: GRID, right: NONE },
    children: [
      ...box.text.map((p) => (p.role === 'placeholder' ? para(p.text, { style: 'Placeholder' }) : para(p.text))),
      ...box.notes.map((n) => para(n, { style: 'Note' })),
    ],
  });
  return [
    new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: [leftWidth, CONTENT_WIDTH - leftWidth], layout: TableLayoutType.FIXED, rows: [new TableRow({ cantSplit: true, children: [left, right] })] }),
    para('', { spacing: { after: 160 } }),
  ];
}

function facts(block: Extract<Block, { kind: 'facts' }>): (Paragraph | Table)[] {
  const widths = [2600, CONTENT_WIDTH - 2600];
  const shading = { type: ShadingType.CLEAR, fill: hex(C.factsFill), color: 'auto' } as const;
  const margins = { top: 40, bottom: 40, left: 140, right: 140 };
  const row = (label: string, value: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: widths[0], type: WidthType.DXA }, shading, margins, children: [para(`${label}:`, { spacing: { after: 0 } }, { bold: true })] }),
        new TableCell({ width: { size: widths[1], type: WidthType.DXA }, shading, margins, children: [para(value, { spacing: { after: 0 } })] }),
      ],
    });
  return [
    para(block.caption, { style: 'Caption', keepNext: true }),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ columnSpan: 2, shading, margins, children: [para(block.title, { spacing: { after: 0 } }, { bold: true, color: hex(C.accent) })] })],
        }),
        ...block.rows.map((r) => row(r.label, r.value)),
      ],
    }),
    para('', { spacing: { after: 120 } }),
  ];
}

function chart(block: Extract<Block, { kind: 'chart' }>): Paragraph[] {
  const drawn = chartSvg(block.chart, CHART_WIDTH_PT, measureText);
  const png = svgToPng(drawn.svg);
  // docx sizes pictures in pixels at 96 to the inch.
  const px = (pt: number) => Math.round((pt * 96) / 72);
  return [
    para(block.caption, { style: 'Caption', keepNext: true }),
    new Paragraph({
      spacing: { after: 160 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: px(drawn.width), height: px(drawn.height) },
          altText: { name: block.id, title: block.caption, description: block.chart.description },
        }),
      ],
    }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [para(b.text, { heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 })];
    case 'paragraph':
      return [
        b.role === 'placeholder'
          ? para(b.text, { style: 'Placeholder' })
          : b.role === 'lead'
            ? para(b.text, {}, { bold: true })
            : b.role === 'intro'
              ? para(b.text, { style: 'Intro' })
              : para(b.text),
      ];
    case 'list':
      return b.items.map((item) => para(item, { numbering: { reference: 'bullets', level: 0 }, spacing: { after: 40 } }));
    case 'facts':
      return facts(b);
    case 'lights':
      return b.boxes.flatMap(lightBox);
    case 'table':
      return table(b);
    case 'note':
      return [para(b.text, { style: b.tone === 'warning' ? 'Warning' : 'Note' })];
    case 'chart':
      return chart(b);
  }
}

function chapter(c: Chapter): (Paragraph | Table)[] {
  return [para(`${c.number} ${c.title}`, { heading: HeadingLevel.HEADING_1, pageBreakBefore: true }), ...c.blocks.flatMap(block)];
}

function headerParagraph(report: Report): Paragraph {
  const draft = report.marker.state === 'draft';
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
    children: [
      new TextRun({ text: report.running, size: 15, color: hex(C.muted) }),
      new TextRun({ text: `\t${report.marker.text}`, size: draft ? 18 : 15, bold: true, color: draft ? hex(C.reference) : hex(C.muted) }),
    ],
  });
}

/** The report as a Word document (docx's object, for tests that look inside before packing). */
export function reportDocument(report: Report): Document {
  const L = reportLabels(report.lang);
  const draft = report.marker.state === 'draft';
  const t = report.titlePage;
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [`${L.pageWord} `, PageNumber.CURRENT, ` ${L.pageOf} `, PageNumber.TOTAL_PAGES], size: 16, color: hex(C.muted) })],
      }),
    ],
  });
  const header = new Header({ children: [headerParagraph(report)] });
  const titleRows = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [2400, CONTENT_WIDTH - 2400],
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: t.rows.map(
      (r) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 2400, type: WidthType.DXA }, children: [para(r.label, { spacing: { after: 60 } }, { bold: true, color: hex(C.muted) })] }),
            new TableCell({ width: { size: CONTENT_WIDTH - 2400, type: WidthType.DXA }, children: [para(r.value, { spacing: { after: 60 } })] }),
          ],
        }),
    ),
  });
  const titlePage: (Paragraph | Table)[] = [
    para(t.kicker.toUpperCase(), { spacing: { before: 2800, after: 200 } }, { bold: true, size: 20, color: hex(C.muted) }),
    para(t.title, { style: 'Title' }),
    para(t.subtitle, { spacing: { after: 800 } }, { size: 32 }),
    titleRows,
    draft
      ? para(L.draft, { spacing: { before: 1200 } }, { bold: true, size: 80, color: hex(C.reference) })
      : para(report.marker.text, { spacing: { before: 1200 } }, { bold: true, size: 24 }),
  ];
  return new Document({
    creator: 'Trafiklys',
    title: report.meta.title,
    subject: report.meta.subject,
    keywords: report.meta.keywords,
    description: report.meta.subject,
    lastModifiedBy: 'Trafiklys',
    pageNumbers: estimatePageNumbers,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, color: hex(C.ink) }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 36, bold: true, color: hex(C.accent) }, paragraph: { spacing: { before: 0, after: 240 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: hex(C.accent) }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: hex(C.ink) }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, keepLines: true } },
        title: { run: { font: FONT, size: 52, bold: true, color: hex(C.accent) }, paragraph: { spacing: { after: 160 } } },
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 17, bold: true, color: hex(C.muted) }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 16, italics: true, color: hex(C.muted) }, paragraph: { spacing: { before: 40, after: 60 } } },
        { id: 'Warning', name: 'Warning', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 17, color: '9C2C00' }, paragraph: { spacing: { before: 40, after: 60 } } },
        { id: 'Intro', name: 'Intro', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: hex(C.muted) } },
        { id: 'Placeholder', name: 'Placeholder', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: hex(C.reference) } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 400, hanging: 260 } } } }],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: MARGIN },
          titlePage: true,
        },
        headers: { default: header, first: new Header({ children: [headerParagraph(report)] }) },
        footers: { default: footer, first: new Footer({ children: [new Paragraph({ children: [] })] }) },
        children: [
          ...titlePage,
          para(L.contents, { pageBreakBefore: true, spacing: { after: 240 } }, { bold: true, size: 36, color: hex(C.accent) }),
          new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: '1-2' }),
          ...report.chapters.flatMap(chapter),
        ],
      },
    ],
  });
}

/** Renders the report to DOCX bytes. */
export async function renderReportDocx(report: Report): Promise<Buffer> {
  return Packer.toBuffer(reportDocument(report));
}
