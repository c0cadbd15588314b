/**
 * How much one import file may hold. A project has tens of goals and a survey a few thousand
 * respondents; these limits are far above that, and each one exists for a reason the user is
 * told in the message that names it. `npm run bench` measures reading at the limits.
 */

/**
 * Items one file may give. Every item crosses IPC to the preview and is shown there for the
 * user to check and select before anything is written; beyond a few thousand that is neither
 * possible by hand nor quick to send and draw.
 */
export const MAX_ITEMS_PER_FILE = 5_000;

/**
 * Items one import (all its files) may give: what one apply sends back across IPC
 * (shared/contracts/importContracts.ts). A file that would take an import past it is refused.
 */
export const MAX_ITEMS_PER_IMPORT = 20_000;

/** Filled-in rows per sheet or CSV file: every row is read or named in an issue, and issues cross IPC too. */
export const MAX_GRID_ROWS = 50_000;

/**
 * Cells per workbook, counted in the sheets' XML before exceljs loads them (it keeps about 300
 * bytes per cell, formatted empty cells included): about 150 MB and a few seconds at the limit.
 * The same number of fields per CSV file: finding the tables costs per cell, empty or not.
 */
export const MAX_WORKBOOK_CELLS = 500_000;

/**
 * What a zip package (xlsx, docx) may unpack to. A file is at most 50 MB; a real workbook or
 * Word document unpacks to a few times its size (pictures not at all), a zip bomb to gigabytes.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
