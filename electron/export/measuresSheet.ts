import type ExcelJS from 'exceljs';
import {
  BUSINESS_CASE_INPUTS,
  BUSINESS_CASE_INPUT_KEYS,
  BUSINESS_CASE_RESULT_KEYS,
  BUSINESS_CASE_SOURCE_FIELD,
  businessCaseFormula,
  businessCaseInputLabel,
  businessCaseRemark,
  measureLabels,
  type MeasureFigures,
} from '../../shared/report/measureText';
import type { BusinessCaseInput, BusinessCaseResultKey } from '../../shared/methodology/businessCase';
import { FMT, figureFormat, fitColumns, formula, printSetup, styleHeaderRow, writeNote, writeTitle } from './sheetKit';

/**
 * The sheet "Andele og business case" of the evaluation workbook (issue 14): share goals with
 * numerator, denominator and the share as a live formula; comparisons with the difference as a
 * formula (from the share's cell where the goal is a share); the business case's inputs with
 * their sources and its results as live formulas beside the formula in words. Every cached result
 * is the engine's figure (shared/methodology/measures.ts, businessCase.ts), so a file not yet
 * recalculated shows the app's figures, and a corrected input recalculates in Excel/LibreOffice.
 */

export const MEASURES_SHEET = 'Andele og business case';

const L = measureLabels('da');
const C = L.columns;

export interface MeasuresSheetOptions {
  subtitle: string;
  /** The cell holding the tolerance for a printed percent (on "Sådan scorer vi"), else the profile's value. */
  tolerance: string | number;
  /** Records where a figure sits ("share.C1.percent", "businessCase.paybackYears"). */
  mark: (key: string, address: string) => void;
}

const KR_INPUTS = new Set<BusinessCaseInput>(['costPerParticipantKr', 'savingPerCitizenYearKr']);

export function writeMeasuresSheet(ws: ExcelJS.Worksheet, figures: MeasureFigures, options: MeasuresSheetOptions): void {
  writeTitle(ws, L.sheetTitle, options.subtitle);
  const notes = new Set<number>([1, 2]);
  const section = (row: number, text: string) => {
    ws.getCell(row, 1).value = text;
    ws.getCell(row, 1).font = { bold: true, size: 12 };
    notes.add(row);
  };
  const shareCell = new Map<string, string>();
  let r = 4;

  // 1. Shares ---------------------------------------------------------------------------------
  section(r++, L.sharesHeading);
  ws.getRow(r).values = [C.code, C.goal, C.unit, C.numerator, C.denominator, C.share, C.printed, C.target, C.targetKind, C.remark];
  styleHeaderRow(ws.getRow(r), 1, 10);
  r++;
  if (figures.shares.length === 0) {
    ws.getCell(r, 2).value = L.noShares;
    ws.getCell(r, 2).font = { italic: true };
    r++;
  }
  for (const s of figures.shares) {
    ws.getCell(r, 1).value = s.code;
    ws.getCell(r, 2).value = s.description;
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 3).value = s.unit;
    ws.getCell(r, 4).value = s.numerator;
    ws.getCell(r, 4).numFmt = figureFormat(s.numerator);
    ws.getCell(r, 5).value = s.denominator;
    ws.getCell(r, 5).numFmt = figureFormat(s.denominator);
    ws.getCell(r, 6).value = formula(`IF(OR(D${r}="",E${r}="",N(E${r})<=0),"",D${r}/E${r}*100)`, s.percent);
    ws.getCell(r, 6).numFmt = FMT.pct;
    ws.getCell(r, 7).value = s.printedPercent;
    ws.getCell(r, 7).numFmt = FMT.pct;
    ws.getCell(r, 8).value = s.target;
    ws.getCell(r, 8).numFmt = s.targetKind === 'percent' ? FMT.pct : figureFormat(s.target);
    ws.getCell(r, 9).value = L.targetKind[s.targetKind];
    // The check the engine makes: the printed percent against the shown share, within the tolerance.
    ws.getCell(r, 10).value = formula(
      `IF(OR(G${r}="",F${r}=""),"",IF(ABS(G${r}-ROUND(F${r},0))>${options.tolerance},"${L.printedDiffers}",""))`,
      s.printedDiffers ? L.printedDiffers : '',
    );
    ws.getCell(r, 10).alignment = { wrapText: true, vertical: 'top' };
    options.mark(`share.${s.code}.numerator`, `D${r}`);
    options.mark(`share.${s.code}.denominator`, `E${r}`);
    options.mark(`share.${s.code}.percent`, `F${r}`);
    options.mark(`share.${s.code}.remark`, `J${r}`);
    shareCell.set(s.code, `F${r}`);
    r++;
  }
  writeNote(ws, r++, L.sharesNote, 10);
  notes.add(r - 1);
  r++;

  // 2. Comparisons ----------------------------------------------------------------------------
  section(r++, L.comparisonsHeading);
  ws.getRow(r).values = [C.code, C.goal, C.reached, C.comparison, C.difference, C.differenceUnit, C.label, C.source, C.year];
  styleHeaderRow(ws.getRow(r), 1, 9);
  r++;
  if (figures.comparisons.length === 0) {
    ws.getCell(r, 2).value = L.noComparisons;
    ws.getCell(r, 2).font = { italic: true };
    r++;
  }
  for (const c of figures.comparisons) {
    const fmt = c.points ? FMT.pct : figureFormat(c.comparison);
    ws.getCell(r, 1).value = c.code;
    ws.getCell(r, 2).value = c.description;
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    const share = shareCell.get(c.code);
    // A share's reached figure is its share's cell above, so a corrected count moves the difference.
    ws.getCell(r, 3).value = share ? formula(`IF(${share}="","",${share})`, c.reached) : c.reached;
    ws.getCell(r, 3).numFmt = c.points ? FMT.pct : figureFormat(c.reached);
    ws.getCell(r, 4).value = c.comparison;
    ws.getCell(r, 4).numFmt = fmt;
    ws.getCell(r, 5).value = formula(`IF(OR(C${r}="",D${r}=""),"",C${r}-D${r})`, c.difference);
    ws.getCell(r, 5).numFmt = '+0;-0;0';
    ws.getCell(r, 6).value = c.points ? L.points : c.unit;
    ws.getCell(r, 7).value = c.label;
    ws.getCell(r, 7).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 8).value = c.source;
    ws.getCell(r, 8).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 9).value = c.year;
    options.mark(`comparison.${c.code}.reached`, `C${r}`);
    options.mark(`comparison.${c.code}.difference`, `E${r}`);
    r++;
  }
  writeNote(ws, r++, L.comparisonsNote, 9);
  notes.add(r - 1);
  r++;

  // 3. Business case --------------------------------------------------------------------------
  section(r++, L.businessCaseHeading);
  const bc = figures.businessCase;
  if (!bc) {
    ws.getCell(r, 1).value = L.noBusinessCase;
    ws.getCell(r, 1).font = { italic: true };
    notes.add(r);
  } else {
    ws.getRow(r).values = [C.input, '', C.value, C.source];
    styleHeaderRow(ws.getRow(r), 1, 4);
    r++;
    const input = {} as Record<BusinessCaseInput, string>;
    for (const key of BUSINESS_CASE_INPUT_KEYS) {
      const value = bc.businessCase[key];
      ws.mergeCells(r, 1, r, 2);
      ws.getCell(r, 1).value = businessCaseInputLabel(key, 'da');
      ws.getCell(r, 3).value = value;
      ws.getCell(r, 3).numFmt = KR_INPUTS.has(key) ? (value !== null && !Number.isInteger(value) ? '#,##0.00' : FMT.kr) : figureFormat(value);
      ws.getCell(r, 4).value = bc.businessCase[BUSINESS_CASE_SOURCE_FIELD[key]];
      ws.getCell(r, 4).alignment = { wrapText: true, vertical: 'top' };
      input[key] = `C${r}`;
      options.mark(`businessCase.${key}`, `C${r}`);
      r++;
    }
    r++;
    ws.getRow(r).values = [C.result, '', C.value, C.formula, C.remark];
    styleHeaderRow(ws.getRow(r), 1, 5);
    r++;
    const cost = input.costPerParticipantKr;
    const saving = input.savingPerCitizenYearKr;
    const resultRows = {} as Record<BusinessCaseResultKey, number>;
    BUSINESS_CASE_RESULT_KEYS.forEach((key, i) => (resultRows[key] = r + i));
    const perCitizen = `C${resultRows.savingPerCitizenKr}`;
    const formulas: Record<BusinessCaseResultKey, string> = {
      savingPerCitizenKr: `IF(OR(${saving}="",${input.years}="",${cost}=""),"",${saving}*${input.years}-${cost})`,
      totalSavingKr: `IF(OR(${perCitizen}="",${input.citizens}=""),"",${perCitizen}*${input.citizens})`,
      paybackYears: `IF(OR(${cost}="",${saving}=""),"",IF(${saving}>0,${cost}/${saving},""))`,
    };
    for (const key of BUSINESS_CASE_RESULT_KEYS) {
      const value = bc.result[key];
      ws.mergeCells(r, 1, r, 2);
      ws.getCell(r, 1).value = L.resultLabel[key];
      ws.getCell(r, 1).font = { bold: true };
      ws.getCell(r, 3).value = formula(formulas[key], value);
      ws.getCell(r, 3).numFmt = key === 'paybackYears' ? FMT.dec2 : value !== null && !Number.isInteger(Math.round(value * 100) / 100) ? '#,##0.00' : FMT.kr;
      ws.getCell(r, 3).font = { bold: true };
      ws.getCell(r, 4).value = businessCaseFormula(key, 'da');
      ws.getCell(r, 4).alignment = { wrapText: true, vertical: 'top' };
      // Why a result is empty, live: the inputs it lacks, in the order its formula reads them.
      const lacking = BUSINESS_CASE_INPUTS[key].map((k) => `IF(${input[k]}="",", ${businessCaseInputLabel(k, 'da')}","")`).join('&');
      const missingText = L.missing('');
      const noSaving = key === 'paybackYears' ? `"${L.noSaving}"` : '""';
      ws.getCell(r, 5).value = formula(
        `IF(C${r}<>"","",IF((${lacking})<>"","${missingText}"&MID(${lacking},3,500),${noSaving}))`,
        businessCaseRemark(bc.result, key, 'da'),
      );
      ws.getCell(r, 5).alignment = { wrapText: true, vertical: 'top' };
      options.mark(`businessCase.${key}`, `C${r}`);
      options.mark(`businessCase.${key}.remark`, `E${r}`);
      r++;
    }
    if (bc.businessCase.note.trim()) {
      r++;
      writeNote(ws, r, `${L.note}: ${bc.businessCase.note}`, 5);
      notes.add(r);
    }
  }
  fitColumns(ws, { skipRows: notes, max: 50, fixed: { 1: 8, 2: 42, 4: 40, 8: 30 } });
  printSetup(ws, { landscape: true });
}
