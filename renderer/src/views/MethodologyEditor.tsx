import { Alert, Button, Group, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MethodologyProfileSchema } from '../../../shared/contracts/schemas';
import type { EvaluationType } from '../../../shared/domain';
import { GOAL_BAND_MEANINGS, type MethodologyProfile } from '../../../shared/methodology';
import { safeCall, useApi } from '../api';
import { LightLabel } from '../components/Light';
import { useErrorText } from '../components/useSave';
import { useFormatter } from '../format';

const TYPES: EvaluationType[] = ['final', 'midterm'];

/** The editable thresholds as the user types them, keyed by their path in the profile. */
type Draft = Record<string, string>;

const SCALARS = [
  'implementationBands.greenMin',
  'implementationBands.yellowMin',
  'effectYellowMin',
  'burnRatio.under',
  'burnRatio.over',
  'consistencyTolerancePoints',
] as const;

function get(profile: MethodologyProfile, path: string): number {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], profile) as number;
}

function draftOf(profile: MethodologyProfile, show: (v: number) => string): Draft {
  const d: Draft = {};
  for (const path of SCALARS) d[path] = show(get(profile, path));
  for (const type of TYPES) profile.goalBands[type].forEach((b, i) => (d[`goalBands.${type}.${i}.min`] = show(b.min)));
  return d;
}

/**
 * Editing "Sådan scorer vi": the thresholds, the bands and the 100 % cap, saved together as one
 * new profile version (not field by field: every save is a version). The profile's zod schema
 * decides what is valid, so the editor refuses exactly what main would refuse.
 */
export function MethodologyEditor({ profile, onSaved, onCancel }: { profile: MethodologyProfile; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const show = (v: number) => fmt.number(v, Number.isInteger(v) ? 0 : 1);
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile, show));
  const [capAt100, setCapAt100] = useState(profile.capAt100);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  const place = (path: (string | number | symbol)[]): string => {
    const [section, type, index] = path.map(String);
    if (section === 'goalBands' && index !== undefined)
      return t('methodologyEdit.bandPlace', { type: t(`methodology.${type}`), n: Number(index) + 1 });
    if (section === 'goalBands') return t(`methodology.${type}`);
    if (path.length === 1 && section === 'implementationBands') return t('methodology.implementation');
    if (path.length === 1 && section === 'burnRatio') return t('methodology.progress');
    return t(`methodologyEdit.field.${path.map(String).join('.')}`, { defaultValue: path.map(String).join('.') });
  };

  const save = async () => {
    const errors: Record<string, string> = {};
    const values: Record<string, number> = {};
    for (const [path, text] of Object.entries(draft)) {
      try {
        const v = fmt.parseNumber(text);
        if (v === null) errors[path] = t('validation.required');
        else values[path] = v;
      } catch {
        errors[path] = t('validation.number', { example: `${fmt.number(95)} / ${fmt.number(3.5, 1)}` });
      }
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setProblems([]);
      return;
    }
    const next: MethodologyProfile = structuredClone(profile);
    next.capAt100 = capAt100;
    next.implementationBands = { greenMin: values['implementationBands.greenMin'], yellowMin: values['implementationBands.yellowMin'] };
    next.effectYellowMin = values.effectYellowMin;
    next.burnRatio = { under: values['burnRatio.under'], over: values['burnRatio.over'] };
    next.consistencyTolerancePoints = values.consistencyTolerancePoints;
    for (const type of TYPES) next.goalBands[type] = next.goalBands[type].map((b, i) => ({ ...b, min: values[`goalBands.${type}.${i}.min`] }));
    const checked = MethodologyProfileSchema.safeParse(next);
    if (!checked.success) {
      setProblems(checked.error.issues.map((issue) => `${place(issue.path)}: ${issue.message}`));
      return;
    }
    setProblems([]);
    setSaving(true);
    const result = await safeCall(() => api.profileSet({ profile: checked.data as MethodologyProfile }));
    setSaving(false);
    if (!result.ok) {
      setProblems([errorText(result.error)]);
      return;
    }
    notifications.show({ color: 'green', message: t('methodologyEdit.saved') });
    onSaved();
  };

  const field = (path: string, suffix?: string) => (
    <TextInput
      key={path}
      label={t(`methodologyEdit.field.${path}`)}
      value={draft[path]}
      inputMode="decimal"
      size="sm"
      error={fieldErrors[path]}
      rightSection={suffix ? <span style={{ fontSize: 12 }}>{suffix}</span> : undefined}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDraft((d) => ({ ...d, [path]: value }));
      }}
    />
  );

  return (
    <Paper withBorder p="md" data-testid="methodology-editor">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4">
            {t('methodologyEdit.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('methodologyEdit.help')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {TYPES.map((type) => (
            <div key={type}>
              <Title order={4} size="h5" mb={4}>
                {t(`methodology.${type}`)}
              </Title>
              <Table fz="sm" verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={90}>{t('methodology.light')}</Table.Th>
                    <Table.Th>{t('methodology.meaning')}</Table.Th>
                    <Table.Th w={110}>{t('methodologyEdit.from')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {profile.goalBands[type].map((band, i) => {
                    const path = `goalBands.${type}.${i}.min`;
                    const label = t('methodologyEdit.bandFrom', { type: t(`methodology.${type}`), n: i + 1 });
                    return (
                      <Table.Tr key={path}>
                        <Table.Td>
                          <LightLabel light={band.light} size="sm" />
                        </Table.Td>
                        <Table.Td>{GOAL_BAND_MEANINGS[band.meaning][lang]}</Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={label}
                            value={draft[path]}
                            inputMode="decimal"
                            size="xs"
                            error={fieldErrors[path]}
                            rightSection={<span style={{ fontSize: 12 }}>%</span>}
                            onChange={(e) => {
                              const value = e.currentTarget.value;
                              setDraft((d) => ({ ...d, [path]: value }));
                            }}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </div>
          ))}
        </SimpleGrid>
        <Switch label={t('methodologyEdit.capAt100')} description={t('methodologyEdit.capAt100Help')} checked={capAt100} onChange={(e) => setCapAt100(e.currentTarget.checked)} />
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
          {field('implementationBands.greenMin')}
          {field('implementationBands.yellowMin')}
          {field('effectYellowMin', '%')}
          {field('burnRatio.under')}
          {field('burnRatio.over')}
          {field('consistencyTolerancePoints')}
        </SimpleGrid>
        {problems.length > 0 && (
          <Alert color="red" title={t('methodologyEdit.refused')} data-testid="methodology-problems">
            <Stack gap={2}>
              {problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {t('methodologyEdit.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
