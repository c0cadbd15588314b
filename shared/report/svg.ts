import type { Light } from '../domain';
import type { Chart } from './model';

/**
 * The report's charts drawn as SVG from the model, in points (1/72 inch). The PDF embeds the
 * SVG as vectors, the DOCX a 300 dpi PNG of the same SVG, so both formats show one drawing.
 * Text is wrapped with the renderer's font metrics (`measure`), since the SVG fixes its lines.
 */

/** Width in points of `text` at `size` points in the report font (bold or regular). */
export type MeasureText = (text: string, size: number, bold: boolean) => number;

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

/** The report's colours: the lights as the app shows them, and the chart ink. */
export const REPORT_COLORS = {
  light: { green: '#2f9e44', yellow: '#f2b705', red: '#e03131' } as Record<Light, string>,
  /** Light colours for table cells (text stays black on them). */
  lightFill: { green: '#b7e4b9', yellow: '#ffe8a3', red: '#f8b4b4' } as Record<Light, string>,
  ink: '#1f2933',
  muted: '#5f6b7a',
  grid: '#d0d5dc',
  accent: '#2b4c7e',
  accentFill: '#e8eef7',
  bar: '#3b6ea8',
  barAlt: '#7a9cc6',
  reference: '#c92a2a',
  headerFill: '#dce6f1',
  factsFill: '#eef2f7',
} as const;

export const CHART_FONT = 'Roboto';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy line breaking at spaces (and after hyphens) to `width` points. */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next, size, bold) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

function textEl(x: number, y: number, text: string, size: number, options: { bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end'; italic?: boolean } = {}): string {
  const attrs = [
    `x="${x.toFixed(2)}"`,
    `y="${y.toFixed(2)}"`,
    `font-family="${CHART_FONT}"`,
    `font-size="${size}"`,
    options.bold ? 'font-weight="bold"' : '',
    options.italic ? 'font-style="italic"' : '',
    `fill="${options.fill ?? REPORT_COLORS.ink}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(text)}</text>`;
}

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${x.toFixed(2)}" y="${y.toFixed(2)}" width="${Math.max(0, w).toFixed(2)}" height="${h.toFixed(2)}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, extra = '') =>
  `<line x1="${x1.toFixed(2)}" y1="${y1.toFixed(2)}" x2="${x2.toFixed(2)}" y2="${y2.toFixed(2)}" stroke="${stroke}" stroke-width="0.75"${extra ? ` ${extra}` : ''}/>`;

function wrapSvg(width: number, height: number, body: string[], title: string): ChartSvg {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height.toFixed(2)}" viewBox="0 0 ${width} ${height.toFixed(2)}"><title>${esc(title)}</title>${rect(0, 0, width, height, '#ffffff')}${body.join('')}</svg>`;
  return { svg, width, height };
}

/** Horizontal bars on a fixed scale: label column, gridlines with tick labels, value at the bar's end. */
function bars(
  items: { label: string; value: number | null; valueText: string }[],
  scale: { max: number; ticks: number[]; tickText: (v: number) => string; reference?: number },
  width: number,
  measure: MeasureText,
  title: string,
  colors: string[],
): ChartSvg {
  const size = 9;
  const labelWidth = Math.round(width * 0.38);
  const x0 = labelWidth + 10;
  const barWidth = width - x0 - 44;
  const x = (v: number) => x0 + (Math.min(v, scale.max) / scale.max) * barWidth;
  const lineHeight = size * 1.25;
  const rows = items.map((item) => ({ item, lines: wrapText(item.label, labelWidth, size, false, measure) }));
  const rowHeights = rows.map((r) => Math.max(24, r.lines.length * lineHeight + 10));
  const top = 6;
  const plotHeight = rowHeights.reduce((a, b) => a + b, 0);
  const height = top + plotHeight + 22;
  const body: string[] = [];
  for (const t of scale.ticks) {
    body.push(line(x(t), top, x(t), top + plotHeight, REPORT_COLORS.grid));
    body.push(textEl(x(t), top + plotHeight + 13, scale.tickText(t), 8, { fill: REPORT_COLORS.muted, anchor: 'middle' }));
  }
  if (scale.reference !== undefined)
    body.push(line(x(scale.reference), top - 2, x(scale.reference), top + plotHeight + 2, REPORT_COLORS.reference, 'stroke-dasharray="3,2"'));
  let y = top;
  rows.forEach(({ item, lines }, i) => {
    const h = rowHeights[i];
    const mid = y + h / 2;
    const firstBaseline = mid - ((lines.length - 1) * lineHeight) / 2 + size * 0.35;
    lines.forEach((l, k) => body.push(textEl(0, firstBaseline + k * lineHeight, l, size)));
    if (item.value === null) {
      body.push(textEl(x0 + 4, mid + size * 0.35, item.valueText, size, { italic: true, fill: REPORT_COLORS.muted }));
    } else {
      const barH = 12;
      body.push(rect(x0, mid - barH / 2, x(item.value) - x0, barH, colors[i % colors.length]));
      body.push(textEl(x(item.value) + 4, mid + size * 0.35, item.valueText, size, { bold: true }));
    }
    y += h;
  });
  body.push(line(x0, top, x0, top + plotHeight, REPORT_COLORS.muted));
  return wrapSvg(width, height, body, title);
}

function effectChain(chart: Extract<Chart, { type: 'effectChain' }>, width: number, measure: MeasureText): ChartSvg {
  const size = 8;
  const lineHeight = size * 1.3;
  const arrow = 18;
  const n = chart.columns.length;
  const colWidth = (width - arrow * (n - 1)) / n;
  const pad = 5;
  const headerHeight = 20;
  const gap = 5;
  const columns = chart.columns.map((c) => ({
    title: c.title,
    items: c.items.map((t) => wrapText(t, colWidth - 2 * pad - 6, size, false, measure)),
  }));
  const itemHeight = (lines: string[]) => lines.length * lineHeight + 2 * pad - 2;
  const columnHeight = (c: (typeof columns)[number]) => headerHeight + gap + c.items.reduce((a, l) => a + itemHeight(l) + gap, 0);
  const height = Math.max(headerHeight + 20, ...columns.map(columnHeight)) + 2;
  const body: string[] = [];
  columns.forEach((c, i) => {
    const x = i * (colWidth + arrow);
    body.push(rect(x, 0, colWidth, headerHeight, REPORT_COLORS.accent, 'rx="3"'));
    body.push(textEl(x + colWidth / 2, headerHeight / 2 + 3.2, c.title, 9, { bold: true, fill: '#ffffff', anchor: 'middle' }));
    let y = headerHeight + gap;
    for (const lines of c.items) {
      const h = itemHeight(lines);
      body.push(rect(x, y, colWidth, h, REPORT_COLORS.accentFill, `rx="3" stroke="${REPORT_COLORS.grid}" stroke-width="0.5"`));
      body.push(`<circle cx="${(x + pad + 1.5).toFixed(2)}" cy="${(y + pad + size * 0.45).toFixed(2)}" r="1.5" fill="${REPORT_COLORS.accent}"/>`);
      lines.forEach((l, k) => body.push(textEl(x + pad + 6, y + pad + size * 0.8 + k * lineHeight, l, size)));
      y += h + gap;
    }
    if (i < n - 1) {
      // An arrow to the next column, level with the column headers.
      const ax = x + colWidth + 3;
      const ay = headerHeight / 2;
      body.push(`<polygon points="${ax},${ay - 6} ${ax + arrow - 6},${ay} ${ax},${ay + 6}" fill="${REPORT_COLORS.accent}"/>`);
    }
  });
  return wrapSvg(width, height, body, chart.description);
}

/** Draws a chart of the model at `width` points. */
export function chartSvg(chart: Chart, width: number, measure: MeasureText): ChartSvg {
  switch (chart.type) {
    case 'scores': {
      const ticks: number[] = [];
      for (let v = 0; v <= chart.max; v++) ticks.push(v);
      return bars(chart.items, { max: chart.max, ticks, tickText: (v) => String(v) }, width, measure, chart.description, [REPORT_COLORS.bar]);
    }
    case 'percentBars': {
      const top = Math.max(chart.reference, ...chart.items.map((i) => i.value ?? 0));
      const max = Math.ceil(top / 25) * 25;
      const ticks: number[] = [];
      for (let v = 0; v <= max; v += 25) ticks.push(v);
      return bars(
        chart.items,
        { max, ticks, tickText: (v) => `${v} %`, reference: chart.reference },
        width,
        measure,
        chart.description,
        [REPORT_COLORS.bar, REPORT_COLORS.barAlt],
      );
    }
    case 'effectChain':
      return effectChain(chart, width, measure);
  }
}
