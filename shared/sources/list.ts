import type { ContentKind } from '../import/items';
import { formatDanishDate } from '../numbers/danishDate';
import { formatDanishNumber } from '../numbers/danish';
import type { ProjectSource } from './types';

/**
 * A project's sources as the evaluation workbook and the written report list them: the same
 * columns and wording in both (the app's panel has its own, in the UI language).
 */

type Lang = 'da' | 'en';

const KIND: Record<ContentKind, Record<Lang, string>> = {
  statusReport: { da: 'Statusrapport (skabelon)', en: 'Status report (template)' },
  evaluationWorkbook: { da: 'Evalueringsprojektmappe', en: 'Evaluation workbook' },
  surveyAnswers: { da: 'Spørgeskemabesvarelser', en: 'Survey answers' },
  goalCsv: { da: 'CSV med mål og status', en: 'CSV of goals and status' },
  evaluationReport: { da: 'Evalueringsrapport', en: 'Evaluation report' },
  application: { da: 'Ansøgning', en: 'Application' },
  unknown: { da: 'Ukendt indhold', en: 'Unknown content' },
};

export const SOURCE_LIST_LABELS = {
  da: {
    title: 'Kilder',
    intro: 'Filerne, projektet er importeret fra. De er gemt i porteføljen (én gang pr. indhold) og kan åbnes fra projektets kildenoter. SHA-256 er filens indholdsaftryk (de første 12 tegn): samme aftryk, samme fil.',
    none: 'Ingen filer er gemt som kilder til projektet: dets tal er tastet ind eller importeret, før kilderne blev gemt.',
    columns: { file: 'Fil', kind: 'Type', size: 'Størrelse', importedAt: 'Importeret', importedBy: 'Importeret af', hash: 'SHA-256' },
    unknownImporter: 'ikke registreret',
  },
  en: {
    title: 'Sources',
    intro: 'The files the project was imported from. They are kept in the portfolio (once per content) and open from the project\'s source notes. SHA-256 is the file\'s content fingerprint (first 12 characters): same fingerprint, same file.',
    none: 'No files are kept as sources of the project: its figures were typed in or imported before sources were kept.',
    columns: { file: 'File', kind: 'Type', size: 'Size', importedAt: 'Imported', importedBy: 'Imported by', hash: 'SHA-256' },
    unknownImporter: 'not recorded',
  },
} as const;

export interface SourceListRow {
  file: string;
  kind: string;
  size: string;
  importedAt: string;
  importedBy: string;
  hash: string;
}

/** "1,2 MB" / "35 kB". */
export function sourceSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatDanishNumber(bytes / 1024 / 1024, 1)} MB`;
  return `${formatDanishNumber(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
}

/** "02.12.2022 14.05", Copenhagen time (Danish format in both languages, as the report's figures). */
export function importedAtText(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${formatDanishDate(`${parts.year}-${parts.month}-${parts.day}`)} ${parts.hour}.${parts.minute}`;
}

export function sourceListRows(sources: ProjectSource[], lang: Lang): SourceListRow[] {
  const L = SOURCE_LIST_LABELS[lang];
  return sources.map((s) => ({
    file: s.fileName,
    kind: `${s.format.toUpperCase()} · ${KIND[s.kind][lang]}`,
    size: sourceSizeText(s.size),
    importedAt: importedAtText(s.importedAt),
    importedBy: s.importedBy || L.unknownImporter,
    hash: s.sha256.slice(0, 12),
  }));
}
