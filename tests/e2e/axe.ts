import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core in the page under test. The library's own bundle is injected (no wrapper package), so
 * what runs is exactly the engine a reviewer would run in devtools. `checkA11y` fails with one
 * line per offending element: rule, impact, target selector and a short excerpt of its HTML, so
 * that a failure can be fixed without re-running anything.
 */

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that make a view fail (WCAG 2.1 AA as the issue asks: no serious, no critical). */
const FAILING = new Set(['serious', 'critical']);

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

export interface A11yProblem {
  rule: string;
  impact: string;
  help: string;
  target: string;
  html: string;
  /** axe's explanation of this element's failure (for colour contrast: the ratio and both colours). */
  summary: string;
}

/** Runs axe on the page (or the part matching `include`) and returns its serious and critical problems. */
export async function a11yProblems(page: Page, include?: string): Promise<A11yProblem[]> {
  // Evaluated over the devtools protocol, which the app's strict CSP (no inline scripts) allows.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (scope: string | null) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(scope ? { include: [scope] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, include ?? null);
  const problems: A11yProblem[] = [];
  for (const v of violations as AxeViolation[]) {
    if (!v.impact || !FAILING.has(v.impact)) continue;
    for (const n of v.nodes) {
      problems.push({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        target: n.target.map(String).join(' > '),
        html: n.html.replace(/\s+/g, ' ').slice(0, 160),
        summary: (n.failureSummary ?? '').replace(/^Fix (any|all) of the following:\s*/i, '').replace(/\s+/g, ' ').slice(0, 200),
      });
    }
  }
  return problems;
}

export function formatProblems(view: string, problems: A11yProblem[]): string {
  const lines = problems.map((p) => `  [${p.impact}] ${p.rule} (${p.help})\n    at ${p.target}\n    ${p.html}\n    ${p.summary}`);
  return `${problems.length} serious/critical axe-core violation(s) on ${view}:\n${lines.join('\n')}`;
}

/** Fails the test with a readable list when the view has any serious or critical violation. */
export async function checkA11y(page: Page, view: string, include?: string): Promise<void> {
  const problems = await a11yProblems(page, include);
  if (problems.length > 0) throw new Error(formatProblems(view, problems));
}
