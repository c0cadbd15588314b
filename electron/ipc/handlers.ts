import { liveImplementations } from './liveHandlers';
import { contracts, type ContractName, type Contracts, type IpcResult } from '../../shared/contracts';
import { ServiceError, type ContractInput, type ContractOutput } from '../../shared/contracts/core';
import type { z } from 'zod';
import type { AppServices } from '../services';
import { toIpcError, zodIssues } from './errors';
import { SESSION_CONTRACT_NAMES, type SessionContractName } from '../../shared/contracts/serverContracts';
import { exportImplementations } from './exportHandlers';
import { importImplementations } from './importHandlers';
import { roundImplementations } from './roundHandlers';
import { searchImplementations } from './searchHandlers';
import { measureImplementations } from './measureHandlers';
import { recycleBinImplementations } from './recycleBinHandlers';
import { GrantedPaths, type HostAdapter } from './host';
import { stageFiles } from './staging';
import { collatorFor, cutPortfolioPage, facetsOf } from '../../shared/portfolioPage';
import { keepBudgetInStep } from '../services/budgetLines';
import { resourcesDir } from '../resources';
import { loadPortfolioDocument, readDemoDocument } from '../services/portfolioDocument';

/** The channels of one open portfolio; the session's own (connect to a server) are electron/ipc/portfolioSession.ts's. */
type PortfolioContractName = Exclude<ContractName, SessionContractName>;
type Impl = { [K in PortfolioContractName]: (input: z.output<Contracts[K]['input']>) => Promise<ContractOutput<Contracts[K]>> };

/**
 * The existing item an update names, which must belong to the project or evaluation the
 * payload names: a mismatched payload must not move an item to another parent.
 */
function belongsTo<T extends { id: number }>(items: T[], id: number | undefined, what: string, parent: string): T | undefined {
  if (id === undefined) return undefined;
  const found = items.find((i) => i.id === id);
  if (!found) throw new ServiceError('NOT_FOUND', `${what} (id ${id}) findes ikke i ${parent}.`);
  return found;
}


/** What each channel does: validate (done by the wrapper), call one service, return. */
function implementations(services: AppServices, host: HostAdapter): Impl {
  const { portfolio: svc, store, goals, indicators } = services;
  const done = { ok: true as const };
  const written = new GrantedPaths();
  const picked = new GrantedPaths();
  const exports = exportImplementations(services, (p) => host.progress({ task: 'export', ...p }));
  const imports = importImplementations(services, (_id, p) =>
    host.progress({ task: 'import', phase: p.message, done: Math.round(p.fraction * 100), total: 100 }),
  );
  return {
    portfolioInfo: () => svc.info(),
    portfolioSummaries: () => svc.portfolioSummaries(),
    portfolioOverview: async ({ filter }) => {
      const { rows, total, filter: used, rollup } = await svc.portfolioOverview(filter ?? {});
      return { rows, total, filter: used, rollup };
    },
    portfolioPage: async ({ filter = {}, sort, offset, limit, language = 'da', figures, facets }) => {
      const collator = collatorFor(language);
      const overview = await svc.portfolioOverview(filter);
      const cut = cutPortfolioPage(overview.rows, { filter, sort, offset, limit }, collator);
      return {
        ...cut,
        total: overview.total,
        ...(figures ? { rollup: overview.rollup } : {}),
        // The dropdowns offer every value of the portfolio, not only those the filter leaves.
        ...(facets ? { facets: facetsOf(overview.all, collator) } : {}),
      };
    },
    projectNames: async () => (await store.listProjects()).map((p) => ({ projectId: p.id, name: p.name })),
    portfolioLoadDemo: async () => {
      if ((await store.listProjects()).length > 0)
        throw new ServiceError('CONFLICT', 'Demoen lægges kun i en tom portefølje, og denne har allerede projekter.');
      return loadPortfolioDocument(store, readDemoDocument(resourcesDir()));
    },
    profileSet: ({ profile }) => svc.setProfile(profile),

    projectGet: ({ projectId }) => svc.projectDetail(projectId),
    projectCreate: ({ facts }) => svc.createProject(facts),
    projectUpdate: ({ projectId, patch, expectedVersion }) => svc.updateProject(projectId, patch, { expectedVersion }),
    projectDelete: async ({ projectId }) => {
      await svc.requireProject(projectId);
      await store.deleteProject(projectId);
      return done;
    },
    projectRestore: ({ projectId }) => store.restoreProject(projectId),
    projectSummary: ({ projectId, evaluationId }) => svc.projectSummary(projectId, evaluationId),

    effectChainSave: async ({ projectId, id, column, text, position, expectedVersion }) => {
      await svc.requireProject(projectId);
      const items = await store.listEffectChain(projectId);
      const existing = belongsTo(items, id, 'Punktet i effektkæden', 'projektet');
      const siblings = items.filter((i) => i.column === column);
      return store.saveEffectChainItem(
        {
          id,
          projectId,
          column,
          text,
          position: position ?? existing?.position ?? siblings.length,
        },
        { expectedVersion },
      );
    },
    effectChainDelete: async ({ id }) => {
      await store.deleteEffectChainItem(id);
      return done;
    },

    goalCreate: ({ projectId, goal }) => goals.createGoal(projectId, goal),
    goalUpdate: ({ goalId, patch, expectedVersion }) => goals.updateGoal(goalId, patch, { expectedVersion }),
    goalDelete: async ({ goalId }) => ({ ok: true as const, binId: await store.deleteGoal(goalId) }),
    statusAdd: (input) => goals.addStatus(input),

    indicatorList: () => indicators.list(),
    indicatorSave: (input) => indicators.save(input),
    indicatorDelete: async ({ id }) => {
      await indicators.remove(id);
      return done;
    },
    indicatorLink: ({ goalIds, indicatorId }) => indicators.link(goalIds, indicatorId),
    indicatorSuggestions: ({ projectId }) => indicators.suggestions(projectId),

    evaluationGet: ({ evaluationId }) => svc.evaluationDetail(evaluationId),
    evaluationCreate: (input) => svc.createEvaluation(input),
    evaluationUpdate: ({ evaluationId, patch }) => svc.updateEvaluation(evaluationId, patch),
    evaluationDelete: async ({ evaluationId }) => {
      await svc.deleteEvaluation(evaluationId);
      return done;
    },
    evaluationRestore: ({ evaluationId }) => svc.restoreEvaluation(evaluationId),

    ...roundImplementations(services),

    scoreSet: (input) => svc.setScore(input),
    lightSet: (input) => svc.setLight(input),

    surveySave: async ({ evaluationId, id, item, expectedVersion }) => {
      await svc.requireEvaluation(evaluationId);
      belongsTo(await store.listSurveyIndicators(evaluationId), id, 'Surveyindikatoren', 'evalueringen');
      return store.saveSurveyIndicator({ ...item, id, evaluationId }, { expectedVersion });
    },
    surveyDelete: async ({ id }) => {
      await store.deleteSurveyIndicator(id);
      return done;
    },
    learningSave: async ({ evaluationId, id, kind, title, text, position, expectedVersion }) => {
      await svc.requireEvaluation(evaluationId);
      const items = await store.listLearningPoints(evaluationId);
      const existing = belongsTo(items, id, 'Læringspunktet', 'evalueringen');
      return store.saveLearningPoint({ id, evaluationId, kind, title, text, position: position ?? existing?.position ?? items.length }, { expectedVersion });
    },
    learningDelete: async ({ id }) => {
      await store.deleteLearningPoint(id);
      return done;
    },

    budgetLineSave: async ({ projectId, id, costType, year, amountKr, percentOfDirect, position, expectedVersion }) => {
      await svc.requireProject(projectId);
      return store.transaction(async (tx) => {
        const items = await tx.listBudgetLines(projectId);
        const existing = belongsTo(items, id, 'Budgetlinjen', 'projektet');
        const saved = await tx.saveBudgetLine(
          {
            id,
            projectId,
            costType,
            year,
            amountKr,
            percentOfDirect: percentOfDirect ?? null,
            position: position ?? existing?.position ?? items.length,
          },
          { expectedVersion },
        );
        // An indirect line is kept as its percent; its amount (and every other indirect line's,
        // when direct costs changed) follows the direct costs of its year.
        const inStep = await keepBudgetInStep(tx, projectId);
        return inStep.find((l) => l.id === saved.id) ?? saved;
      });
    },
    budgetLineDelete: async ({ id }) => {
      await store.transaction(async (tx) => {
        const line = await tx.getBudgetLine(id);
        await tx.deleteBudgetLine(id);
        if (line) await keepBudgetInStep(tx, line.projectId);
      });
      return done;
    },
    spendingYearSave: async ({ evaluationId, id, year, spentKr, note, expectedVersion }) => {
      await svc.requireEvaluation(evaluationId);
      const items = await store.listSpendingYears(evaluationId);
      const existing = belongsTo(items, id, 'Forbruget for året', 'evalueringen');
      const other = items.find((s) => s.year === year && s.id !== id);
      if (other) throw new ServiceError('VALIDATION', `Forbruget for ${year} er allerede registreret i runden; ret det i stedet.`);
      return store.saveSpendingYear({ id, evaluationId, year, spentKr, note: note ?? existing?.note ?? '', position: existing?.position ?? items.length }, { expectedVersion });
    },
    spendingYearDelete: async ({ id }) => {
      await store.deleteSpendingYear(id);
      return done;
    },
    financingSave: async ({ projectId, id, name, amountKr, position, expectedVersion }) => {
      await svc.requireProject(projectId);
      const items = await store.listFinancing(projectId);
      const existing = belongsTo(items, id, 'Finansieringskilden', 'projektet');
      return store.saveFinancing({ id, projectId, name, amountKr, position: position ?? existing?.position ?? items.length }, { expectedVersion });
    },
    financingDelete: async ({ id }) => {
      await store.deleteFinancing(id);
      return done;
    },

    auditList: (filter) => store.listAudit(filter),

    exportEvaluation: (input) => {
      written.require(input.outPath, 'Eksport');
      return exports.exportEvaluation(input);
    },
    exportPortfolio: (input) => {
      written.require(input.outPath, 'Eksport');
      return exports.exportPortfolio(input);
    },
    exportReport: (input) => {
      written.require(input.outPath, 'Eksport');
      return exports.exportReport(input);
    },

    importPreview: (input) => {
      for (const path of input.paths) picked.require(path, 'Import');
      return imports.importPreview(input);
    },
    importApply: (input) => imports.importApply(input),
    importCancel: (input) => imports.importCancel(input),
    importSaveTemplate: async (input) => {
      written.require(input.outPath, 'Skabelon');
      return imports.importSaveTemplate(input);
    },

    chooseSavePath: async ({ kind, defaultName }) => {
      const path = await host.chooseSavePath(kind, defaultName);
      if (path) written.add(path);
      return { path };
    },
    chooseImportFiles: async () => {
      const paths = await host.chooseImportFiles();
      for (const path of paths) picked.add(path);
      return { paths };
    },
    stageImportFiles: async ({ files }) => {
      const paths = await stageFiles(files);
      for (const path of paths) picked.add(path);
      return { paths };
    },
    showInFolder: async ({ path }) => {
      written.require(path, 'Vis i mappe');
      await host.showInFolder(path);
      return done;
    },
    ...searchImplementations(services, host),
    ...measureImplementations(services, (path) => picked.require(path, 'Indikatorkatalog')),
    ...recycleBinImplementations(services),
    ...liveImplementations(services),
  };
}

/** channel -> handler taking an unvalidated payload and answering an IpcResult. */
export type HandlerTable = Record<string, (input: unknown) => Promise<IpcResult<unknown>>>;

/**
 * The handler table: one entry per contract channel. Every input is validated with the
 * contract's schema; errors are answered as data with a stable code, never thrown.
 */
export function createHandlers(services: AppServices, host: HostAdapter): HandlerTable {
  const impl = implementations(services, host) as Record<PortfolioContractName, (input: unknown) => Promise<unknown>>;
  const table: HandlerTable = {};
  for (const name of Object.keys(contracts) as ContractName[]) {
    // The session's channels (electron/ipc/portfolioSession.ts) replace these where there is one.
    const run = (SESSION_CONTRACT_NAMES as string[]).includes(name) ? noSession : impl[name as PortfolioContractName];
    table[contracts[name].channel] = validated(name, run);
  }
  return table;
}

async function noSession(): Promise<never> {
  throw new ServiceError('UNKNOWN_CHANNEL', 'Forbind til server findes kun i appen og i browser-visningen (npm run browser), ikke her.');
}

/** One channel's handler: the input validated with the contract's schema, errors answered as data. */
export function validated(name: ContractName, run: (input: unknown) => Promise<unknown>): (payload: unknown) => Promise<IpcResult<unknown>> {
  const contract = contracts[name];
  return async (payload: unknown) => {
    const parsed = contract.input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Ugyldigt input til ${contract.channel}: ${issues.map((i) => (i.path ? `${i.path}: ` : '') + i.message).join('; ')}`,
          issues,
        },
      };
    }
    try {
      return { ok: true, value: await run(parsed.data) };
    } catch (err) {
      return { ok: false, error: toIpcError(err) };
    }
  };
}

/** Calls a handler with a typed input (tests, the browser bridge). */
export async function callChannel<K extends ContractName>(
  table: HandlerTable,
  name: K,
  input: ContractInput<Contracts[K]>,
): Promise<IpcResult<ContractOutput<Contracts[K]>>> {
  const handler = table[contracts[name].channel];
  return handler(input) as Promise<IpcResult<ContractOutput<Contracts[K]>>>;
}
