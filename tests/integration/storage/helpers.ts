import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProjectFacts } from '../../../shared/domain';
import { openPortfolioStore } from '../../../electron/storage';
import type { OpenPortfolioStoreOptions, PortfolioStore } from '../../../electron/storage';
import type { NewGoal } from '../../../electron/storage/store';
import { freshLocation, STORE_TEST_USER } from '../../helpers/engines';

/** A fresh temp folder; removed by the returned cleanup. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trafiklys-storage-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A clock that advances one second per call, starting at 2024-03-01T10:00:00Z. */
export function steppingClock(start = Date.UTC(2024, 2, 1, 10, 0, 0)): () => Date {
  let t = start;
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

export interface StoreFixture {
  dir: string;
  file: string;
  store: PortfolioStore;
  cleanup: () => Promise<void>;
}

export async function openTempStore(options: OpenPortfolioStoreOptions = {}): Promise<StoreFixture> {
  const { dir, cleanup } = makeTempDir();
  // On the engine of the running tests (tests/helpers/engines.ts): a file in `dir`, or a fresh
  // PostgreSQL database (then `file` is its URL).
  const { location: file, drop } = await freshLocation(dir, 'portfolio.trafiklys.sqlite', options.migrations === undefined, options.user ?? STORE_TEST_USER);
  let store: PortfolioStore;
  try {
    store = await openPortfolioStore(file, { user: STORE_TEST_USER, now: steppingClock(), ...options });
  } catch (error) {
    await drop();
    cleanup();
    throw error;
  }
  return {
    dir,
    file,
    store,
    cleanup: async () => {
      await store.close();
      await drop();
      cleanup();
    },
  };
}

export function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    name: 'Grøn Omstilling i SMV',
    grantRecipient: 'Erhvervshus Midtjylland',
    projectHolder: 'Aarhus Kommune',
    caseOfficer: 'Mette Jensen',
    fundingSource: 'Socialfonden (ESF)',
    priorityAxis: 'Erhvervsuddannelse for voksne (ESF-4b)',
    totalBudgetKr: 12_345_678.91,
    periodStart: '2022-01-01',
    periodEnd: '2024-12-31',
    partners: 'VIA University College\nDansk Industri',
    journalNumber: 'RFS-21-0042',
    description: 'Opkvalificering af ufaglærte.',
    ...overrides,
  };
}

export function goal(projectId: number, overrides: Partial<NewGoal> = {}): NewGoal {
  return {
    projectId,
    level: 'A',
    code: 'A1',
    description: 'Deltagere i forløb',
    unit: 'deltagere',
    targetInPeriod: 120,
    targetAfterPeriod: null,
    direction: 'higher',
    baseline: null,
    position: 1,
    ...overrides,
  };
}
