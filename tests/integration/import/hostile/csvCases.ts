import type { HostileCase } from './types';

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEAD = 'Kode;Beskrivelse;Mål i perioden;Status;Dato';
const D = '02.12.2022';
const lines = (...rows: string[]) => `${[HEAD, ...rows].join('\n')}\n`;
const ok = (name: string, text: string | (() => Uint8Array), more: Partial<HostileCase> = {}): HostileCase => ({
  name,
  build: typeof text === 'string' ? () => utf8(text) : text,
  expect: 'ok',
  grid: 'csv',
  ...more,
});
const bad = (name: string, text: string | (() => Uint8Array), more: Partial<HostileCase> = {}): HostileCase => ({ ...ok(name, text, more), expect: 'error' });

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  if (bigEndian) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return new Uint8Array(le);
}
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

const MARKS: [string, string][] = [
  ['bindestreg', '-'],
  ['tankestreg', '–'],
  ['lang-tankestreg', '—'],
  ['n-a', 'n/a'],
  ['ikke-opgjort', 'ikke opgjort'],
  ['stjerne', '*'],
];

export const CSV_CASES: HostileCase[] = [
  ...MARKS.map(([label, mark]) => ok(`status-${label}.csv`, lines(`B2;Antal i forløb;22;${mark};${D}`, `B1;Antal;10;4;${D}`), { key: 'statusNotReported', location: /^linje 2, felt 4$/ })),
  ok('status-tom.csv', lines(`B2;Antal i forløb;22;;${D}`), { key: 'statusBlank', location: /^linje 2, felt 4$/ }),
  ok('procent-streg.csv', 'Kode;Mål i perioden;Status;Målopnåelse i procent;Dato\nB2;22;-;-;02.12.2022\n', { key: 'statusNotReported' }),
  ok('note-midt-i.csv', lines(`B1;a;22;3;${D}`, 'Note: foreløbige tal;;;;', `B2;b;10;4;${D}`), { key: 'rowNoteSkipped', location: /^linje 3$/ }),
  ok('i-alt-midt-i.csv', lines(`B1;a;22;3;${D}`, 'I alt;;32;7;', `B2;b;10;4;${D}`), { key: 'rowTotalsSkipped', location: /^linje 3$/ }),
  ok('noter-til-sidst.csv', lines(`B1;a;22;3;${D}`, 'Note 1', 'Note 2', 'Kilde: egne tal'), { key: 'rowsSkipped', location: /^linje 3-5$/ }),
  ok('kode-B1000.csv', lines(`B1;a;22;3;${D}`, `B1000;b;10;4;${D}`, `B2;c;5;1;${D}`)),
  ok('kode-nulbredde.csv', lines(`B\u200B1;a;22;3;${D}`), { key: 'codeInvisible', location: /^linje 2, felt 1$/ }),
  ok('kode-fuld-bredde.csv', lines(`Ｂ１;a;22;3;${D}`), { key: 'codeUnusual' }),
  ok('kode-ordsammenbinder.csv', lines(`B\u20601;a;22;3;${D}`), { key: 'codeInvisible' }),
  ok('tal-fuld-bredde.csv', lines(`B1;a;２２;３;${D}`), { key: 'cellUnusual' }),
  bad('kode-D1.csv', lines(`D1;a;22;3;${D}`), { key: 'notAGoalCode', location: /^linje 2, felt 1$/ }),
  bad('kode-for-lang.csv', lines(`B${'9'.repeat(40)};a;22;3;${D}`), { key: 'codeTooLong' }),
  bad('tal-uden-kode.csv', lines(`B1;a;22;3;${D}`, `;b;10;4;${D}`), { key: 'rowFiguresNoCode' }),
  bad('dobbelt-overskrift.csv', 'Kode;Status;Status;Dato\nB1;3;4;02.12.2022\n', { key: 'tableDuplicateHeader', location: /^linje 1, felt 2 og 3$/ }),
  bad('dobbelt-dato.csv', 'Kode;Status;Dato;Rapporteringsdato\nB1;3;02.12.2022;02.12.2022\n', { key: 'tableDuplicateHeader' }),
  ok('bom-utf8.csv', `\uFEFF${lines(`B1;æøå;22;3;${D}`)}`),
  ok('utf16le-bom.csv', () => utf16(lines(`B1;æøå;22;3;${D}`), false)),
  ok('utf16be-bom.csv', () => utf16(lines(`B1;æøå;22;3;${D}`), true)),
  ok('utf16le-uden-bom.csv', () => utf16(lines(`B1;a;22;3;${D}`), false, false)),
  ok('windows-1252.csv', () => latin1(lines(`B1;Tilgængelighed for ældre;22;3;${D}`)), { key: 'fileNotUtf8' }),
  ok('crlf.csv', lines(`B1;a;22;3;${D}`, `B2;b;10;4;${D}`).replace(/\n/g, '\r\n')),
  ok('kun-cr.csv', lines(`B1;a;22;3;${D}`, `B2;b;10;4;${D}`).replace(/\n/g, '\r')),
  ok('tabulator.csv', lines(`B1;a;22;3;${D}`).replace(/;/g, '\t')),
  ok('komma.csv', 'Kode,Beskrivelse,Mål i perioden,Status,Dato\nB1,a,22,"3,5",02.12.2022\n'),
  ok('citeret-linjeskift.csv', lines(`B1;"to\nlinjer";22;3;${D}`, `B2;b;10;4;${D}`)),
  bad('citat-lukkes-aldrig.csv', lines(`B1;"aldrig lukket;22;3;${D}`, `B2;b;10;4;${D}`), { key: 'csvQuoteNotClosed', location: /^linje 2$/ }),
  ok('ekstra-felter.csv', lines(`B1;a;22;3;${D};ekstra;mere`)),
  ok('faerre-felter.csv', lines('B1;a;22')),
  bad('kun-overskrift.csv', `${HEAD}\n`, { key: 'goalTableEmpty' }),
  bad('ingen-overskrift.csv', 'a;b;c\n1;2;3\n', { key: 'csvNoHeader' }),
  bad('tvetydigt-tal.csv', lines(`B1;a;22;1.5;${D}`), { key: 'cellBadNumber', location: /^linje 2, felt 4$/ }),
  bad('umulig-dato.csv', lines(`B1;a;22;3;30.02.2022`), { key: 'cellBadDate' }),
  ok('lang-linje.csv', lines(`B1;${'x'.repeat(1_000_000)};22;3;${D}`)),
  ok('kun-semikoloner.csv', lines(`B1;a;22;3;${D}`, ';;;;', ';;;;', `B2;b;10;4;${D}`)),
  bad('nul-byte.csv', () => utf8(lines(`B1;a\u0000;22;3;${D}`))),
  ok('svar.csv', 'Gruppe;v\nSkala;5\nRespondent;Godt;Skidt\n1;5;2\n2;4;\nI alt;9;2\n3;3;4\n', { key: 'rowTotalsSkipped' }),
  bad('svar-uden-for-skala.csv', 'Skala;3\nRespondent;Godt\n1;3\n2;4\n', { key: 'answersOffScale' }),
];
