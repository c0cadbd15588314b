import { Anchor, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SourceRef } from '../../../shared/domain';
import { placeText } from '../../../shared/import/places';
import { safeCall, useApi } from '../api';
import { useFormatter } from '../format';
import { PdfViewer } from './pdf/PdfViewer';

type SourceTarget = { sourceId: number; location?: string } | { fileName: string; location?: string };

/**
 * Opens a kept source (by id, or by the file a provenance note names): a PDF in the app's viewer
 * at the note's page; a workbook or Word file with the OS app, and the app says which sheet or
 * page to look at (the app has no viewer of its own for those).
 */
export function useOpenSource(projectId: number) {
  const api = useApi();
  const { t } = useTranslation();
  const external = async (target: SourceTarget) => {
    const result = await safeCall(() => api.sourceOpen({ projectId, ...target }));
    if (!result.ok) {
      notifications.show({ color: 'red', title: t('sources.openFailed'), message: result.error.message, autoClose: false });
      return;
    }
    const { fileName, page, sheet } = result.value;
    const where = page !== null ? t('sources.atPage', { page }) : sheet !== null ? t('sources.atSheet', { sheet }) : '';
    notifications.show({ title: t('sources.opened', { file: fileName }), message: where || t('sources.openedHint'), autoClose: 6000 });
  };
  return async (target: SourceTarget) => {
    const read = await safeCall(() => api.sourceRead({ projectId, ...target }));
    if (!read.ok) {
      notifications.show({ color: 'red', title: t('sources.openFailed'), message: read.error.message, autoClose: false });
      return;
    }
    const { dataBase64, fileName, page, sourceId } = read.value;
    if (dataBase64 === null) return external(target);
    modals.open({
      title: fileName,
      size: 'auto',
      children: <PdfViewer fileName={fileName} dataBase64={dataBase64} page={page} onOpenExternally={() => void external({ sourceId, location: target.location })} />,
    });
  };
}

/** A provenance note ("evaluering-003.pdf, side 6"): the file is a link that opens it there. */
export function SourceNote({ projectId, source, size = 'sm', dimmed = false }: { projectId: number; source: SourceRef; size?: 'xs' | 'sm'; dimmed?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const open = useOpenSource(projectId);
  const place = placeText(source.location, fmt.language);
  if (!source.file) return <Text span size={size} c={dimmed ? 'dimmed' : undefined}>{place || t('goals.typedIn')}</Text>;
  return (
    <Text span size={size} c={dimmed ? 'dimmed' : undefined}>
      <Anchor
        component="button"
        type="button"
        size={size}
        title={t('sources.openTitle', { file: source.file })}
        onClick={() => void open({ fileName: source.file, location: source.location })}
      >
        {source.file}
      </Anchor>
      {place ? `, ${place}` : ''}
    </Text>
  );
}
