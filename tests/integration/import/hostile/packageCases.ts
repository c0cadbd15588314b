import { Document, Packer, Paragraph } from 'docx';
import type { HostileCase } from './types';
import { makeZip, rawXlsx, sheetXml } from './zipWriter';
import { workbook } from './xlsxCases';

/** Damage at the level of the file: zip packages, magic bytes, OLE containers, sizes. */
const D = '02.12.2022';
const good = () => workbook([{ name: 'Mål', rows: [['Kode', 'Beskrivelse', 'Mål i perioden', 'Status', 'Dato'], ['B1', 'Antal', 22, 3, D], ['B2', 'Antal', 10, 4, D]] }]);
const goodDocx = async () => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: 'B1: Antal deltagere 256 219 86 %' })] }] })));

const bad = (name: string, build: HostileCase['build'], more: Partial<HostileCase> = {}): HostileCase => ({ name, build, expect: 'error', ...more });

/** Bytes with one changed in the middle of the largest part's compressed data. */
function flipInside(bytes: Uint8Array, part: string): Uint8Array {
  const copy = new Uint8Array(bytes);
  const name = Buffer.from(part, 'latin1');
  const at = Buffer.from(copy).indexOf(name);
  const start = at + name.length + 20;
  for (let i = start; i < start + 8 && i < copy.length; i++) copy[i] ^= 0xa5;
  return copy;
}

const cut = (fraction: number) => async () => {
  const full = await good();
  return full.slice(0, Math.floor(full.length * fraction));
};

/** A UTF-16LE name as an OLE directory stores it, after the OLE signature. */
function ole(...streams: string[]): Uint8Array {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return new Uint8Array(Buffer.concat([head, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le')), Buffer.alloc(512)]));
}

const HEADER_ROWS: (string | number | null)[][] = [['Kode', 'Status', 'Dato'], ['B1', 3, D]];
const MB = 1024 * 1024;

export const PACKAGE_CASES: HostileCase[] = [
  // Cut off while copying or downloading
  ...[0.1, 0.5, 0.9, 0.99].map((f) => bad(`afbrudt-${Math.round(f * 100)}.xlsx`, cut(f), { key: 'zipDamaged' })),
  bad('afbrudt-en-byte.xlsx', async () => (await good()).slice(0, -1), { key: 'zipDamaged' }),
  bad('afbrudt-lokal-header.xlsx', async () => (await good()).slice(0, 30)),
  bad('afbrudt.docx', async () => (await goodDocx()).slice(0, 2000), { key: 'zipDamaged' }),
  // Damaged inside
  bad('ødelagt-ark.xlsx', async () => flipInside(await good(), 'xl/worksheets/sheet1.xml'), { key: 'zipEntryDamaged' }),
  bad('ødelagt-dokument.docx', async () => flipInside(await goodDocx(), 'word/document.xml'), { key: 'zipEntryDamaged' }),
  bad('forkert-crc.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { sheetPart: { crc: 12345 } }), { key: 'zipEntryDamaged' }),
  bad('ødelagt-slutpost.xlsx', async () => {
    const bytes = new Uint8Array(await good());
    bytes[bytes.length - 22] = 0;
    return bytes;
  }, { key: 'zipDamaged' }),
  bad('indholdsfortegnelse-peger-forkert.xlsx', async () => {
    const bytes = new Uint8Array(await good());
    const view = new DataView(bytes.buffer);
    view.setUint32(bytes.length - 6, bytes.length + 100, true);
    return bytes;
  }, { key: 'zipDamaged' }),
  // Sizes that lie, zip bombs
  bad('zip-bombe-erklaeret.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { sheetPart: { declaredSize: 3_000_000_000 } }), { key: 'zipTooLargeUnpacked' }),
  bad('zip-bombe-rigtig.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { extra: [{ name: 'xl/media/nul.bin', data: new Uint8Array(150 * MB) }] }), { key: 'zipTooLargeUnpacked' }),
  bad('zip-bombe.docx', () => makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: new Uint8Array(120 * MB) }]), { key: 'zipTooLargeUnpacked' }),
  bad('stoerrelse-lyver.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { sheetPart: { declaredSize: 20 } }), { key: 'zipSizeMismatch' }),
  // Encryption, compression, layout
  bad('krypteret-zip.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { sheetPart: { flags: 1 } }), { key: 'zipEncrypted' }),
  bad('ukendt-komprimering.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { sheetPart: { method: 12 } }), { key: 'zipUnsupported' }),
  bad('ark-mangler.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { omit: ['xl/worksheets/sheet1.xml'] }), { key: 'workbookSheetMissing', location: /^Ark 'Mål'$/ }),
  bad('absolut-sti.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS), { target: '/xl/worksheets/sheet1.xml' }), { key: 'workbookUnusualLayout' }),
  bad('ugyldig-xml.xlsx', () => rawXlsx('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Kode</t></is></c></row>'), { key: 'fileDamaged' }),
  bad('raekke-nul.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS, { rowNumbers: [0, 1] }))),
  { name: 'raekke-for-hoej.xlsx', build: () => rawXlsx(sheetXml(HEADER_ROWS, { rowNumbers: [1, 1_048_577] })), expect: 'any', grid: 'xlsx' },
  bad('raekke-negativ.xlsx', () => rawXlsx(sheetXml(HEADER_ROWS, { rowNumbers: [1, -3] }))),
  bad('celle-uden-raekke.xlsx', () =>
    rawXlsx('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZ1" t="inlineStr"><is><t>Kode</t></is></c></row><row><c><v>1</v></c></row></sheetData></worksheet>'),
  ),
  bad('delt-streng-mangler.xlsx', () =>
    rawXlsx('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData></worksheet>'),
  ),
  { name: 'haandskrevet.xlsx', build: () => rawXlsx(sheetXml([['Kode', 'Status', 'Dato'], ['B1', 3, D], ['Note: x'], ['B2', 4, D]])), expect: 'ok', grid: 'xlsx', key: 'rowNoteSkipped' },
  { name: 'uden-content-types.xlsx', build: () => rawXlsx(sheetXml(HEADER_ROWS), { omit: ['[Content_Types].xml'] }), expect: 'any', grid: 'xlsx' },
  bad('zip-uden-projektmappe.xlsx', () => makeZip([{ name: 'billede.png', data: 'ikke et billede' }]), { key: 'fileNotFormat' }),
  bad('zip-uden-noget.zip.docx', () => makeZip([{ name: 'readme.txt', data: 'hej' }]), { key: 'fileNotFormat' }),
  bad('tomt-zip.xlsx', () => makeZip([]), { key: 'fileNotFormat' }),
  bad('opendocument.xlsx', () => makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<x/>' }]), { key: 'fileOpenDocument' }),
  bad('binaer-projektmappe.xlsx', () => makeZip([{ name: 'xl/workbook.bin', data: 'bin' }]), { key: 'fileXlsb' }),
  bad('word-uden-dokument.docx', () => makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document' }])),
  // Office encryption and old formats (OLE compound files)
  bad('krypteret-office.xlsx', () => ole('EncryptionInfo', 'EncryptedPackage'), { key: 'fileEncrypted' }),
  bad('krypteret-office.docx', () => ole('EncryptedPackage'), { key: 'fileEncrypted' }),
  bad('gammel-excel.xlsx', () => ole('Workbook'), { key: 'fileOldOffice', message: /\.xls\b/ }),
  bad('gammel-word.docx', () => ole('WordDocument'), { key: 'fileOldOffice', message: /\.doc\b/ }),
  bad('ole-ukendt.xlsx', () => ole(), { key: 'fileOle' }),
  // Wrong magic bytes
  bad('billede.xlsx', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), { key: 'fileNotFormat' }),
  bad('pdf-som-xlsx.xlsx', () => new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n'), { key: 'fileNotFormat' }),
  bad('xlsx-som-pdf.pdf', good, { key: 'fileNotFormat' }),
  bad('xlsx-som-docx.docx', good, { key: 'fileNotFormat' }),
  bad('docx-som-xlsx.xlsx', goodDocx, { key: 'fileNotFormat' }),
  bad('tekst-som-xlsx.xlsx', () => new TextEncoder().encode('Kode;Status\nB1;3\n'), { key: 'fileNotFormat' }),
  bad('tilfaeldige-bytes.xlsx', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), { key: 'fileNotFormat' }),
  bad('tilfaeldige-bytes.bin', () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), { key: 'fileUnknownType' }),
  // Empty files
  ...['xlsx', 'csv', 'pdf', 'docx', 'txt'].map((ext) => bad(`tom.${ext}`, () => new Uint8Array(0), { key: 'fileEmpty' })),
  bad('kun-mellemrum.txt', () => new TextEncoder().encode(' \n\t\n  '), { key: 'fileNoText' }),
  bad('kun-bom.csv', () => new TextEncoder().encode('\uFEFF'), { key: 'fileNoText' }),
  // Limits
  bad('for-mange-raekker.csv', () => new TextEncoder().encode(`Kode;Status;Dato\n${Array.from({ length: 60_000 }, (_, i) => `B${i + 1};${i};${D}`).join('\n')}\n`), { key: 'csvTooManyRows' }),
  bad('for-mange-raekker.xlsx', () => rawXlsx(sheetXml([['Kode', 'Status', 'Dato'], ...Array.from({ length: 60_000 }, (_, i) => [`B${i + 1}`, i, D])])), { key: 'sheetTooManyRows', location: /^Ark 'Mål'$/ }),
  bad('for-mange-felter.csv', () => new TextEncoder().encode(`Kode;Status;Dato\n${Array.from({ length: 1000 }, (_, i) => `B${i + 1};1;${D}${';'.repeat(1000)}`).join('\n')}\n`), { key: 'csvTooManyCells' }),
  bad('for-mange-celler.xlsx', () => rawXlsx(sheetXml(Array.from({ length: 30_000 }, (_, i) => Array.from({ length: 20 }, (_, c) => (c === 0 ? `B${i}` : c))))), { key: 'workbookTooManyCells' }),
];
