import ExcelJS from 'exceljs';
import type { EvaluationType, GoalDirection, GoalLevel, Light, LightKind } from '../../shared/domain';
import type { ProjectSummary } from '../../shared/contracts/views';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import {
  classifyGoalPercent,
  effectSuggestionFor,
  goalAttainment,
  implementationLight,
  levelHeadline,
  poolIndicators,
  roundHalfUp,
  type GoalInput,
  type IndicatorRef,
} from '../../shared/methodology';
import { goalBandRows } from '../../shared/methodology/legend';
import { describeFilterDa, isFilterActive, type PortfolioFilter } from '../../shared/portfolioFilter';
import {
  FMT,
  LIGHT_WORD,
  absRange,
  absRef,
  addLightFormatting,
  colLetter,
  figureFormat,
  fitColumns,
  fitRowHeight,
  formula,
  frozenViews,
  type CellResult,
  isoToDate,
  krFormat,
  lightWord,
  pageSetupOf,
  printFooter,
  safeSheetName,
  shownValueLength,
  styleHeaderRow,
  writeNote,
} from './sheetKit';

/**
 * The portfolio summary workbook: one row per project (its latest evaluation), counts per light,
 * the mean of the projects' level attainment, and pooled attainment per indicator (sum of status /
 * sum of targets of the goals linked to one indicator, METHODOLOGY.md section 11), all computed by
 * formulas from the "Mål" sheet, which lists every goal with its target, status and indicator.
 * Goals of different indicators are never added together.
 */

export const PORTFOLIO_SHEET = 'Portefølje';
export const GOALS_SHEET = 'Mål';
export const THRESHOLDS_SHEET = 'Tærskler';

export interface PortfolioGoalRow {
  level: GoalLevel;
  code: string;
  direction: GoalDirection;
  baseline: number | null;
  target: number | null;
  /** Status in force at the project's latest evaluation (the latest report without one). */
  status: number | null;
  /** The indicator the goal is linked to; null: not pooled. */
  indicator: IndicatorRef | null;
}

export interface PortfolioProjectRow {
  summary: ProjectSummary;
  /** Budget and months used by the engine for the latest evaluation; null without evaluation. */
  progress: { budgetTotalKr: number | null; budgetSpentKr: number | null; monthsTotal: number | null; monthsElapsed: number | null } | null;
  goals: PortfolioGoalRow[];
  /** The evaluator's overrides at the latest evaluation (a light left out or null: none). */
  overrides?: Partial<Record<LightKind, Light | null>>;
}

/** Which projects the workbook holds: all of them, or those a filter showed. */
export interface PortfolioSelection {
  filter: PortfolioFilter;
  /** Projects in the portfolio before filtering. */
  total: number;
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
  ['scored', 'Scorede parametre'],
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
  indicator: string;
  pool: string;
  firstOfProject: string;
}

const GOAL_COLUMNS = [
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
  'Indikator-id',
  'Indikator',
  'Indgår i puljen (1/0)',
  'Første mål for projekt og indikator (1/0)',
];

/** The goals sheet's ranges, for the formulas of the project sheets: rows 2 to `last`. */
function goalsSheetRefs(last: number): GoalsSheetRefs {
  const range = (col: string) => absRange(GOALS_SHEET, `${col}2`, `${col}${last}`);
  return {
    id: range('A'),
    source: range('C'),
    level: range('D'),
    target: range('H'),
    status: range('I'),
    counted: range('K'),
    inAverage: range('L'),
    indicator: range('M'),
    pool: range('O'),
    firstOfProject: range('P'),
  };
}

/** The last row of the goals sheet's table (at least 2, for a table without goals). */
function goalsLastRow(rows: PortfolioProjectRow[]): number {
  return Math.max(2, 1 + rows.reduce((n, x) => n + x.goals.length, 0));
}

/** The cells of one row of the goals sheet: value and number format per column (1-based). */
function goalCells(
  summary: ProjectSummary,
  g: PortfolioGoalRow,
  r: number,
  percent: number | string | null,
  profile: MethodologyProfile,
  seen: Set<string>,
  withFormulas = true,
): { value: ExcelJS.CellValue; numFmt?: string }[] {
  // Fitting the columns needs the cached results only, not the formulas' text.
  const f = withFormulas ? formula : (_text: string, result: CellResult) => formula('', result);
  const pct =
    !withFormulas
      ? ''
      : g.direction === 'lower'
      ? `IF(H${r}="","${NO_TARGET}",IF(OR(G${r}="",G${r}=H${r}),"${NO_BASELINE}",IF(I${r}="","",(G${r}-I${r})/(G${r}-H${r})*100)))`
      : `IF(OR(H${r}="",H${r}=0),"${NO_TARGET}",IF(I${r}="","",I${r}/H${r}*100))`;
  const counted = typeof percent === 'number' ? (profile.capAt100 ? Math.min(percent, 100) : percent) : null;
  // The engine's rule (poolLeftOutReason): linked, higher is better, a target above 0, a status.
  const pooled = g.indicator !== null && g.direction === 'higher' && g.target !== null && g.target > 0 && g.status !== null;
  // Counts each project once per indicator: the first of its pooled goals linked to it.
  const pair = `${summary.projectId}|${g.indicator?.key ?? ''}`;
  const first = pooled && !seen.has(pair);
  if (pooled) seen.add(pair);
  return [
    { value: summary.projectId },
    { value: summary.name },
    { value: summary.fundingSource },
    { value: g.level },
    { value: g.code },
    { value: g.direction === 'lower' ? LOWER : HIGHER },
    { value: g.baseline, numFmt: figureFormat(g.baseline) },
    { value: g.target, numFmt: figureFormat(g.target) },
    { value: g.status, numFmt: figureFormat(g.status) },
    { value: f(pct, percent), numFmt: FMT.pct },
    { value: f(profile.capAt100 ? `IF(ISNUMBER(J${r}),MIN(J${r},100),"")` : `IF(ISNUMBER(J${r}),J${r},"")`, counted), numFmt: FMT.pct },
    { value: f(`IF(ISNUMBER(K${r}),1,0)`, counted === null ? 0 : 1) },
    // The indicator's id is what pools goals across projects; its name is for the reader.
    { value: g.indicator ? Number(g.indicator.key) : null },
    { value: g.indicator ? g.indicator.name : null },
    { value: f(`IF(AND(ISNUMBER(M${r}),F${r}="${HIGHER}",ISNUMBER(H${r}),N(H${r})>0,ISNUMBER(I${r})),1,0)`, pooled ? 1 : 0) },
    { value: f(`IF(AND(O${r}=1,COUNTIFS($A$2:A${r},A${r},$M$2:M${r},M${r},$O$2:O${r},1)=1),1,0)`, first ? 1 : 0) },
  ];
}

const GOALS_MAX_WIDTH = 40;

const SHARED_STYLES = new Map<string, Partial<ExcelJS.Style>>();
/** One frozen style object per number format (none: the default style). */
function sharedStyle(numFmt: string | undefined): Partial<ExcelJS.Style> {
  const key = numFmt ?? '';
  let style = SHARED_STYLES.get(key);
  if (!style) SHARED_STYLES.set(key, (style = Object.freeze(numFmt ? { numFmt } : {})));
  return style;
}

/**
 * The goals sheet, written row by row and each row committed as it is done, so that exceljs's
 * streaming writer keeps one row in memory, not 150,000. The column widths are fitted first
 * from the same cells (a streamed sheet writes its columns before its first row), by
 * fitColumns's rule; long texts wrap and their rows get fitRowHeights's heights. Yields the
 * number of goal rows written, per project.
 */
function* goalsSheet(ws: ExcelJS.Worksheet, rows: PortfolioProjectRow[], profile: MethodologyProfile): Generator<number, void> {
  const widths = new Map<number, number>(GOAL_COLUMNS.map((h, i) => [i + 1, Math.min(14, h.length)]));
  let r = 2;
  const seenForWidth = new Set<string>();
  // Each goal's attainment once, for both passes.
  const percents: (number | string | null)[] = [];
  for (const { summary, goals } of rows)
    for (const g of goals) {
      const percent = goalPercent(g, profile);
      percents.push(percent);
      goalCells(summary, g, r++, percent, profile, seenForWidth, false).forEach(({ value }, i) => {
        if (value === null || value === undefined) return;
        widths.set(i + 1, Math.max(widths.get(i + 1) ?? 0, shownValueLength(value)));
      });
    }
  for (const [col, len] of widths) ws.getColumn(col).width = Math.min(GOALS_MAX_WIDTH, Math.max(8, len + 2));
  const header = ws.getRow(1);
  header.values = GOAL_COLUMNS;
  styleHeaderRow(header, 1, GOAL_COLUMNS.length);
  fitRowHeight(ws, header);
  header.commit();
  r = 2;
  const seen = new Set<string>();
  for (const { summary, goals } of rows) {
    for (const g of goals) {
      const row = ws.getRow(r);
      const cells = goalCells(summary, g, r, percents[r - 2], profile, seen);
      const long = cells.map(({ value }) => value !== null && value !== undefined && shownValueLength(value) > GOALS_MAX_WIDTH);
      const wraps = long.some(Boolean);
      cells.forEach(({ value, numFmt }, i) => {
        const cell = row.getCell(i + 1);
        cell.value = value;
        // A style object per format, shared by the cells: exceljs looks a style up by its object
        // first, so 150,000 rows don't each build a style's XML to find its id. A row that
        // wraps gets its own (its alignment is set cell by cell).
        if (!wraps) cell.style = sharedStyle(numFmt);
        else if (numFmt) cell.numFmt = numFmt;
        if (long[i]) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: 'top' };
      });
      if (wraps) fitRowHeight(ws, row);
      row.commit();
      r++;
    }
    yield r - 2;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: goalsLastRow(rows), column: GOAL_COLUMNS.length } };
  printFooter(ws);
}

/** A goal row as the engine's input (the status in force is all the portfolio keeps of it). */
function goalInput(g: PortfolioGoalRow): GoalInput {
  return {
    code: g.code,
    level: g.level,
    description: '',
    unit: '',
    targetInPeriod: g.target,
    targetAfterPeriod: null,
    direction: g.direction,
    baseline: g.baseline,
    status: g.status === null ? null : { value: g.status, reportedAt: '', reportedBy: '', printedPercent: null, source: { file: '', location: '' } },
  };
}

/** The engine's attainment of a goal, as the Mål sheet's formula shows it. */
function goalPercent(g: PortfolioGoalRow, profile: MethodologyProfile): number | string | null {
  const result = goalAttainment(goalInput(g), profile);
  if (result.state === 'noTarget') return NO_TARGET;
  if (result.state === 'noBaseline') return NO_BASELINE;
  return result.percent;
}

function projectSheet(
  ws: ExcelJS.Worksheet,
  rows: PortfolioProjectRow[],
  refs: GoalsSheetRefs,
  fundingSource: string | null,
  profile: MethodologyProfile,
  thresholds: ThresholdRefs,
  selection: PortfolioSelection | null,
  fit: SheetFit | null = null,
): PortfolioWorkbookLayout['sheets'][number] {
  let valueLights = 0;
  // Streamed: the fit the same sheet got in memory, columns first (they are written before the first row).
  if (fit) for (const [col, width] of fit.widths) ws.getColumn(col).width = width;
  ws.getRow(1).values = COLUMNS.map(([, title]) => title);
  styleHeaderRow(ws.getRow(1), 1, COLUMNS.length);
  ws.getRow(1).height = 32;
  if (fit) applyFit(ws.getRow(1), fit);
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
    c('scored').value = s.evaluationId ? s.implementation.scored : null;
    c('id').value = s.projectId;
    for (const level of ['A', 'B', 'C'] as GoalLevel[]) {
      const figure = s.goals[level === 'A' ? 'activity' : level === 'B' ? 'output' : 'effect'];
      // The project's level average: the mean of its counted goal percents on the Mål sheet.
      const crit = `${refs.id},$${COL.id}${r},${refs.level},"${level}",${refs.inAverage},1`;
      c(level).value = s.evaluationId
        ? formula(`IF(COUNTIFS(${crit})=0,"",SUMIFS(${refs.counted},${crit})/COUNTIFS(${crit}))`, figure.percent === null ? null : levelAverageOf(rows[i], level, profile))
        : null;
      c(level).numFmt = FMT.pct;
    }
    // The lights: formulas on the thresholds sheet where the engine's rule gives the light in
    // force; the evaluator's overrides (and any light the formula would not reproduce) as values.
    const ref = (key: ColKey) => `${COL[key]}${r}`;
    const averages = { A: levelAverageOf(rows[i], 'A', profile), B: levelAverageOf(rows[i], 'B', profile), C: levelAverageOf(rows[i], 'C', profile) };
    const type = s.evaluationType;
    const lights: [ColKey, LightKind, string, Light | null][] = [
      ['lightImpl', 'implementation', implementationLightFormula(ref('score'), ref('scored'), thresholds), s.evaluationId && s.implementation.score !== null && s.implementation.scored >= profile.implementationParameterCount ? implementationLight(s.implementation.score, profile) : null],
      ['lightGoals', 'goals', goalLightFormula(ref('A'), ref('B'), ref('type'), thresholds), goalLightOf(averages.B ?? averages.A, type, profile)],
      ['lightEffect', 'effect', effectLightFormula(ref('C'), ref('type'), thresholds), effectLightOf(averages.C, type, profile)],
    ];
    for (const [key, kind, text, computed] of lights) {
      const inForce = s.lights[kind];
      const override = rows[i].overrides?.[kind] ?? null;
      if (!override && computed === inForce) {
        c(key).value = formula(text, lightWord(computed));
        continue;
      }
      valueLights++;
      c(key).value = lightWord(inForce);
      // An evaluator's choice holds even if a threshold is edited here, so it stays a value; it is
      // an override only where it differs from the suggestion.
      c(key).note = !override
        ? 'Beregnet af Trafiklys ved eksporten efter evalueringens egen profil. Værdi, ikke formel.'
        : override === computed
          ? 'Valgt af evaluator, samme som forslaget. Værdi, ikke formel.'
          : `Tilsidesat af evaluator (forslag: ${lightWord(computed) || 'intet lys'}). Værdi, ikke formel.`;
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
    c('budgetTotal').numFmt = krFormat(p?.budgetTotalKr);
    c('budgetSpent').numFmt = krFormat(p?.budgetSpentKr);
    c('monthsTotal').numFmt = FMT.dec1;
    c('monthsElapsed').numFmt = FMT.dec1;
    c('budgetPct').numFmt = FMT.pct;
    c('timePct').numFmt = FMT.pct;
    c('burn').numFmt = FMT.dec2;
    c('warnings').value = s.warnings.length;
    if (fit) {
      // Each project's row goes to the file as it is done: 5,000 rows of cells held to the
      // sheet's end were what set the heap's size for the whole export (issue 12).
      applyFit(row, fit);
      row.commit();
    }
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
    // Projects are counted by their id (a number): the "no projects" line is not a project.
    ws.getCell(r, 5).value = formula(`COUNT($${COL.id}$${first}:$${COL.id}$${last})-SUM(B${r}:D${r})`, rows.filter((x) => x.summary.lights[kind] === null).length);
    cells[`count.${kind}.none`] = `E${r}`;
    r++;
  }
  r++;

  // The headline per level: the mean of the projects' own level attainment (the column above).
  ws.getCell(r, 1).value = 'Målopnåelse pr. niveau: gennemsnit af projekternes målopnåelse';
  ws.getCell(r, 1).font = { bold: true };
  notes.add(r);
  r++;
  ws.getRow(r).values = ['Niveau', 'Gennemsnit', 'Antal projekter', 'Projekter i alt'];
  styleHeaderRow(ws.getRow(r), 1, 4);
  r++;
  for (const level of ['A', 'B', 'C'] as GoalLevel[]) {
    const figure = (x: PortfolioProjectRow) => x.summary.goals[level === 'A' ? 'activity' : level === 'B' ? 'output' : 'effect'];
    const h = levelHeadline(level, rows.map((x) => (x.summary.evaluationId ? figure(x).average : null)));
    const range = `$${COL[level]}$${first}:$${COL[level]}$${last}`;
    ws.getCell(r, 1).value = LEVEL_NAME[level];
    ws.getCell(r, 2).value = formula(`IF(COUNT(${range})=0,"",AVERAGE(${range}))`, h.average);
    ws.getCell(r, 2).numFmt = FMT.pct;
    ws.getCell(r, 3).value = formula(`COUNT(${range})`, h.projects);
    ws.getCell(r, 4).value = formula(`COUNT($${COL.id}$${first}:$${COL.id}$${last})`, h.projectsTotal);
    cells[`headline.${level}.average`] = `B${r}`;
    cells[`headline.${level}.projects`] = `C${r}`;
    cells[`headline.${level}.total`] = `D${r}`;
    r++;
  }
  writeNote(ws, r, 'Et projekt tæller med, når det har mål på niveauet med målsætning og rapporteret status ved sin seneste evaluering.', 10);
  notes.add(r);
  r += 2;

  // Pooled per indicator: only goals linked to the same indicator are added together.
  ws.getCell(r, 1).value = 'Puljet målopnåelse pr. indikator (sum af status / sum af målsætninger for mål knyttet til samme indikator)';
  ws.getCell(r, 1).font = { bold: true };
  notes.add(r);
  r++;
  ws.getRow(r).values = ['Indikator', 'Niveau', 'Enhed', 'Status i alt', 'Målsætning i alt', 'Målopnåelse', 'Projekter', 'Mål i puljen', 'Knyttede mål i alt'];
  styleHeaderRow(ws.getRow(r), 1, 9);
  r++;
  const sourceCrit = fundingSource === null ? '' : `,${refs.source},"${fundingSource.replace(/"/g, '""')}"`;
  // Only linked goals are pooled: the engine's inputs of those, not of all 150,000 goals.
  const pooled = poolIndicators(rows.flatMap((x) => x.goals.flatMap((g) => (g.indicator ? [{ projectId: x.summary.projectId, goal: goalInput(g), indicator: g.indicator }] : []))));
  if (pooled.length === 0) {
    ws.getCell(r, 1).value = 'Ingen mål er knyttet til en indikator. Knyt mål til en indikator under Målopnåelse i Trafiklys.';
    ws.getCell(r, 1).font = { italic: true };
    notes.add(r);
    r++;
  }
  for (const p of pooled) {
    const key = p.indicator.key;
    const linked = `${refs.indicator},${key}${sourceCrit}`;
    const crit = `${linked},${refs.pool},1`;
    ws.getCell(r, 1).value = p.indicator.code ? `${p.indicator.code} ${p.indicator.name}` : p.indicator.name;
    ws.getCell(r, 2).value = LEVEL_NAME[p.indicator.level];
    ws.getCell(r, 3).value = p.indicator.unit;
    // Nothing of the indicator pooled: empty sums, not "0 of 0".
    ws.getCell(r, 4).value = formula(`IF(COUNTIFS(${crit})=0,"",SUMIFS(${refs.status},${crit}))`, p.statusSum);
    ws.getCell(r, 5).value = formula(`IF(COUNTIFS(${crit})=0,"",SUMIFS(${refs.target},${crit}))`, p.targetSum);
    ws.getCell(r, 6).value = formula(`IF(N(E${r})=0,"",D${r}/E${r}*100)`, p.percent);
    ws.getCell(r, 7).value = formula(`SUMIFS(${refs.firstOfProject},${linked})`, p.projects);
    ws.getCell(r, 8).value = formula(`COUNTIFS(${crit})`, p.goals);
    ws.getCell(r, 9).value = formula(`COUNTIFS(${linked})`, p.linkedGoals);
    ws.getCell(r, 4).numFmt = FMT.int;
    ws.getCell(r, 5).numFmt = FMT.int;
    ws.getCell(r, 6).numFmt = FMT.pct;
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
    for (const [k, col] of [['status', 'D'], ['target', 'E'], ['percent', 'F'], ['projects', 'G'], ['goals', 'H'], ['linked', 'I']] as const)
      cells[`indicator.${key}.${k}`] = `${col}${r}`;
    r++;
  }
  const unlinked = (level: GoalLevel) => rows.reduce((n, x) => n + x.goals.filter((g) => g.level === level && g.indicator === null).length, 0);
  const unlinkedFormula = (level: GoalLevel) =>
    `SUMPRODUCT((${refs.level}="${level}")*(${refs.indicator}="")${fundingSource === null ? '' : `*(${refs.source}="${fundingSource.replace(/"/g, '""')}")`})`;
  ws.getRow(r).values = ['Mål uden indikator (indgår ikke i puljen)'];
  notes.add(r);
  r++;
  for (const level of ['A', 'B', 'C'] as GoalLevel[]) {
    ws.getCell(r, 1).value = LEVEL_NAME[level];
    ws.getCell(r, 2).value = formula(unlinkedFormula(level), unlinked(level));
    cells[`unlinked.${level}`] = `B${r}`;
    r++;
  }
  writeNote(
    ws,
    r,
    'Kun mål, der er knyttet til samme indikator, lægges sammen; mål for forskellige indikatorer (deltagere, virksomheder, cv\'er) lægges aldrig sammen. ' +
      'Et knyttet mål indgår i puljen med målsætning over 0, rapporteret status og "højere er bedre". Status er den gældende ved projektets seneste evaluering.',
    10,
  );
  notes.add(r);
  r++;
  if (selection && isFilterActive(selection.filter)) {
    writeNote(ws, r, `Filter: ${describeFilterDa(selection.filter)}. Projektmappen viser ${rows.length} af porteføljens ${selection.total} projekter.`, 10);
    notes.add(r);
    r++;
  }
  writeNote(
    ws,
    r,
    `Trafiklysene er formler efter tærsklerne på arket '${THRESHOLDS_SHEET}' (samme regler som i Trafiklys: målopnåelse efter outputmålenes gennemsnit, ellers aktivitetsmålenes).` +
      (valueLights ? ` ${valueLights} lys er valgt af evaluator (tilsidesat eller samme som forslaget) eller beregnet af Trafiklys ved eksporten; de står som værdier med en kommentar.` : ''),
    10,
  );
  notes.add(r);

  if (fit) {
    // The rows under the table are still held: they get their fit here.
    for (const r of fit.rows.keys()) if (r > last) applyFit(ws.getRow(r), fit);
  } else fitColumns(ws, { skipRows: notes, max: 40, min: 9 });
  printFooter(ws);
  return { name: ws.name, fundingSource, projectIds: rows.map((x) => x.summary.projectId), firstRow: first, cells };
}

/**
 * What fitColumns gave a sheet built in memory: column widths, and per row its height and the
 * alignment of the cells it set to wrap. A streamed sheet applies it row by row before each row
 * is committed, so it comes out as the in-memory sheet does.
 */
interface SheetFit {
  widths: Map<number, number>;
  rows: Map<number, { height?: number; alignments: Map<number, Partial<ExcelJS.Alignment>> }>;
}

function sheetFitOf(ws: ExcelJS.Worksheet): SheetFit {
  const widths = new Map<number, number>();
  for (let col = 1; col <= ws.columnCount; col++) {
    const width = ws.getColumn(col).width;
    if (width !== undefined) widths.set(col, width);
  }
  const rows: SheetFit['rows'] = new Map();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const alignments = new Map<number, Partial<ExcelJS.Alignment>>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.alignment?.wrapText) alignments.set(col, { ...cell.alignment });
    });
    if (row.height !== undefined || alignments.size > 0) rows.set(r, { height: row.height, alignments });
  });
  return { widths, rows };
}

function applyFit(row: ExcelJS.Row, fit: SheetFit): void {
  const f = fit.rows.get(row.number);
  if (!f) return;
  for (const [col, alignment] of f.alignments) row.getCell(col).alignment = alignment;
  if (f.height !== undefined) row.height = f.height;
}

function pct(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : (part / whole) * 100;
}

/** A project's level average as the engine takes it: the mean of its counted goals (capped by the profile). */
function levelAverageOf(row: PortfolioProjectRow, level: GoalLevel, profile: MethodologyProfile): number | null {
  const values = row.goals
    .filter((g) => g.level === level)
    .map((g) => goalAttainment(goalInput(g), profile))
    .flatMap((res) => (res.counted && res.percent !== null ? [profile.capAt100 ? Math.min(res.percent, 100) : res.percent] : []));
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function goalLightOf(average: number | null, type: EvaluationType | null, profile: MethodologyProfile): Light | null {
  return average === null || type === null ? null : classifyGoalPercent(roundHalfUp(average), type, profile).light;
}

function effectLightOf(average: number | null, type: EvaluationType | null, profile: MethodologyProfile): Light | null {
  if (average === null || type === null) return null;
  return effectSuggestionFor(roundHalfUp(average), type, profile).light;
}

/** Cells of the thresholds sheet the light formulas refer to. */
interface ThresholdRefs {
  implGreenMin: string;
  implYellowMin: string;
  implRequired: string;
  /** Per evaluation type (its Danish name), the bands highest first. */
  bands: Record<EvaluationType, { min: string; light: string }[]>;
  effectYellowMin: string;
}

function thresholdsSheet(ws: ExcelJS.Worksheet, profile: MethodologyProfile): ThresholdRefs {
  const name = ws.name;
  ws.getCell('A1').value = 'Tærskler for porteføljens trafiklys';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = 'Fra Trafiklys ved eksporten. Ret en tærskel her, så genberegner projektmappen trafiklysene (tilsidesatte lys står som værdier).';
  ws.getCell('A2').font = { italic: true, color: { argb: 'FF555555' } };
  const notes = new Set([1, 2]);
  let r = 4;
  ws.getRow(r).values = ['Implementering', 'Samlet score fra'];
  styleHeaderRow(ws.getRow(r), 1, 2);
  r++;
  const implStart = r;
  for (const [light, min] of [['green', profile.implementationBands.greenMin], ['yellow', profile.implementationBands.yellowMin]] as const) {
    ws.getCell(r, 1).value = LIGHT_WORD[light];
    ws.getCell(r, 2).value = min;
    ws.getCell(r, 2).numFmt = FMT.dec1;
    r++;
  }
  ws.getCell(r, 1).value = LIGHT_WORD.red;
  ws.getCell(r, 2).value = 'derunder';
  r++;
  ws.getCell(r, 1).value = 'Scorede parametre, før scoren får et lys';
  ws.getCell(r, 2).value = profile.implementationParameterCount;
  notes.add(r);
  const implRequired = absRef(name, `B${r}`);
  addLightFormatting(ws, `A${implStart}:A${r - 1}`);
  r += 2;
  const bands = {} as ThresholdRefs['bands'];
  for (const type of ['final', 'midterm'] as const) {
    ws.getRow(r).values = [`Målopnåelse, ${TYPE_DA[type].toLowerCase()}`, 'Fra (%)'];
    styleHeaderRow(ws.getRow(r), 1, 2);
    r++;
    const start = r;
    bands[type] = goalBandRows(profile, type).map((band) => {
      ws.getCell(r, 1).value = LIGHT_WORD[band.light];
      ws.getCell(r, 2).value = band.min;
      ws.getCell(r, 2).numFmt = FMT.pct;
      r++;
      return { min: absRef(name, `B${r - 1}`), light: absRef(name, `A${r - 1}`) };
    });
    addLightFormatting(ws, `A${start}:A${r - 1}`);
    r++;
  }
  ws.getCell(r, 1).value = 'Effekt: båndets farve; et rødt bånd er gult fra (%)';
  ws.getCell(r, 2).value = profile.effectYellowMin;
  ws.getCell(r, 2).numFmt = FMT.pct;
  notes.add(r);
  const effectYellowMin = absRef(name, `B${r}`);
  fitColumns(ws, { skipRows: notes, min: 12, fixed: { 1: 40, 2: 16 } });
  printFooter(ws);
  return { implGreenMin: absRef(name, `B${implStart}`), implYellowMin: absRef(name, `B${implStart + 1}`), implRequired, bands, effectYellowMin };
}

function implementationLightFormula(score: string, scored: string, t: ThresholdRefs): string {
  return `IF(OR(${score}="",N(${scored})<${t.implRequired}),"",IF(ROUND(${score},1)>=${t.implGreenMin},"${LIGHT_WORD.green}",IF(ROUND(${score},1)>=${t.implYellowMin},"${LIGHT_WORD.yellow}","${LIGHT_WORD.red}")))`;
}

/** The band light of a shown (integer) percent, by the evaluation type in `typeCell`. */
function bandFormula(shown: string, typeCell: string, t: ThresholdRefs): string {
  const chain = (bands: { min: string; light: string }[]) => {
    let f = bands[bands.length - 1].light;
    for (let i = bands.length - 2; i >= 0; i--) f = `IF(${shown}>=${bands[i].min},${bands[i].light},${f})`;
    return f;
  };
  return `IF(${typeCell}="${TYPE_DA.final}",${chain(t.bands.final)},${chain(t.bands.midterm)})`;
}

function goalLightFormula(a: string, b: string, typeCell: string, t: ThresholdRefs): string {
  const basis = `IF(${b}<>"",${b},${a})`;
  return `IF(AND(${a}="",${b}=""),"",${bandFormula(`ROUND(${basis},0)`, typeCell, t)}&"")`;
}

/** The engine's rule (effectSuggestionFor): the band's colour; a red band is yellow from the threshold. */
function effectLightFormula(c: string, typeCell: string, t: ThresholdRefs): string {
  const band = bandFormula(`ROUND(${c},0)`, typeCell, t);
  return `IF(${c}="","",IF(${band}="${LIGHT_WORD.red}",IF(ROUND(${c},0)>=${t.effectYellowMin},"${LIGHT_WORD.yellow}","${LIGHT_WORD.red}"),${band}&""))`;
}

/** Where the workbook's sheets go: an in-memory workbook, or exceljs's streaming writer. */
interface SheetSink {
  /**
   * Project sheets of more projects than this are fitted in memory first and written row by row
   * (the streaming writer); Infinity for the in-memory workbook.
   */
  rowByRowAbove: number;
  add(name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet;
  /** The sheet is complete: the streaming writer writes it out (a sheet of the in-memory workbook stays). */
  finish(ws: ExcelJS.Worksheet): void;
}

const PROJECT_SHEET_OPTIONS = { views: frozenViews(1, 1), pageSetup: pageSetupOf({ landscape: true, titleRows: '1:1' }) };
const GOALS_SHEET_OPTIONS = { views: frozenViews(1), pageSetup: pageSetupOf({ landscape: true, titleRows: '1:1' }) };
const THRESHOLDS_SHEET_OPTIONS = { pageSetup: pageSetupOf({}) };

/**
 * The workbook's sheets in their order: the portfolio, one per funding source (with more than
 * one), the thresholds, the goals. Each sheet is finished before the next begins (a streamed
 * sheet can't be returned to), so the formulas' references to the thresholds and goals sheets
 * are worked out first: the thresholds' cells from a scratch copy of that small sheet, the
 * goals' ranges from the number of goals. The generator yields the goal rows written so far.
 */
function* fillPortfolioWorkbook(
  sink: SheetSink,
  rows: PortfolioProjectRow[],
  profile: MethodologyProfile,
  selection: PortfolioSelection | null,
  sheets: PortfolioWorkbookLayout['sheets'],
): Generator<number, void> {
  const taken = new Set<string>([PORTFOLIO_SHEET.toLowerCase(), GOALS_SHEET.toLowerCase(), THRESHOLDS_SHEET.toLowerCase()]);
  const sources = [...new Set(rows.map((r) => r.summary.fundingSource))].sort((a, b) => a.localeCompare(b, 'da'));
  const perSource = sources.length > 1 ? sources.map((s) => ({ source: s, name: safeSheetName(s || 'Uden finansieringskilde', taken) })) : [];
  const thresholds = thresholdsSheet(new ExcelJS.Workbook().addWorksheet(THRESHOLDS_SHEET), profile);
  const refs = goalsSheetRefs(goalsLastRow(rows));
  // Streamed, a project sheet of more than `rowByRowAbove` projects is first built in a scratch
  // workbook for its fit only (its widths need every row, and a streamed sheet writes its columns
  // before its first row), then written row by row; a smaller sheet is held and fitted in place.
  const fitFor = (ofSheet: PortfolioProjectRow[], source: string | null): SheetFit | null =>
    ofSheet.length > sink.rowByRowAbove ? sheetFitOf(withSheet(PORTFOLIO_SHEET, (scratch) => projectSheet(scratch, ofSheet, refs, source, profile, thresholds, selection))) : null;
  const main = sink.add(PORTFOLIO_SHEET, PROJECT_SHEET_OPTIONS);
  sheets.push(projectSheet(main, rows, refs, null, profile, thresholds, selection, fitFor(rows, null)));
  sink.finish(main);
  // A turn for the streaming writer after each finished sheet: the zip takes up its XML before
  // the next sheet's model is built (all four at once were the export's peak memory).
  yield 0;
  for (const { source, name } of perSource) {
    const ws = sink.add(name, PROJECT_SHEET_OPTIONS);
    const ofSource = rows.filter((r) => r.summary.fundingSource === source);
    sheets.push(projectSheet(ws, ofSource, refs, source, profile, thresholds, selection, fitFor(ofSource, source)));
    sink.finish(ws);
    yield 0;
  }
  const thresholdsWs = sink.add(THRESHOLDS_SHEET, THRESHOLDS_SHEET_OPTIONS);
  thresholdsSheet(thresholdsWs, profile);
  sink.finish(thresholdsWs);
  // A turn for the streaming writer, before the bulk: the zip takes up the sheets written so far.
  yield 0;
  const goalsWs = sink.add(GOALS_SHEET, GOALS_SHEET_OPTIONS);
  yield* goalsSheet(goalsWs, rows, profile);
  sink.finish(goalsWs);
}

/** A scratch sheet of its own workbook, after `build` has filled it. */
function withSheet(name: string, build: (ws: ExcelJS.Worksheet) => unknown): ExcelJS.Worksheet {
  const ws = new ExcelJS.Workbook().addWorksheet(name, PROJECT_SHEET_OPTIONS);
  build(ws);
  return ws;
}

export function layoutPortfolioWorkbook(rows: PortfolioProjectRow[], profile: MethodologyProfile, selection: PortfolioSelection | null = null): PortfolioWorkbookLayout {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Trafiklys';
  wb.created = new Date();
  wb.calcProperties = { fullCalcOnLoad: true };
  const sheets: PortfolioWorkbookLayout['sheets'] = [];
  const sink: SheetSink = { rowByRowAbove: Infinity, add: (name, options) => wb.addWorksheet(name, options), finish: () => undefined };
  for (const _ of fillPortfolioWorkbook(sink, rows, profile, selection, sheets));
  return { workbook: wb, sheets, goalsSheet: GOALS_SHEET };
}

export function buildPortfolioWorkbook(rows: PortfolioProjectRow[], profile: MethodologyProfile, selection: PortfolioSelection | null = null): ExcelJS.Workbook {
  return layoutPortfolioWorkbook(rows, profile, selection).workbook;
}

/**
 * The same workbook written to `path` by exceljs's streaming writer: the goals sheet (one row
 * per goal, the bulk of the file) goes to the file row by row instead of being held whole, and
 * the event loop gets a turn between projects so the zip stream drains as it is written.
 * `onRows` gets the goal rows written of all.
 */
/**
 * Project sheets of more projects than this are written row by row (fitted first in a scratch
 * sheet, which costs a second build of the sheet); smaller ones are held until the sheet is done.
 * Held, the 5,000 rows of 23 cells set the heap's size for the whole export (peak RSS 570-695 MB,
 * over issue 12's 600 MB; row by row 450-530 MB); at 2,000 rows held the export peaked at about
 * 400 MB, and the second build made a 500-project export 1.5x exceljs alone instead of 1.26x.
 */
export const ROW_BY_ROW_ABOVE = 2500;

export async function streamPortfolioWorkbook(
  path: string,
  rows: PortfolioProjectRow[],
  profile: MethodologyProfile,
  selection: PortfolioSelection | null = null,
  onRows?: (done: number, total: number) => void,
  rowByRowAbove = ROW_BY_ROW_ABOVE,
): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  writer.creator = 'Trafiklys';
  writer.created = new Date();
  fullCalcOnLoad(writer);
  const sink: SheetSink = {
    rowByRowAbove,
    add: (name, options) => {
      const ws = writer.addWorksheet(name, options) as unknown as ExcelJS.Worksheet;
      forgetWrittenFormulae(ws);
      return ws;
    },
    finish: (ws) => (ws as unknown as { commit(): void }).commit(),
  };
  const total = rows.reduce((n, x) => n + x.goals.length, 0);
  let reported = 0;
  let sheet: ExcelJS.Worksheet | null = null;
  const add = sink.add;
  sink.add = (name, options) => (sheet = add(name, options));
  const finished: ExcelJS.Worksheet[] = [];
  const finish = sink.finish;
  sink.finish = (ws) => {
    finish(ws);
    finished.push(ws);
  };
  for (const done of fillPortfolioWorkbook(sink, rows, profile, selection, [])) {
    if (done === 0) {
      for (const ws of finished) await sheetDrained(ws, FINISHED_SHEET_LIMIT);
      continue;
    }
    if (done - reported < 2000) continue;
    reported = done;
    onRows?.(done, total);
    if (sheet) {
      // Real backpressure: the rows written wait in the zip's input until it has compressed them.
      await sheetDrained(sheet);
    }
  }
  await writer.commit();
}

/**
 * exceljs's streaming sheet keeps the model of every formula cell it has written, by address,
 * for shared formulas that might refer to it later (cell-xform's prepare): 6 of the 16 cells of
 * each of 150,000 goal rows, formula text and all, held to the end. The workbook has no shared
 * formulas, so what is written is forgotten.
 */
export function forgetWrittenFormulae(ws: ExcelJS.Worksheet): void {
  const writer = ws as unknown as { _formulae?: Record<string, unknown> };
  // A table that takes every cell and keeps none: a kept model lives through the young
  // generation's collections and ends as old garbage (6 MB per 2,000 rows).
  if (writer._formulae) writer._formulae = new Proxy({}, { set: () => true });
}

/** Bytes of a finished sheet's XML left to the zip when the goals sheet begins. */
const FINISHED_SHEET_LIMIT = 256 * 1024;

/** Bytes of a streamed sheet's XML the zip may hold uncompressed before the writer waits for it. */
export const SHEET_QUEUE_LIMIT = 4 * 1024 * 1024;

/**
 * Resolves when the zip has taken up a streamed sheet's XML down to `limit` bytes. exceljs's
 * sheet stream hands every 64 kB of XML to the zip's input without waiting (its write() always
 * returns true), and the zip (archiver) takes an entry up only after the ones before it and
 * compresses slower than rows are made: without waiting, the whole sheet's XML piles up in that
 * input. Its input is a Node stream (a PassThrough archiver puts in front of exceljs's stream),
 * so its buffered length and 'drain' tell how far the zip has come. Gives the event loop a turn
 * in any case (the compressed bytes go to the file on it).
 */
export async function sheetDrained(ws: ExcelJS.Worksheet, limit = SHEET_QUEUE_LIMIT): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: ZipInput[] } }).stream?.pipes ?? [];
  for (const input of pipes) {
    while (queued(input) > limit && !input.destroyed) {
      await new Promise<void>((resolve, reject) => {
        // An ended stream emits 'finish', not 'drain', when its last write is taken up.
        const events = ['drain', 'finish', 'close'] as const;
        const done = () => {
          for (const e of events) input.off(e, done);
          input.off('error', fail);
          resolve();
        };
        const fail = (err: Error) => {
          done();
          reject(err);
        };
        for (const e of events) input.on(e, done);
        input.on('error', fail);
      });
    }
  }
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** The zip's input: a Node stream (archiver's readable-stream 2 PassThrough has no writableLength). */
type ZipInput = NodeJS.WritableStream & { writableLength?: number; _writableState?: { length: number }; destroyed?: boolean };

function queued(input: ZipInput): number {
  return input.writableLength ?? input._writableState?.length ?? 0;
}

/**
 * The streaming writer writes workbook.xml with empty calculation properties; the in-memory
 * workbook asks Excel to recalculate every formula on opening (the cached results are the
 * engine's, a threshold edited on the sheet must change the lights). The same XML, with that
 * flag added to its calcPr element as the in-memory writer writes it (a test reads it back).
 */
function fullCalcOnLoad(writer: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const w = writer as unknown as StreamingInternals;
  const addWorkbook = w.addWorkbook.bind(w);
  w.addWorkbook = () => {
    const append = w.zip.append;
    w.zip.append = (data, options) => {
      w.zip.append = append;
      const xml = options.name === '/xl/workbook.xml' ? data.replace(/<calcPr calcId="(\d+)"\/>/, '<calcPr calcId="$1" fullCalcOnLoad="1"/>') : data;
      return append.call(w.zip, xml, options);
    };
    return addWorkbook();
  };
}

interface StreamingInternals {
  addWorkbook: () => Promise<void>;
  zip: { append(data: string, options: { name: string }): unknown };
}
