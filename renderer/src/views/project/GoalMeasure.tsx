import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../shared/domain';
import { shareFigure } from '../../../../shared/methodology/shares';
import { useFormatter } from '../../format';
import { comparisonText } from './goalMeasureText';

/** An effect goal's comparison under its status: "68 % mod 31 % (+37 procentpoint), kilde: ...". */
export function ComparisonLine({ goal, value, denominator }: { goal: Goal; value: number | null; denominator?: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  // The reached figure is the engine's: a share's computed percent, else the status itself.
  const reached = goal.measure === 'share' ? (shareFigure(value, denominator)?.percent ?? null) : value;
  const text = comparisonText(t, fmt, goal, reached);
  if (!text) return null;
  return (
    <Text size="xs" data-testid={`goal-comparison-${goal.code}`}>
      {text}
    </Text>
  );
}
