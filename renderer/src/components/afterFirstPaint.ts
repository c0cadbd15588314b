import { useEffect, useState } from 'react';

/**
 * False until the browser has painted and gone idle once `ready` holds: what only a user's
 * pointer or focus needs (the portfolio rows' tooltips, the filter bar's dropdowns) mounts then,
 * after the first screen is painted and long before a user can point (issue 12, first paint).
 * The portfolio rows' tooltips (a floating-ui state per instance, two a row) cost more than the
 * rows' own cells on the first screen. (Not on the pointer's first move over the table: the
 * icons mount anew with their tooltip, and a click whose press and release straddle that render
 * is lost.)
 */
export function useAfterFirstPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    if (!ready || after) return;
    const arm = () => setAfter(true);
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(arm, { timeout: 500 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(arm, 50);
    return () => clearTimeout(timer);
  }, [ready, after]);
  return after;
}
