import { ActionIcon, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ProjectFactsPatchSchema } from '../../../../shared/contracts/schemas';
import { EFFECT_CHAIN_COLUMNS, type EffectChainItem, type ProjectFacts } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { EditableDate, EditableNumber, EditableText } from '../../components/Editable';
import { LockTip, useLock } from '../../components/lock';
import { useNotifyError } from '../../components/useSave';
import { RightsLock } from '../../rights';
import { useRowSave, useVersionedSave } from '../../components/useVersionedSave';
import type { IpcResult } from '../../../../shared/contracts';
import { BusinessCasePanel } from './BusinessCasePanel';
import { EvaluationTextField } from './EvaluationText';
import { SourcesPanel } from './SourcesPanel';
import { useProjectData } from './ProjectData';
import { RoundLock } from './SignOff';

type TextFact = Exclude<keyof ProjectFacts, 'totalBudgetKr' | 'periodStart' | 'periodEnd'>;

/** A grant-period date; the period must end after it starts (checked before anything is sent). */
function PeriodField({ field, saveFact }: { field: 'periodStart' | 'periodEnd'; saveFact: (patch: Partial<ProjectFacts>) => Promise<IpcResult<unknown>> }) {
  const { t } = useTranslation();
  const { project } = useProjectData();
  const facts = project.project;
  return (
    <EditableDate
      label={t(`facts.${field}`)}
      value={facts[field]}
      validate={(iso) => {
        const start = field === 'periodStart' ? iso : facts.periodStart;
        const end = field === 'periodEnd' ? iso : facts.periodEnd;
        return ProjectFactsPatchSchema.safeParse({ periodStart: start, periodEnd: end }).success ? null : t('validation.periodEnd');
      }}
      onSave={(iso) => saveFact({ [field]: iso })}
    />
  );
}

function EffectChain() {
  const { t } = useTranslation();
  const api = useApi();
  const notifyError = useNotifyError();
  const { project, reload } = useProjectData();
  const projectId = project.project.id;
  const lock = useLock();
  const rowSave = useRowSave<EffectChainItem>();

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('facts.effectChain')}
      </Title>
      <SimpleGrid cols={3} spacing="md">
        {EFFECT_CHAIN_COLUMNS.map((column, ci) => {
          const items = project.effectChain.filter((i) => i.column === column).sort((a, b) => a.position - b.position || a.id - b.id);
          return (
            <div key={column} data-testid={`chain-${column}`}>
              <Group gap={6} mb="xs" wrap="nowrap">
                <Title order={4} size="h5">
                  {t(`facts.column.${column}`)}
                </Title>
                {ci < 2 && <IconArrowRight size={16} aria-hidden />}
              </Group>
              <Stack gap="xs">
                {items.map((item, i) => (
                  <Group key={item.id} gap={4} align="flex-start" wrap="nowrap">
                    <div style={{ flex: 1 }}>
                      <EditableText
                        label={null}
                        ariaLabel={`${t(`facts.column.${column}`)}: ${t('facts.item', { n: i + 1 })}`}
                        value={item.text}
                        multiline
                        minRows={2}
                        maxRows={8}
                        onSave={async (text) => {
                          const r = await rowSave(item, { text }, (next, expectedVersion) => api.effectChainSave({ projectId, id: item.id, column, text: next.text, expectedVersion }));
                          if (r.ok) await reload();
                          return r;
                        }}
                        onReload={reload}
                      />
                    </div>
                    <LockTip reason={lock}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={6}
                      disabled={lock !== null}
                      aria-label={`${t('facts.deleteItem')} ${i + 1} (${t(`facts.column.${column}`)})`}
                      onClick={async () => {
                        const r = await safeCall(() => api.effectChainDelete({ id: item.id }));
                        if (!r.ok) notifyError(r.error);
                        else await reload();
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                    </LockTip>
                  </Group>
                ))}
                <LockTip reason={lock}>
                <Button
                  size="xs"
                  variant="light"
                  disabled={lock !== null}
                  leftSection={<IconPlus size={14} />}
                  onClick={async () => {
                    const r = await safeCall(() => api.effectChainSave({ projectId, column, text: '' }));
                    if (!r.ok) notifyError(r.error);
                    else await reload();
                  }}
                >
                  {t('facts.addItem')}
                </Button>
                </LockTip>
              </Stack>
            </div>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

export function FactsTab() {
  const { t } = useTranslation();
  const api = useApi();
  const { project, evaluation, reload } = useProjectData();
  const facts = project.project;
  // The facts as read (their version): a save over someone else's newer facts is refused (STALE_WRITE).
  const versioned = useVersionedSave();
  const saveFact = async (patch: Partial<ProjectFacts>) => {
    const r = await versioned(`project-${facts.id}`, facts.version, (expectedVersion) => api.projectUpdate({ projectId: facts.id, patch, expectedVersion }));
    if (r.ok) await reload();
    return r;
  };
  const text = (field: TextFact, multiline = false, validate?: (v: string) => string | null) => (
    <EditableText
      label={t(`facts.${field}`)}
      value={facts[field]}
      multiline={multiline}
      minRows={multiline ? 3 : undefined}
      maxRows={10}
      validate={validate}
      onSave={(v) => saveFact({ [field]: field === 'name' ? v.trim() : v })}
      onReload={reload}
    />
  );
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Title order={3} size="h4" mb="sm">
          {t('facts.title')}
        </Title>
        <SimpleGrid cols={3} spacing="sm">
          {text('name', false, (v) => (v.trim() ? null : t('validation.nameRequired')))}
          {text('grantRecipient')}
          {text('projectHolder')}
          {text('caseOfficer')}
          {text('fundingSource')}
          {text('priorityAxis')}
          {/* The total budget and the grant period are figures of the round (budget and time
              consumption); main refuses them while the round on screen is final, so they are
              read-only here with the reason. The other facts are wording and stay editable. */}
          <RoundLock>
            <EditableNumber
              label={t('facts.totalBudgetKr')}
              value={facts.totalBudgetKr}
              money
              validate={(v) => (v !== null && v < 0 ? t('validation.nonNegative') : null)}
              onSave={(totalBudgetKr) => saveFact({ totalBudgetKr })}
            />
            <PeriodField field="periodStart" saveFact={saveFact} />
            <PeriodField field="periodEnd" saveFact={saveFact} />
          </RoundLock>
          {text('journalNumber')}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm" mt="sm">
          {text('partners', true)}
          {text('description', true)}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="xs">
          {t('budget.unit')}
        </Text>
      </Paper>
      {evaluation && (
        // The round's text on the facts is the evaluator's, in a tab of the case officer's.
        <RightsLock table="evaluation_texts" projectId={project.project.id}>
          <Paper withBorder p="md">
            <EvaluationTextField textKey="facts" minRows={6} />
          </Paper>
        </RightsLock>
      )}
      <EffectChain />
      <BusinessCasePanel projectId={project.project.id} />
      <SourcesPanel projectId={project.project.id} />
    </Stack>
  );
}
