import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LearningKind, LearningPoint } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { EditableText } from '../../components/Editable';
import { useLock } from '../../components/lock';
import { useNotifyError } from '../../components/useSave';
import { EvaluationTextField } from './EvaluationText';
import { useEvaluation, useProjectData } from './ProjectData';
import { useRowSave } from '../../components/useVersionedSave';

function LearningList({ kind }: { kind: LearningKind }) {
  const { t } = useTranslation();
  const api = useApi();
  const notifyError = useNotifyError();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  const evaluationId = detail.evaluation.id;
  const locked = useLock() !== null;
  const items = detail.learning.filter((l) => l.kind === kind).sort((a, b) => a.position - b.position || a.id - b.id);
  const rowSave = useRowSave<LearningPoint>();
  const saveItem = async (item: LearningPoint, patch: { title?: string; text?: string }) => {
    const r = await rowSave(item, patch, (next, expectedVersion) => api.learningSave({ evaluationId, id: item.id, kind, title: next.title, text: next.text, expectedVersion }));
    if (r.ok) await reload();
    return r;
  };
  return (
    <Stack gap="sm" data-testid={`learning-${kind}`}>
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('learning.none')}
        </Text>
      )}
      {items.map((item, i) => (
        <Paper key={item.id} withBorder p="sm">
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <Text fw={700} mt={28} w={24}>
              {i + 1}.
            </Text>
            <Stack gap="xs" style={{ flex: 1 }}>
              <EditableText label={t('learning.itemTitle')} value={item.title} onSave={(title) => saveItem(item, { title })} onReload={reload} />
              <EditableText label={t('learning.itemText')} value={item.text} multiline minRows={2} maxRows={10} onSave={(text) => saveItem(item, { text })} onReload={reload} />
            </Stack>
            <ActionIcon
              disabled={locked}
              variant="subtle"
              color="red"
              mt={28}
              aria-label={`${t('learning.delete')} ${i + 1}`}
              onClick={async () => {
                const r = await safeCall(() => api.learningDelete({ id: item.id }));
                if (!r.ok) notifyError(r.error);
                else await reload();
              }}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          disabled={locked}
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={async () => {
            const r = await safeCall(() => api.learningSave({ evaluationId, kind, title: t('learning.newTitle'), text: '' }));
            if (!r.ok) notifyError(r.error);
            else await reload();
          }}
        >
          {kind === 'learning' ? t('learning.add') : t('learning.addRecommendation')}
        </Button>
      </Group>
    </Stack>
  );
}

export function LearningTab() {
  const { t } = useTranslation();
  const detail = useEvaluation();
  const midterm = detail.evaluation.type === 'midterm';
  return (
    <Stack gap="lg">
      <EvaluationTextField textKey="learning" minRows={3} />
      <div>
        <Title order={3} size="h4" mb="sm">
          {t('learning.title')}
        </Title>
        <LearningList kind="learning" />
      </div>
      <div>
        <Title order={3} size="h4" mb="sm">
          {t('learning.recommendations')}
        </Title>
        {midterm ? (
          <LearningList kind="recommendation" />
        ) : (
          <Alert color="gray" data-testid="recommendations-midterm-only">
            {t('learning.recommendationsOnlyMidterm')}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
