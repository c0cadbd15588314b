import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { PortfolioInfo } from '../../../shared/contracts';
import { profileVersionLabel } from '../../../shared/methodology/profileVersion';
import { useTranslation } from 'react-i18next';
import { IMPLEMENTATION_PARAMETERS, type EvaluationType, type Light } from '../../../shared/domain';
import {
  DEFAULT_PROFILE,
  EFFECT_LIGHT_MEANINGS,
  GOAL_BAND_MEANINGS,
  goalBandRows,
  implementationBandRows,
  PARAMETER_NAMES,
  SCORE_MEANINGS,
  type MethodologyProfile,
  type ScoreValue,
} from '../../../shared/methodology';
import { safeCall, useApi } from '../api';
import { LightLabel } from '../components/Light';
import { useErrorText } from '../components/useSave';
import { useFormatter } from '../format';
import { MethodologyEditor } from './MethodologyEditor';

function GoalBands({ profile, type }: { profile: MethodologyProfile; type: EvaluationType }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const fmt = useFormatter();
  return (
    <div>
      <Title order={4} size="h5" mb={4}>
        {t(`methodology.${type}`)}
      </Title>
      <Table fz="sm" verticalSpacing={4} data-testid={`bands-${type}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('methodology.light')}</Table.Th>
            <Table.Th>{t('methodology.meaning')}</Table.Th>
            <Table.Th w={110} ta="right">
              {t('methodology.range')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goalBandRows(profile, type).map((row) => (
            <Table.Tr key={row.min}>
              <Table.Td>
                <LightLabel light={row.light} size="sm" />
              </Table.Td>
              <Table.Td>{GOAL_BAND_MEANINGS[row.meaning][lang]}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {row.max === null ? `${fmt.percent(row.min)} +` : `${fmt.number(row.min)}–${fmt.percent(row.max)}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** "Sådan scorer vi": the methodology profile in force, every light's legend. */
export function MethodologyView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const [info, setInfo] = useState<PortfolioInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    const r = await safeCall(() => api.portfolioInfo({}));
    if (r.ok) setInfo(r.value);
    else setError(errorText(r.error));
  }, [api, errorText]);
  useEffect(() => {
    // Loading is the effect's job; the state update happens after the awaited call.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  if (error) return <Alert color="red">{error}</Alert>;
  if (!info) return <Loader />;
  const profile = info.profile;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('methodology.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('methodology.profile', { name: profile.id === DEFAULT_PROFILE.id && profile.name === DEFAULT_PROFILE.name ? t('methodology.standardProfile') : profile.name })}
          </Text>
          <Text size="sm" data-testid="profile-version-in-force">
            {profileVersionLabel(info.profileVersion, lang)} ({t('methodologyEdit.inForce')})
          </Text>
        </div>
        {!editing && (
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('methodologyEdit.edit')}
          </Button>
        )}
      </Group>

      {editing && (
        <MethodologyEditor
          profile={profile}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      )}

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('methodology.implementation')}
        </Title>
        <SimpleGrid cols={2} spacing="lg">
          <div>
            <Title order={4} size="h5" mb={4}>
              {t('methodology.parameters')}
            </Title>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {IMPLEMENTATION_PARAMETERS.map((p) => (
                  <Table.Tr key={p}>
                    <Table.Td w={30}>{p}.</Table.Td>
                    <Table.Td>{PARAMETER_NAMES[p][lang]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <div>
            <Title order={4} size="h5" mb={4}>
              {t('methodology.scores')}
            </Title>
            <Table fz="sm" verticalSpacing={4}>
              <Table.Tbody>
                {([5, 4, 3, 2, 1] as ScoreValue[]).map((s) => (
                  <Table.Tr key={s}>
                    <Table.Td w={30} fw={700}>
                      {s}
                    </Table.Td>
                    <Table.Td>{SCORE_MEANINGS[s][lang]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </SimpleGrid>
        <Text size="sm" mt="sm">
          {t('methodology.implementationRule')}
        </Text>
        <Table fz="sm" verticalSpacing={4} mt="xs" maw={420} data-testid="implementation-bands">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('methodology.light')}</Table.Th>
              <Table.Th ta="right">{t('methodology.range')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {implementationBandRows(profile).map((row) => (
              <Table.Tr key={row.light}>
                <Table.Td>
                  <LightLabel light={row.light} size="sm" />
                </Table.Td>
                <Table.Td ta="right">
                  {fmt.number(row.min, 1)}–{fmt.number(row.max, 1)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('methodology.goals')}
        </Title>
        <Text size="sm" mb="xs">
          {t('methodology.attainment')}
        </Text>
        <Text size="sm" mb="sm">
          {t('methodology.goalsRule')}
        </Text>
        <SimpleGrid cols={2} spacing="lg">
          <GoalBands profile={profile} type="final" />
          <GoalBands profile={profile} type="midterm" />
        </SimpleGrid>
        <Text size="sm" mt="sm">
          {t('methodology.capping', { value: profile.capAt100 ? t('common.yes') : t('common.no') })}{' '}
          {t('methodology.consistency', { points: fmt.number(profile.consistencyTolerancePoints) })}
        </Text>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('methodology.effect')}
        </Title>
        <Table fz="sm" verticalSpacing={4} data-testid="effect-meanings">
          <Table.Tbody>
            {(['green', 'yellow', 'red'] as Light[]).map((l) => (
              <Table.Tr key={l}>
                <Table.Td w={90}>
                  <LightLabel light={l} size="sm" />
                </Table.Td>
                <Table.Td>{EFFECT_LIGHT_MEANINGS[l][lang]}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" mt="xs">
          {t('methodology.effectRule', { yellow: fmt.percent(profile.effectYellowMin) })}
        </Text>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('methodology.progress')}
        </Title>
        <Text size="sm">
          {t('methodology.burnRule', { under: fmt.number(profile.burnRatio.under, 1), over: fmt.number(profile.burnRatio.over, 1) })}
        </Text>
      </Paper>

      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('methodologyEdit.versions')}
        </Title>
        <Table fz="sm" verticalSpacing={4} maw={520} data-testid="profile-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('methodologyEdit.version')}</Table.Th>
              <Table.Th>{t('methodologyEdit.createdAt')}</Table.Th>
              <Table.Th>{t('methodologyEdit.createdBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {info.profileVersions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Td>{v.version}</Table.Td>
                <Table.Td>{fmt.dateTime(v.createdAt)}</Table.Td>
                <Table.Td>{v.createdBy || t('methodologyEdit.migrated')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
