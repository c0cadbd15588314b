import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { syntheticProject } from '../electron/generate/syntheticProject';
import { TEMPLATE_FILE, TEMPLATE_SHEETS } from '../electron/import/template';
import { resourcesDir } from '../electron/resources';

/**
 * Status workbooks for the import figure: the grant recipients' template
 * (resources/templates/statusrapport.xlsx) filled in as a recipient would, one file per
 * project report: the project's name, its goals as the grant states them (so the import sees
 * no goal changes) and a new status per goal on a date after everything the generator wrote.
 * File i reports on project i mod `projects`; a project that gets several files gets later
 * dates in each.
 */

const FIRST_ROW = 5;

/** Cell by cell, so the template's formats and validation stay on the cells. */
function fill(row: ExcelJS.Row, values: (string | number | Date | null)[]): void {
  values.forEach((v, i) => (row.getCell(i + 1).value = v));
}

export async function writeStatusWorkbooks(folder: string, options: { seed: number; projects: number; files: number }): Promise<string[]> {
  const names = (n: number) => Array.from({ length: n }, (_, i) => join(folder, `statusrapport-${String(i + 1).padStart(5, '0')}.xlsx`));
  const wanted = names(options.files);
  if (existsSync(folder) && readdirSync(folder).filter((f) => f.endsWith('.xlsx')).length === options.files) return wanted;
  mkdirSync(folder, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(resourcesDir(), 'templates', TEMPLATE_FILE));
  const sheet = workbook.getWorksheet(TEMPLATE_SHEETS.goals)!;
  let used = 0;
  for (let i = 0; i < options.files; i++) {
    const project = syntheticProject(options.seed, i % options.projects);
    const round = Math.floor(i / options.projects);
    // The generator's reports end before 2028; each later file for a project is a month later.
    const date = new Date(Date.UTC(2030 + Math.floor(round / 12), round % 12, 15));
    sheet.getCell('B3').value = project.facts.name;
    project.goals.forEach((goal, k) => {
      const last = [...goal.statuses].reverse().find((s) => s.value !== null)?.value ?? 0;
      const value = goal.direction === 'lower' ? Math.max(0, last - 1 - round) : last + 1 + round + (k % 3);
      fill(sheet.getRow(FIRST_ROW + k), [goal.code, goal.description, goal.targetInPeriod, goal.targetAfterPeriod, value, date, 'Bevillingsmodtager']);
    });
    for (let k = project.goals.length; k < used; k++) fill(sheet.getRow(FIRST_ROW + k), Array(7).fill(null));
    used = Math.max(used, project.goals.length);
    await workbook.xlsx.writeFile(wanted[i]);
  }
  return wanted;
}
