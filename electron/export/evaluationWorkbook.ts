import { keepIndirectInStep } from '../../shared/methodology/budget';
import { profileVersionLabel } from '../../shared/methodology/profileVersion';
import ExcelJS from 'exceljs';
import type { BusinessCase, EffectChainColumn, Goal, GoalLevel, Light, LightKind, StatusReport } from '../../shared/domain';
import { GOAL_LEVELS, IMPLEMENTATION_PARAMETERS } from '../../shared/domain';
import type { EvaluationDetail, ProjectDetail } from '../../shared/contracts/views';
import {
  EFFECT_LIGHT_MEANINGS,
  GOAL_BAND_MEANINGS,
  PARAMETER_NAMES,
  SCORE_MEANINGS,
  goalBandRows,
  implementationBandRows,
  type ScoreValue,
} from '../../shared/methodology/legend';
import { addDays, monthsBetween } from '../../shared/methodology/progress';
import { formatSurveyIndicator } from '../../shared/methodology/survey';
import type { GoalResult, LevelResult } from '../../shared/methodology/types';
import { formatDanishDate, formatDanishNumber } from '../../shared/numbers/danish';
import { spendingByYear } from '../../shared/methodology/spendingByYear';
import { statusInForce } from '../services/evaluationInput';
import { unapprovedMark } from '../../shared/approval';
import { goalApprovalNotes, progressApprovalNote } from '../../shared/report/notes';
import { reportLabels } from '../../shared/report/labels';
import { goalProvenanceNotes, progressProvenanceNote } from '../../shared/report/notes';
import { SOURCE_LIST_LABELS, sourceListRows } from '../../shared/sources/list';
import type { ProjectSource } from '../../shared/sources/types';
import {
  FMT,
  LIGHT_WORD,
  absRef,
  addLightFormatting,
  colLetter,
  figureFormat,
  fitColumns,
  fitRowHeights,
  formula,
  freezeRows,
  isoToDate,
  krFormat,
  lightWord,
  printSetup,
  styleHeaderRow,
  writeNote,
  writeTitle,
  type CellResult,
} from './sheetKit';
import { MEASURES_SHEET, writeMeasuresSheet } from './measuresSheet';
import { measuresAt } from '../services/projectMeasures';

/**
 * The evaluation workbook: one sheet per chapter of the evaluation report (METHODOLOGY.md
 * section 10). Every computed figure is a live formula whose cached result is the engine's
 * figure; the thresholds sit on "Sådan scorer vi" and every light formula and colour refers to
 * them, so a corrected threshold or status recolours the workbook in Excel.
 */

export const EVALUATION_SHEETS = {
  resume: 'Resumé',
  facts: 'Fakta',
  implementation: 'Implementering',
  activity: 'Aktivitetsmål',
  progress: 'Budget og tid',
  output: 'Outputmål',
  effect: 'Effektvurdering',
  measures: MEASURES_SHEET,
  learning: 'Læring',
  legend: 'Sådan scorer vi',
  sources: 'Kilder',
} as const;

export const EVALUATION_SHEET_ORDER: string[] = Object.values(EVALUATION_SHEETS);

/** Where a figure sits: the tests and the portfolio workbook look figures up by key. */
export interface CellRef {
  sheet: string;
  address: string;
}

export interface EvaluationWorkbookLayout {
  workbook: ExcelJS.Workbook;
  /** Figure key -> cell, e.g. "goal.B1.percent", "level.B.average", "implementation.rounded". */
  cells: Record<string, CellRef>;
}

/** Titles, labels and notes shared with the written report (shared/report/labels.ts). */
const REPORT_DA = reportLabels('da');
const TYPE_DA = REPORT_DA.evaluationType;
const LEVEL_SHEET: Record<GoalLevel, string> = { A: EVALUATION_SHEETS.activity, B: EVALUATION_SHEETS.output, C: EVALUATION_SHEETS.effect };
const LEVEL_TITLE: Record<GoalLevel, string> = { A: 'Aktivitetsmål', B: 'Outputmål', C: 'Effektmål' };
const KIND_TITLE: Record<LightKind, string> = { implementation: 'Implementering', goals: 'Målopnåelse', effect: 'Effektvurdering' };
const NO_TARGET = 'intet mål';
const NO_BASELINE = 'ingen baseline';
const CAP_YES = 'Ja';

interface Thresholds {
  implGreenMin: string;
  implYellowMin: string;
  implRequired: string;
  /** Bands of this evaluation's type, highest first: cell of min and of the light word. */
  bands: { min: string; light: string; meaning: string; lightValue: Light }[];
  cap: string;
  effectYellowMin: string;
  burnUnder: string;
  burnOver: string;
  budgetTolerance: string;
  /** Points a printed percent may differ from the computed one. */
  printedTolerance: string;
}

interface LevelCells {
  average: string;
  counted: string;
  light: string;
  hasGoals: boolean;
}

class Builder {
  readonly workbook = new ExcelJS.Workbook();
  readonly cells: Record<string, CellRef> = {};
  private readonly sheets = new Map<string, ExcelJS.Worksheet>();
  private thresholds!: Thresholds;
  private readonly levelCells = {} as Record<GoalLevel, LevelCells>;
  private readonly lightRows = {} as Record<LightKind, number>;
  private readonly subtitle: string;

  constructor(
    private readonly project: ProjectDetail,
    private readonly detail: EvaluationDetail,
    private readonly sources: ProjectSource[],
    private readonly businessCase: BusinessCase | null,
  ) {
    this.workbook.creator = 'Trafiklys';
    this.workbook.created = new Date();
    this.workbook.calcProperties = { fullCalcOnLoad: true };
    for (const name of EVALUATION_SHEET_ORDER) this.sheets.set(name, this.workbook.addWorksheet(name));
    const e = detail.evaluation;
    this.subtitle = `${project.project.name} · ${TYPE_DA[e.type]} ${formatDanishDate(e.date)}${e.evaluator ? ` · evaluator: ${e.evaluator}` : ''}`;
  }

  sheet(name: string): ExcelJS.Worksheet {
    return this.sheets.get(name)!;
  }

  mark(key: string, sheet: string, address: string): void {
    this.cells[key] = { sheet, address };
  }

  build(): EvaluationWorkbookLayout {
    // The legend first: every light formula refers to its threshold cells.
    this.legend();
    this.implementation();
    this.goalSheet('A');
    this.goalSheet('B');
    this.progress();
    this.effect();
    this.measures();
    this.resume();
    this.facts();
    this.learning();
    this.sourceList();
    return { workbook: this.workbook, cells: this.cells };
  }

  // 8 Bilag: Sådan scorer vi -------------------------------------------------------------------

  private legend(): void {
    const name = EVALUATION_SHEETS.legend;
    const ws = this.sheet(name);
    const { profile, evaluation } = this.detail;
    writeTitle(ws, 'Bilag: Sådan scorer vi', `Tærskler i kraft for denne evaluering (profil: ${profile.name}; ${profileVersionLabel(this.detail.profileVersion)}). Ret en tærskel her, så genberegner projektmappen trafiklysene.`);
    const notes = new Set<number>([1, 2]);
    let r = 4;
    const text = (row: number, value: string, bold = false) => {
      ws.getCell(row, 1).value = value;
      if (bold) ws.getCell(row, 1).font = { bold: true, size: 12 };
      notes.add(row);
    };
    text(r++, 'Alle scorer er udtryk for evaluators helhedsvurdering, baseret på alle indsamlede data (interviews, spørgeskemaer, statusrapporter m.v.).');
    r++;
    text(r++, '1. Implementering (seks parametre, hver scoret 1-5; samlet score = gennemsnit afrundet til 1 decimal)', true);
    ws.getRow(r).values = ['Score', 'Betydning'];
    styleHeaderRow(ws.getRow(r), 1, 2);
    r++;
    for (const score of [5, 4, 3, 2, 1] as ScoreValue[]) {
      ws.getRow(r).values = [score, SCORE_MEANINGS[score].da];
      r++;
    }
    r++;
    ws.getRow(r).values = ['Trafiklys', 'Samlet score fra', 'til'];
    styleHeaderRow(ws.getRow(r), 1, 3);
    r++;
    const implRows = implementationBandRows(profile);
    const implStart = r;
    implRows.forEach((band, i) => {
      const row = implStart + i;
      ws.getCell(row, 1).value = LIGHT_WORD[band.light];
      ws.getCell(row, 2).value = band.min;
      ws.getCell(row, 2).numFmt = FMT.dec1;
      // A band ends one tenth below the next band's minimum; the top band ends at the scale's top.
      ws.getCell(row, 3).value =
        i === 0 ? band.max : formula(`ROUND(B${row - 1}-0.1,1)`, band.max);
      ws.getCell(row, 3).numFmt = FMT.dec1;
    });
    addLightFormatting(ws, `A${implStart}:A${implStart + implRows.length - 1}`);
    r = implStart + implRows.length;
    ws.getCell(r, 1).value = 'Parametre, der skal være scoret, før scoren får et trafiklys';
    ws.getCell(r, 3).value = profile.implementationParameterCount;
    notes.add(r);
    const implRequired = `C${r}`;
    r += 2;

    text(r++, `2. Målopnåelse (lyset foreslås ud fra outputmålenes gennemsnit, eller aktivitetsmålenes hvis projektet ikke har outputmål; klassificeret på det viste hele procenttal)`, true);
    let bands: Thresholds['bands'] = [];
    for (const type of [evaluation.type, evaluation.type === 'final' ? 'midterm' : 'final'] as const) {
      const inForce = type === evaluation.type;
      ws.getCell(r, 1).value = `${TYPE_DA[type]}${inForce ? ' (gælder for denne evaluering)' : ''}`;
      ws.getCell(r, 1).font = { bold: true };
      notes.add(r);
      r++;
      ws.getRow(r).values = ['Trafiklys', 'Betydning', 'Fra', 'Til'];
      styleHeaderRow(ws.getRow(r), 1, 4);
      r++;
      const rows = goalBandRows(profile, type);
      const start = r;
      rows.forEach((band, i) => {
        const row = start + i;
        ws.getCell(row, 1).value = LIGHT_WORD[band.light];
        ws.getCell(row, 2).value = GOAL_BAND_MEANINGS[band.meaning].da;
        ws.getCell(row, 3).value = band.min;
        ws.getCell(row, 3).numFmt = FMT.pct;
        // Percents are classified as displayed integers: a band ends one below the next band's min.
        ws.getCell(row, 4).value = i === 0 ? 'og derover' : formula(`C${row - 1}-1`, band.max);
        if (i > 0) ws.getCell(row, 4).numFmt = FMT.pct;
      });
      addLightFormatting(ws, `A${start}:A${start + rows.length - 1}`);
      if (inForce)
        bands = rows.map((band, i) => ({ min: absRef(name, `C${start + i}`), light: absRef(name, `A${start + i}`), meaning: absRef(name, `B${start + i}`), lightValue: band.light }));
      r = start + rows.length + 1;
    }
    ws.getCell(r, 1).value = 'Loft på 100 % pr. mål i gennemsnittet (Ja/Nej)';
    ws.getCell(r, 3).value = profile.capAt100 ? CAP_YES : 'Nej';
    notes.add(r);
    const cap = `C${r}`;
    r += 2;

    text(r++, '3. Effektvurdering (evaluators samlede vurdering)', true);
    ws.getRow(r).values = ['Trafiklys', 'Betydning'];
    styleHeaderRow(ws.getRow(r), 1, 2);
    r++;
    const effStart = r;
    for (const light of ['green', 'yellow', 'red'] as Light[]) {
      ws.getRow(r).values = [LIGHT_WORD[light], EFFECT_LIGHT_MEANINGS[light].da];
      r++;
    }
    addLightFormatting(ws, `A${effStart}:A${r - 1}`);
    ws.getCell(r, 1).value = 'Foreslået effektlys: farven på båndet (2.) for effektmålenes gennemsnit; et rødt bånd foreslås dog gult fra';
    ws.getCell(r, 3).value = profile.effectYellowMin;
    ws.getCell(r, 3).numFmt = FMT.pct;
    notes.add(r);
    const effectYellowMin = `C${r}`;
    r += 2;

    text(r++, '4. Fremdrift: forbrugsrate = budgetforbrug % / tidsforbrug %', true);
    ws.getCell(r, 1).value = 'Under denne forbrugsrate: muligt underforbrug';
    ws.getCell(r, 3).value = profile.burnRatio.under;
    ws.getCell(r, 3).numFmt = FMT.dec2;
    notes.add(r);
    const burnUnder = `C${r}`;
    r++;
    ws.getCell(r, 1).value = 'Over denne forbrugsrate: muligt overforbrug';
    ws.getCell(r, 3).value = profile.burnRatio.over;
    ws.getCell(r, 3).numFmt = FMT.dec2;
    notes.add(r);
    const burnOver = `C${r}`;
    r++;
    ws.getCell(r, 1).value = 'Advarsel når en trykt procent afviger fra den beregnede med mere end (point)';
    ws.getCell(r, 3).value = profile.consistencyTolerancePoints;
    notes.add(r);
    const printedTolerance = `C${r}`;
    r += 2;
    text(r++, '5. Budget: budget i alt mod finansiering i alt', true);
    ws.getCell(r, 1).value = 'I balance når forskellen højst er (kr.)';
    ws.getCell(r, 3).value = profile.budgetToleranceKr;
    ws.getCell(r, 3).numFmt = FMT.dec2;
    notes.add(r);
    const budgetTolerance = `C${r}`;

    this.thresholds = {
      implGreenMin: absRef(name, `B${implStart}`),
      implYellowMin: absRef(name, `B${implStart + 1}`),
      implRequired: absRef(name, implRequired),
      bands,
      cap: absRef(name, cap),
      effectYellowMin: absRef(name, effectYellowMin),
      burnUnder: absRef(name, burnUnder),
      burnOver: absRef(name, burnOver),
      budgetTolerance: absRef(name, budgetTolerance),
      printedTolerance: absRef(name, printedTolerance),
    };
    this.mark('threshold.implementation.greenMin', name, `B${implStart}`);
    this.mark('threshold.implementation.yellowMin', name, `B${implStart + 1}`);
    this.mark('threshold.effectYellowMin', name, effectYellowMin);
    bands.forEach((_, i) => this.mark(`threshold.band.${i}.min`, name, /\$([A-Z]+)\$(\d+)$/.exec(bands[i].min)!.slice(1).join('')));

    fitColumns(ws, { skipRows: notes, max: 70, fixed: { 1: 14, 2: 70 } });
    ws.getColumn(3).width = 14;
    ws.getColumn(4).width = 12;
    printSetup(ws, { titleRows: '1:2' });
    freezeRows(ws, 2);
  }

  /** The band light of a percent, by the thresholds on "Sådan scorer vi". */
  private bandFormula(percentExpr: string): string {
    const bands = this.thresholds.bands;
    let f = bands[bands.length - 1].light;
    for (let i = bands.length - 1; i >= 0; i--) f = `IF(${percentExpr}>=${bands[i].min},${bands[i].light},${f})`;
    return f;
  }

  // 4 Implementering ----------------------------------------------------------------------------

  private implementation(): void {
    const name = EVALUATION_SHEETS.implementation;
    const ws = this.sheet(name);
    const impl = this.detail.summary.implementation;
    const t = this.thresholds;
    writeTitle(ws, REPORT_DA.chapter.implementation, this.subtitle);
    ws.getRow(4).values = ['Nr.', 'Parameter', 'Score (1-5)', 'Konklusion', 'Begrundelse'];
    styleHeaderRow(ws.getRow(4), 1, 5);
    const first = 5;
    IMPLEMENTATION_PARAMETERS.forEach((p, i) => {
      const row = first + i;
      const score = this.detail.scores.find((s) => s.parameter === p);
      ws.getCell(row, 1).value = p;
      ws.getCell(row, 2).value = PARAMETER_NAMES[p].da;
      ws.getCell(row, 3).value = score?.score ?? null;
      ws.getCell(row, 3).dataValidation = {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [this.detail.profile.scoreRange.min, this.detail.profile.scoreRange.max],
        showErrorMessage: true,
        errorTitle: 'Ugyldig score',
        error: `En score skal være et helt tal fra ${this.detail.profile.scoreRange.min} til ${this.detail.profile.scoreRange.max}.`,
      };
      ws.getCell(row, 4).value = score?.headline ?? '';
      ws.getCell(row, 5).value = score?.text ?? '';
      for (const c of [2, 4, 5]) ws.getCell(row, c).alignment = { wrapText: true, vertical: 'top' };
      this.mark(`implementation.score.${p}`, name, `C${row}`);
    });
    const last = first + IMPLEMENTATION_PARAMETERS.length - 1;
    const range = `C${first}:C${last}`;
    let r = last + 2;
    const put = (label: string, key: string, value: ExcelJS.CellValue, numFmt?: string) => {
      ws.getCell(r, 2).value = label;
      ws.getCell(r, 2).font = { bold: true };
      ws.getCell(r, 3).value = value;
      if (numFmt) ws.getCell(r, 3).numFmt = numFmt;
      this.mark(key, name, `C${r}`);
      return `C${r++}`;
    };
    const scored = put('Scorede parametre', 'implementation.scored', formula(`COUNT(${range})`, impl.scored));
    const avg = put('Gennemsnit (uafrundet)', 'implementation.average', formula(`IF(${scored}=0,"",AVERAGE(${range}))`, impl.average), FMT.dec2);
    const rounded = put('Samlet implementeringsscore (afrundet til 1 decimal)', 'implementation.rounded', formula(`IF(${avg}="","",ROUND(${avg},1))`, impl.rounded), FMT.dec1);
    put(
      'Status',
      'implementation.status',
      formula(
        `IF(${scored}<${t.implRequired},"Foreløbig: "&${scored}&" af "&${t.implRequired}&" parametre scoret","Alle parametre scoret")`,
        impl.provisional ? `Foreløbig: ${impl.scored} af ${impl.required} parametre scoret` : 'Alle parametre scoret',
      ),
    );
    const suggestion = put(
      'Trafiklys (foreslået)',
      'implementation.light',
      formula(
        `IF(OR(${scored}<${t.implRequired},${rounded}=""),"",IF(${rounded}>=${t.implGreenMin},"Grøn",IF(${rounded}>=${t.implYellowMin},"Gul","Rød")))`,
        lightWord(impl.light),
      ),
    );
    this.implLightCell = suggestion;
    this.implRounded = rounded;
    addLightFormatting(ws, suggestion);
    this.inForceRow(ws, r, 'implementation');
    fitColumns(ws, { skipRows: new Set([1, 2]), max: 60, fixed: { 1: 6, 2: 50, 4: 45, 5: 70 } });
    printSetup(ws, { landscape: true, titleRows: '1:4' });
    freezeRows(ws, 4);
  }

  private implLightCell = '';
  private implRounded = '';

  /** A row showing the light in force (from the Resumé, where the override is kept). */
  private inForceRow(ws: ExcelJS.Worksheet, row: number, kind: LightKind, labelCol = 2, valueCol = 3): void {
    const outcome = this.detail.summary.lights[kind];
    ws.getCell(row, labelCol).value = 'Trafiklys (i kraft, se Resumé)';
    ws.getCell(row, labelCol).font = { bold: true };
    const address = `${colLetter(valueCol)}${row}`;
    // The Resumé is written last; its row numbers are fixed (see resume()).
    ws.getCell(row, valueCol).value = formula(`${absRef(EVALUATION_SHEETS.resume, `C${RESUME_FIRST_LIGHT_ROW + LIGHT_ORDER.indexOf(kind)}`)}&""`, lightWord(outcome.final));
    ws.getCell(row, valueCol).alignment = { horizontal: 'right' };
    addLightFormatting(ws, address);
  }

  // 5 Aktivitetsmål, Outputmål / 6 Effektmål ----------------------------------------------------

  private goalsOf(level: GoalLevel): Goal[] {
    return this.project.goals.filter((g) => g.level === level).sort((a, b) => a.position - b.position || a.id - b.id);
  }

  private statusOf(goal: Goal): StatusReport | null {
    return statusInForce(this.project.statusReports, goal.id, this.detail.evaluation.date);
  }

  /** Writes a level's goal table from `startRow` (header) and its summary; returns the next free row. */
  private goalTable(ws: ExcelJS.Worksheet, level: GoalLevel, startRow: number): number {
    const name = ws.name;
    const goals = this.goalsOf(level);
    const result: LevelResult = this.detail.summary.levels[level];
    const resultOf = (code: string): GoalResult | undefined => result.goals.find((g) => g.code === code);
    const statuses = goals.map((g) => this.statusOf(g));
    const anyLower = goals.some((g) => g.direction === 'lower');
    const anyPrinted = statuses.some((s) => s?.printedPercent != null);
    // Share goals (issue 14) carry their denominator: a percent target is met by numerator / denominator.
    const anyShare = goals.some((g) => g.measure === 'share');

    type Col = 'code' | 'description' | 'unit' | 'direction' | 'baseline' | 'target' | 'after' | 'status' | 'denominator' | 'date' | 'percent' | 'counted' | 'printed' | 'remark';
    const cols: { key: Col; title: string }[] = [
      { key: 'code', title: 'Kode' },
      { key: 'description', title: LEVEL_TITLE[level] },
      { key: 'unit', title: 'Enhed' },
      ...(anyLower ? [{ key: 'direction' as const, title: 'Retning' }, { key: 'baseline' as const, title: 'Baseline' }] : []),
      { key: 'target', title: 'Målsætning i projektperioden' },
      ...(level === 'C' ? [{ key: 'after' as const, title: 'Målsætning efter projektperioden' }] : []),
      { key: 'status', title: 'Status på evaluerings-tidspunktet' },
      ...(anyShare ? [{ key: 'denominator' as const, title: 'Nævner (andele)' }] : []),
      { key: 'date', title: 'Indrapporteret' },
      { key: 'percent', title: 'Procentvis målopnåelse' },
      { key: 'counted', title: 'Indgår i gennemsnit' },
      ...(anyPrinted ? [{ key: 'printed' as const, title: 'Trykt procent i kilden' }] : []),
      { key: 'remark', title: 'Bemærkning' },
    ];
    const ci = Object.fromEntries(cols.map((c, i) => [c.key, i + 1])) as Record<Col, number>;
    const L = (key: Col) => colLetter(ci[key]);

    ws.getRow(startRow).values = cols.map((c) => c.title);
    styleHeaderRow(ws.getRow(startRow), 1, cols.length);
    // No fixed height: fitColumns sizes the header row to its wrapped titles.
    const first = startRow + 1;
    const rows = Math.max(1, goals.length);
    const last = first + rows - 1;
    const capRef = this.thresholds.cap;

    if (goals.length === 0) {
      ws.getCell(first, ci.description).value = `Ingen ${LEVEL_TITLE[level].toLowerCase()} registreret.`;
      ws.getCell(first, ci.description).font = { italic: true };
    }
    goals.forEach((goal, i) => {
      const row = first + i;
      const status = statuses[i];
      const res = resultOf(goal.code);
      const T = `${L('target')}${row}`;
      const S = `${L('status')}${row}`;
      const B = anyLower ? `${L('baseline')}${row}` : '';
      const set = (key: Col, value: ExcelJS.CellValue, numFmt?: string) => {
        const cell = ws.getCell(row, ci[key]);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        return cell;
      };
      set('code', goal.code);
      set('description', goal.description).alignment = { wrapText: true, vertical: 'top' };
      set('unit', goal.unit);
      if (anyLower) {
        set('direction', goal.direction === 'lower' ? 'lavere er bedre' : 'højere er bedre');
        set('baseline', goal.baseline, figureFormat(goal.baseline));
      }
      set('target', goal.targetInPeriod, figureFormat(goal.targetInPeriod));
      if (level === 'C') set('after', goal.targetAfterPeriod, figureFormat(goal.targetAfterPeriod));
      set('status', status?.value ?? null, figureFormat(status?.value ?? null));
      const sharePercentTarget = goal.measure === 'share' && (goal.shareTargetKind ?? 'percent') === 'percent';
      if (anyShare) set('denominator', goal.measure === 'share' ? (status?.denominator ?? null) : null, figureFormat(status?.denominator ?? null));
      if (sharePercentTarget) ws.getCell(row, ci.target).numFmt = FMT.pct;
      const D = anyShare ? `${L('denominator')}${row}` : '';
      set('date', isoToDate(status?.reportedAt ?? null), FMT.date);
      const cached: CellResult =
        res?.state === 'noTarget' ? NO_TARGET : res?.state === 'noBaseline' ? NO_BASELINE : (res?.percent ?? null);
      const percentFormula =
        goal.direction === 'lower'
          ? `IF(${T}="","${NO_TARGET}",IF(OR(${B}="",${B}=${T}),"${NO_BASELINE}",IF(${S}="","",(${B}-${S})/(${B}-${T})*100)))`
          : sharePercentTarget
            ? // The reached share against the target percent (shares.ts); no share without a denominator.
              `IF(OR(${T}="",${T}=0),"${NO_TARGET}",IF(OR(${S}="",${D}="",N(${D})<=0),"",${S}/${D}*100/${T}*100))`
            : `IF(OR(${T}="",${T}=0),"${NO_TARGET}",IF(${S}="","",${S}/${T}*100))`;
      const P = `${L('percent')}${row}`;
      set('percent', formula(percentFormula, cached), FMT.pct).alignment = { horizontal: 'right' };
      const countedValue = res?.counted && res.percent !== null ? (this.detail.profile.capAt100 ? Math.min(res.percent, 100) : res.percent) : null;
      set('counted', formula(`IF(ISNUMBER(${P}),IF(${capRef}="${CAP_YES}",MIN(${P},100),${P}),"")`, countedValue), FMT.pct);
      if (anyPrinted) set('printed', status?.printedPercent ?? null, FMT.pct);
      const remarks = [
        // Issue 13: a status from the grant recipient's report that no case officer has approved.
        unapprovedMark(status?.approval),
        res?.state === 'notReported' ? 'ikke rapporteret' : '',
        res?.state === 'missingValue' ? 'status rapporteret, men tallet mangler' : '',
        res?.state === 'noDenominator' ? 'andelen mangler sin nævner' : '',
        ...(res?.warnings ?? []).filter((w) => w.code === 'printedPercentDiffers' || w.code === 'noBaseline').map((w) => w.message),
      ].filter(Boolean);
      set('remark', remarks.join('; ')).alignment = { wrapText: true, vertical: 'top', indent: 1 };
      this.mark(`goal.${goal.code}.percent`, name, P);
      this.mark(`goal.${goal.code}.counted`, name, `${L('counted')}${row}`);
    });
    // Per-goal percents are numbers, not light words: the light is the level's (below the table).

    // Provenance notes under the table (METHODOLOGY.md section 9), across the table's width.
    let r = last + 1;
    for (const note of provenanceNotes(goals, statuses)) writeNote(ws, r++, note, cols.length);
    r++;

    const countedRange = `${L('counted')}${first}:${L('counted')}${last}`;
    const statusRange = `${L('status')}${first}:${L('status')}${last}`;
    const codeRange = `${L('code')}${first}:${L('code')}${last}`;
    const labelCol = ci.description;
    const valueCol = ci.percent;
    const put = (label: string, key: string, value: ExcelJS.CellValue, numFmt?: string) => {
      ws.getCell(r, labelCol).value = label;
      ws.getCell(r, labelCol).font = { bold: true };
      ws.getCell(r, labelCol).alignment = { horizontal: 'right' };
      const cell = ws.getCell(r, valueCol);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      cell.alignment = { horizontal: 'right' };
      this.mark(key, name, `${colLetter(valueCol)}${r}`);
      return `${colLetter(valueCol)}${r++}`;
    };
    const counted = put('Mål, der indgår i gennemsnittet', `level.${level}.counted`, formula(`COUNT(${countedRange})`, result.counted));
    put('Rapporteret', `level.${level}.reported`, formula(`COUNT(${statusRange})&" af "&COUNTA(${codeRange})`, `${result.reported} af ${result.total}`));
    const average = put(
      `Målopnåelse, ${LEVEL_TITLE[level].toLowerCase()} (simpelt gennemsnit)`,
      `level.${level}.average`,
      formula(`IF(${counted}=0,"",AVERAGE(${countedRange}))`, result.average),
      FMT.pct,
    );
    ws.getCell(average).font = { bold: true };
    const light = put(
      'Trafiklys efter båndene (Sådan scorer vi)',
      `level.${level}.light`,
      formula(`IF(${average}="","",${this.bandFormula(`ROUND(${average},0)`)})`, lightWord(result.light)),
    );
    addLightFormatting(ws, light);
    this.levelCells[level] = { average: absRef(name, average), counted: absRef(name, counted), light: absRef(name, light), hasGoals: goals.length > 0 };
    return r;
  }

  private goalSheet(level: 'A' | 'B'): void {
    const ws = this.sheet(LEVEL_SHEET[level]);
    writeTitle(ws, level === 'A' ? REPORT_DA.goals.activityHeading : REPORT_DA.goals.outputHeading, this.subtitle);
    const next = this.goalTable(ws, level, 4);
    if (level === 'B') this.inForceRow(ws, next, 'goals', this.goalLabelCol(ws), this.goalValueCol(ws));
    fitColumns(ws, { skipRows: notesRows(ws), max: 50, fixed: { 1: 8, 2: 50 } });
    printSetup(ws, { landscape: true, titleRows: '1:4' });
    freezeRows(ws, 4);
  }

  private goalLabelCol(_ws: ExcelJS.Worksheet): number {
    return 2;
  }

  private goalValueCol(ws: ExcelJS.Worksheet): number {
    // The percent column of the table on this sheet (its header says so).
    let col = 0;
    ws.eachRow((row) => {
      if (col) return;
      row.eachCell((cell, c) => {
        if (!col && cell.value === 'Procentvis målopnåelse') col = c;
      });
    });
    return col || 3;
  }

  // Budget og tid --------------------------------------------------------------------------------

  private progress(): void {
    const name = EVALUATION_SHEETS.progress;
    const ws = this.sheet(name);
    const { evaluation, summary } = this.detail;
    const facts = this.project.project;
    const prog = summary.progress;
    const t = this.thresholds;
    writeTitle(ws, REPORT_DA.goals.progressCaption, this.subtitle);
    const notes = new Set([1, 2]);

    // Inputs and the month calculation sit below the table; the table refers to them.
    const calcStart = 14;
    const inputs: [string, ExcelJS.CellValue, string | undefined][] = [
      ['Bevillingsperiode, start', isoToDate(facts.periodStart), FMT.date],
      ['Bevillingsperiode, slut', isoToDate(facts.periodEnd), FMT.date],
      ['Evalueringsdato', isoToDate(evaluation.date), FMT.date],
      ['Projektets samlede budget (kr.)', facts.totalBudgetKr, krFormat(facts.totalBudgetKr)],
      ['Indrapporteret samlet budget (kr.)', evaluation.budgetTotalReportedKr, krFormat(evaluation.budgetTotalReportedKr)],
      ['Indrapporteret forbrug d.d. (kr.)', evaluation.budgetSpentKr, krFormat(evaluation.budgetSpentKr)],
      ['Indrapporteret: forløbne måneder', evaluation.monthsElapsedReported, FMT.dec1],
      ['Indrapporteret: måneder i alt', evaluation.monthsTotalReported, FMT.dec1],
    ];
    ws.getCell(calcStart - 1, 1).value = 'Grundlag og beregning af måneder (indrapporterede tal går forud for beregnede)';
    ws.getCell(calcStart - 1, 1).font = { bold: true };
    notes.add(calcStart - 1);
    // Issue 13: the grant recipient's budget and time figures, not yet approved, say so beside them.
    const progressMark = unapprovedMark(evaluation.progressApproval);
    inputs.forEach(([label, value, fmt], i) => {
      ws.getCell(calcStart + i, 1).value = label;
      ws.getCell(calcStart + i, 2).value = value;
      if (fmt) ws.getCell(calcStart + i, 2).numFmt = fmt;
      if (progressMark && label.startsWith('Indrapporteret') && value !== null) ws.getCell(calcStart + i, 3).value = progressMark;
    });
    const [START, END, EVAL, PROJ_BUDGET, REP_BUDGET, SPENT, REP_ELAPSED, REP_TOTAL] = inputs.map((_, i) => `B${calcStart + i}`);
    let r = calcStart + inputs.length;
    const calc = (label: string, key: string, f: string, result: CellResult, fmt?: string) => {
      ws.getCell(r, 1).value = label;
      ws.getCell(r, 2).value = formula(f, result);
      if (fmt) ws.getCell(r, 2).numFmt = fmt;
      this.mark(key, name, `B${r}`);
      return `B${r++}`;
    };
    // Months from S up to (not including) E: whole months plus the fraction of the month in
    // progress, as the app counts them (EDATE clamps to the month's last day like the app does).
    const wholeMonths = (S: string, E: string) => {
      const w0 = `((YEAR(${E})-YEAR(${S}))*12+MONTH(${E})-MONTH(${S}))`;
      return `${w0}-IF(EDATE(${S},${w0})>${E},1,0)`;
    };
    const fraction = (S: string, E: string, W: string) => `${W}+(${E}-EDATE(${S},${W}))/(EDATE(${S},${W}+1)-EDATE(${S},${W}))`;
    const totalWholeValue =
      facts.periodStart && facts.periodEnd ? Math.floor(monthsBetween(facts.periodStart, addDays(facts.periodEnd, 1))) : null;
    const totalWhole = calc('Hele måneder i bevillingsperioden', 'time.computedTotalWhole', `IF(OR(${START}="",${END}=""),"",${wholeMonths(START, `(${END}+1)`)})`, totalWholeValue);
    const computedTotal = calc(
      'Måneder i bevillingsperioden (beregnet)',
      'time.computedTotalMonths',
      `IF(${totalWhole}="","",${fraction(START, `(${END}+1)`, totalWhole)})`,
      prog.time.computedTotalMonths,
      FMT.dec1,
    );
    const elapsedEnd = `(${EVAL}+1)`;
    const rawElapsedWhole = facts.periodStart
      ? addDays(evaluation.date, 1) < facts.periodStart
        ? 0
        : Math.floor(monthsBetween(facts.periodStart, addDays(evaluation.date, 1)))
      : null;
    const elapsedWhole = calc(
      'Hele måneder til evalueringsdatoen',
      'time.computedElapsedWhole',
      `IF(OR(${START}="",${EVAL}=""),"",IF(${elapsedEnd}<${START},0,${wholeMonths(START, elapsedEnd)}))`,
      rawElapsedWhole,
    );
    const rawElapsed = `IF(${elapsedEnd}<${START},0,${fraction(START, elapsedEnd, elapsedWhole)})`;
    const computedElapsed = calc(
      'Forløbne måneder ved evalueringsdatoen (beregnet)',
      'time.computedElapsedMonths',
      `IF(${elapsedWhole}="","",MAX(0,IF(${computedTotal}="",${rawElapsed},MIN(${computedTotal},${rawElapsed}))))`,
      prog.time.computedElapsedMonths,
      FMT.dec1,
    );
    calc(
      'Tidsforbrug efter bevillingsperioden (beregnet)',
      'time.computedPercent',
      `IF(OR(${computedElapsed}="",${computedTotal}="",${computedTotal}=0),"",${computedElapsed}/${computedTotal}*100)`,
      prog.time.computedPercent,
      FMT.pct,
    );

    // The progress table (Figur 4 of the report).
    ws.getRow(4).values = ['', 'Totalt', 'Forbrug d.d.', 'Procentvist forbrug'];
    styleHeaderRow(ws.getRow(4), 1, 4);
    ws.getCell('A5').value = 'Budgetforbrug (kr.)';
    ws.getCell('B5').value = formula(`IF(${REP_BUDGET}<>"",${REP_BUDGET},IF(${PROJ_BUDGET}<>"",${PROJ_BUDGET},""))`, prog.budget.totalKr);
    ws.getCell('C5').value = formula(`IF(${SPENT}<>"",${SPENT},"")`, prog.budget.spentKr);
    ws.getCell('D5').value = formula(`IF(OR(B5="",C5="",N(B5)=0),"",C5/B5*100)`, prog.budget.percent);
    ws.getCell('A6').value = 'Tidsforbrug (måneder)';
    ws.getCell('B6').value = formula(`IF(${REP_TOTAL}<>"",${REP_TOTAL},${computedTotal})`, prog.time.totalMonths);
    ws.getCell('C6').value = formula(`IF(${REP_ELAPSED}<>"",${REP_ELAPSED},${computedElapsed})`, prog.time.elapsedMonths);
    ws.getCell('D6').value = formula(`IF(OR(B6="",C6="",N(B6)=0),"",C6/B6*100)`, prog.time.percent);
    ws.getCell('B5').numFmt = krFormat(prog.budget.totalKr);
    ws.getCell('C5').numFmt = krFormat(prog.budget.spentKr);
    for (const a of ['B6', 'C6']) ws.getCell(a).numFmt = FMT.dec1;
    for (const a of ['D5', 'D6']) ws.getCell(a).numFmt = FMT.pct;
    this.mark('budget.totalKr', name, 'B5');
    this.mark('budget.spentKr', name, 'C5');
    this.mark('budget.percent', name, 'D5');
    this.mark('time.totalMonths', name, 'B6');
    this.mark('time.elapsedMonths', name, 'C6');
    this.mark('time.percent', name, 'D6');
    writeNote(ws, 7, progressProvenanceNote(evaluation, 'da'), 4);
    writeNote(ws, 8, prog.time.reportedDiffers
      ? 'Indrapporterede måneder afviger fra bevillingsperioden; begge vises nedenfor, de indrapporterede bruges.'
      : 'Tidsforbruget beregnes fra bevillingsperioden, medmindre måneder er indrapporteret.', 4);
    notes.add(7);
    notes.add(8);

    ws.getCell('A9').value = 'Forbrugsrate (budgetforbrug / tidsforbrug)';
    ws.getCell('B9').value = formula(`IF(OR(D5="",D6="",N(D6)=0),"",D5/D6)`, prog.burnRatio);
    ws.getCell('B9').numFmt = FMT.dec2;
    const flagText = { under: 'Mulig underforbrug', over: 'Mulig overforbrug', ok: 'I balance' } as const;
    ws.getCell('C9').alignment = { indent: 1 };
    ws.getCell('C9').value = formula(
      `IF(B9="","",IF(B9<${t.burnUnder},"Mulig underforbrug",IF(B9>${t.burnOver},"Mulig overforbrug","I balance")))`,
      prog.burnFlag ? flagText[prog.burnFlag] : '',
    );
    this.mark('burnRatio', name, 'B9');
    this.mark('burnFlag', name, 'C9');
    ws.getCell('A10').value = 'Outputmål minus tidsforbrug (procentpoint)';
    const outAvg = this.levelCells.B.average;
    ws.getCell('B10').value = formula(`IF(OR(${outAvg}="",D6=""),"",ROUND(${outAvg},0)-ROUND(D6,0))`, summary.gapOutputVsTime);
    ws.getCell('B10').numFmt = '0;-0;0';
    this.mark('gapOutputVsTime', name, 'B10');
    for (const a of ['A9', 'A10']) ws.getCell(a).font = { bold: true };

    // Budget lines and financing (METHODOLOGY.md section 7), amounts in kr.
    r += 1;
    r = this.budgetTables(ws, r, notes);
    if (this.detail.spendingByYear.length > 0) r = this.spendingTable(ws, r + 1, notes);
    fitColumns(ws, { skipRows: notes, max: 50, fixed: { 1: 48 } });
    printSetup(ws, { titleRows: '1:2' });
    freezeRows(ws, 2);
  }

  private budgetTables(ws: ExcelJS.Worksheet, start: number, notes: Set<number>): number {
    const name = ws.name;
    const budget = this.detail.summary.budget;
    const lines = [...this.project.budgetLines].sort((a, b) => a.year - b.year || a.position - b.position);
    const financing = [...this.project.financing].sort((a, b) => a.position - b.position);
    let r = start;
    ws.getCell(r, 1).value = 'Budget (kr.)';
    ws.getCell(r, 1).font = { bold: true };
    notes.add(r);
    r++;
    ws.getRow(r).values = ['Udgiftstype', 'År', 'Beløb (kr.)', 'Andel af direkte udgifter'];
    styleHeaderRow(ws.getRow(r), 1, 4);
    r++;
    const first = r;
    const inStep = keepIndirectInStep(lines);
    lines.forEach((line, i) => {
      ws.getRow(r).values = [line.costType, line.year, line.amountKr, line.percentOfDirect];
      if (line.percentOfDirect !== null && inStep[i] === line) {
        // Kept as its percent of the year's direct costs (the lines without a percent): a live
        // formula, so that a changed direct cost in the sheet moves it as the app does. An
        // imported amount that is not its percent stays the printed figure the warning names.
        // The direct lines of the same year by cell (a range would take in the other indirect
        // lines, whose formulas refer back: a circular reference).
        const cells = lines.flatMap((l, j) => (l.percentOfDirect === null && l.year === line.year ? [`C${first + j}`] : []));
        const direct = cells.length ? `SUM(${cells.join(',')})` : '0';
        ws.getCell(r, 3).value = formula(`ROUND(${direct}*D${r}/100,2)`, line.amountKr);
        this.mark(`budget.indirect.${line.year}`, name, `C${r}`);
      }
      ws.getCell(r, 3).numFmt = krFormat(line.amountKr);
      ws.getCell(r, 4).numFmt = FMT.pct;
      r++;
    });
    if (lines.length === 0) ws.getCell(r++, 1).value = 'Ingen budgetlinjer registreret.';
    const budgetTotal = `C${r}`;
    ws.getCell(r, 1).value = 'Budget i alt';
    ws.getCell(r, 1).font = { bold: true };
    // No lines: empty, not 0 kr. (which would read as a budget that balances an empty financing).
    ws.getCell(r, 3).value = formula(lines.length ? `ROUND(SUM(C${first}:C${r - 1}),2)` : '""', lines.length ? budget.totalKr : null);
    ws.getCell(r, 3).numFmt = krFormat(budget.totalKr);
    this.mark('budget.linesTotalKr', name, budgetTotal);
    r += 2;
    ws.getRow(r).values = ['Finansieringskilde', '', 'Beløb (kr.)'];
    styleHeaderRow(ws.getRow(r), 1, 3);
    r++;
    const fFirst = r;
    for (const f of financing) {
      ws.getRow(r).values = [f.name, '', f.amountKr];
      ws.getCell(r, 3).numFmt = krFormat(f.amountKr);
      r++;
    }
    if (financing.length === 0) ws.getCell(r++, 1).value = 'Ingen finansiering registreret.';
    const finTotal = `C${r}`;
    ws.getCell(r, 1).value = 'Finansiering i alt';
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 3).value = formula(financing.length ? `ROUND(SUM(C${fFirst}:C${r - 1}),2)` : '""', financing.length ? budget.financingTotalKr : null);
    ws.getCell(r, 3).numFmt = krFormat(budget.financingTotalKr);
    this.mark('budget.financingTotalKr', name, finTotal);
    r++;
    ws.getCell(r, 1).value = 'Forskel (budget minus finansiering)';
    ws.getCell(r, 1).font = { bold: true };
    const complete = lines.length > 0 && financing.length > 0;
    ws.getCell(r, 3).value = formula(`IF(OR(${budgetTotal}="",${finTotal}=""),"",ROUND(${budgetTotal}-${finTotal},2))`, complete ? budget.differenceKr : null);
    ws.getCell(r, 3).numFmt = krFormat(complete ? budget.differenceKr : null);
    this.mark('budget.differenceKr', name, `C${r}`);
    // The check, as the engine makes it: balanced only with both lists and within the tolerance.
    const diff = `C${r}`;
    ws.getCell(r, 4).value = formula(
      `IF(${budgetTotal}="","${BUDGET_CHECK.noLines}",IF(${finTotal}="","${BUDGET_CHECK.noFinancing}",IF(ABS(${diff})<=${this.thresholds.budgetTolerance},"${BUDGET_CHECK.balanced}","${BUDGET_CHECK.unbalanced}")))`,
      budgetCheckText(lines.length > 0, financing.length > 0, budget.balanced),
    );
    ws.getCell(r, 4).alignment = { indent: 1 };
    this.mark('budget.check', name, `D${r}`);
    return r + 1;
  }

  /**
   * Spending by year as the round records it (issue 15), beside the budget of each year; the total
   * is measured against the budget the round's consumption uses, and compared with its spent to date.
   */
  private spendingTable(ws: ExcelJS.Worksheet, start: number, notes: Set<number>): number {
    const { evaluation, summary, spendingByYear: recorded } = this.detail;
    const view = spendingByYear({ budgetYears: summary.budget.years, spending: recorded, reportedSpentKr: evaluation.budgetSpentKr, roundBudgetKr: summary.progress.budget.totalKr });
    const kr = (v: number) => `${formatDanishNumber(v, Number.isInteger(Math.round(v * 100) / 100) ? 0 : 2)} kr.`;
    let r = start;
    ws.getCell(r, 1).value = 'Budget og forbrug pr. år (kr.)';
    ws.getCell(r, 1).font = { bold: true };
    notes.add(r);
    r++;
    ws.getRow(r).values = ['År', 'Budget (kr.)', 'Forbrugt (kr.)', 'Rest (kr.)', 'Forbrug (%)', 'Kilde/note'];
    styleHeaderRow(ws.getRow(r), 1, 6);
    r++;
    const put = (row: number, values: (string | number | null)[], money: (number | null)[], percent: number | null) => {
      ws.getRow(row).values = values;
      money.forEach((v, i) => (ws.getCell(row, 2 + i).numFmt = krFormat(v)));
      ws.getCell(row, 5).value = percent;
      ws.getCell(row, 5).numFmt = FMT.pct;
    };
    for (const y of view.rows) put(r++, [y.year, y.budgetKr, y.spentKr, y.remainingKr, null, y.note], [y.budgetKr, y.spentKr, y.remainingKr], y.percent === null ? null : Math.round(y.percent * 10) / 10);
    const t = view.total;
    put(r, ['I alt', t.budgetKr, t.spentKr, t.remainingKr, null, ''], [t.budgetKr, t.spentKr, t.remainingKr], t.percent === null ? null : Math.round(t.percent * 10) / 10);
    ws.getRow(r).font = { bold: true };
    this.mark('spending.totalKr', ws.name, `C${r}`);
    r++;
    const c = view.check!;
    ws.getCell(r, 1).value =
      c.state === 'matches'
        ? `Forbruget pr. år giver i alt ${kr(c.sumKr)} og svarer til rundens forbrug til dato (${kr(c.reportedKr)}).`
        : c.state === 'differs'
          ? `Forbruget pr. år giver i alt ${kr(c.sumKr)}, men runden har rapporteret ${kr(c.reportedKr)} forbrugt til dato (forskel ${kr(c.differenceKr)}). Budgetforbruget bruger det rapporterede tal.`
          : `Forbruget pr. år giver i alt ${kr(c.sumKr)}, men runden har ikke rapporteret forbrug til dato. Budgetforbruget beregnes kun ud fra forbrug til dato.`;
    notes.add(r);
    this.mark('spending.check', ws.name, `A${r}`);
    return r + 1;
  }

  // 6 Effektvurdering -----------------------------------------------------------------------------

  private effect(): void {
    const name = EVALUATION_SHEETS.effect;
    const ws = this.sheet(name);
    const { survey, summary } = this.detail;
    const t = this.thresholds;
    writeTitle(ws, REPORT_DA.chapter.effect, this.subtitle);
    const notes = new Set([1, 2]);
    ws.getCell('A3').value = '6.1 Forudsætninger for effektskabelse (spørgeskemaindikatorer)';
    ws.getCell('A3').font = { bold: true };
    notes.add(3);
    ws.getRow(4).values = ['Gruppe', 'Andel af respondenterne, der angiver at …', 'Positive svar', 'Respondenter (n)', 'Andel', 'Visning', 'Skala'];
    styleHeaderRow(ws.getRow(4), 1, 7);
    let r = 5;
    const items = [...survey].sort((a, b) => a.position - b.position);
    for (const s of items) {
      ws.getRow(r).values = [s.group, s.statement, s.positive, s.n];
      ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
      ws.getCell(r, 5).value = formula(`IF(N(D${r})=0,"",C${r}/D${r}*100)`, s.n === 0 ? null : (s.positive / s.n) * 100);
      ws.getCell(r, 5).numFmt = FMT.pct;
      ws.getCell(r, 6).value = formula(`C${r}&" ud af "&D${r}`, formatSurveyIndicator(s.positive, s.n));
      ws.getCell(r, 6).alignment = { horizontal: 'center' };
      ws.getCell(r, 7).value = `${s.scale}-punkt`;
      this.mark(`survey.${s.id}.share`, name, `E${r}`);
      this.mark(`survey.${s.id}.text`, name, `F${r}`);
      r++;
    }
    if (items.length === 0) ws.getCell(r++, 2).value = 'Ingen spørgeskemaindikatorer registreret.';
    writeNote(ws, r, 'Positive svar: et af de to mest positive svar på en 5-punktsskala, eller det mest positive på en 3-punktsskala.', 7);
    notes.add(r);
    r += 2;
    ws.getCell(r, 1).value = '6.2 Indsatsens effektmål';
    ws.getCell(r, 1).font = { bold: true };
    notes.add(r);
    r++;
    const headerRow = r;
    r = this.goalTable(ws, 'C', headerRow);
    const C = this.levelCells.C;
    const valueCol = this.goalValueCol(ws);
    ws.getCell(r, 2).value = 'Foreslået effektlys';
    ws.getCell(r, 2).font = { bold: true };
    ws.getCell(r, 2).alignment = { horizontal: 'right' };
    const suggestion = `${colLetter(valueCol)}${r}`;
    // The engine's rule (effectSuggestionFor): the band's colour; a red band is yellow from the
    // "at least half of the effects" threshold.
    ws.getCell(r, valueCol).value = formula(
      `IF(${C.counted}=0,"",IF(${C.light}="Rød",IF(ROUND(${C.average},0)>=${t.effectYellowMin},"Gul","Rød"),${C.light}&""))`,
      lightWord(summary.lights.effect.suggested),
    );
    ws.getCell(r, valueCol).alignment = { horizontal: 'right' };
    addLightFormatting(ws, suggestion);
    this.mark('effect.suggested', name, suggestion);
    this.effectSuggestion = absRef(name, suggestion);
    r++;
    // Where the suggestion differs from the band's colour, the same words as the app's.
    const shown = `ROUND(${C.average},0)`;
    const meaning = bandLookup(shown, t.bands, 'meaning');
    ws.getCell(r, 2).value = formula(
      `IF(AND(${C.counted}>0,${C.light}="Rød",${suggestion}="Gul"),"Effektmålenes gennemsnit "&${shown}&" % ligger i et rødt bånd: "&${meaning}&" Forslaget er gult, fordi mindst "&${t.effectYellowMin}&" % af de forventede effekter er nået.","")`,
      summary.lights.effect.explanation?.message ?? '',
    );
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 2).font = { italic: true };
    this.mark('effect.explanation', name, `B${r}`);
    notes.add(r);
    r++;
    this.inForceRow(ws, r, 'effect', 2, valueCol);
    fitColumns(ws, { skipRows: notes, max: 50, fixed: { 1: 14, 2: 55 } });
    printSetup(ws, { landscape: true, titleRows: '1:2' });
    freezeRows(ws, 2);
  }

  private effectSuggestion = '';

  // Andele og business case (issue 14) ----------------------------------------------------------

  private measures(): void {
    const name = EVALUATION_SHEETS.measures;
    const { project, detail } = this;
    const figures = measuresAt(project.goals, project.statusReports, detail.evaluation.date, detail.profile, this.businessCase);
    writeMeasuresSheet(this.sheet(name), figures, {
      subtitle: this.subtitle,
      tolerance: this.thresholds.printedTolerance,
      mark: (key, address) => this.mark(key, name, address),
    });
  }

  // 1 Resumé --------------------------------------------------------------------------------------

  private resume(): void {
    const name = EVALUATION_SHEETS.resume;
    const ws = this.sheet(name);
    const { evaluation, summary, lights } = this.detail;
    writeTitle(ws, `Resumé: ${this.project.project.name}`, this.subtitle);
    const notes = new Set([1, 2]);
    ws.getCell('A3').value = 'Evaluering';
    // Columns B-E are narrow: the type and the date label each span two of them, so neither is cut.
    ws.mergeCells('B3:C3');
    ws.getCell('B3').value = TYPE_DA[evaluation.type];
    ws.mergeCells('D3:E3');
    ws.getCell('D3').value = 'Evalueringsdato';
    ws.getCell('D3').alignment = { horizontal: 'right', indent: 1 };
    ws.getCell('F3').value = isoToDate(evaluation.date);
    ws.getCell('F3').numFmt = FMT.date;
    ws.getCell('F3').alignment = { horizontal: 'left' };
    for (const a of ['A3', 'D3']) ws.getCell(a).font = { bold: true };

    const header = RESUME_FIRST_LIGHT_ROW - 1;
    // The evaluator may choose the suggested light itself (it then holds if the figures change): a
    // choice, and an override only where it differs from the suggestion.
    ws.getRow(header).values = ['Område', 'Tal', 'Trafiklys (i kraft)', 'Foreslået', 'Evaluators valg', 'Begrundelse for afvigelse fra forslaget', 'Kort tekst', 'Grundlag'];
    styleHeaderRow(ws.getRow(header), 1, 8);
    const A = this.levelCells.A;
    const B = this.levelCells.B;
    const C = this.levelCells.C;
    for (const kind of LIGHT_ORDER) {
      const row = RESUME_FIRST_LIGHT_ROW + LIGHT_ORDER.indexOf(kind);
      const outcome = summary.lights[kind];
      const decision = lights.find((l) => l.kind === kind);
      ws.getCell(row, 1).value = KIND_TITLE[kind];
      ws.getCell(row, 1).font = { bold: true };
      if (kind === 'implementation') {
        ws.getCell(row, 2).value = formula(`${absRef(EVALUATION_SHEETS.implementation, this.implRounded)}`, summary.implementation.rounded);
        ws.getCell(row, 2).numFmt = FMT.dec1;
        ws.getCell(row, 4).value = formula(`${absRef(EVALUATION_SHEETS.implementation, this.implLightCell)}&""`, lightWord(outcome.suggested));
        ws.getCell(row, 8).value = formula(
          `"Gennemsnitlig score (skala 1-5)"&IF(${absRef(EVALUATION_SHEETS.implementation, this.cells['implementation.scored'].address)}<${this.thresholds.implRequired},", foreløbig","")`,
          `Gennemsnitlig score (skala 1-5)${summary.implementation.provisional ? ', foreløbig' : ''}`,
        );
      } else if (kind === 'goals') {
        const basisAvg = outcome.basis?.level ? summary.levels[outcome.basis.level].average : null;
        ws.getCell(row, 2).value = formula(`IF(${B.counted}>0,${B.average},IF(${A.counted}>0,${A.average},""))`, basisAvg);
        ws.getCell(row, 2).numFmt = FMT.pct;
        ws.getCell(row, 4).value = formula(`IF(${B.counted}>0,${B.light},IF(${A.counted}>0,${A.light},""))`, lightWord(outcome.suggested));
        ws.getCell(row, 8).value = formula(
          `IF(${B.counted}>0,"Outputmål, simpelt gennemsnit",IF(${A.counted}>0,"Aktivitetsmål, simpelt gennemsnit","Ingen mål med status og målsætning"))`,
          outcome.basis?.level === 'B' ? 'Outputmål, simpelt gennemsnit' : outcome.basis?.level === 'A' ? 'Aktivitetsmål, simpelt gennemsnit' : 'Ingen mål med status og målsætning',
        );
      } else {
        ws.getCell(row, 2).value = formula(`IF(${C.counted}>0,${C.average},"")`, summary.levels.C.counted > 0 ? summary.levels.C.average : null);
        ws.getCell(row, 2).numFmt = FMT.pct;
        ws.getCell(row, 4).value = formula(`${this.effectSuggestion}&""`, lightWord(outcome.suggested));
        ws.getCell(row, 8).value = 'Effektmål, simpelt gennemsnit, og evaluators vurdering';
      }
      ws.getCell(row, 5).value = outcome.override ? LIGHT_WORD[outcome.override] : null;
      ws.getCell(row, 5).dataValidation = { type: 'list', allowBlank: true, formulae: ['"Grøn,Gul,Rød"'] };
      ws.getCell(row, 6).value = outcome.override ? outcome.reason : '';
      ws.getCell(row, 7).value = decision?.text ?? '';
      for (const c of [6, 7]) ws.getCell(row, c).alignment = { wrapText: true, vertical: 'top' };
      for (const c of [1, 3, 4, 5, 8]) ws.getCell(row, c).alignment = { vertical: 'top', wrapText: c === 8 };
      ws.getCell(row, 2).alignment = { vertical: 'top', horizontal: 'right' };
      ws.getCell(row, 3).value = formula(`IF(E${row}<>"",E${row},D${row})`, lightWord(outcome.final));
      this.mark(`light.${kind}.final`, name, `C${row}`);
      this.mark(`light.${kind}.suggested`, name, `D${row}`);
      this.mark(`light.${kind}.override`, name, `E${row}`);
      this.mark(`resume.${kind}.figure`, name, `B${row}`);
    }
    const lastLight = RESUME_FIRST_LIGHT_ROW + LIGHT_ORDER.length - 1;
    addLightFormatting(ws, `C${RESUME_FIRST_LIGHT_ROW}:E${lastLight}`);

    let r = lastLight + 2;
    const P = (a: string) => absRef(EVALUATION_SHEETS.progress, a);
    const progressRows: [string, string, CellResult, string][] = [
      ['Budgetforbrug', `${P('D5')}`, summary.progress.budget.percent, FMT.pct],
      ['Tidsforbrug', `${P('D6')}`, summary.progress.time.percent, FMT.pct],
      ['Forbrugsrate (budget % / tid %)', `${P('B9')}`, summary.progress.burnRatio, FMT.dec2],
      ['Outputmål minus tidsforbrug (point)', `${P('B10')}`, summary.gapOutputVsTime, '0;-0;0'],
    ];
    ws.getRow(r).values = ['Fremdrift', 'Tal'];
    styleHeaderRow(ws.getRow(r), 1, 2);
    r++;
    for (const [label, ref, result, fmt] of progressRows) {
      ws.getCell(r, 1).value = label;
      ws.getCell(r, 2).value = formula(`IF(${ref}="","",${ref})`, result);
      ws.getCell(r, 2).numFmt = fmt;
      r++;
    }
    r++;
    if (evaluation.overallStatus.trim()) {
      ws.getCell(r, 1).value = 'Overordnet status';
      ws.getCell(r, 1).font = { bold: true };
      notes.add(r);
      r++;
      ws.mergeCells(r, 1, r, 8);
      ws.getCell(r, 1).value = evaluation.overallStatus;
      ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
      notes.add(r);
      r += 2;
    }
    ws.getCell(r, 1).value = `Advarsler ved eksporten (${summary.warnings.length})`;
    ws.getCell(r, 1).font = { bold: true };
    notes.add(r);
    r++;
    for (const w of summary.warnings) {
      ws.getCell(r, 1).value = `• ${w.message}`;
      notes.add(r);
      r++;
    }
    if (summary.warnings.length === 0) {
      ws.getCell(r, 1).value = 'Ingen advarsler.';
      notes.add(r);
      r++;
    }
    // Issue 13: the figures of the round from the grant recipient's report that no case officer has approved.
    const approvalNotes = [
      ...GOAL_LEVELS.flatMap((level) => {
        const goals = this.goalsOf(level);
        return goalApprovalNotes(goals, goals.map((g) => this.statusOf(g)));
      }),
      ...[progressApprovalNote(evaluation)].filter((n): n is string => n !== null),
    ];
    if (approvalNotes.length > 0) {
      r++;
      ws.getCell(r, 1).value = `Indrapporteret, ikke godkendt (${approvalNotes.length})`;
      ws.getCell(r, 1).font = { bold: true };
      notes.add(r);
      r++;
      for (const note of approvalNotes) {
        ws.getCell(r, 1).value = `• ${note}`;
        notes.add(r);
        r++;
      }
    }
    fitColumns(ws, { skipRows: notes, max: 45, fixed: { 1: 34, 2: 10, 3: 12, 4: 11, 5: 13, 6: 40, 7: 50, 8: 34 } });
    // The Resumé is a short table followed by texts: no repeated header rows on later pages.
    printSetup(ws, { landscape: true });
    freezeRows(ws, header);
  }

  // 2 Fakta om projektet ----------------------------------------------------------------------

  private facts(): void {
    const ws = this.sheet(EVALUATION_SHEETS.facts);
    const p = this.project.project;
    const e = this.detail.evaluation;
    writeTitle(ws, REPORT_DA.chapter.facts, this.subtitle);
    const rows: [string, ExcelJS.CellValue, string?][] = [
      ['Projekt', p.name],
      ['Tilskudsmodtager', p.grantRecipient],
      ['Projektholder', p.projectHolder],
      ['Sagsbehandler', p.caseOfficer],
      ['Finansieringskilde', p.fundingSource],
      ['Indsatsområde', p.priorityAxis],
      ['Samlet budget (kr.)', p.totalBudgetKr, krFormat(p.totalBudgetKr)],
      ['Bevillingsperiode, start', isoToDate(p.periodStart), FMT.date],
      ['Bevillingsperiode, slut', isoToDate(p.periodEnd), FMT.date],
      ['Journalnummer', p.journalNumber],
      ['Partnere', p.partners],
      ['Evaluering', TYPE_DA[e.type]],
      ['Evalueringsdato', isoToDate(e.date), FMT.date],
      ['Evaluator', e.evaluator],
      ['Overordnet projektbeskrivelse', p.description],
    ];
    ws.getRow(4).values = ['FAKTA-BOKS', ''];
    styleHeaderRow(ws.getRow(4), 1, 3);
    rows.forEach(([label, value, fmt], i) => {
      const r = 5 + i;
      ws.getCell(r, 1).value = label;
      ws.getCell(r, 1).font = { bold: true };
      ws.mergeCells(r, 2, r, 3);
      ws.getCell(r, 2).value = value ?? null;
      if (fmt) ws.getCell(r, 2).numFmt = fmt;
      ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    });
    let r = 5 + rows.length + 1;
    ws.getCell(r, 1).value = 'Projektets effektkæde';
    ws.getCell(r, 1).font = { bold: true, size: 12 };
    r++;
    ws.getRow(r).values = ['Hovedaktiviteter', 'Output', 'Effekter'];
    styleHeaderRow(ws.getRow(r), 1, 3);
    r++;
    const columns: EffectChainColumn[] = ['activity', 'output', 'effect'];
    const byColumn = columns.map((c) => this.project.effectChain.filter((i) => i.column === c).sort((a, b) => a.position - b.position));
    const height = Math.max(1, ...byColumn.map((c) => c.length));
    for (let i = 0; i < height; i++) {
      byColumn.forEach((items, c) => {
        const cell = ws.getCell(r, c + 1);
        cell.value = items[i] ? `• ${items[i].text}` : null;
        cell.alignment = { wrapText: true, vertical: 'top' };
      });
      r++;
    }
    ws.getColumn(1).width = 45;
    ws.getColumn(2).width = 45;
    ws.getColumn(3).width = 45;
    fitRowHeights(ws);
    printSetup(ws, { titleRows: '1:2' });
    freezeRows(ws, 2);
  }

  // 7 Anbefalinger og læring ------------------------------------------------------------------

  private learning(): void {
    const ws = this.sheet(EVALUATION_SHEETS.learning);
    writeTitle(ws, 'Anbefalinger og læring', this.subtitle);
    ws.getRow(4).values = ['Nr.', 'Type', 'Titel', 'Tekst'];
    styleHeaderRow(ws.getRow(4), 1, 4);
    const items = [...this.detail.learning].sort((a, b) => a.position - b.position);
    let r = 5;
    const count = { learning: 0, recommendation: 0 };
    for (const item of items) {
      count[item.kind]++;
      ws.getRow(r).values = [
        item.kind === 'learning' ? REPORT_DA.learning.learningPoint(count.learning) : REPORT_DA.learning.recommendation(count.recommendation),
        item.kind === 'learning' ? 'Læringspunkt' : 'Anbefaling',
        item.title,
        item.text,
      ];
      for (const c of [3, 4]) ws.getCell(r, c).alignment = { wrapText: true, vertical: 'top' };
      r++;
    }
    if (items.length === 0) ws.getCell(r++, 3).value = 'Ingen læringspunkter eller anbefalinger registreret.';
    writeNote(ws, r + 1, REPORT_DA.learning.recommendationsOnlyMidterm, 4);
    ws.getColumn(1).width = 16;
    ws.getColumn(2).width = 14;
    ws.getColumn(3).width = 40;
    ws.getColumn(4).width = 90;
    fitRowHeights(ws);
    printSetup(ws, { landscape: true, titleRows: '1:4' });
    freezeRows(ws, 4);
  }

  // Kilder: the files the project was imported from -------------------------------------------

  private sourceList(): void {
    const ws = this.sheet(EVALUATION_SHEETS.sources);
    const L = SOURCE_LIST_LABELS.da;
    writeTitle(ws, L.title, this.subtitle);
    const C = L.columns;
    ws.getRow(4).values = [C.file, C.kind, `${C.size} (bytes)`, C.importedAt, C.importedBy, C.hash];
    styleHeaderRow(ws.getRow(4), 1, 6);
    let r = 5;
    const rows = sourceListRows(this.sources, 'da');
    this.sources.forEach((source, i) => {
      const row = rows[i];
      ws.getRow(r).values = [row.file, row.kind, source.size, row.importedAt, row.importedBy, row.hash];
      ws.getCell(r, 3).numFmt = '#,##0';
      // The whole hash to compare a file against: the cell shows the short one.
      ws.getCell(r, 6).note = source.sha256;
      this.mark(`source.${i + 1}.file`, EVALUATION_SHEETS.sources, `A${r}`);
      r++;
    });
    if (this.sources.length === 0) writeNote(ws, r++, L.none, 6);
    writeNote(ws, r + 1, L.intro, 6);
    fitColumns(ws, { skipRows: notesRows(ws), max: 50 });
    printSetup(ws, { landscape: true, titleRows: '1:4' });
    freezeRows(ws, 4);
  }
}

const LIGHT_ORDER: LightKind[] = ['implementation', 'goals', 'effect'];

export const BUDGET_CHECK = {
  noLines: 'Kan ikke afstemmes: ingen budgetlinjer',
  noFinancing: 'Kan ikke afstemmes: ingen finansiering',
  balanced: 'I balance',
  unbalanced: 'Ikke i balance',
} as const;

/** The budget check's text, as the workbook's formula writes it. */
export function budgetCheckText(hasLines: boolean, hasFinancing: boolean, balanced: boolean): string {
  if (!hasLines) return BUDGET_CHECK.noLines;
  if (!hasFinancing) return BUDGET_CHECK.noFinancing;
  return balanced ? BUDGET_CHECK.balanced : BUDGET_CHECK.unbalanced;
}
const RESUME_FIRST_LIGHT_ROW = 6;

/** The band of a shown (integer) percent on "Sådan scorer vi": its light word or its meaning. */
function bandLookup(shown: string, bands: Thresholds['bands'], what: 'light' | 'meaning'): string {
  let f = bands[bands.length - 1][what];
  for (let i = bands.length - 2; i >= 0; i--) f = `IF(${shown}>=${bands[i].min},${bands[i][what]},${f})`;
  return f;
}

function notesRows(ws: ExcelJS.Worksheet): Set<number> {
  const rows = new Set<number>([1, 2]);
  ws.eachRow((row, n) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && (v.startsWith('Note') || v.startsWith('Indrapporteret') || v.startsWith('Ingen status'))) rows.add(n);
  });
  return rows;
}

/**
 * "Note: Indrapporteret af Bevillingsmodtager 02.12.2022 (A1-A4). Bevillingsmodtager er ansvarlig
 * for, at måltallene er indrapporteret korrekt. Kilde: statusrapport.xlsx." The wording is the
 * written report's (shared/report/notes.ts), so the workbook and the report say the same.
 */
export function provenanceNotes(goals: Goal[], statuses: (StatusReport | null)[]): string[] {
  return goalProvenanceNotes(goals, statuses, 'da');
}

/** The evaluation workbook and where each figure sits in it. */
export function layoutEvaluationWorkbook(
  project: ProjectDetail,
  evaluation: EvaluationDetail,
  sources: ProjectSource[],
  businessCase: BusinessCase | null = null,
): EvaluationWorkbookLayout {
  if (evaluation.evaluation.projectId !== project.project.id)
    throw new Error(`Evaluering ${evaluation.evaluation.id} hører ikke til projektet ${project.project.name}.`);
  return new Builder(project, evaluation, sources, businessCase).build();
}

export function buildEvaluationWorkbook(
  project: ProjectDetail,
  evaluation: EvaluationDetail,
  sources: ProjectSource[],
  businessCase: BusinessCase | null = null,
): ExcelJS.Workbook {
  return layoutEvaluationWorkbook(project, evaluation, sources, businessCase).workbook;
}
