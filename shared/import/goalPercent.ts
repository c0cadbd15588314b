import type { GoalLevel } from '../domain';
import { goalAttainment } from '../methodology/goals';
import { DEFAULT_PROFILE, type MethodologyProfile } from '../methodology/profile';

/**
 * A goal row's attainment as the engine computes it (METHODOLOGY.md section 2), for the import
 * preview's "computed" percent and its check of the printed one. A report's goal is read as
 * higher-is-better without a baseline: the report carries no direction; the user sets it on
 * the goal, and the project's figures are computed by the engine from what is stored.
 */
export function reportedAttainment(
  row: { code: string; level: GoalLevel; target: number | null; status: number; printed: number | null },
  profile: MethodologyProfile = DEFAULT_PROFILE,
): { computed: number | null; printedDiffers: boolean } {
  const result = goalAttainment(
    {
      code: row.code,
      level: row.level,
      description: '',
      unit: '',
      targetInPeriod: row.target,
      targetAfterPeriod: null,
      direction: 'higher',
      baseline: null,
      status: { value: row.status, reportedAt: '', reportedBy: '', printedPercent: row.printed, source: { file: '', location: '' } },
    },
    profile,
  );
  return { computed: result.displayPercent, printedDiffers: result.warnings.some((w) => w.code === 'printedPercentDiffers') };
}
