import { openPortfolioStore, type PortfolioStore } from '../../../electron/storage';
import { BULK_AUDIT_FIELD, bulkLoadProjects } from '../../../electron/storage/bulkLoad';
import { dumpPortfolioDocument, loadPortfolioDocument } from '../../../electron/services/portfolioDocument';
import { syntheticProject } from '../../../electron/generate/syntheticProject';
import { PORTFOLIO_DOCUMENT_FORMAT, PORTFOLIO_DOCUMENT_VERSION, type DocProject, type PortfolioDocument } from '../../../shared/portfolioDocument';
import { facts, goal, makeTempDir } from './helpers';
import { describeEngines, freshLocation } from '../../helpers/engines';

const AT = new Date(Date.UTC(2024, 4, 1, 12, 0, 0));
const clock = () => AT;

/** A project with the values JSON text would not carry exactly: fractions, odd strings. */
function awkwardProject(): DocProject {
  const base = syntheticProject(3, 99, { goalsPerProject: 4, statusesPerGoal: 3 });
  const [first, ...rest] = base.goals;
  return {
    ...base,
    facts: { ...base.facts, name: 'Skæve tal og tegn', description: 'Citat "her", apostrof \'der\', linjeskift\nog 😀; en enlig halvdel \ud800 af et tegn.', totalBudgetKr: 1234567.89 },
    goals: [
      {
        ...first,
        targetInPeriod: 1 / 3,
        baseline: null,
        // 0.987894283418218 is one of the doubles SQLite's text conversion gets one unit wrong.
        statuses: [
          { value: 0.987894283418218, reportedAt: '2021-03-01', reportedBy: 'Bevillingsmodtager', source: { file: 'a.xlsx', location: "Ark 'Mål', celle E5" }, printedPercent: 0.1 + 0.2 },
          { value: 12.34, reportedAt: '2021-06-01', reportedBy: '', source: { file: '', location: '' }, printedPercent: null },
        ],
      },
      ...rest,
    ],
    budgetLines: [
      { costType: 'Løn - projektledelse', year: 2021, amountKr: 100_000.55, percentOfDirect: null },
      { costType: 'Indirekte udgifter', year: 2021, amountKr: 17_500.1, percentOfDirect: 17.5 },
    ],
    evaluations: base.evaluations.map((e) => ({ ...e, monthsElapsedReported: 18.5, monthsTotalReported: 36.25 })),
  };
}

/** The same starting state in both files: a project with a goal deleted (ids continue past it). */
async function existingPortfolio(store: PortfolioStore): Promise<void> {
  const p = await store.createProject(facts({ name: 'Eksisterende projekt' }));
  const kept = await store.createGoal(goal(p.id, { code: 'A1' }));
  const dropped = await store.createGoal(goal(p.id, { code: 'A2' }));
  await store.addStatusReport({ goalId: kept.id, value: 5, reportedAt: '2022-01-01', reportedBy: 'x', source: { file: '', location: '' }, printedPercent: null });
  await store.deleteGoal(dropped.id);
  await store.deleteProject((await store.createProject(facts({ name: 'Slettet projekt' }))).id);
}

describeEngines('bulk load', () => {
  describe('bulk load of portfolio document projects', () => {
    const { dir, cleanup } = makeTempDir();
    afterAll(cleanup);
    /** A fresh, empty portfolio on the engine: a file in `dir` or a new PostgreSQL database. */
    const location = async (name: string) => {
      const fresh = await freshLocation(dir, name);
      onTestFinished(fresh.drop);
      return fresh.location;
    };
    const projects = [...Array.from({ length: 5 }, (_, i) => syntheticProject(11, i)), awkwardProject()];
    const doc: PortfolioDocument = { format: PORTFOLIO_DOCUMENT_FORMAT, version: PORTFOLIO_DOCUMENT_VERSION, projects };

    it('writes exactly the rows that loading the document through the store writes', async () => {
      const viaStore = await location('store.sqlite');
      const viaBulk = await location('bulk.sqlite');
      const a = await openPortfolioStore(viaStore, { user: 'tester', now: clock });
      await existingPortfolio(a);
      const { projectIds: storeIds } = await loadPortfolioDocument(a, doc);
      const b = await openPortfolioStore(viaBulk, { user: 'tester', now: clock });
      await existingPortfolio(b);
      await b.close();
      const result = await bulkLoadProjects(viaBulk, projects, { user: 'tester', now: clock });
      const b2 = await openPortfolioStore(viaBulk, { user: 'tester', now: clock });
      try {
        expect(result.projectIds).toEqual(storeIds);
        expect(result.counts).toMatchObject({ projects: 6, goals: projects.reduce((n, p) => n + p.goals.length, 0) });
        expect(await b2.dataDigest()).toBe(await a.dataDigest());
        // And the document comes back as it went in (the fractions to the last bit).
        const dumped = await dumpPortfolioDocument(b2);
        expect(dumped.projects.slice(1)).toEqual(doc.projects.map((p) => (p.facts.name === 'Skæve tal og tegn' ? { ...p, facts: { ...p.facts, description: p.facts.description.replace('\ud800', '\ufffd') } } : p)));
      } finally {
        await a.close();
        await b2.close();
      }
    });

    it('logs one "generated" row per project instead of one per row', async () => {
      const file = await location('audit.sqlite');
      const { projectIds } = await bulkLoadProjects(file, projects.slice(0, 3), { user: 'generator', now: clock });
      const store = await openPortfolioStore(file);
      try {
        const audit = await store.listAudit();
        expect(audit).toHaveLength(3);
        expect(audit.map((e) => [e.projectId, e.entity, e.entityId, e.field, e.user, e.at])).toEqual(
          [...projectIds].reverse().map((id) => [id, 'project', id, BULK_AUDIT_FIELD, 'generator', AT.toISOString()]),
        );
        expect(JSON.parse(audit[2].newValue!)).toEqual(await store.getProject(projectIds[0]));
      } finally {
        await store.close();
      }
    });

    it('writes nothing when one project is invalid, and says which and where', async () => {
      const file = await location('invalid.sqlite');
      await bulkLoadProjects(file, projects.slice(0, 1));
      const before = await digestOf(file);
      const broken = structuredClone(projects[2]);
      broken.evaluations[0].scores[0].score = 7;
      await expect(bulkLoadProjects(file, [projects[1], broken, projects[3]], { source: 'Testporteføljen' })).rejects.toThrow(
        /Testporteføljen, projekt nr\. 2 er ikke et gyldigt .*evaluations\[0\]\.scores\[0\]\.score/,
      );
      expect(await digestOf(file)).toBe(before);
    });

    it('refuses a name the portfolio already has, writing nothing', async () => {
      const file = await location('clash.sqlite');
      await bulkLoadProjects(file, projects.slice(0, 2));
      const before = await digestOf(file);
      await expect(bulkLoadProjects(file, [projects[2], projects[1]])).rejects.toThrow(
        `projekt nr. 2: der findes allerede et projekt med navnet "${projects[1].facts.name}"; intet er indlæst.`,
      );
      expect(await digestOf(file)).toBe(before);
    });
  });

  async function digestOf(file: string): Promise<string> {
    const store = await openPortfolioStore(file);
    try {
      return await store.dataDigest();
    } finally {
      await store.close();
    }
  }
});
