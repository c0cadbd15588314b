import type { Project } from '../../shared/domain';
import type { PortfolioStore } from '../storage/store';
import type { CliMessages } from './messages';
import { CliError } from './types';

/** Case, accents written as combining marks, full-width letters and spacing do not matter. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/[\u200B-\u200D\uFEFF]/g, '').replace(/\s+/g, ' ').trim().toLocaleLowerCase('da');
}

/**
 * The one meaning of `--project` for every command: the project's id, its name, or a unique
 * part of its name, case-insensitively ("headstart"). No match gives null; several give an
 * error listing them (name and id), so the user can say which.
 */
export async function findProject(store: PortfolioStore, query: string, t: CliMessages): Promise<Project | null> {
  const projects = await store.listProjects();
  const q = query.trim();
  if (/^\d+$/.test(q)) {
    const byId = projects.find((p) => p.id === Number(q));
    if (byId) return byId;
  }
  const needle = fold(q);
  if (!needle) return null;
  const exact = projects.filter((p) => fold(p.name) === needle);
  if (exact.length === 1) return exact[0];
  const partial = exact.length > 1 ? exact : projects.filter((p) => fold(p.name).includes(needle));
  if (partial.length === 1) return partial[0];
  if (partial.length > 1) throw new CliError(t.projectAmbiguous(query, partial.map((p) => `${p.name} (id ${p.id})`)));
  return null;
}

/** Like findProject, but no match is an error that lists the projects there are. */
export async function requireProject(store: PortfolioStore, query: string, t: CliMessages): Promise<Project> {
  const project = await findProject(store, query, t);
  if (project) return project;
  const names = (await store.listProjects()).map((p) => p.name);
  throw new CliError(names.length ? t.projectNotFound(query, names) : t.noProjects);
}
