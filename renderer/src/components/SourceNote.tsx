import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SourceRef } from '../../../shared/domain';
import { placeText } from '../../../shared/import/places';
import { safeCall, useApi } from '../api';
import { useFormatter } from '../format';

/** Opens a kept source (by id, or by the file a provenance note names) and says where to look. */
export function useOpenSource(projectId: number) {
  const api = useApi();
  const { t } = useTranslation();
  return async (target: { sourceId: number } | { fileName: string; location?: string }) => {
    const result = await safeCall(() => api.sourceOpen({ projectId, ...target }));
    if (!result.ok) {
      notifications.show({ color: 'red', title: t('sources.openFailed'), message: result.error.message, autoClose: false });
      return;
    }
    const { fileName, page, sheet } = result.value;
    const where = page !== null ? t('sources.atPage', { page }) : sheet !== null ? t('sources.atSheet', { sheet }) : '';
    notifications.show({ title: t('sources.opened', { file: fileName }), message: where || t('sources.openedHint'), autoClose: 6000 });
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
