import { docxFromText, pdfFromText, scannedPdf } from '../build';
import type { HostileCase } from './types';

/** PDF, Word and text reports damaged at the level of the file (their tables are the report readers' tests). */
const REPORT = ['Projektnavn: Hostil test', 'Målsætninger', 'B1: Antal deltagere 256 219 86 %', 'B2: Antal virksomheder 90 87 97 %'].join('\n');
const enc = (s: string) => new TextEncoder().encode(s);
const bad = (name: string, build: HostileCase['build'], more: Partial<HostileCase> = {}): HostileCase => ({ name, build, expect: 'error', ...more });
const any = (name: string, build: HostileCase['build'], more: Partial<HostileCase> = {}): HostileCase => ({ name, build, expect: 'any', ...more });

const pdf = () => pdfFromText(REPORT);

export const DOCUMENT_CASES: HostileCase[] = [
  any('rapport.pdf', pdf),
  bad('scannet.pdf', scannedPdf),
  bad('kun-pdf-hoved.pdf', () => enc('%PDF-1.4\n')),
  bad('pdf-skrald.pdf', () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256))]))),
  bad('afbrudt-halv.pdf', async () => (await pdf()).slice(0, 600)),
  any('afbrudt-mangler-slut.pdf', async () => {
    const full = await pdf();
    return full.slice(0, full.length - 40);
  }),
  bad('pdf-ødelagt-strøm.pdf', async () => {
    const bytes = new Uint8Array(await pdf());
    const text = Buffer.from(bytes).toString('latin1');
    const at = text.indexOf('stream');
    for (let i = at + 8; i < at + 60 && i < bytes.length; i++) bytes[i] = 0x21;
    return bytes;
  }),
  bad('pdf-krypteret-markering.pdf', () => enc('%PDF-1.4\n1 0 obj << /Filter /Standard /V 2 /R 3 /O (x) /U (y) /P -4 >> endobj\ntrailer << /Encrypt 1 0 R /Root 2 0 R >>\n%%EOF\n')),
  any('rapport.docx', () => docxFromText(REPORT)),
  any('rapport.txt', () => enc(REPORT)),
  bad('intet-kendt.txt', () => enc('Kære modtager,\nher er nogle tanker uden tal.\n'), { key: 'textNothingFound' }),
  bad('binaer-tekst.txt', () => new Uint8Array([0x41, 0x42, 0, 0, 0x43, 0x44, 0x00, 0x01, 0x02]), { key: 'fileNotFormat' }),
  any('windows-1252.txt', () => new Uint8Array(Buffer.from(`${REPORT}\nBemærk: æøå`, 'latin1')), { key: 'fileNotUtf8' }),
  any('utf16.txt', () => new Uint8Array(Buffer.from(`\uFEFF${REPORT}`, 'utf16le'))),
  any('enkelt-surrogat.txt', () => enc(`${REPORT}\n\uD800 ensom`)),
  any('lang-linje.txt', () => enc(`${REPORT}\n${'ord '.repeat(250_000)}`)),
  any('kun-bom.docx', () => docxFromText('\uFEFF')),
  bad('tom-word.docx', () => docxFromText('')),
];
