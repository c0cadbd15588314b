import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCaseView } from '../../../../shared/contracts';
import type { BusinessCase } from '../../../../shared/domain';
import {
  BUSINESS_CASE_FORMULAS,
  BUSINESS_CASE_INPUT_LABELS,
  type BusinessCaseInput,
  type BusinessCaseResultKey,
} from '../../../../shared/methodology/businessCase';
import { safeCall, useApi } from '../../api';
import { useErrorText, useNotifyError } from '../../components/useSave';
import { LockTip, useLock } from '../../components/lock';
import { useFormatter } from '../../format';

/**
 * A project's business case (issue 14, seed 002 "Den økonomiske gevinst"): the inputs with the
 * source each is taken from, and the engine's results (shared/methodology/businessCase.ts) with
 * the formulas they are computed by. A result whose input is missing says what it lacks.
 */

const INPUTS: { key: BusinessCaseInput; source: 'costSource' | 'savingSource' | 'citizensSource' | 'yearsSource'; money: boolean }[] = [
  { key: 'costPerParticipantKr', source: 'costSource', money: true },
  { key: 'savingPerCitizenYearKr', source: 'savingSource', money: true },
  { key: 'citizens', source: 'citizensSource', money: false },
  { key: 'years', source: 'yearsSource', money: false },
];
const RESULTS: BusinessCaseResultKey[] = ['savingPerCitizenKr', 'totalSavingKr', 'paybackYears'];

type Fields = Omit<BusinessCase, 'projectId'>;

function BusinessCaseForm({ projectId, initial, onCancel, onSaved }: { projectId: number; initial: Fields | null; onCancel: () => void; onSaved: (v: BusinessCaseView) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const errorText = useErrorText();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const [v, setV] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = { note: initial?.note ?? '' };
    for (const i of INPUTS) {
      const value = initial?.[i.key] ?? null;
      out[i.key] = i.money ? fmt.amountInput(value) : value === null ? '' : fmt.number(value, Number.isInteger(value) ? 0 : 2);
      out[i.source] = initial?.[i.source] ?? '';
    }
    return out;
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = e.currentTarget.value;
    setV((s) => ({ ...s, [k]: value }));
    setErrors(({ [k]: _gone, ...rest }) => rest);
  };

  const submit = async () => {
    const next: Record<string, string> = {};
    const figures = {} as Record<BusinessCaseInput, number | null>;
    for (const i of INPUTS) {
      let n: number | null = null;
      try {
        n = i.money ? fmt.parseAmount(v[i.key]) : fmt.parseNumber(v[i.key]);
      } catch {
        next[i.key] = i.money ? t('businessCase.amountInvalid') : t('validation.number', { example: `${fmt.number(124)} / ${fmt.number(2.5, 1)}` });
      }
      if (n !== null && n < 0 && i.key !== 'savingPerCitizenYearKr') next[i.key] = t('businessCase.negative');
      if (i.key === 'years' && n !== null && n > 100) next[i.key] = t('businessCase.yearsMax');
      if (n !== null && !v[i.source].trim()) next[i.source] = t('businessCase.sourceRequired');
      figures[i.key] = n;
    }
    setErrors(next);
    if (Object.keys(next).length) return;
    const fields = {
      ...figures,
      costSource: v.costSource.trim(),
      savingSource: v.savingSource.trim(),
      citizensSource: v.citizensSource.trim(),
      yearsSource: v.yearsSource.trim(),
      note: v.note,
    };
    setBusy(true);
    const r = await safeCall(() => api.businessCaseSave({ projectId, fields }));
    setBusy(false);
    if (!r.ok) setErrors({ form: errorText(r.error) });
    else onSaved(r.value);
  };

  return (
    <form
      noValidate
      aria-label={t('businessCase.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        {INPUTS.map((i, n) => (
          <SimpleGrid key={i.key} cols={2} spacing="sm">
            <TextInput label={BUSINESS_CASE_INPUT_LABELS[i.key][lang]} value={v[i.key]} onChange={set(i.key)} error={errors[i.key]} inputMode="decimal" data-autofocus={n === 0 || undefined} />
            <TextInput label={t('businessCase.sourceOf', { input: BUSINESS_CASE_INPUT_LABELS[i.key][lang] })} placeholder={t('businessCase.sourceExample')} value={v[i.source]} onChange={set(i.source)} error={errors[i.source]} />
          </SimpleGrid>
        ))}
        <Textarea label={t('businessCase.note')} value={v.note} onChange={set('note')} autosize minRows={2} maxRows={6} />
        {errors.form && (
          <Text c="red" size="sm" role="alert">
            {errors.form}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BusinessCasePanel({ projectId }: { projectId: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const notifyError = useNotifyError();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const [state, setState] = useState<{ loaded: boolean; view: BusinessCaseView | null }>({ loaded: false, view: null });
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // A team server's rights (the business case is the case officer's); nothing else locks it.
  const lock = useLock();

  const load = useCallback(async () => {
    const r = await safeCall(() => api.businessCaseGet({ projectId }));
    if (!r.ok) notifyError(r.error);
    else setState({ loaded: true, view: r.value });
  }, [api, projectId, notifyError]);
  useEffect(() => {
    // Loading is the effect's job; the state update happens after the awaited call.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  // The focus goes back to the edit button once it is on screen again (after the render that
  // shows it, not after a timer that a busy machine may run before that render).
  const refocus = useRef(false);
  useEffect(() => {
    if (refocus.current && editButton.current) {
      refocus.current = false;
      editButton.current.focus();
    }
  });
  const stopEditing = () => {
    refocus.current = true;
    setEditing(false);
  };

  const remove = () =>
    modals.openConfirmModal({
      title: t('businessCase.deleteTitle'),
      children: <Text size="sm">{t('businessCase.deleteConfirm')}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const r = await safeCall(() => api.businessCaseDelete({ projectId }));
        if (!r.ok) notifyError(r.error);
        else {
          refocus.current = true;
          setState({ loaded: true, view: null });
        }
      },
    });

  const view = state.view;
  const inputText = (key: BusinessCaseInput, value: number | null) =>
    value === null ? t('businessCase.notGiven') : key === 'costPerParticipantKr' || key === 'savingPerCitizenYearKr' ? fmt.kr(value) : fmt.number(value, Number.isInteger(value) ? 0 : 2);
  const resultText = (key: BusinessCaseResultKey, value: number | null) =>
    value === null ? null : key === 'paybackYears' ? t('businessCase.years', { years: fmt.number(value, value < 1 ? 2 : 1) }) : fmt.kr(Math.round(value));

  return (
    <Paper withBorder p="md" data-testid="business-case">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('businessCase.title')}
        </Title>
        {state.loaded && !editing && (
          <Group gap="xs">
            <LockTip reason={lock}>
              <Button ref={editButton} size="xs" variant="light" disabled={lock !== null} leftSection={view ? <IconPencil size={14} /> : <IconPlus size={14} />} onClick={() => setEditing(true)}>
                {view ? t('businessCase.edit') : t('businessCase.add')}
              </Button>
            </LockTip>
            {view && (
              <LockTip reason={lock}>
                <Button size="xs" variant="subtle" color="red" disabled={lock !== null} leftSection={<IconTrash size={14} />} onClick={remove}>
                  {t('businessCase.delete')}
                </Button>
              </LockTip>
            )}
          </Group>
        )}
      </Group>
      {!state.loaded ? (
        // A named status while the case is read (a bare span may not carry a label).
        <Loader size="sm" role="status" aria-label={t('common.loading')} />
      ) : editing ? (
        <BusinessCaseForm
          projectId={projectId}
          initial={view?.businessCase ?? null}
          onCancel={stopEditing}
          onSaved={(saved) => {
            setState({ loaded: true, view: saved });
            stopEditing();
          }}
        />
      ) : !view ? (
        <Text size="sm" c="dimmed">
          {t('businessCase.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Table fz="sm" verticalSpacing={4} aria-label={t('businessCase.inputs')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('businessCase.input')}</Table.Th>
                <Table.Th ta="right">{t('businessCase.value')}</Table.Th>
                <Table.Th>{t('businessCase.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {INPUTS.map((i) => (
                <Table.Tr key={i.key} data-testid={`bc-input-${i.key}`}>
                  <Table.Td>{BUSINESS_CASE_INPUT_LABELS[i.key][lang]}</Table.Td>
                  <Table.Td ta="right">{inputText(i.key, view.businessCase[i.key])}</Table.Td>
                  <Table.Td>{view.businessCase[i.source] || '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Table fz="sm" verticalSpacing={4} aria-label={t('businessCase.results')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('businessCase.result')}</Table.Th>
                <Table.Th ta="right">{t('businessCase.value')}</Table.Th>
                <Table.Th>{t('businessCase.formula')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {RESULTS.map((key) => {
                const value = resultText(key, view.result[key]);
                const missing = view.result.missing[key];
                return (
                  <Table.Tr key={key} data-testid={`bc-result-${key}`}>
                    <Table.Td>{t(`businessCase.resultLabel.${key}`)}</Table.Td>
                    <Table.Td ta="right">
                      {value !== null ? (
                        <Text span fw={700} size="sm">
                          {value}
                        </Text>
                      ) : (
                        <Text span size="xs" c="dimmed">
                          {missing.length
                            ? t('businessCase.missing', { inputs: missing.map((m) => BUSINESS_CASE_INPUT_LABELS[m][lang]).join(', ') })
                            : t('businessCase.noPayback')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{BUSINESS_CASE_FORMULAS[key][lang]}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {view.businessCase.note && (
            <Alert color="gray" variant="light" p="xs">
              <Text size="sm" className="tl-pre">
                {view.businessCase.note}
              </Text>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
