import { Button, Group, Modal, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type ReportFormat = 'docx' | 'pdf';
export type ReportLang = 'da' | 'en';

/**
 * File > Export evaluation report: the format (DOCX to keep editing, PDF to send) and the
 * report's language, Danish by default (the UI's language when it is English). For a project
 * without a round (`statusOnly`) the same dialog makes its project status, and says it is not an
 * evaluation.
 */
export function ReportExportModal({
  opened,
  onClose,
  roundLabel,
  busy,
  onExport,
  statusOnly = false,
}: {
  opened: boolean;
  onClose: () => void;
  roundLabel: string;
  busy: boolean;
  statusOnly?: boolean;
  onExport: (format: ReportFormat, lang: ReportLang) => void;
}) {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [lang, setLang] = useState<ReportLang>(i18n.language === 'en' ? 'en' : 'da');
  return (
    <Modal opened={opened} onClose={onClose} title={statusOnly ? t('projectReport.title') : t('report.title')}>
      <Stack gap="md">
        <Text size="sm">{statusOnly ? t('projectReport.intro') : t('report.intro', { round: roundLabel })}</Text>
        <Radio.Group label={t('report.format')} value={format} onChange={(v) => setFormat(v as ReportFormat)}>
          <Stack gap={6} mt={6}>
            <Radio value="pdf" label={t('report.pdf')} />
            <Radio value="docx" label={t('report.docx')} />
          </Stack>
        </Radio.Group>
        <div>
          <Text size="sm" fw={500} mb={4} id="report-language-label">
            {t('report.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="report-language-label"
            value={lang}
            onChange={(v) => setLang(v as ReportLang)}
            data={[
              { value: 'da', label: 'Dansk' },
              { value: 'en', label: 'English' },
            ]}
          />
        </div>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} onClick={() => onExport(format, lang)}>
            {t('report.export')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
