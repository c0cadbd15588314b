import pdfmake from 'pdfmake';
import type { Content, ContentTable, Style, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportLabels } from '../../../shared/report/labels';
import type { Block, Cell, Chapter, LightBox, Report, TableColumn } from '../../../shared/report/model';
import { chartSvg, REPORT_COLORS } from '../../../shared/report/svg';
import { measureText, REPORT_FONT, REPORT_FONT_FILES } from './fonts';

/**
 * The report as a PDF ready to send: A4, the report font embedded, charts as vectors (the same
 * SVG the DOCX shows as a picture), a table of contents with page numbers, page numbers and the
 * draft/final marker on every page. It lays out the model's blocks and decides nothing else.
 */

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 62, right: 62, top: 64, bottom: 56 };
export const PDF_CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const CELL_PADDING = 4;

const C = REPORT_COLORS;

const STYLES: Record<string, Style> = {
  h1: { fontSize: 18, bold: true, color: C.accent, margin: [0, 0, 0, 12] },
  h2: { fontSize: 13, bold: true, color: C.accent, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10.5, bold: true, color: C.ink, margin: [0, 10, 0, 3] },
  body: { margin: [0, 0, 0, 7] },
  intro: { margin: [0, 0, 0, 7], color: C.muted },
  lead: { margin: [0, 0, 0, 5], bold: true },
  placeholder: { margin: [0, 0, 0, 7], italics: true, color: C.reference },
  caption: { fontSize: 8.5, bold: true, color: C.muted, margin: [0, 10, 0, 4] },
  note: { fontSize: 8, italics: true, color: C.muted, margin: [0, 3, 0, 3] },
  warning: { fontSize: 8.5, color: '#9c2c00', margin: [0, 3, 0, 3] },
  th: { fontSize: 8.5, bold: true, fillColor: C.headerFill },
  td: { fontSize: 8.5 },
  tocTitle: { fontSize: 18, bold: true, color: C.accent, margin: [0, 0, 0, 16] },
  furniture: {},
};

/**
 * The style of the page header and footer. pdfmake lists their nodes among a page's "following
 * nodes", so the keep-with-next rule must skip them or a heading at the foot of a page stays there.
 */
const FURNITURE = 'furniture';

function tableWidths(columns: { weight: number }[]): number[] {
  const available = PDF_CONTENT_WIDTH - columns.length * 2 * CELL_PADDING - (columns.length + 1);
  const total = columns.reduce((a, c) => a + c.weight, 0);
  return columns.map((c) => Math.floor((c.weight / total) * available * 100) / 100);
}

const gridLayout = {
  hLineWidth: (i: number, node: ContentTable) => (i === 0 || i === node.table.body.length ? 0.75 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => C.grid,
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function cellContent(cell: Cell, column: TableColumn, footer: boolean): TableCell {
  const base = { style: 'td', alignment: column.align, bold: footer || ('bold' in cell && cell.bold) };
  if (cell.kind === 'light')
    return { ...base, text: cell.text, bold: true, alignment: 'center', fillColor: cell.light ? C.lightFill[cell.light] : undefined };
  return { ...base, text: cell.text };
}

function table(block: Extract<Block, { kind: 'table' }>): Content {
  const header: TableCell[] = block.columns.map((c) => ({ text: c.title, style: 'th', alignment: c.align }));
  const body: TableCell[][] = [
    header,
    ...block.rows.map((row) => row.map((cell, i) => cellContent(cell, block.columns[i], false))),
    ...block.footer.map((row) => row.map((cell, i) => cellContent(cell, block.columns[i], true))),
  ];
  const t: Content = {
    table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths: tableWidths(block.columns), body },
    layout: gridLayout,
    margin: [0, 0, 0, 9],
  };
  const caption: Content = { text: block.caption, style: 'caption', headlineLevel: 4 };
  // A short table stays on one page with its caption; a long one breaks, its header repeated.
  return block.rows.length + block.footer.length <= 14 ? { stack: [caption, t], unbreakable: true } : { stack: [caption, t] };
}

function lightBox(box: LightBox): Content {
  const badge: Content = {
    table: { widths: ['*'], body: [[{ text: box.lightText, bold: true, alignment: 'center', fillColor: box.light ? C.lightFill[box.light] : C.headerFill, margin: [0, 2, 0, 2] }]] },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0 },
    margin: [0, 6, 0, 0],
  };
  const left: Content = {
    stack: [
      { text: box.title, bold: true, fontSize: 11, color: C.accent },
      { text: box.figureLabel, fontSize: 8, color: C.muted, margin: [0, 4, 0, 0] },
      { text: box.figure, fontSize: 22, bold: true, margin: [0, 2, 0, 0] },
      badge,
    ],
  };
  const right: Content = {
    stack: [
      ...box.text.map((p) => ({ text: p.text, style: p.role === 'placeholder' ? 'placeholder' : 'body' })),
      ...box.notes.map((n) => ({ text: n, style: 'note' })),
    ],
  };
  return {
    table: { widths: [130, '*'], body: [[left, right]] },
    layout: {
      hLineWidth: () => 0.75,
      vLineWidth: (i: number) => (i === 0 ? 4 : 0),
      hLineColor: () => C.grid,
      vLineColor: () => (box.light ? C.light[box.light] : C.grid),
      paddingLeft: (i: number) => (i === 0 ? 10 : 12),
      paddingRight: () => 8,
      paddingTop: () => 8,
      paddingBottom: () => 6,
    },
    margin: [0, 0, 0, 14],
  };
}

function block(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return b.level === 2
        ? { text: b.text, style: 'h2', tocItem: true, tocMargin: [14, 2, 0, 0], headlineLevel: 2 }
        : { text: b.text, style: 'h3', headlineLevel: 3 };
    case 'paragraph':
      return { text: b.text, style: b.role ?? 'body' };
    case 'list':
      // pdfmake writes its layout into the arrays it is given: never hand it the model's own.
      return { ul: [...b.items], margin: [8, 0, 0, 8] };
    case 'facts':
      return {
        stack: [
          { text: b.caption, style: 'caption' },
          {
            table: {
              widths: [120, '*'],
              body: [
                [{ text: b.title, bold: true, colSpan: 2, color: C.accent, fillColor: C.factsFill }, {}],
                ...b.rows.map((r) => [
                  { text: `${r.label}:`, bold: true, fillColor: C.factsFill },
                  { text: r.value, fillColor: C.factsFill },
                ]),
              ],
            },
            layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 3, paddingBottom: () => 3 },
            margin: [0, 0, 0, 10],
          },
        ],
        unbreakable: true,
      };
    case 'lights':
      return { stack: b.boxes.map(lightBox) };
    case 'table':
      return table(b);
    case 'note':
      return { text: b.text, style: b.tone === 'warning' ? 'warning' : 'note' };
    case 'chart': {
      const drawn = chartSvg(b.chart, PDF_CONTENT_WIDTH, measureText);
      return { stack: [{ text: b.caption, style: 'caption' }, { svg: drawn.svg, width: drawn.width, margin: [0, 2, 0, 8] }], unbreakable: drawn.height < 600 };
    }
  }
}

function chapter(c: Chapter): Content[] {
  return [{ text: `${c.number} ${c.title}`, style: 'h1', tocItem: true, pageBreak: 'before', id: `chapter-${c.id}` }, ...c.blocks.map(block)];
}

/** pdfmake's document definition of a report (exposed for tests of the layout rules). */
export function reportDocDefinition(report: Report): TDocumentDefinitions {
  const L = reportLabels(report.lang);
  const draft = report.marker.state === 'draft';
  const t = report.titlePage;
  const titlePage: Content[] = [
    { text: t.kicker.toUpperCase(), fontSize: 10, bold: true, color: C.muted, margin: [0, 150, 0, 10] },
    { text: t.title, fontSize: 26, bold: true, color: C.accent, margin: [0, 0, 0, 8] },
    { text: t.subtitle, fontSize: 16, margin: [0, 0, 0, 40] },
    {
      table: { widths: [110, '*'], body: t.rows.map((r) => [{ text: r.label, bold: true, color: C.muted }, { text: r.value }]) },
      layout: 'noBorders',
    },
    draft ? { text: L.draft, fontSize: 40, bold: true, color: C.reference, margin: [0, 60, 0, 0] } : { text: report.marker.text, fontSize: 12, bold: true, margin: [0, 60, 0, 0] },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    language: report.lang === 'da' ? 'da-DK' : 'en-GB',
    info: {
      title: report.meta.title,
      author: report.meta.author,
      subject: report.meta.subject,
      keywords: report.meta.keywords,
      creator: 'Trafiklys',
      producer: 'Trafiklys',
    },
    header: () => ({
      style: FURNITURE,
      columns: [
        { text: report.running, style: FURNITURE, fontSize: 7.5, color: C.muted },
        { text: report.marker.text, style: FURNITURE, fontSize: draft ? 9 : 7.5, bold: true, color: draft ? C.reference : C.muted, alignment: 'right', width: 'auto' },
      ],
      margin: [MARGIN.left, 28, MARGIN.right, 0],
    }),
    // The title page has no page number (as in the DOCX, whose first page has its own footer).
    footer: (page: number, pages: number) => (page === 1 ? null : { text: L.page(page, pages), style: FURNITURE, alignment: 'center', fontSize: 8, color: C.muted, margin: [0, 22, 0, 0] }),
    // A heading or caption never ends a page: it moves to the next with what follows it.
    pageBreakBefore: (node, queries) =>
      Boolean(node.headlineLevel) &&
      queries
        .getFollowingNodesOnPage()
        .filter((n) => n.style !== FURNITURE)
        .every((n) => n.headlineLevel),
    defaultStyle: { font: REPORT_FONT, fontSize: 9.5, lineHeight: 1.25, color: C.ink },
    styles: STYLES,
    content: [
      ...titlePage,
      { toc: { title: { text: L.contents, style: 'tocTitle' }, numberStyle: { bold: false } }, pageBreak: 'before' },
      ...report.chapters.flatMap(chapter),
    ],
  };
}

let configured = false;

/** Renders the report to PDF bytes. */
export async function renderReportPdf(report: Report): Promise<Buffer> {
  if (!configured) {
    pdfmake.setFonts({ [REPORT_FONT]: REPORT_FONT_FILES });
    // Only the font files are read; nothing is fetched and no other file is opened.
    const fontFiles = new Set(Object.values(REPORT_FONT_FILES));
    pdfmake.setLocalAccessPolicy((path) => fontFiles.has(path));
    pdfmake.setUrlAccessPolicy(() => false);
    configured = true;
  }
  return pdfmake.createPdf(reportDocDefinition(report)).getBuffer();
}
