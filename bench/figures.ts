import { formatDanishNumber, shownDecimals } from '../shared/numbers/danish';

/**
 * The figures of issue 12's table (and the generator's one-minute target), their Danish labels
 * and targets. `npm run bench` measures each at every portfolio size; the targets are what the
 * optimisation has to reach, against baselines measured in the same run.
 */

export type FigureId =
  | 'generate'
  | 'portfolioSummary'
  | 'cliSummary'
  | 'openProject'
  | 'ipcPayload'
  | 'filterSort'
  | 'exportRatio'
  | 'exportMemory'
  | 'importRatio'
  | 'rendererPaint'
  | 'rendererRows';

export type Unit = 'ms' | 'bytes' | 'count';

export interface FigureSpec {
  id: FigureId;
  label: string;
  unit: Unit;
  /** The target: the value (or the ratio to the baseline) at most this. */
  target: { max: number; of: 'value' | 'ratio' };
}

export const FIGURES: readonly FigureSpec[] = [
  { id: 'generate', label: 'Generér porteføljen (npm run cli -- generate), hele processen', unit: 'ms', target: { max: 60_000, of: 'value' } },
  { id: 'portfolioSummary', label: 'Porteføljeoversigt i processen (portfolioSummaries), median', unit: 'ms', target: { max: 50, of: 'value' } },
  { id: 'cliSummary', label: 'npm run cli -- summary --json, hele processen', unit: 'ms', target: { max: 2_000, of: 'value' } },
  { id: 'openProject', label: 'Åbn ét projekt (projectGet + evaluationGet af seneste runde), median', unit: 'ms', target: { max: 20, of: 'value' } },
  { id: 'ipcPayload', label: 'Porteføljevisningens første skærmbillede over IPC', unit: 'bytes', target: { max: 1_000_000, of: 'value' } },
  { id: 'filterSort', label: 'Filtrér og sortér porteføljen', unit: 'ms', target: { max: 100, of: 'value' } },
  { id: 'exportRatio', label: 'Porteføljeeksport mod exceljs alene med samme celler', unit: 'ms', target: { max: 1.5, of: 'ratio' } },
  { id: 'exportMemory', label: 'Porteføljeeksport, højeste hukommelsesforbrug (RSS)', unit: 'bytes', target: { max: 600_000_000, of: 'value' } },
  { id: 'importRatio', label: 'CLI-import af statusrapporter mod exceljs, der læser de samme filer', unit: 'ms', target: { max: 1.5, of: 'ratio' } },
  { id: 'rendererPaint', label: 'Renderer: første maling af porteføljen i Chromium', unit: 'ms', target: { max: 1_000, of: 'value' } },
  { id: 'rendererRows', label: 'Renderer: rækkeelementer i DOM', unit: 'count', target: { max: 100, of: 'value' } },
];

export interface Figure {
  id: FigureId;
  label: string;
  unit: Unit;
  /** The measured value; null when it could not be measured (`how` says why). */
  value: number | null;
  /** Every run, when the value is a median. */
  runs?: number[];
  baseline?: { label: string; value: number };
  /** value / baseline. */
  ratio?: number;
  target: FigureSpec['target'];
  meetsTarget: boolean | null;
  /** How it was measured, in words (what runs, what is left out). */
  how: string;
  details?: Record<string, number | string | boolean>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function figure(
  id: FigureId,
  value: number | null,
  how: string,
  extra: Pick<Figure, 'runs' | 'details'> & { baseline?: Figure['baseline'] } = {},
): Figure {
  const spec = FIGURES.find((f) => f.id === id)!;
  const ratio = extra.baseline && value !== null && extra.baseline.value > 0 ? value / extra.baseline.value : undefined;
  const compared = spec.target.of === 'ratio' ? ratio : value;
  return {
    id,
    label: spec.label,
    unit: spec.unit,
    value,
    ...(extra.runs ? { runs: extra.runs } : {}),
    ...(extra.baseline ? { baseline: extra.baseline } : {}),
    ...(ratio !== undefined ? { ratio } : {}),
    target: spec.target,
    meetsTarget: compared === undefined || compared === null ? null : compared <= spec.target.max,
    how,
    ...(extra.details ? { details: extra.details } : {}),
  };
}

/** 14,3 s; 812 ms; 4,2 ms */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${formatDanishNumber(ms / 1000, ms >= 100_000 ? 0 : 1)} s`;
  return `${formatDanishNumber(ms, ms >= 100 ? 0 : 1)} ms`;
}

/** 6,4 MB (1 MB = 1.000.000 bytes); 812 kB */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${formatDanishNumber(bytes / 1_000_000, 1)} MB`;
  return `${formatDanishNumber(bytes / 1000, 0)} kB`;
}

export function formatValue(unit: Unit, value: number | null): string {
  if (value === null) return '–';
  return unit === 'ms' ? formatMs(value) : unit === 'bytes' ? formatBytes(value) : formatDanishNumber(value);
}

/** ≤ 50 ms, ≤ 2 s, ≤ 1 MB, ≤ 1,5x: a target as the issue writes it. */
export function formatTarget(f: Pick<Figure, 'unit' | 'target'>): string {
  const max = f.target.max;
  const n = (v: number) => formatDanishNumber(v, shownDecimals(v));
  if (f.target.of === 'ratio') return `≤ ${n(max)}x`;
  if (f.unit === 'ms') return max >= 1000 ? `≤ ${n(max / 1000)} s` : `≤ ${n(max)} ms`;
  if (f.unit === 'bytes') return `≤ ${n(max / 1_000_000)} MB`;
  return `≤ ${n(max)}`;
}

/** One line per figure: label, value, baseline and ratio, target and whether it is met. */
export function formatFigureLines(figures: Figure[]): string[] {
  const rows = figures.map((f) => [
    f.label,
    formatValue(f.unit, f.value),
    f.baseline ? `${formatValue(f.unit, f.baseline.value)} (${f.baseline.label})` : '',
    f.ratio !== undefined ? `${formatDanishNumber(f.ratio, 2)}x` : '',
    formatTarget(f),
    f.meetsTarget === null ? '–' : f.meetsTarget ? 'nået' : 'ikke nået',
  ]);
  const header = ['Mål', 'Målt', 'Grundlinje', 'Forhold', 'Mål i issue 12', 'Status'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
