import { useCallback, useSyncExternalStore } from 'react';

/**
 * A tiny hash router: the app is loaded from a file in Electron, so the location hash is the
 * only part of the URL it may change. Routes survive a reload.
 *   #/                                 portfolio
 *   #/methodology                      Sådan scorer vi
 *   #/recycle-bin                      Papirkurv (deleted projects and goals)
 *   #/project/:id[/:tab][?e=:evalId]   a project, one tab, one evaluation round
 *   ...&find=:words                     and the field holding these words (a search result)
 */
export type ProjectTab = 'resume' | 'facts' | 'implementation' | 'goals' | 'budget' | 'effect' | 'learning' | 'compare' | 'history';
export const PROJECT_TABS: readonly ProjectTab[] = ['resume', 'facts', 'implementation', 'goals', 'budget', 'effect', 'learning', 'compare', 'history'];

export type Route =
  | { name: 'portfolio' }
  | { name: 'methodology' }
  | { name: 'recycleBin' }
  | { name: 'project'; projectId: number; tab: ProjectTab; evaluationId: number | null; find?: string };

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'methodology') return { name: 'methodology' };
  if (parts[0] === 'recycle-bin') return { name: 'recycleBin' };
  if (parts[0] === 'project' && /^\d+$/.test(parts[1] ?? '')) {
    const tab = (PROJECT_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as ProjectTab) : 'resume';
    const params = new URLSearchParams(query);
    const e = params.get('e');
    const find = params.get('find');
    return { name: 'project', projectId: Number(parts[1]), tab, evaluationId: e && /^\d+$/.test(e) ? Number(e) : null, ...(find ? { find } : {}) };
  }
  return { name: 'portfolio' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'portfolio':
      return '#/';
    case 'methodology':
      return '#/methodology';
    case 'recycleBin':
      return '#/recycle-bin';
    case 'project': {
      const params = new URLSearchParams();
      if (route.evaluationId) params.set('e', String(route.evaluationId));
      if (route.find) params.set('find', route.find);
      const query = params.toString();
      return `#/project/${route.projectId}/${route.tab}${query ? `?${query}` : ''}`;
    }
  }
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    const next = routeHash(route);
    if (window.location.hash !== next) window.location.hash = next;
  }, []);
  return [parseRoute(hash), navigate];
}
