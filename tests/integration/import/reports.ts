/**
 * Report texts written for the tests, in the layout of the seeds' tables (003's fact box, goal
 * tables and budget-and-time table) with made-up facts and figures: the repo's tests need no
 * ../shared. Turned into real PDF and DOCX files with ./build.ts.
 */

/** A midterm report whose tables carry no "indrapporteret ... dato" note: every status is undated. */
export const UNDATED_MIDTERM_REPORT = [
  'Resumé: Grøn omstilling i Sydhavnen',
  'FAKTA-BOKS',
  'Tilskudsmodtager: Sydhavn Erhverv',
  'Sagsbehandler: Mette Holm',
  'Finansieringskilde: Regionale erhvervsudviklingsmidler',
  'Samlet budget: DKK 4,0 mio.',
  'Bevillingsperiode: 01.01.2024 – 31.12.2026.',
  'Figur 3 Status ift. de opstillede aktivitetsmål',
  'Aktivitetsmål Mål i projektperioden Status Målopnåelse i procent',
  'A1: Workshops for virksomheder i bydelen 12 6 50 %',
  'Figur 4 Budget- og tidsforbrug på evalueringstidspunktet',
  ' Totalt budget Forbrug d.d. Procentvist Forbrug',
  'Budgetforbrug (mio. DKK) 4 1,5 38 %',
  'Tidsforbrug (måneder) 36 18 50 %',
  'Figur 5 Status ift. de opstillede outputmål',
  'Outputmål Mål i projektperioden Status Målopnåelse i procent',
  'B1: Virksomheder med en grøn handlingsplan 40 10 25 %',
  'B2: Deltagere i opkvalificeringsforløb 120 30 25 %',
].join('\n');
