import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSource } from '../../../../shared/sources/types';
import { safeCall, useApi } from '../../api';
import { useOpenSource } from '../../components/SourceNote';
import { useFormatter } from '../../format';

/** The files the project was imported from: name, kind, date, size, hash; each opens. */
export function SourcesPanel({ projectId }: { projectId: number }) {
  const api = useApi();
  const { t } = useTranslation();
  const fmt = useFormatter();
  const open = useOpenSource(projectId);
  const [sources, setSources] = useState<ProjectSource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void safeCall(() => api.sourceList({ projectId })).then((r) => {
      if (!live) return;
      if (r.ok) setSources(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, projectId]);

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('sources.title')}
      </Title>
      {error ? (
        <Text c="red" size="sm">
          {error}
        </Text>
      ) : sources === null ? null : sources.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sources.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sources.file')}</Table.Th>
                <Table.Th>{t('sources.kind')}</Table.Th>
                <Table.Th>{t('sources.imported')}</Table.Th>
                <Table.Th ta="right">{t('sources.size')}</Table.Th>
                <Table.Th>{t('sources.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" title={t('sources.openTitle', { file: s.fileName })} onClick={() => void open({ sourceId: s.id })}>
                      {s.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{`${s.format.toUpperCase()} · ${t(`sources.kinds.${s.kind}`)}`}</Table.Td>
                  <Table.Td>{s.importedBy ? `${fmt.dateTime(s.importedAt)} · ${s.importedBy}` : fmt.dateTime(s.importedAt)}</Table.Td>
                  <Table.Td ta="right">{sizeText(s.size, fmt.number)}</Table.Td>
                  <Table.Td>
                    <Text span size="xs" ff="monospace" title={s.sha256}>
                      {s.sha256.slice(0, 12)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** "1,2 MB" / "35 kB": a file size as a person reads it. */
export function sizeText(bytes: number, number: (v: number, d?: number) => string): string {
  if (bytes >= 1024 * 1024) return `${number(bytes / 1024 / 1024, 1)} MB`;
  return `${number(Math.max(1, Math.round(bytes / 1024)), 0)} kB`;
}
