import { ServiceError } from '../../shared/contracts/core';
import type { BusinessCaseView } from '../../shared/contracts/measureContracts';
import type { BusinessCase } from '../../shared/domain';
import { businessCaseResult } from '../../shared/methodology/businessCase';
import type { PortfolioStore } from '../storage/store';

/** A project's business case with its results (issue 14); the results are never stored. */
export function businessCaseView(businessCase: BusinessCase): BusinessCaseView {
  return { businessCase, result: businessCaseResult(businessCase) };
}

async function requireProject(store: PortfolioStore, projectId: number): Promise<void> {
  if (!(await store.getProject(projectId))) throw new ServiceError('NOT_FOUND', `Projekt ${projectId} findes ikke.`);
}

export async function getBusinessCase(store: PortfolioStore, projectId: number): Promise<BusinessCaseView | null> {
  await requireProject(store, projectId);
  const bc = await store.getBusinessCase(projectId);
  return bc ? businessCaseView(bc) : null;
}

export async function saveBusinessCase(store: PortfolioStore, projectId: number, fields: Omit<BusinessCase, 'projectId'>): Promise<BusinessCaseView> {
  await requireProject(store, projectId);
  return businessCaseView(await store.saveBusinessCase({ ...fields, projectId }));
}

export async function deleteBusinessCase(store: PortfolioStore, projectId: number): Promise<void> {
  await requireProject(store, projectId);
  await store.deleteBusinessCase(projectId);
}
