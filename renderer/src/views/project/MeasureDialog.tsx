import { Button, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { useErrorText } from '../../components/useSave';
import { useFormatter } from '../../format';
import { numberReader } from '../../components/validation';

type Patch = Partial<Omit<Goal, 'id' | 'projectId'>>;

/**
 * What a goal measures (issue 14): a count or a share ("30 af 124"), a share's target as a
 * percent or a count of the numerator, and for an effect goal a comparison with a baseline or a
 * comparison group (figure, source, year). Only the fields shown are sent: saving an output goal
 * never touches a comparison it cannot show, and a count goal keeps its stored share settings.
 * Validation is the app's own (no browser messages); main checks the same rules again.
 */
export function MeasureModal({ goal, onClose, onSaved }: { goal: Goal; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const effect = goal.level === 'C';
  const shown = (n: number | null | undefined) => (n === null || n === undefined ? '' : fmt.number(n, Number.isInteger(n) ? 0 : 2));
  const [measure, setMeasure] = useState<'count' | 'share'>(goal.measure ?? 'count');
  const [kind, setKind] = useState<'percent' | 'count'>(goal.shareTargetKind ?? 'percent');
  const [v, setV] = useState({
    target: shown(goal.targetInPeriod),
    denominatorTarget: shown(goal.denominatorTarget),
    comparisonValue: shown(goal.comparisonValue),
    comparisonLabel: goal.comparisonLabel ?? '',
    comparisonSource: goal.comparisonSource ?? '',
    comparisonYear: goal.comparisonYear ? String(goal.comparisonYear) : '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setV((s) => ({ ...s, [k]: value }));
    // A message holds until the field it is about changes.
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = async () => {
    const next: Record<string, string> = {};
    const num = numberReader(t, fmt, next, [30, 24.5]);
    const target = num(v.target, 'target');
    if (target !== null && target < 0 && goal.direction !== 'lower') next.target = t('measureForms.negative');
    const patch: Patch = { measure, targetInPeriod: target };
    if (measure === 'share') {
      if (kind === 'percent' && target !== null && target > 100) next.target = t('measureForms.percentMax');
      const denominatorTarget = num(v.denominatorTarget, 'denominatorTarget');
      if (denominatorTarget !== null && denominatorTarget < 0) next.denominatorTarget = t('measureForms.negative');
      if (kind === 'count' && target !== null && denominatorTarget !== null && target > denominatorTarget) next.target = t('measureForms.targetOverDenominator');
      patch.shareTargetKind = kind;
      patch.denominatorTarget = denominatorTarget;
    }
    if (effect) {
      const value = num(v.comparisonValue, 'comparisonValue');
      const yearText = v.comparisonYear.trim();
      const year = yearText === '' ? null : /^\d{4}$/.test(yearText) && Number(yearText) >= 1900 && Number(yearText) <= 2200 ? Number(yearText) : NaN;
      if (Number.isNaN(year)) next.comparisonYear = t('measureForms.year');
      if (value !== null && !v.comparisonSource.trim()) next.comparisonSource = t('measureForms.sourceRequired');
      if (value === null && !next.comparisonValue && (v.comparisonSource.trim() || v.comparisonLabel.trim() || yearText)) next.comparisonValue = t('measureForms.valueRequired');
      patch.comparisonValue = value;
      patch.comparisonLabel = v.comparisonLabel.trim();
      patch.comparisonSource = v.comparisonSource.trim();
      patch.comparisonYear = Number.isNaN(year) ? null : year;
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    // Based on the goal as opened: a save over someone else's newer one is refused (STALE_WRITE), the form kept.
    const r = await safeCall(() => api.goalUpdate({ goalId: goal.id, patch, expectedVersion: goal.version }));
    setBusy(false);
    if (!r.ok) setErrors({ form: errorText(r.error) });
    else onSaved();
  };

  return (
    <Modal opened onClose={onClose} title={t('measureForms.title', { code: goal.code })} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {goal.description || goal.code}
          </Text>
          <div>
            <Text size="sm" fw={500} id={`measure-kind-${goal.id}`} mb={4}>
              {t('measureForms.measure')}
            </Text>
            <SegmentedControl
              aria-labelledby={`measure-kind-${goal.id}`}
              value={measure}
              onChange={(x) => setMeasure(x as 'count' | 'share')}
              data={[
                { value: 'count', label: t('measureForms.count') },
                { value: 'share', label: t('measureForms.share') },
              ]}
            />
          </div>
          {measure === 'share' && (
            <div>
              <Text size="sm" fw={500} id={`measure-target-kind-${goal.id}`} mb={4}>
                {t('measureForms.targetKind')}
              </Text>
              <SegmentedControl
                aria-labelledby={`measure-target-kind-${goal.id}`}
                value={kind}
                onChange={(x) => setKind(x as 'percent' | 'count')}
                data={[
                  { value: 'percent', label: t('measureForms.targetPercent') },
                  { value: 'count', label: t('measureForms.targetCount') },
                ]}
              />
            </div>
          )}
          <SimpleGrid cols={2}>
            <TextInput
              label={measure === 'share' ? t(kind === 'percent' ? 'measureForms.targetAsPercent' : 'measureForms.targetAsCount') : t('goals.targetInPeriod')}
              value={v.target}
              onChange={set('target')}
              error={errors.target}
              inputMode="decimal"
              data-autofocus
            />
            {measure === 'share' && (
              <TextInput label={t('measureForms.denominatorTarget')} description={t('measureForms.denominatorTargetHelp')} value={v.denominatorTarget} onChange={set('denominatorTarget')} error={errors.denominatorTarget} inputMode="decimal" />
            )}
          </SimpleGrid>
          {effect && (
            <fieldset className="tl-fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" size="sm" fw={600} mb={4}>
                {t('measureForms.comparison')}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {t('measureForms.comparisonHelp')}
              </Text>
              <SimpleGrid cols={2}>
                <TextInput label={t('measureForms.comparisonValue')} value={v.comparisonValue} onChange={set('comparisonValue')} error={errors.comparisonValue} inputMode="decimal" />
                <TextInput label={t('measureForms.comparisonLabel')} placeholder={t('measureForms.comparisonLabelExample')} value={v.comparisonLabel} onChange={set('comparisonLabel')} />
                <TextInput label={t('measureForms.comparisonSource')} placeholder="Danmarks Statistik" value={v.comparisonSource} onChange={set('comparisonSource')} error={errors.comparisonSource} />
                <TextInput label={t('measureForms.comparisonYear')} value={v.comparisonYear} onChange={set('comparisonYear')} error={errors.comparisonYear} inputMode="numeric" />
              </SimpleGrid>
            </fieldset>
          )}
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
