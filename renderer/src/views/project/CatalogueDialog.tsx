import { Alert, Badge, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { IconFileImport, IconFolderOpen } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueLoadResult, IpcError } from '../../../../shared/contracts';
import { safeCall, useApi } from '../../api';
import { useErrorText } from '../../components/useSave';
import { isElectron, MAX_IMPORT_BYTES, readFileBytes, toBase64 } from '../import/files';

/**
 * Loads a catalogue of common indicators (the EU's common output and result indicators, or a
 * national list) from a CSV the user picks (issue 14): the file is staged like an import file,
 * read as a dry run first (what would be created, updated or left as it is), and loaded only
 * when the user confirms. Any problem names the file, line and column, and nothing is loaded.
 */
export function CatalogueModal({ onClose, onLoaded }: { onClose: () => void; onLoaded: (result: CatalogueLoadResult) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'reading' | 'loading' | null>(null);
  const [error, setError] = useState<{ text: string; lines: string[] } | null>(null);
  const [preview, setPreview] = useState<{ path: string; result: CatalogueLoadResult } | null>(null);
  const [done, setDone] = useState<CatalogueLoadResult | null>(null);

  const fail = (e: IpcError) => setError({ text: errorText(e), lines: (e.issues ?? []).map((i) => i.message) });

  const dryRun = async (path: string) => {
    setBusy('reading');
    const r = await safeCall(() => api.indicatorCatalogueLoad({ path, dryRun: true }));
    setBusy(null);
    if (!r.ok) return fail(r.error);
    setPreview({ path, result: r.value });
  };

  const pickFile = async (file: File) => {
    setError(null);
    setPreview(null);
    if (file.size > MAX_IMPORT_BYTES) return setError({ text: t('import.tooLarge', { file: file.name }), lines: [] });
    let dataBase64: string;
    try {
      dataBase64 = toBase64(await readFileBytes(file));
    } catch {
      return setError({ text: t('import.readFailed', { file: file.name }), lines: [] });
    }
    const staged = await safeCall(() => api.stageImportFiles({ files: [{ name: file.name, dataBase64 }] }));
    if (!staged.ok) return fail(staged.error);
    await dryRun(staged.value.paths[0]);
  };

  const pickNative = async () => {
    setError(null);
    const r = await safeCall(() => api.chooseImportFiles({}));
    if (!r.ok) return fail(r.error);
    if (r.value.paths[0]) await dryRun(r.value.paths[0]);
  };

  const load = async () => {
    if (!preview) return;
    setBusy('loading');
    const r = await safeCall(() => api.indicatorCatalogueLoad({ path: preview.path }));
    setBusy(null);
    if (!r.ok) return fail(r.error);
    setPreview(null);
    setDone(r.value);
    onLoaded(r.value);
  };

  const counts = (r: CatalogueLoadResult) => t('catalogue.counts', { created: r.created, updated: r.updated, unchanged: r.unchanged });

  return (
    <Modal opened onClose={onClose} title={t('catalogue.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('catalogue.help')}
        </Text>
        {!done && (
          <Group gap="sm">
            <Button leftSection={<IconFolderOpen size={16} />} variant={preview ? 'default' : 'filled'} loading={busy === 'reading'} onClick={() => input.current?.click()}>
              {preview ? t('catalogue.pickOther') : t('catalogue.pick')}
            </Button>
            {isElectron() && (
              <Button variant="default" onClick={() => void pickNative()}>
                {t('import.pickNative')}
              </Button>
            )}
            <input
              ref={input}
              type="file"
              hidden
              aria-label={t('catalogue.pick')}
              data-testid="catalogue-file-input"
              accept=".csv,.txt"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void pickFile(file);
              }}
            />
          </Group>
        )}
        {error && (
          <Alert color="red" title={t('catalogue.failed')} role="alert" data-testid="catalogue-error">
            {error.lines.length ? (
              <List size="sm" spacing={2}>
                {error.lines.map((line, i) => (
                  <List.Item key={i}>{line}</List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm">{error.text}</Text>
            )}
          </Alert>
        )}
        {preview && (
          <Stack gap="xs" data-testid="catalogue-preview">
            <Text size="sm" fw={600}>
              {t('catalogue.previewOf', { file: preview.result.file })} {counts(preview.result)}
            </Text>
            <Table.ScrollContainer minWidth={600} mah={320}>
              <Table fz="sm" verticalSpacing={2} aria-label={t('catalogue.previewOf', { file: preview.result.file })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('catalogue.line')}</Table.Th>
                    <Table.Th w={110}>{t('indicators.code')}</Table.Th>
                    <Table.Th>{t('indicators.name')}</Table.Th>
                    <Table.Th w={120}>{t('indicators.unit')}</Table.Th>
                    <Table.Th w={110}>{t('catalogue.level')}</Table.Th>
                    <Table.Th w={110}>{t('catalogue.change')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.result.indicators.map((i) => (
                    <Table.Tr key={`${i.line}-${i.code}`}>
                      <Table.Td>{i.line}</Table.Td>
                      <Table.Td>{i.code}</Table.Td>
                      <Table.Td>{i.name}</Table.Td>
                      <Table.Td>{i.unit}</Table.Td>
                      <Table.Td>{t(`level.${i.level}`)}</Table.Td>
                      <Table.Td>
                        <Badge size="sm" variant="light" color={i.change === 'created' ? 'green' : i.change === 'updated' ? 'orange' : 'gray'}>
                          {t(`catalogue.${i.change}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        {done && (
          <Alert color="green" title={t('catalogue.loaded', { file: done.file })} data-testid="catalogue-done">
            <Text size="sm">{counts(done)}</Text>
            <Text size="sm">{t('catalogue.loadedHelp')}</Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </Button>
          {preview && (
            <Button leftSection={<IconFileImport size={16} />} loading={busy === 'loading'} onClick={() => void load()}>
              {t('catalogue.load', { count: preview.result.indicators.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

/** The button that opens the catalogue dialog; the focus returns to it when the dialog closes. */
export function CatalogueButton({ onLoaded }: { onLoaded: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={button} size="xs" variant="light" leftSection={<IconFileImport size={14} />} onClick={() => setOpen(true)}>
        {t('catalogue.open')}
      </Button>
      {open && (
        <CatalogueModal
          onClose={() => {
            setOpen(false);
            setTimeout(() => button.current?.focus(), 0);
          }}
          onLoaded={() => void onLoaded()}
        />
      )}
    </>
  );
}
