import { VisuallyHidden } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/**
 * A chart with its text alternative (WCAG 1.1.1, issue 15): the figure is named by `title` and
 * described by `summary`, a sentence with every figure the chart draws, and by the tables on screen
 * that hold the same figures (`describedBy`, their ids). The drawing itself is inert: its SVG
 * would be read as a jumble of ticks and takes no keyboard stops.
 */
export function ChartFigure({ title, summary, describedBy = [], testId, children }: { title: string; summary: string; describedBy?: string[]; testId?: string; children: ReactNode }) {
  const summaryId = `${useId()}-summary`;
  return (
    <div role="figure" aria-label={title} aria-describedby={[summaryId, ...describedBy].join(' ')} data-testid={testId}>
      <div inert>{children}</div>
      <VisuallyHidden id={summaryId} data-testid={testId ? `${testId}-summary` : undefined}>
        {summary}
      </VisuallyHidden>
    </div>
  );
}
