import type { CliCommand } from '../types';

/**
 * Every CLI command, by name, loaded only when asked for: `summary` must not pay for exceljs,
 * docx or pdfjs that `export`, `report` or `import` pull in (issue 12: the whole process <= 2 s).
 * A feature adds its command here (one line).
 */
export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

export const commands: CommandEntry[] = [
  { name: 'demo', load: async () => (await import('./demo')).demoCommand },
  { name: 'summary', load: async () => (await import('./summary')).summaryCommand },
  { name: 'export', load: async () => (await import('./export')).exportCommand },
  { name: 'report', load: async () => (await import('./report')).reportCommand },
  { name: 'import', load: async () => (await import('./import')).importCommand },
  { name: 'generate', load: async () => (await import('./generate')).generateCommand },
  { name: 'verify', load: async () => (await import('./verify')).verifyCommand },
  { name: 'copy', load: async () => (await import('./copy')).copyCommand },
  { name: 'server', load: async () => (await import('./server')).serverCommand },
];

/** All commands, for the overall help (not on any command's own path). */
export function loadAllCommands(): Promise<CliCommand[]> {
  return Promise.all(commands.map((c) => c.load()));
}
