import { ServiceError } from '../../shared/contracts/core';
import type { RecycleBinItem } from '../../shared/contracts/recycleBinContracts';
import type { Goal, Project } from '../../shared/domain';
import { danishToday, recycleBinDaysLeft, recycleBinExpired } from '../../shared/recycleBin';
import type { PortfolioStore } from '../storage/store';

export type RecycleBinRef = { kind: 'project' | 'goal'; id: number };
export type Restored = { kind: 'project'; project: Project } | { kind: 'goal'; goal: Goal };

/**
 * The recycle bin over the store: deleted projects (soft) and deleted goals (kept with their
 * statuses in recycle_bin). A restore passes the store's seal check like every write, so a goal
 * that would change a final round is refused with LOCKED.
 */
export class RecycleBinService {
  constructor(
    private readonly store: PortfolioStore,
    /** Today's Danish calendar day (ISO); tests set it. */
    private readonly today: () => string = () => danishToday(),
  ) {}

  async list(): Promise<RecycleBinItem[]> {
    const today = this.today();
    return (await this.store.listRecycleBin()).map((entry) => ({ ...entry, daysLeft: recycleBinDaysLeft(entry.deletedAt, today) }));
  }

  private async entry(ref: RecycleBinRef) {
    const found = (await this.store.listRecycleBin()).find((e) => e.kind === ref.kind && e.id === ref.id);
    if (!found)
      throw new ServiceError('NOT_FOUND', `${ref.kind === 'project' ? 'Projektet' : 'Målet'} (id ${ref.id}) ligger ikke i papirkurven. Det kan være gendannet eller slettet for altid i mellemtiden.`);
    return found;
  }

  async restore(ref: RecycleBinRef): Promise<Restored> {
    await this.entry(ref);
    if (ref.kind === 'project') return { kind: 'project', project: await this.store.restoreProject(ref.id) };
    return { kind: 'goal', goal: await this.store.restoreGoal(ref.id) };
  }

  async purge(ref: RecycleBinRef): Promise<void> {
    await this.entry(ref);
    await this.store.purgeRecycleBinEntry(ref.kind, ref.id);
  }

  /** Everything, for good; how many entries. */
  empty(): Promise<number> {
    return this.store.emptyRecycleBin();
  }

  /** What has been in the bin for its keep days (Danish calendar days) goes for good; how many. Nothing on a read-only portfolio. */
  async emptyExpired(): Promise<number> {
    if (this.store.readOnly) return 0;
    const today = this.today();
    // Goals first: purging a project takes its goals in the bin with it.
    const expired = (await this.store.listRecycleBin())
      .filter((e) => recycleBinExpired(e.deletedAt, today))
      .sort((a, b) => Number(a.kind === 'project') - Number(b.kind === 'project'));
    for (const e of expired) await this.store.purgeRecycleBinEntry(e.kind, e.id);
    return expired.length;
  }
}
