import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Light, SurveyIndicator } from '../../../../shared/domain';
import { EFFECT_LIGHT_MEANINGS } from '../../../../shared/methodology';
import { safeCall, useApi } from '../../api';
import { EditableNumber, EditableText } from '../../components/Editable';
import { LightLabel } from '../../components/Light';
import { LockMark, useLock } from '../../components/lock';
import { useNotifyError, useSave } from '../../components/useSave';
import { EvaluationTextField } from './EvaluationText';
import { LevelGoals } from './GoalsTab';
import { LightDecisionEditor } from './LightDecision';
import { useEvaluation, useProjectData } from './ProjectData';
import { RightsLock } from '../../rights';
import { useRowSave } from '../../components/useVersionedSave';

type IndicatorFields = Pick<SurveyIndicator, 'group' | 'statement' | 'positive' | 'n' | 'scale' | 'position'>;

function SurveyIndicators() {
  const { t } = useTranslation();
  const api = useApi();
  const notifyError = useNotifyError();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  const evaluationId = detail.evaluation.id;
  const scaleSave = useSave();
  const lockReason = useLock();
  const locked = lockReason !== null;
  const items = [...detail.survey].sort((a, b) => a.position - b.position || a.id - b.id);
  const fields = (s: SurveyIndicator): IndicatorFields => ({ group: s.group, statement: s.statement, positive: s.positive, n: s.n, scale: s.scale, position: s.position });
  const rowSave = useRowSave<SurveyIndicator>();
  const saveItem = async (s: SurveyIndicator, patch: Partial<IndicatorFields>) => {
    const r = await rowSave(s, patch, (next, expectedVersion) => api.surveySave({ evaluationId, id: s.id, item: fields(next), expectedVersion }));
    if (r.ok) await reload();
    return r;
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('effect.survey')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('effect.noIndicators')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" aria-label={t('effect.survey')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('effect.group')}</Table.Th>
              <Table.Th>{t('effect.statement')}</Table.Th>
              <Table.Th w={100}>{t('effect.positive')}</Table.Th>
              <Table.Th w={100}>{t('effect.n')}</Table.Th>
              <Table.Th w={150}>{t('effect.scale')}</Table.Th>
              <Table.Th w={110}>{t('effect.result')}</Table.Th>
              <Table.Th w={50}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s, i) => (
              <Table.Tr key={s.id} style={{ verticalAlign: 'top' }} data-testid={`survey-${i}`}>
                <Table.Td>
                  <EditableText label={null} ariaLabel={t('effect.group')} size="xs" value={s.group} onSave={(group) => saveItem(s, { group })} onReload={reload} />
                </Table.Td>
                <Table.Td>
                  <EditableText label={null} ariaLabel={t('effect.statement')} size="xs" multiline minRows={1} maxRows={4} value={s.statement} onSave={(statement) => saveItem(s, { statement })} onReload={reload} />
                </Table.Td>
                <Table.Td>
                  <EditableNumber
                    label={null}
                    ariaLabel={t('effect.positive')}
                    size="xs"
                    value={s.positive}
                    nullable={false}
                    validate={(v) => (v === null || !Number.isInteger(v) || v < 0 ? t('validation.nonNegativeInt') : v > s.n ? t('validation.positiveLeN') : null)}
                    onSave={(positive) => saveItem(s, { positive: positive ?? 0 })}
                  />
                </Table.Td>
                <Table.Td>
                  <EditableNumber
                    label={null}
                    ariaLabel={t('effect.n')}
                    size="xs"
                    value={s.n}
                    nullable={false}
                    validate={(v) => (v === null || !Number.isInteger(v) || v < 1 ? t('validation.positiveInt') : v < s.positive ? t('validation.positiveLeN') : null)}
                    onSave={(n) => saveItem(s, { n: n ?? 1 })}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('effect.scale')}
                    readOnly={locked}
                    rightSection={lockReason !== null ? <LockMark reason={lockReason} /> : undefined}
                    allowDeselect={false}
                    data={[
                      { value: '5', label: t('effect.scale5') },
                      { value: '3', label: t('effect.scale3') },
                    ]}
                    value={String(s.scale)}
                    onChange={(v) => void scaleSave.run(() => saveItem(s, { scale: v === '3' ? 3 : 5 }))}
                  />
                </Table.Td>
                <Table.Td>
                  <Text fw={700} size="sm">
                    {t('effect.outOf', { positive: s.positive, n: s.n })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    disabled={locked}
                    variant="subtle"
                    color="red"
                    aria-label={`${t('effect.deleteIndicator')} ${i + 1}`}
                    onClick={async () => {
                      const r = await safeCall(() => api.surveyDelete({ id: s.id }));
                      if (!r.ok) notifyError(r.error);
                      else await reload();
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {scaleSave.errorMessage && (
        <Text c="red" size="sm" role="alert">
          {scaleSave.errorMessage}
        </Text>
      )}
      <Button
        disabled={locked}
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} />}
        onClick={async () => {
          const r = await safeCall(() =>
            api.surveySave({ evaluationId, item: { group: '', statement: '', positive: 0, n: 1, scale: 5, position: items.length } }),
          );
          if (!r.ok) notifyError(r.error);
          else await reload();
        }}
      >
        {t('effect.addIndicator')}
      </Button>
    </Paper>
  );
}

function EffectMeanings() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  return (
    <Paper withBorder p="md">
      <Title order={4} size="h5" mb="xs">
        {t('effect.meanings')}
      </Title>
      <Stack gap={6}>
        {(['green', 'yellow', 'red'] as Light[]).map((l) => (
          <Group key={l} gap="sm" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 70 }}>
              <LightLabel light={l} size="sm" />
            </div>
            <Text size="sm">{EFFECT_LIGHT_MEANINGS[l][lang]}</Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function EffectTab() {
  const { t } = useTranslation();
  const { project } = useProjectData();
  return (
    <Stack gap="md">
      <SurveyIndicators />
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('effect.goals')}
        </Title>
        {/* The effect goals' figures are the case officer's, in the evaluator's tab. */}
        <RightsLock table="status_reports" projectId={project.project.id}>
          <LevelGoals level="C" />
        </RightsLock>
      </Paper>
      <Paper withBorder p="md">
        <EvaluationTextField textKey="effect" minRows={6} />
      </Paper>
      <EffectMeanings />
      <LightDecisionEditor kind="effect" />
    </Stack>
  );
}
