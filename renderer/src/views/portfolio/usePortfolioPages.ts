import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcError, PortfolioPage } from '../../../../shared/contracts';
import type { PortfolioFilter } from '../../../../shared/portfolioFilter';
import type { PortfolioFacets, PortfolioPageRow, PortfolioSort } from '../../../../shared/portfolioPage';
import { safeCall, useApi } from '../../api';
import { askFirstPage, firstPageArrived, firstPageQuestion, PAGE_SIZE } from './firstPage';


/** A page's answer without its rows: the counts and figures the view shows above the table. */
function headOf(page: PortfolioPage): PortfolioPages['head'] {
  const { rows: _rows, offset: _offset, facets: _facets, ...rest } = page;
  return rest;
}

export interface PortfolioPages {
  /** The first page's answer (counts, figures) for the current filter and sort; null while loading. */
  head: Omit<PortfolioPage, 'rows' | 'offset'> | null;
  facets: PortfolioFacets | null;
  /** The row at an index of the sorted, filtered list, or undefined while its page loads. */
  rowAt: (index: number) => PortfolioPageRow | undefined;
  /** Asks for the pages that hold rows [start, end] (the virtualizer's visible range). */
  ensureRange: (start: number, end: number) => void;
  error: IpcError | null;
}

/**
 * The portfolio table's rows, page by page from main (issue 12): the first page comes with the
 * figures; further pages are asked for as the user scrolls. A change of filter, sort or data
 * (`version`) starts over, and answers to an earlier question are dropped.
 */
export function usePortfolioPages(filter: PortfolioFilter, sort: PortfolioSort, language: 'da' | 'en', version: number): PortfolioPages {
  const api = useApi();
  // The first page asked for before the app's modules ran may be in already: then it is in the
  // first render (no second pass over the view for its rows). Asked with the filters' choices.
  const [arrived] = useState(() => {
    const r = firstPageArrived(api, firstPageQuestion(filter, sort, language, true));
    return r?.ok ? r.value : undefined;
  });
  const [head, setHead] = useState<PortfolioPages['head']>(() => (arrived ? headOf(arrived) : null));
  const [facets, setFacets] = useState<PortfolioFacets | null>(arrived?.facets ?? null);
  const [error, setError] = useState<IpcError | null>(null);
  const [, setLoaded] = useState(0);
  const pages = useRef(new Map<number, PortfolioPageRow[]>(arrived ? [[0, arrived.rows]] : []));
  const asked = useRef(new Set<number>(arrived ? [0] : []));
  const generation = useRef(arrived ? 1 : 0);
  const facetsVersion = useRef(arrived?.facets ? version : -1);
  /** The generation whose first page has arrived: pages of a newer question wait for it. */
  const answered = useRef(arrived ? 1 : 0);
  const question = useRef({ filter, sort, language });
  /** The first question was answered before the first render: the first effect asks nothing. */
  const answeredBeforeRender = useRef(!!arrived);

  useEffect(() => {
    if (answeredBeforeRender.current) {
      answeredBeforeRender.current = false;
      return;
    }
    const gen = ++generation.current;
    question.current = { filter, sort, language };
    const wantFacets = facetsVersion.current !== version;
    void askFirstPage(api, firstPageQuestion(filter, sort, language, wantFacets)).then((r) => {
      if (gen !== generation.current) return;
      if (!r.ok) {
        setError(r.error);
        return;
      }
      const { rows, facets: gotFacets } = r.value;
      pages.current = new Map([[0, rows]]);
      asked.current = new Set([0]);
      answered.current = gen;
      if (gotFacets) {
        facetsVersion.current = version;
        setFacets(gotFacets);
      }
      setError(null);
      setHead(headOf(r.value));
      setLoaded((n) => n + 1);
    });
  }, [api, filter, sort, language, version]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      const gen = generation.current;
      if (answered.current !== gen) return;
      for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(Math.max(0, end) / PAGE_SIZE); p++) {
        if (asked.current.has(p)) continue;
        asked.current.add(p);
        const { filter: f, sort: s, language: l } = question.current;
        void safeCall(() => api.portfolioPage({ filter: f, sort: s, language: l, offset: p * PAGE_SIZE, limit: PAGE_SIZE })).then((r) => {
          if (gen !== generation.current) return;
          if (!r.ok) {
            asked.current.delete(p);
            setError(r.error);
            return;
          }
          pages.current.set(p, r.value.rows);
          setLoaded((n) => n + 1);
        });
      }
    },
    [api],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { head, facets, rowAt, ensureRange, error };
}
