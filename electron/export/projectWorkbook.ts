import ExcelJS from 'exceljs';
import type { BusinessCase, FigureApproval } from '../../shared/domain';
import { approvalText, unapprovedMark } from '../../shared/approval';
import type { ProjectDetail } from '../../shared/contracts/views';
import type { MethodologyProfile } from '../../shared/methodology/profile';
import { statusInForce } from '../../shared/methodology/statusInForce';
import { reportLabels } from '../../shared/report/labels';
import { measuresAt } from '../services/projectMeasures';
import type { CellRef, EvaluationWorkbookLayout } from './evaluationWorkbook';
import { MEASURES_SHEET, writeMeasuresSheet } from './measuresSheet';
import { FMT, figureFormat, fitColumns, freezeRows, isoToDate, printSetup, styleHeaderRow, writeNote, writeTitle } from './sheetKit';

/**
 * The workbook of a project without an evaluation round (the demo's seeds 000 and 002 hold
 * results but no round): its goals with their latest status, and the sheet "Andele og business
 * case" with live formulas. Nothing a round decides is made up: no scores, no attainment bands,
 * no traffic lights; the Resumé sheet says they come with the first round.
 */

export const PROJECT_SHEETS = { resume: 'Resumé', goals: 'Mål', measures: MEASURES_SHEET } as const;

export const NO_ROUND_TEXT =
  'Projektet har endnu ingen evalueringsrunde: implementeringsscorer, målopnåelse og trafiklys gives i en runde. Projektmappen viser projektets mål med den senest indrapporterede status samt andele, sammenligninger og business case.';

const LEVEL = reportLabels('da').level;

/** The approval column (issue 13): "Indrapporteret, ikke godkendt", "Godkendt af NAME dd.mm.åååå", or '' (entered by hand). */
function approvalColumn(approval: FigureApproval | null | undefined): string {
  return unapprovedMark(approval) || approvalText(approval);
}

export function layoutProjectWorkbook(project: ProjectDetail, profile: MethodologyProfile, businessCase: BusinessCase | null): EvaluationWorkbookLayout {
  if (project.evaluations.length > 0) throw new Error(`Projektet ${project.project.name} har en evalueringsrunde: eksportér rundens projektmappe.`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trafiklys';
  workbook.created = new Date();
  workbook.calcProperties = { fullCalcOnLoad: true };
  const cells: Record<string, CellRef> = {};
  const subtitle = `${project.project.name} · ingen evalueringsrunde endnu (senest indrapporterede status)`;

  const resume = workbook.addWorksheet(PROJECT_SHEETS.resume);
  writeTitle(resume, `Resumé: ${project.project.name}`, subtitle);
  writeNote(resume, 4, NO_ROUND_TEXT, 8);
  resume.getRow(4).height = 48;
  cells['resume.noRound'] = { sheet: PROJECT_SHEETS.resume, address: 'A4' };
  for (let c = 1; c <= 8; c++) resume.getColumn(c).width = 14;
  printSetup(resume, { landscape: true });

  const goals = workbook.addWorksheet(PROJECT_SHEETS.goals);
  writeTitle(goals, 'Mål og senest indrapporterede status', subtitle);
  goals.getRow(4).values = ['Kode', 'Niveau', 'Mål', 'Enhed', 'Målsætning i projektperioden', 'Status (seneste)', 'Nævner (andele)', 'Indrapporteret', 'Kilde', 'Godkendelse'];
  styleHeaderRow(goals.getRow(4), 1, 10);
  let r = 5;
  const sorted = [...project.goals].sort((a, b) => a.level.localeCompare(b.level) || a.position - b.position || a.id - b.id);
  for (const g of sorted) {
    const s = statusInForce(project.statusReports, g.id, null);
    goals.getRow(r).values = [g.code, LEVEL[g.level], g.description, g.unit, g.targetInPeriod, s?.value ?? null, s?.denominator ?? null, isoToDate(s?.reportedAt ?? null), s ? [s.source.file, s.source.location].filter(Boolean).join(': ') : '', approvalColumn(s?.approval)];
    goals.getCell(r, 5).numFmt = figureFormat(g.targetInPeriod);
    goals.getCell(r, 6).numFmt = figureFormat(s?.value ?? null);
    goals.getCell(r, 7).numFmt = figureFormat(s?.denominator ?? null);
    goals.getCell(r, 8).numFmt = FMT.date;
    for (const c of [3, 9, 10]) goals.getCell(r, c).alignment = { wrapText: true, vertical: 'top' };
    cells[`goal.${g.code}.status`] = { sheet: PROJECT_SHEETS.goals, address: `F${r}` };
    r++;
  }
  if (sorted.length === 0) goals.getCell(r++, 3).value = 'Ingen mål registreret.';
  writeNote(goals, r + 1, 'Målopnåelse i procent og trafiklys beregnes i en evalueringsrunde, med statusserne i kraft på rundens dato.', 10);
  fitColumns(goals, { skipRows: new Set([1, 2, r + 1]), max: 50, fixed: { 1: 7, 3: 50, 9: 45, 10: 30 } });
  printSetup(goals, { landscape: true, titleRows: '1:4' });
  freezeRows(goals, 4);

  const measures = workbook.addWorksheet(PROJECT_SHEETS.measures);
  writeMeasuresSheet(measures, measuresAt(project.goals, project.statusReports, null, profile, businessCase), {
    subtitle,
    tolerance: profile.consistencyTolerancePoints,
    mark: (key, address) => (cells[key] = { sheet: PROJECT_SHEETS.measures, address }),
  });
  return { workbook, cells };
}
