import ExcelJS from 'exceljs';
import type { GoalDirection, GoalLevel, Light } from '../../shared/domain';
import type { ProjectSummary } from '../../shared/contracts/views';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import {
  FMT,
  absRange,
  addLightFormatting,
  colLetter,
  figureFormat,
  fitColumns,
  formula,
  freezeRows,
  isoToDate,
  lightWord,
  printSetup,
  safeSheetName,
  styleHeaderRow,
  writeNote,
} from './sheetKit';

/**
 * The portfolio summary workbook: one row per project (its latest evaluation), counts per light
 * and pooled attainment (sum of status / sum of targets, METHODOLOGY.md section 11) computed by
 * formulas from the "Mål" sheet, which lists every goal with its target and status.
 */

export const PORTFOLIO_SHEET = 'Portefølje';
export const GOALS_SHEET = 'Mål';

export interface PortfolioGoalRow {
  level: GoalLevel;
  code: string;
  direction: GoalDirection;
  baseline: number | null;
  target: number | null;
  /** Status in force at the project's latest evaluation (the latest report without one). */
  status: number | null;
}

export interface PortfolioProjectRow {
  summary: ProjectSummary;
  /** Budget and months used by the engine for the latest evaluation; null without evaluation. */
  progress: { budgetTotalKr: number | null; budgetSpentKr: number | null; monthsTotal: number | null; monthsElapsed: number | null } | null;
  goals: PortfolioGoalRow[];
}

export interface PortfolioWorkbookLayout {
  workbook: ExcelJS.Workbook;
  /** Per sheet of projects: the first data row, and the totals block's cells by key. */
  sheets: { name: string; fundingSource: string | null; projectIds: number[]; firstRow: number; cells: Record<string, string> }[];
  goalsSheet: string;
}

const TYPE_DA = { final: 'Slutevaluering', midterm: 'Midtvejsevaluering' } as const;
const LEVEL_NAME: Record<GoalLevel, string> = { A: 'Aktivitetsmål', B: 'Outputmål', C: 'Effektmål' };
const HIGHER = 'højere er bedre';
const LOWER = 'lavere er bedre';
const NO_TARGET = 'intet mål';
const NO_BASELINE = 'ingen baseline';

/** Columns of a project sheet, in order. */
const COLUMNS = [
  ['name', 'Projekt'],
  ['recipient', 'Tilskudsmodtager'],
  ['officer', 'Sagsbehandler'],
  ['source', 'Finansieringskilde'],
  ['type', 'Evaluering'],
  ['date', 'Evalueringsdato'],
  ['score', 'Implementeringsscore'],
  ['lightImpl', 'Trafiklys implementering'],
  ['lightGoals', 'Trafiklys målopnåelse'],
  ['lightEffect', 'Trafiklys effekt'],
  ['A', 'Aktivitetsmål (gns.)'],
  ['B', 'Outputmål (gns.)'],
  ['C', 'Effektmål (gns.)'],
  ['budgetPct', 'Budgetforbrug'],
  ['timePct', 'Tidsforbrug'],
  ['burn', 'Forbrugsrate'],
  ['warnings', 'Advarsler'],
  ['budgetTotal', 'Budget i alt (kr.)'],
  ['budgetSpent', 'Forbrug d.d. (kr.)'],
  ['monthsTotal', 'Måneder i alt'],
  ['monthsElapsed', 'Forløbne måneder'],
  ['id', 'Projekt-id'],
] as const;
type ColKey = (typeof COLUMNS)[number][0];
/** Column letter of each field on a project sheet. */
export const PORTFOLIO_COLUMNS = Object.fromEntries(COLUMNS.map(([key], i) => [key, colLetter(i + 1)])) as Record<ColKey, string>;
const COL = PORTFOLIO_COLUMNS;

interface GoalsSheetRefs {
  id: string;
  source: string;
  level: string;
  target: string;
  status: string;
  counted: string;
  inAverage: string;
  pool: string;
}

function goalsSheet(wb: ExcelJS.Workbook, rows: PortfolioProjectRow[], profile: MethodologyProfile): GoalsSheetRefs {
  const ws = wb.getWorksheet(GOALS_SHEET)!;
  ws.getRow(1).values = [
    'Projekt-id',
    'Projekt',
    'Finansieringskilde',
    'Niveau',
    'Kode',
    'Retning',
    'Baseline',
    'Målsætning i projektperioden',
    'Status',
    'Målopnåelse',
    'Indgår i gennemsnit',
    'Tæller i gennemsnit (1/0)',
    'Indgår i puljen (1/0)',
  ];
  styleHeaderRow(ws.getRow(1), 1, 13);
  let r = 2;
  for (const { summary, goals } of rows) {
    for (const g of goals) {
      const row = ws.getRow(r);
      row.values = [summary.projectId, summary.name, summary.fundingSource, g.level, g.code, g.direction === 'lower' ? LOWER : HIGHER, g.baseline, g.target, g.status];
      row.getCell(7).numFmt = figureFormat(g.baseline);
      row.getCell(8).numFmt = figureFormat(g.target);
      row.getCell(9).numFmt = figureFormat(g.status);
      const percent = goalPercent(g);
      const pct =
        g.direction === 'lower'
          ? `IF(H${r}="","${NO_TARGET}",IF(OR(G${r}="",G${r}=H${r}),"${NO_BASELINE}",IF(I${r}="","",(G${r}-I${r})/(G${r}-H${r})*100)))`
          : `IF(OR(H${r}="",H${r}=0),"${NO_TARGET}",IF(I${r}="","",I${r}/H${r}*100))`;
      row.getCell(10).value = formula(pct, percent);
      row.getCell(10).numFmt = FMT.pct;
      const counted = typeof percent === 'number' ? (profile.capAt100 ? Math.min(percent, 100) : percent) : null;
      row.getCell(11).value = formula(profile.capAt100 ? `IF(ISNUMBER(J${r}),MIN(J${r},100),"")` : `IF(ISNUMBER(J${r}),J${r},"")`, counted);
      row.getCell(11).numFmt = FMT.pct;
      row.getCell(12).value = formula(`IF(ISNUMBER(K${r}),1,0)`, counted === null ? 0 : 1);
      const pooled = g.direction === 'higher' && g.target !== null && g.target !== 0 && g.status !== null;
      row.getCell(13).value = formula(`IF(AND(F${r}="${HIGHER}",ISNUMBER(H${r}),N(H${r})<>0,ISNUMBER(I${r})),1,0)`, pooled ? 1 : 0);
      r++;
    }
  }
  const last = Math.max(2, r - 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: 13 } };
  fitColumns(ws, { max: 40 });
  freezeRows(ws, 1);
  printSetup(ws, { landscape: true, titleRows: '1:1' });
  const range = (col: string) => absRange(GOALS_SHEET, `${col}2`, `${col}${last}`);
  return { id: range('A'), source: range('C'), level: range('D'), target: range('H'), status: range('I'), counted: range('K'), inAverage: range('L'), pool: range('M') };
}

function goalPercent(g: PortfolioGoalRow): number | string | null {
  if (g.direction === 'lower') {
    if (g.target === null) return NO_TARGET;
    if (g.baseline === null || g.baseline === g.target) return NO_BASELINE;
    return g.status === null ? null : ((g.baseline - g.status) / (g.baseline - g.target)) * 100;
  }
  if (g.target === null || g.target === 0) return NO_TARGET;
  return g.status === null ? null : (g.status / g.target) * 100;
}

function pooled(rows: PortfolioProjectRow[], level: GoalLevel) {
  const goals = rows.flatMap((r) => r.goals).filter((g) => g.level === level && g.direction === 'higher' && g.target !== null && g.target !== 0 && g.status !== null);
  const status = goals.reduce((s, g) => s + (g.status ?? 0), 0);
  const target = goals.reduce((s, g) => s + (g.target ?? 0), 0);
  return { status, target, percent: target === 0 ? null : (status / target) * 100, goals: goals.length };
}

function projectSheet(
  ws: ExcelJS.Worksheet,
  rows: PortfolioProjectRow[],
  refs: GoalsSheetRefs,
  fundingSource: string | null,
  capAt100: boolean,
): PortfolioWorkbookLayout['sheets'][number] {
  ws.getRow(1).values = COLUMNS.map(([, title]) => title);
  styleHeaderRow(ws.getRow(1), 1, COLUMNS.length);
  ws.getRow(1).height = 32;
  const first = 2;
  rows.forEach(({ summary: s, progress: p }, i) => {
    const r = first + i;
    const row = ws.getRow(r);
    const c = (key: ColKey) => row.getCell(COLUMNS.findIndex(([k]) => k === key) + 1);
    c('name').value = s.name;
    c('recipient').value = s.grantRecipient;
    c('officer').value = s.caseOfficer;
    c('source').value = s.fundingSource;
    c('type').value = s.evaluationType ? TYPE_DA[s.evaluationType] : 'ingen evaluering';
    c('date').value = isoToDate(s.evaluationDate);
    c('date').numFmt = FMT.date;
    c('score').value = s.implementation.score;
    c('score').numFmt = FMT.dec1;
    c('lightImpl').value = lightWord(s.lights.implementation);
    c('lightGoals').value = lightWord(s.lights.goals);
    c('lightEffect').value = lightWord(s.lights.effect);
    c('id').value = s.projectId;
    for (const level of ['A', 'B', 'C'] as GoalLevel[]) {
      const figure = s.goals[level === 'A' ? 'activity' : level === 'B' ? 'output' : 'effect'];
      // The project's level average: the mean of its counted goal percents on the Mål sheet.
      const crit = `${refs.id},$${COL.id}${r},${refs.level},"${level}",${refs.inAverage},1`;
      c(level).value = s.evaluationId
        ? formula(`IF(COUNTIFS(${crit})=0,"",SUMIFS(${refs.counted},${crit})/COUNTIFS(${crit}))`, figure.percent === null ? null : levelAverageOf(rows[i], level, capAt100))
        : null;
      c(level).numFmt = FMT.pct;
    }
    if (p) {
      c('budgetTotal').value = p.budgetTotalKr;
      c('budgetSpent').value = p.budgetSpentKr;
      c('monthsTotal').value = p.monthsTotal;
      c('monthsElapsed').value = p.monthsElapsed;
      const B = (k: ColKey) => `${COL[k]}${r}`;
      c('budgetPct').value = formula(`IF(OR(${B('budgetTotal')}="",N(${B('budgetTotal')})=0,${B('budgetSpent')}=""),"",${B('budgetSpent')}/${B('budgetTotal')}*100)`, pct(p.budgetSpentKr, p.budgetTotalKr));
      c('timePct').value = formula(`IF(OR(${B('monthsTotal')}="",N(${B('monthsTotal')})=0,${B('monthsElapsed')}=""),"",${B('monthsElapsed')}/${B('monthsTotal')}*100)`, pct(p.monthsElapsed, p.monthsTotal));
      c('burn').value = formula(`IF(OR(${B('budgetPct')}="",${B('timePct')}="",N(${B('timePct')})=0),"",${B('budgetPct')}/${B('timePct')})`, s.burnRatio);
    }
    c('budgetTotal').numFmt = FMT.kr;
    c('budgetSpent').numFmt = FMT.kr;
    c('monthsTotal').numFmt = FMT.dec1;
    c('monthsElapsed').numFmt = FMT.dec1;
    c('budgetPct').numFmt = FMT.pct;
    c('timePct').numFmt = FMT.pct;
    c('burn').numFmt = FMT.dec2;
    c('warnings').value = s.warnings.length;
  });
  const last = first + Math.max(rows.length, 1) - 1;
  if (rows.length === 0) ws.getCell(first, 1).value = 'Ingen projekter i porteføljen.';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: last, column: COLUMNS.length } };
  addLightFormatting(ws, `${COL.lightImpl}${first}:${COL.lightEffect}${last}`);

  // Totals block under the table.
  const cells: Record<string, string> = {};
  let r = last + 2;
  const notes = new Set<number>();
  ws.getCell(r, 1).value = fundingSource ? `I alt for ${fundingSource}` : 'I alt for porteføljen';
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  notes.add(r);
  r++;
  ws.getRow(r).values = ['Trafiklys', 'Grøn', 'Gul', 'Rød', 'Uden lys'];
  styleHeaderRow(ws.getRow(r), 1, 5);
  r++;
  const lightCols: [string, ColKey, keyof ProjectSummary['lights']][] = [
    ['Implementering', 'lightImpl', 'implementation'],
    ['Målopnåelse', 'lightGoals', 'goals'],
    ['Effektvurdering', 'lightEffect', 'effect'],
  ];
  for (const [label, key, kind] of lightCols) {
    ws.getCell(r, 1).value = label;
    const range = `$${COL[key]}$${first}:$${COL[key]}$${last}`;
    (['green', 'yellow', 'red'] as Light[]).forEach((light, i) => {
      const count = rows.filter((x) => x.summary.lights[kind] === light).length;
      ws.getCell(r, 2 + i).value = formula(`COUNTIF(${range},"${lightWord(light)}")`, count);
      cells[`count.${kind}.${light}`] = `${colLetter(2 + i)}${r}`;
    });
    ws.getCell(r, 5).value = formula(`COUNTA($${COL.name}$${first}:$${COL.name}$${last})-SUM(B${r}:D${r})`, rows.filter((x) => x.summary.lights[kind] === null).length);
    cells[`count.${kind}.none`] = `E${r}`;
    r++;
  }
  r++;
  ws.getCell(r, 1).value = 'Puljet målopnåelse (sum af status / sum af målsætninger på tværs af projekterne)';
  ws.getCell(r, 1).font = { bold: true };
  notes.add(r);
  r++;
  ws.getRow(r).values = ['Niveau', 'Status i alt', 'Målsætning i alt', 'Målopnåelse', 'Antal mål'];
  styleHeaderRow(ws.getRow(r), 1, 5);
  r++;
  const sourceCrit = fundingSource === null ? '' : `,${refs.source},"${fundingSource.replace(/"/g, '""')}"`;
  for (const level of ['A', 'B', 'C'] as GoalLevel[]) {
    const p = pooled(rows, level);
    const crit = `${refs.level},"${level}",${refs.pool},1${sourceCrit}`;
    ws.getCell(r, 1).value = LEVEL_NAME[level];
    ws.getCell(r, 2).value = formula(`SUMIFS(${refs.status},${crit})`, p.status);
    ws.getCell(r, 3).value = formula(`SUMIFS(${refs.target},${crit})`, p.target);
    ws.getCell(r, 4).value = formula(`IF(N(C${r})=0,"",B${r}/C${r}*100)`, p.percent);
    ws.getCell(r, 5).value = formula(`COUNTIFS(${crit})`, p.goals);
    ws.getCell(r, 2).numFmt = FMT.int;
    ws.getCell(r, 3).numFmt = FMT.int;
    ws.getCell(r, 4).numFmt = FMT.pct;
    cells[`pool.${level}.status`] = `B${r}`;
    cells[`pool.${level}.target`] = `C${r}`;
    cells[`pool.${level}.percent`] = `D${r}`;
    cells[`pool.${level}.goals`] = `E${r}`;
    r++;
  }
  writeNote(ws, r, 'Kun mål med målsætning (forskellig fra 0), rapporteret status og "højere er bedre" indgår i puljen. Status er den gældende ved projektets seneste evaluering.');
  notes.add(r);

  fitColumns(ws, { skipRows: notes, max: 40, min: 9 });
  freezeRows(ws, 1, 1);
  printSetup(ws, { landscape: true, titleRows: '1:1' });
  return { name: ws.name, fundingSource, projectIds: rows.map((x) => x.summary.projectId), firstRow: first, cells };
}

function pct(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : (part / whole) * 100;
}

function levelAverageOf(row: PortfolioProjectRow, level: GoalLevel, capAt100: boolean): number | null {
  const values = row.goals
    .filter((g) => g.level === level)
    .map(goalPercent)
    .filter((v): v is number => typeof v === 'number')
    .map((v) => (capAt100 ? Math.min(v, 100) : v));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function layoutPortfolioWorkbook(rows: PortfolioProjectRow[], profile: MethodologyProfile): PortfolioWorkbookLayout {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trafiklys';
  wb.created = new Date();
  wb.calcProperties = { fullCalcOnLoad: true };
  const taken = new Set<string>([PORTFOLIO_SHEET.toLowerCase(), GOALS_SHEET.toLowerCase()]);
  const main = wb.addWorksheet(PORTFOLIO_SHEET);
  const sources = [...new Set(rows.map((r) => r.summary.fundingSource))].sort((a, b) => a.localeCompare(b, 'da'));
  const perSource = sources.length > 1 ? sources.map((s) => ({ source: s, ws: wb.addWorksheet(safeSheetName(s || 'Uden finansieringskilde', taken)) })) : [];
  wb.addWorksheet(GOALS_SHEET);
  const refs = goalsSheet(wb, rows, profile);
  const sheets = [projectSheet(main, rows, refs, null, profile.capAt100)];
  for (const { source, ws } of perSource) sheets.push(projectSheet(ws, rows.filter((r) => r.summary.fundingSource === source), refs, source, profile.capAt100));
  return { workbook: wb, sheets, goalsSheet: GOALS_SHEET };
}

export function buildPortfolioWorkbook(rows: PortfolioProjectRow[], profile: MethodologyProfile): ExcelJS.Workbook {
  return layoutPortfolioWorkbook(rows, profile).workbook;
}
