import { ActionIcon, Alert, Badge, Button, Group, List, Modal, Paper, Stack, Stepper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconFileImport, IconFolderOpen, IconTrash, IconUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../../shared/contracts';
import type { ImportApplyResult, ImportItem, ImportPreview } from '../../../../shared/import/items';
import { leftOutOf, type LeftOutEntry } from '../../../../shared/import/leftOut';
import { isReaderMsg, issueText, placeText } from '../../../../shared/import/readerNotes';
import { shownDecimals } from '../../../../shared/numbers/danish';
import { useFormatter } from '../../format';
import { safeCall, useApi } from '../../api';
import { useReturnFocusOnUnmount } from '../../components/focus';
import { TaskProgressBar, useTaskProgress } from '../../components/progress';
import { useErrorParts } from '../../components/useSave';
import { isElectron, MAX_IMPORT_BYTES, newRequestId, readFileBytes, toBase64 } from './files';
import { ITEM_TYPE_ORDER, PreviewStep, useSayNote, type ApplyRequest, type ImportTarget } from './PreviewStep';

export interface ImportWizardProps {
  opened: boolean;
  onClose: () => void;
  /** Opened from a project: import into it by default. */
  project?: { id: number; name: string; evaluationId: number | null } | null;
  /** After a successful import (the caller reloads what it shows). */
  onImported: (result: ImportApplyResult) => void;
  /** Opens the project the import went to (offered on the result step). */
  onOpenProject?: (projectId: number) => void;
}

interface StagedFile {
  name: string;
  path: string;
}

/** An error answered by main, in the UI language with the server's text as detail. */
export function ErrorAlert({ error, title }: { error: IpcError; title?: string }) {
  const { t } = useTranslation();
  const parts = useErrorParts();
  const p = parts(error);
  return (
    <Alert color="red" title={title ?? t('errors.title')} role="alert" data-testid="import-error">
      <Text size="sm" className="tl-pre">
        {p.message}
      </Text>
      {p.detail && (
        <Text size="xs" c="dimmed" mt={4} className="tl-pre" lang="da">
          {t('errors.detail', { detail: p.detail })}
        </Text>
      )}
    </Alert>
  );
}

/**
 * The import wizard (issue 4): 1. drop or pick files and see what each one is; 2. the preview of
 * every item with its place and what it changes, corrected and (de)selected; 3. what was written.
 * Nothing is written before "Importér"; then everything or nothing.
 */
export function ImportWizard({ opened, onClose, project, onImported, onOpenProject }: ImportWizardProps) {
  // Both views show the wizard by mounting it; closing it gives the focus back to Importér.
  useReturnFocusOnUnmount();
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  const language = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const [step, setStep] = useState(0);
  const [files, setFiles] = useState<StagedFile[]>([]);
  const [localProblems, setLocalProblems] = useState<string[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState<'reading' | 'preview' | 'apply' | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [result, setResult] = useState<ImportApplyResult | null>(null);
  /** From the preview: items already in the project, items not chosen, and what was left out and why. */
  const [leftAlone, setLeftAlone] = useState<{ unchanged: number; skipped: number; leftOut: LeftOutEntry[]; items: ImportItem[] }>({ unchanged: 0, skipped: 0, leftOut: [], items: [] });
  const [target, setTarget] = useState<ImportTarget | null>(project ? { mode: 'this', projectId: project.id, newName: '' } : null);
  const [projects, setProjects] = useState<{ id: number; name: string }[]>([]);
  const [dragging, setDragging] = useState(false);
  const requestId = useRef<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const progress = useTaskProgress('import', busy === 'preview' || busy === 'apply');

  useEffect(() => {
    if (!opened) return;
    let live = true;
    void safeCall(() => api.projectNames({})).then((r) => {
      if (live && r.ok) setProjects(r.value.map((p) => ({ id: p.projectId, name: p.name })));
    });
    return () => {
      live = false;
    };
  }, [api, opened]);

  const runPreview = useCallback(
    async (paths: string[], nextTarget: ImportTarget | null) => {
      if (paths.length === 0) {
        setPreview(null);
        return;
      }
      const id = newRequestId();
      requestId.current = id;
      setBusy('preview');
      setCancelled(false);
      setError(null);
      const r = await safeCall(() =>
        api.importPreview({
          requestId: id,
          paths,
          ...(nextTarget && nextTarget.mode !== 'new' && nextTarget.projectId !== null ? { projectId: nextTarget.projectId } : {}),
          // A new project is compared with nothing, even where a project has the files' name.
          ...(nextTarget?.mode === 'new' ? { newProject: true } : {}),
          ...(nextTarget?.mode === 'this' && project?.evaluationId ? { evaluationId: project.evaluationId } : {}),
        }),
      );
      if (requestId.current !== id) return;
      requestId.current = null;
      setBusy(null);
      if (!r.ok) {
        if (r.error.code === 'CANCELLED') setCancelled(true);
        else setError(r.error);
        return;
      }
      const value = r.value;
      setPreview(value);
      // Opened from the portfolio: the files name the project (or a new one is proposed).
      const resolved: ImportTarget = nextTarget ?? (value.projectId !== null ? { mode: 'other', projectId: value.projectId, newName: '' } : { mode: 'new', projectId: null, newName: value.projectName });
      if (!nextTarget) setTarget(resolved);
    },
    [api, project],
  );

  const addFiles = async (list: File[]) => {
    if (list.length === 0) return;
    setBusy('reading');
    setError(null);
    const problems: string[] = [];
    const payload: { name: string; dataBase64: string }[] = [];
    for (const file of list) {
      if (file.size > MAX_IMPORT_BYTES) {
        problems.push(t('import.tooLarge', { file: file.name }));
        continue;
      }
      try {
        payload.push({ name: file.name, dataBase64: toBase64(await readFileBytes(file)) });
      } catch {
        problems.push(t('import.readFailed', { file: file.name }));
      }
    }
    setLocalProblems(problems);
    if (payload.length === 0) {
      setBusy(null);
      return;
    }
    const staged = await safeCall(() => api.stageImportFiles({ files: payload }));
    setBusy(null);
    if (!staged.ok) {
      setError(staged.error);
      return;
    }
    addPaths(staged.value.paths);
  };

  const addPaths = (paths: string[]) => {
    const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;
    const next = [...files.filter((f) => !paths.some((p) => baseName(p) === f.name)), ...paths.map((p) => ({ name: baseName(p), path: p }))];
    setFiles(next);
    void runPreview(
      next.map((f) => f.path),
      target,
    );
  };

  const removeFile = (name: string) => {
    const next = files.filter((f) => f.name !== name);
    setFiles(next);
    if (next.length === 0) setPreview(null);
    void runPreview(
      next.map((f) => f.path),
      target,
    );
  };

  const chooseNative = async () => {
    const r = await safeCall(() => api.chooseImportFiles({}));
    if (!r.ok) setError(r.error);
    else if (r.value.paths.length) addPaths(r.value.paths);
  };

  const cancelRun = async () => {
    const id = requestId.current;
    if (!id) return;
    await safeCall(() => api.importCancel({ requestId: id }));
  };

  const apply = async (request: ApplyRequest) => {
    const id = newRequestId();
    requestId.current = id;
    setBusy('apply');
    setCancelled(false);
    setError(null);
    const r = await safeCall(() => api.importApply({ requestId: id, ...request }));
    requestId.current = null;
    setBusy(null);
    if (!r.ok) {
      // The preview, the selection and the corrections stay as they were.
      if (r.error.code === 'CANCELLED') setCancelled(true);
      else setError(r.error);
      return;
    }
    const sent = new Set(request.items.map((i) => i.id));
    const diff = preview?.diff ?? [];
    const leftOut = preview ? leftOutOf(preview, sent) : [];
    const leftOutIds = new Set(leftOut.map((e) => e.itemId));
    setLeftAlone({
      unchanged: diff.filter((d) => d.change === 'unchanged').length,
      skipped: diff.filter((d) => (d.change === 'new' || d.change === 'changed' || d.change === 'blocked') && !sent.has(d.itemId) && !leftOutIds.has(d.itemId)).length,
      leftOut,
      items: preview?.items ?? [],
    });
    setResult(r.value as ImportApplyResult);
    setStep(2);
    onImported(r.value as ImportApplyResult);
  };

  const changeTarget = (next: ImportTarget) => {
    const rerun = next.mode !== target?.mode || next.projectId !== target?.projectId;
    setTarget(next);
    if (rerun && (next.mode !== 'other' || next.projectId !== null)) void runPreview(files.map((f) => f.path), next);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(Array.from(e.dataTransfer.files));
  };

  const close = () => {
    if (busy === 'preview' || busy === 'apply') void cancelRun();
    onClose();
  };

  const fileErrors = (name: string) => preview?.issues.filter((i) => i.file === name && i.severity === 'error') ?? [];
  // A file that can't be read at all (wrong type, corrupt, too large) is left out; the others go on.
  const unreadable = (preview?.files ?? []).filter((f) => f.itemIds.length === 0 && fileErrors(f.file).length > 0).map((f) => f.file);
  const working = busy === 'preview' || busy === 'apply';

  return (
    <Modal
      opened={opened}
      onClose={close}
      size="min(1280px, 96vw)"
      title={
        <Group gap="xs">
          <IconFileImport size={20} aria-hidden />
          {/* Named for the project only while the import goes to it. */}
          <Text fw={700}>{project && (target?.mode ?? 'this') === 'this' ? t('import.titleProject', { name: project.name }) : t('import.title')}</Text>
        </Group>
      }
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Stepper active={step === 2 ? 3 : step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => (s < step && step !== 2 ? setStep(s) : undefined)}>
          <Stepper.Step label={t('import.stepFiles')} description={t('import.stepFilesHelp')} />
          <Stepper.Step label={t('import.stepPreview')} description={t('import.stepPreviewHelp')} />
          <Stepper.Step label={t('import.stepResult')} description={t('import.stepResultHelp')} />
        </Stepper>

        {working && (
          <Paper withBorder p="sm" data-testid="import-progress">
            <Group justify="space-between" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <TaskProgressBar progress={progress} label={busy === 'apply' ? t('import.applying') : t('import.reading')} />
              </div>
              <Button variant="default" size="xs" onClick={() => void cancelRun()}>
                {t('import.cancelRun')}
              </Button>
            </Group>
          </Paper>
        )}
        {cancelled && (
          <Alert color="gray" data-testid="import-cancelled">
            {t('import.cancelled')}
          </Alert>
        )}
        {error && <ErrorAlert error={error} title={busy === null && step === 1 ? t('import.notSaved') : undefined} />}

        {step === 0 && (
          <Stack gap="sm">
            <Paper
              withBorder
              p="xl"
              radius="md"
              data-testid="import-dropzone"
              data-dragging={dragging || undefined}
              style={{
                borderStyle: 'dashed',
                borderWidth: 2,
                borderColor: dragging ? 'var(--mantine-color-blue-6)' : undefined,
                background: dragging ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-gray-0)',
                textAlign: 'center',
              }}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <Stack align="center" gap="xs">
                <IconUpload size={36} aria-hidden color="var(--mantine-color-blue-6)" />
                <Text fw={700}>{t('import.drop')}</Text>
                <Text size="sm" c="dimmed" maw={620}>
                  {t('import.dropHelp')}
                </Text>
                <Group gap="sm" mt="xs">
                  <Button leftSection={<IconFolderOpen size={16} />} loading={busy === 'reading'} onClick={() => inputRef.current?.click()}>
                    {t('import.pick')}
                  </Button>
                  {isElectron() && (
                    <Button variant="default" onClick={() => void chooseNative()}>
                      {t('import.pickNative')}
                    </Button>
                  )}
                </Group>
                <input
                  ref={inputRef}
                  type="file"
                  multiple
                  hidden
                  aria-label={t('import.pick')}
                  data-testid="import-file-input"
                  accept=".xlsx,.csv,.txt,.pdf,.docx"
                  onChange={(e) => {
                    const list = Array.from(e.currentTarget.files ?? []);
                    e.currentTarget.value = '';
                    void addFiles(list);
                  }}
                />
              </Stack>
            </Paper>
            {localProblems.length > 0 && (
              <Alert color="red" title={t('errors.title')} role="alert">
                <List size="sm">
                  {localProblems.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {files.length > 0 && (
              <Table withTableBorder verticalSpacing="xs" data-testid="import-files">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.file')}</Table.Th>
                    <Table.Th>{t('import.kind')}</Table.Th>
                    <Table.Th ta="right">{t('import.items')}</Table.Th>
                    <Table.Th w={50}>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {files.map((f) => {
                    const info = preview?.files.find((p) => p.file === f.name);
                    const errors = fileErrors(f.name);
                    return (
                      <Table.Tr key={f.path} data-testid={`import-file-row-${f.name}`}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {f.name}
                          </Text>
                          {errors.map((e, i) => (
                            <Text key={i} size="xs" c="red.8">
                              {e.location ? `${placeText(e.location, language)}: ` : ''}
                              {issueText(e, language, { format: { number: (n) => fmt.number(n, shownDecimals(n)), date: fmt.date } })}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          {info ? (
                            <Group gap={6}>
                              <Badge variant="light" color={info.kind === 'unknown' || errors.length ? 'red' : 'blue'}>
                                {t(`import.kinds.${info.kind}`)}
                              </Badge>
                              <Text size="xs" c="dimmed">
                                {t(`import.formats.${info.format}`)}
                              </Text>
                            </Group>
                          ) : (
                            <Text size="xs" c="dimmed">
                              {working ? t('import.detecting') : '–'}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">{info ? info.itemIds.length : '–'}</Table.Td>
                        <Table.Td>
                          <Tooltip label={t('import.removeFile', { file: f.name })}>
                            <ActionIcon variant="subtle" color="red" aria-label={t('import.removeFile', { file: f.name })} onClick={() => removeFile(f.name)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              {unreadable.length > 0 && (
                <Text size="sm" c="red.8" mr="auto" data-testid="import-unreadable">
                  {t('import.unreadableLeftOut', { count: unreadable.length, files: unreadable.join(', ') })}
                </Text>
              )}
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button disabled={!preview || working || files.length === 0 || preview.items.length === 0} onClick={() => setStep(1)}>
                {t('import.next')}
              </Button>
            </Group>
          </Stack>
        )}

        {step === 1 && preview && target && (
          <PreviewStep
            preview={preview}
            target={target}
            thisProject={project ? { id: project.id, name: project.name } : null}
            projects={projects}
            onTargetChange={changeTarget}
            onApply={(request) => void apply(request)}
            busy={busy === 'apply'}
            actions={
              <>
                <Button variant="default" onClick={() => setStep(0)} disabled={working}>
                  {t('import.back')}
                </Button>
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
              </>
            }
          />
        )}

        {step === 2 && result && (
          <Stack gap="sm" data-testid="import-result">
            <Alert color="green" title={t('import.resultTitle')}>
              <Text size="sm">{t('import.resultCounts', { created: result.created, updated: result.updated, unchanged: leftAlone.unchanged, skipped: leftAlone.skipped })}</Text>
            </Alert>
            {leftAlone.leftOut.length > 0 && <LeftOutList entries={leftAlone.leftOut} items={leftAlone.items} />}
            <Table withTableBorder w="auto" maw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.writtenType')}</Table.Th>
                  <Table.Th ta="right">{t('import.writtenCount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ITEM_TYPE_ORDER.filter((type) => result.written[type]).map((type) => (
                  <Table.Tr key={type} data-testid={`import-written-${type}`}>
                    <Table.Td>{t(`import.types.${type}`)}</Table.Td>
                    <Table.Td ta="right">{result.written[type]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="flex-end">
              {onOpenProject && result.projectId !== project?.id && (
                <Button variant="default" onClick={() => onOpenProject(result.projectId)}>
                  {t('import.openProject')}
                </Button>
              )}
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

/** What the import left out, per file and place, and why (the result step). */
function LeftOutList({ entries, items }: { entries: LeftOutEntry[]; items: ImportItem[] }) {
  const { t, i18n } = useTranslation();
  const { say } = useSayNote();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const byId = new Map(items.map((i) => [i.id, i]));
  return (
    <Alert color="orange" title={t('import.leftOutTitle', { count: entries.length })} data-testid="import-left-out">
      <List size="sm" spacing={2}>
        {entries.map((e, k) => {
          const item = e.itemId ? byId.get(e.itemId) : undefined;
          return (
            <List.Item key={k}>
              <b>
                {e.file}
                {e.location ? `, ${e.location}` : ''}
              </b>
              {item ? ` (${t(`import.types.${item.type}`)})` : ''}: {e.reasons.map((r) => (r.msg ? (isReaderMsg(r.msg) ? issueText(r, lang) : say([r.msg], r.message)) : r.message)).join(' ')}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
