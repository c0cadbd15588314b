// Minimal types for the parts of untyped packages the report uses.
declare module 'pdfmake/fonts/Roboto.js' {
  const fonts: { Roboto: { normal: string; bold: string; italics: string; bolditalics: string } };
  export default fonts;
}

declare module 'fontkit' {
  interface Font {
    unitsPerEm: number;
    familyName: string;
    layout(text: string): { advanceWidth: number };
  }
  export function openSync(path: string): Font;
}
