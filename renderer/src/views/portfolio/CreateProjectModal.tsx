import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProjectFactsPatchSchema } from '../../../../shared/contracts/schemas';
import type { EvaluationType } from '../../../../shared/domain';
import { safeCall, useApi } from '../../api';
import { useErrorText } from '../../components/useSave';
import { useFormatter } from '../../format';

/**
 * "Opret projekt": name, facts and the first round. In a chunk of its own, loaded when the button
 * is first pressed, so the portfolio's first screen neither parses it nor evaluates the contract
 * schemas (zod) it checks the period with (issue 12, first paint).
 */
export function CreateProjectModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (projectId: number, evaluationId: number | null) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const [values, setValues] = useState({
    name: '',
    grantRecipient: '',
    caseOfficer: '',
    fundingSource: '',
    periodStart: '',
    periodEnd: '',
    evaluationType: 'midterm' as EvaluationType,
    evaluationDate: fmt.dateInput(new Date().toISOString().slice(0, 10)),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  const submit = async () => {
    const next: Record<string, string> = {};
    const date = (key: 'periodStart' | 'periodEnd' | 'evaluationDate'): string | null => {
      try {
        return fmt.parseDate(values[key]);
      } catch {
        next[key] = t('validation.dateFormat', { format: fmt.datePlaceholder });
        return null;
      }
    };
    const facts = {
      name: values.name,
      grantRecipient: values.grantRecipient,
      caseOfficer: values.caseOfficer,
      fundingSource: values.fundingSource,
      periodStart: date('periodStart'),
      periodEnd: date('periodEnd'),
    };
    const evaluationDate = date('evaluationDate');
    if (!values.name.trim()) next.name = t('validation.nameRequired');
    if (facts.periodStart && facts.periodEnd && !ProjectFactsPatchSchema.safeParse({ periodStart: facts.periodStart, periodEnd: facts.periodEnd }).success)
      next.periodEnd = t('validation.periodEnd');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    const created = await safeCall(() => api.projectCreate({ facts: { ...facts, name: facts.name.trim() } }));
    if (!created.ok) {
      setBusy(false);
      setErrors({ form: errorText(created.error) });
      return;
    }
    let evaluationId: number | null = null;
    if (evaluationDate) {
      const evaluation = await safeCall(() =>
        api.evaluationCreate({ projectId: created.value.id, type: values.evaluationType, date: evaluationDate }),
      );
      if (evaluation.ok) evaluationId = evaluation.value.id;
    }
    setBusy(false);
    onCreated(created.value.id, evaluationId);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('portfolio.createTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label={t('facts.name')} withAsterisk aria-required errorProps={{ role: 'alert' }} data-autofocus value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={errors.name} />
          <SimpleGrid cols={2}>
            <TextInput label={t('facts.grantRecipient')} value={values.grantRecipient} onChange={(e) => set('grantRecipient')(e.currentTarget.value)} />
            <TextInput label={t('facts.caseOfficer')} value={values.caseOfficer} onChange={(e) => set('caseOfficer')(e.currentTarget.value)} />
            <TextInput label={t('facts.fundingSource')} value={values.fundingSource} onChange={(e) => set('fundingSource')(e.currentTarget.value)} />
            <div />
            <TextInput placeholder={fmt.datePlaceholder} label={t('facts.periodStart')} value={values.periodStart} onChange={(e) => set('periodStart')(e.currentTarget.value)} error={errors.periodStart} />
            <TextInput placeholder={fmt.datePlaceholder} label={t('facts.periodEnd')} value={values.periodEnd} onChange={(e) => set('periodEnd')(e.currentTarget.value)} error={errors.periodEnd} />
            <Select
              label={t('evaluation.type')}
              data={[
                { value: 'midterm', label: t('evaluationType.midterm') },
                { value: 'final', label: t('evaluationType.final') },
              ]}
              value={values.evaluationType}
              allowDeselect={false}
              onChange={(v) => set('evaluationType')(v ?? 'midterm')}
            />
            <TextInput placeholder={fmt.datePlaceholder} label={t('evaluation.date')} value={values.evaluationDate} onChange={(e) => set('evaluationDate')(e.currentTarget.value)} error={errors.evaluationDate} />
          </SimpleGrid>
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('portfolio.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
