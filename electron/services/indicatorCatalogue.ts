import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ServiceError } from '../../shared/contracts/core';
import type { CatalogueLoadResult } from '../../shared/contracts/measureContracts';
import type { GoalLevel } from '../../shared/domain';
import { catalogueProblemText, parseIndicatorCatalogue, type CatalogueRow } from '../../shared/import/indicatorCatalogue';
import type { PortfolioStore } from '../storage/store';

/**
 * Loads a catalogue of common indicators from the user's CSV (issue 14), all or nothing: every
 * problem of the file is listed with its line and column and nothing is written; otherwise the
 * rows are written in one transaction (store.loadIndicators: an indicator whose code is stored
 * is updated and marked common, the rest created).
 */

const MAX_BYTES = 5 * 1024 * 1024;
const LEVEL_DA: Record<GoalLevel, string> = { A: 'aktivitetsmål', B: 'outputmål', C: 'effektmål' };
const sameCode = (a: string, b: string) => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

async function readCatalogueText(path: string): Promise<string> {
  const file = basename(path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ServiceError('NOT_FOUND', `${file}: filen findes ikke eller kan ikke læses.`);
  }
  if (size > MAX_BYTES) throw new ServiceError('IMPORT_FAILED', `${file}: filen er større end 5 MB og er ikke et indikatorkatalog; intet er indlæst.`);
  const bytes = await readFile(path);
  if (bytes.subarray(0, 8192).includes(0))
    throw new ServiceError('IMPORT_FAILED', `${file}: filen er ikke en tekst- eller CSV-fil (gem kataloget som CSV); intet er indlæst.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel on Danish Windows saves "CSV (semikolonsepareret)" as Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function loadIndicatorCatalogue(store: PortfolioStore, path: string, dryRun = false): Promise<CatalogueLoadResult> {
  const file = basename(path);
  const parsed = parseIndicatorCatalogue(await readCatalogueText(path));
  if (!parsed.ok) {
    const shown = parsed.problems.slice(0, 20);
    const more = parsed.problems.length - shown.length;
    throw new ServiceError(
      'IMPORT_FAILED',
      `Indikatorkataloget er ikke indlæst (intet er ændret): ${shown.map((p) => catalogueProblemText(file, p)).join(' ')}${more > 0 ? ` … og ${more} fejl mere.` : ''}`,
      parsed.problems.map((p) => ({ path: `${p.line}:${p.column ?? ''}`, message: catalogueProblemText(file, p) })),
    );
  }
  return store.transaction(async (tx) => {
    const [existing, goals] = await Promise.all([tx.listIndicators(), tx.listPortfolioGoals()]);
    const planned = parsed.rows.map((row) => ({ row, before: existing.find((i) => i.code !== '' && sameCode(i.code, row.code)) ?? null }));
    // A stored indicator with linked goals keeps its level: pooling is per level.
    const moved = planned.flatMap(({ row, before }) => {
      if (!before || before.level === row.level) return [];
      const linked = goals.filter((g) => g.indicatorId === before.id).length;
      return linked ? [`${file}, linje ${row.line}: "${row.code}" er i porteføljen en indikator for ${LEVEL_DA[before.level]} med ${linked} knyttede mål, men kataloget gør den til ${LEVEL_DA[row.level]}.`] : [];
    });
    if (moved.length) throw new ServiceError('IMPORT_FAILED', `Indikatorkataloget er ikke indlæst (intet er ændret): ${moved.join(' ')}`);
    const change = (row: CatalogueRow, before: (typeof planned)[number]['before']) =>
      !before ? 'created' : before.name === row.name && before.unit === row.unit && before.level === row.level && before.common ? 'unchanged' : 'updated';
    const changes = planned.map(({ row, before }) => change(row, before));
    const count = (c: string) => changes.filter((x) => x === c).length;
    const result = (indicators: CatalogueLoadResult['indicators']): CatalogueLoadResult => ({
      file,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      indicators,
      dryRun,
    });
    if (dryRun)
      return result(
        planned.map(({ row, before }, i) => ({
          id: before?.id ?? 0,
          createdAt: before?.createdAt ?? '',
          code: row.code,
          name: row.name,
          unit: row.unit,
          level: row.level,
          common: true,
          line: row.line,
          change: changes[i],
        })),
      );
    const written = await tx.loadIndicators(
      planned.map(({ row, before }) => ({ code: before?.code ?? row.code, name: row.name, unit: row.unit, level: row.level, common: true })),
    );
    return result(written.indicators.map((ind, i) => ({ ...ind, line: planned[i].row.line, change: changes[i] })));
  });
}
