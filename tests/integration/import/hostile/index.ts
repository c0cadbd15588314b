import { CSV_CASES } from './csvCases';
import { DOCUMENT_CASES } from './documentCases';
import { PACKAGE_CASES } from './packageCases';
import { XLSX_CASES } from './xlsxCases';
import { fileOf, type HostileCase } from './types';

/** The hostile corpus: one list from several case files, so that others can add theirs. */
export const HOSTILE_CASES: HostileCase[] = [...XLSX_CASES, ...CSV_CASES, ...PACKAGE_CASES, ...DOCUMENT_CASES];

const names = HOSTILE_CASES.map(fileOf);
const repeated = names.filter((n, i) => names.indexOf(n) !== i);
if (repeated.length) throw new Error(`Hostile corpus: case names used twice: ${repeated.join(', ')}`);

export { fileOf, type HostileCase } from './types';
