import { Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntity, AuditEntry, Indicator } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { useErrorText } from '../../components/useSave';
import { useFormatter } from '../../format';
import { auditFieldLabel, auditGoalCode, auditIndicatorText, auditValueText } from './historyText';
import { useProjectData } from './ProjectData';

const ENTITIES: AuditEntity[] = ['project', 'goal', 'status', 'score', 'light', 'evaluation', 'budgetLine', 'spendingYear', 'financing', 'survey', 'learning', 'effectChain'];

export function HistoryTab() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const { project } = useProjectData();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  // A key names a text (not a group of texts) in this language.
  const goalCode = (entry: AuditEntry) => auditGoalCode(entry, project.goals, project.statusReports);
  const exists = (key: string) => typeof i18n.getResource(lang, 'translation', key) === 'string';
  const projectId = project.project.id;
  const [entity, setEntity] = useState<AuditEntity | null>(null);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 250);
  const [rows, setRows] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Indicators are named in words where a goal's link to one changed.
  const [indicators, setIndicators] = useState<Indicator[]>([]);
  useEffect(() => {
    let live = true;
    void safeCall(() => api.indicatorList({})).then((r) => {
      if (live && r.ok) setIndicators(r.value);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const valueText = (r: AuditEntry, value: string | null) =>
    (r.entity === 'goal' && r.field === 'indicatorId' ? auditIndicatorText(t, value, indicators) : null) ?? auditValueText(t, exists, fmt, r.entity, value, r.field);

  useEffect(() => {
    let cancelled = false;
    void safeCall(() => api.auditList({ projectId, entity: entity ?? undefined, text: debounced.trim() || undefined, limit: 500 })).then((r) => {
      if (cancelled) return;
      if (r.ok) {
        setRows(r.value);
        setError(null);
      } else setError(errorText(r.error));
    });
    return () => {
      cancelled = true;
    };
  }, [api, projectId, entity, debounced, errorText]);

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label={t('history.entity')}
          data={ENTITIES.map((e) => ({ value: e, label: t(`history.entities.${e}`) }))}
          value={entity}
          clearable
          placeholder={t('common.all')}
          onChange={(v) => setEntity(v as AuditEntity | null)}
          w={200}
        />
        <TextInput label={t('history.search')} leftSection={<IconSearch size={14} />} value={text} onChange={(e) => setText(e.currentTarget.value)} w={280} />
        {rows && (
          <Text size="sm" c="dimmed">
            {t('history.showing', { count: rows.length })}
          </Text>
        )}
      </Group>
      {error && (
        <Text c="red" role="alert">
          {error}
        </Text>
      )}
      {!rows ? (
        <Loader />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" striped verticalSpacing={4} aria-label={t('history.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('history.at')}</Table.Th>
                <Table.Th w={110}>{t('history.user')}</Table.Th>
                <Table.Th w={120}>{t('history.entity')}</Table.Th>
                <Table.Th w={220}>{t('history.field')}</Table.Th>
                {/* A short value ("Afsluttet") must not break mid-word beside a long one. */}
                <Table.Th miw={110}>{t('history.old')}</Table.Th>
                <Table.Th miw={110}>{t('history.new')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed" ta="center">
                      {t('history.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((r) => {
                const before = valueText(r, r.oldValue);
                const after = valueText(r, r.newValue);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.dateTime(r.at)}</Table.Td>
                    <Table.Td>{r.user}</Table.Td>
                    <Table.Td>
                      {t(`history.entities.${r.entity}`)}
                      {goalCode(r) ? ` ${goalCode(r)}` : ''}
                    </Table.Td>
                    <Table.Td title={r.field}>{auditFieldLabel(t, exists, lang, r.entity, r.field)}</Table.Td>
                    <Table.Td title={before.full || undefined} style={{ wordBreak: 'break-word' }}>
                      {before.short}
                    </Table.Td>
                    <Table.Td title={after.full || undefined} style={{ wordBreak: 'break-word' }}>
                      {after.short}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
