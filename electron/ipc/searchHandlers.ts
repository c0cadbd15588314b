import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { ServiceError } from '../../shared/contracts/core';
import type { searchContracts } from '../../shared/contracts/searchContracts';
import { DEFAULT_SEARCH_RESULTS } from '../../shared/search/types';
import { placeOfSource } from '../../shared/sources/place';
import type { AppServices } from '../services';
import type { HostAdapter } from './host';
import { safeName } from './staging';

type In<K extends keyof typeof searchContracts> = z.output<(typeof searchContracts)[K]['input']>;

/** Implementations of the search and source channels, for `implementations()` in handlers.ts. */
export function searchImplementations({ store, portfolio }: AppServices, host: HostAdapter) {
  /** By id, or by name: the latest import of that name (a provenance note names the file as imported). */
  async function chosenSource(projectId: number, sourceId: number | undefined, fileName: string | undefined) {
    await portfolio.requireProject(projectId);
    const sources = await store.listSources(projectId);
    const chosen = sourceId !== undefined ? sources.find((s) => s.id === sourceId) : sources.filter((s) => s.fileName === fileName).at(-1);
    if (!chosen) throw new ServiceError('NOT_FOUND', `Filen ${fileName ?? `(kilde ${sourceId})`} er ikke gemt med projektet; den er importeret før kilderne blev gemt, eller tastet ind.`);
    return (await store.readSource(projectId, chosen.id))!;
  }
  return {
    portfolioSearch: ({ text, limit }: In<'portfolioSearch'>) => store.search(text, limit ?? DEFAULT_SEARCH_RESULTS),
    sourceList: async ({ projectId }: In<'sourceList'>) => {
      await portfolio.requireProject(projectId);
      return store.listSources(projectId);
    },
    sourceOpen: async ({ projectId, sourceId, fileName, location }: In<'sourceOpen'>) => {
      const kept = await chosenSource(projectId, sourceId, fileName);
      if (!host.openFile) throw new ServiceError('VALIDATION', `${kept.source.fileName} kan ikke åbnes her (ingen filviser i denne udgave af appen).`);
      // A private copy for the OS app, read-only: the kept file itself is never handed out.
      const folder = join(tmpdir(), `trafiklys-kilde-${randomBytes(8).toString('hex')}`);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const path = join(folder, safeName(kept.source.fileName));
      await writeFile(path, kept.bytes, { mode: 0o400 });
      await chmod(path, 0o400);
      await host.openFile(path);
      const place = placeOfSource(location ?? '');
      return { fileName: kept.source.fileName, format: kept.source.format, ...place };
    },
    sourceRead: async ({ projectId, sourceId, fileName, location }: In<'sourceRead'>) => {
      const kept = await chosenSource(projectId, sourceId, fileName);
      const place = placeOfSource(location ?? '');
      const { source } = kept;
      const dataBase64 = source.format === 'pdf' ? kept.bytes.toString('base64') : null;
      return { sourceId: source.id, fileName: source.fileName, format: source.format, ...place, dataBase64 };
    },
  };
}
