import { openSync } from 'fontkit';
import robotoFonts from 'pdfmake/fonts/Roboto.js';
import { Resvg } from '@resvg/resvg-js';
import type { MeasureText } from '../../../shared/report/svg';
import { CHART_FONT } from '../../../shared/report/svg';

/**
 * The report's font (Roboto, shipped with pdfmake, Apache 2.0): embedded in the PDF, used to
 * wrap chart text and to draw the chart PNGs for the DOCX, so every chart looks the same.
 */
export const REPORT_FONT_FILES = robotoFonts.Roboto;
export const REPORT_FONT = CHART_FONT;

type FontkitFont = ReturnType<typeof openSync>;
let regular: FontkitFont | null = null;
let bold: FontkitFont | null = null;

/** Text width in points, from the font files' own metrics. */
export const measureText: MeasureText = (text, size, isBold) => {
  regular ??= openSync(REPORT_FONT_FILES.normal);
  bold ??= openSync(REPORT_FONT_FILES.bold);
  const font = isBold ? bold : regular;
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
};

/** The print resolution of chart images in the DOCX. */
export const CHART_DPI = 300;

/** A chart SVG (sized in points) as a PNG at 300 dpi, drawn with the report font only. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: CHART_DPI / 72 },
    font: {
      loadSystemFonts: false,
      fontFiles: [REPORT_FONT_FILES.normal, REPORT_FONT_FILES.bold, REPORT_FONT_FILES.italics, REPORT_FONT_FILES.bolditalics],
      defaultFontFamily: REPORT_FONT,
    },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
