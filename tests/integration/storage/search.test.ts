import { blankEvaluation } from '../../../shared/domain';
import { MATCH_END, MATCH_START, type SearchHit } from '../../../shared/search/types';
import { openPortfolioStore, type PortfolioStore } from '../../../electron/storage';
import { MIGRATIONS } from '../../../electron/storage/migrations';
import { facts, goal, makeTempDir, openTempStore, steppingClock, type StoreFixture } from './helpers';
import { describeEngines, freshLocation } from '../../helpers/engines';

const where = (hits: SearchHit[]) => hits.map((h) => `${h.projectName} / ${h.tab} / ${h.kind}:${h.field}`);
const marked = (snippet: string) => snippet.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']');

/** A project with a goal, a round with a score's justification, a light's reason, a learning point and a text. */
async function fill(store: PortfolioStore) {
  const project = await store.createProject(facts({ name: 'Grøn omstilling på Ærø', description: 'Små virksomheder får hjælp til energirenovering.' }));
  const g = await store.createGoal(goal(project.id, { code: 'B1', level: 'B', description: 'Ufaglærte i kursusforløb på øen' }));
  const e = await store.createEvaluation(blankEvaluation(project.id, 'midterm', '2023-06-30', 'Søren Ørsted'));
  await store.setScore({ evaluationId: e.id, parameter: 2, score: 4, headline: 'Godt partnerskab', text: 'Samarbejdet med skolerne fungerer; færgeforbindelsen besværliggør møder.' });
  await store.setLightDecision({ evaluationId: e.id, kind: 'goals', suggested: null, override: 'yellow', reason: 'Rekrutteringen halter', text: '' });
  await store.setLightDecision({ evaluationId: e.id, kind: 'goals', suggested: null, override: 'yellow', reason: 'Rekrutteringen er bagud', text: '' });
  await store.saveLearningPoint({ evaluationId: e.id, kind: 'learning', title: 'Tidlig dialog', text: 'Lokale håndværkere skal med fra starten.', position: 0 });
  await store.setEvaluationText(e.id, 'effect', 'Effekten på beskæftigelsen ses først efter forløbet.');
  return { project, goal: g, evaluation: e };
}

describeEngines('search', () => {
  describe('search across the portfolio (FTS5 on SQLite, word match on PostgreSQL)', () => {
    let fx: StoreFixture;
    beforeEach(async () => {
      fx = await openTempStore();
    });
    afterEach(() => fx.cleanup());

    it('finds Danish words with æ, ø and å in every kind of text, and opens each at its tab', async () => {
      const { store } = fx;
      await fill(store);
      expect(where(await store.search('Ærø', 10))).toEqual(['Grøn omstilling på Ærø / facts / project:name']);
      // Case is folded; æ, ø, å are letters of their own: "aero" and "oen" find nothing.
      expect(where(await store.search('ærø', 10))).toHaveLength(1);
      expect(await store.search('aero', 10)).toEqual([]);
      expect(where(await store.search('øen', 10))).toEqual(['Grøn omstilling på Ærø / goals / goal:description']);
      expect(await store.search('oen', 10)).toEqual([]);
      expect(where(await store.search('færgeforbindelsen', 10))).toEqual(['Grøn omstilling på Ærø / implementation / score:2']);
      expect(where(await store.search('bagud', 10))).toEqual(['Grøn omstilling på Ærø / resume / light:goals']);
      // The reason it replaced is history.
      expect(where(await store.search('halter', 10))).toEqual(['Grøn omstilling på Ærø / history / history:light.reason.goals']);
      expect(where(await store.search('håndværkere', 10))).toEqual(['Grøn omstilling på Ærø / learning / learning:learning']);
      expect(where(await store.search('beskæftigelsen', 10))).toEqual(['Grøn omstilling på Ærø / effect / text:effect']);
      // The last word is a prefix (search as you type); every word must occur.
      expect(where(await store.search('energireno', 10))).toEqual(['Grøn omstilling på Ærø / facts / project:description']);
      expect(await store.search('energirenovering færge', 10)).toEqual([]);
      const [hit] = await store.search('færgeforbindelsen', 10);
      expect(marked(hit.snippet)).toContain('[færgeforbindelsen]');
    });

    it('follows edits and deletes (triggers), and leaves out deleted projects until restored', async () => {
      const { store } = fx;
      const { project, goal: g } = await fill(store);
      await store.updateGoal(g.id, { description: 'Ledige i praktik hos håndværksmestre' });
      expect(where(await store.search('kursusforløb', 10))).toEqual(['Grøn omstilling på Ærø / history / history:goal.description']);
      expect(where(await store.search('håndværksmestre', 10))).toContain('Grøn omstilling på Ærø / goals / goal:description');
      await store.deleteGoal(g.id);
      expect(where(await store.search('håndværksmestre', 10)).filter((w) => w.includes('/ goals /'))).toEqual([]);

      await store.updateProject(project.id, { name: 'Grøn omstilling på Ærø og Langeland' });
      expect(where(await store.search('langeland', 10))).toEqual(['Grøn omstilling på Ærø og Langeland / facts / project:name']);
      // The name before is history.
      expect(where(await store.search('grøn omstilling', 10))).toContain('Grøn omstilling på Ærø og Langeland / history / history:project.name');
      await store.deleteProject(project.id);
      expect(await store.search('langeland', 10)).toEqual([]);
      await store.restoreProject(project.id);
      expect(await store.search('langeland', 10)).toHaveLength(1);
    });

    it('takes what a user types as words, never as FTS5 syntax, and limits the results', async () => {
      const { store } = fx;
      for (let i = 1; i <= 5; i++) await store.createProject(facts({ name: `Øresundsprojekt ${i}` }));
      for (const typed of ['"', 'NEAR(', 'a OR', '-', '*', 'name:x', '(((', '']) await expect(store.search(typed, 10)).resolves.toBeInstanceOf(Array);
      expect(await store.search('øresundsprojekt', 3)).toHaveLength(3);
      expect(await store.search('"øresundsprojekt"', 10)).toHaveLength(5);
    });
  });

  describe('migration 007 fills the index of an older file', () => {
    it('finds what a version 3 file held before it was migrated', async () => {
      const { dir, cleanup } = makeTempDir();
      try {
        const { location: file, drop } = await freshLocation(dir, 'old.trafiklys.sqlite');
        onTestFinished(drop);
        const old = await openPortfolioStore(file, { migrations: MIGRATIONS.slice(0, 3), now: steppingClock() });
        await fill(old);
        await old.close();
        const store = await openPortfolioStore(file);
        try {
          expect(where(await store.search('færgeforbindelsen', 10))).toEqual(['Grøn omstilling på Ærø / implementation / score:2']);
          expect(where(await store.search('øen', 10))).toEqual(['Grøn omstilling på Ærø / goals / goal:description']);
          // History from before the migration is searchable too.
          expect(where(await store.search('halter', 10))).toEqual(['Grøn omstilling på Ærø / history / history:light.reason.goals']);
          // And the triggers run from then on.
          const [p] = await store.listProjects();
          await store.updateProject(p.id, { description: 'Nu også på Strynø' });
          expect(where(await store.search('strynø', 10))).toContain('Grøn omstilling på Ærø / facts / project:description');
        } finally {
          await store.close();
        }
      } finally {
        cleanup();
      }
    });
  });
});
