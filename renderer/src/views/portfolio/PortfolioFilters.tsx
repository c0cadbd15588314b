import { Combobox, Group, Paper, Select, TextInput, type ComboboxItem, type SelectProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIGHT_KINDS, LIGHTS, type EvaluationType, type LightKind } from '../../../../shared/domain';
import type { LightChoice, PortfolioFilter } from '../../../../shared/portfolioFilter';
import type { PortfolioFacets } from '../../../../shared/portfolioPage';
import { useAfterFirstPaint } from '../../components/afterFirstPaint';
import { useFormatter } from '../../format';

type DateKey = 'runningFrom' | 'runningTo' | 'evaluatedFrom' | 'evaluatedTo';

/**
 * A date field that takes Danish (or English) dates and hands the filter an ISO date once the
 * text is one; until then it says what it expects and the filter keeps its last good value.
 */
function DateFilter({ label, value, onChange, w }: { label: string; value: string | null | undefined; onChange: (iso: string | null) => void; w: number }) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const [text, setText] = useState(value ? fmt.dateInput(value) : '');
  const [error, setError] = useState<string | null>(null);
  return (
    <TextInput
      label={label}
      placeholder={fmt.datePlaceholder}
      value={text}
      error={error}
      w={w}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        try {
          const iso = fmt.parseDate(next);
          setError(null);
          onChange(iso);
        } catch {
          setError(t('validation.dateFormat', { format: fmt.datePlaceholder }));
        }
      }}
    />
  );
}

type FilterSelectProps = Omit<SelectProps, 'data' | 'label' | 'placeholder' | 'w'> & {
  label: string;
  placeholder: string;
  w: number;
  data: (string | ComboboxItem)[];
  /** The page has painted once: the real Select mounts. */
  armed: boolean;
};

/**
 * A filter's Select once the page has painted; before, a read-only field that looks the same
 * (label, placeholder or the chosen value, the chevron). The five Selects (a combobox, popover
 * and options list each) were a fifth of the first screen's rendering (issue 12, first paint).
 * A user who reaches the stand-in first (Tab) gets the Select at once, with the focus in it.
 */
function FilterSelect({ armed, label, placeholder, w, data, ...select }: FilterSelectProps) {
  const [reached, setReached] = useState(false);
  if (armed || reached) return <Select label={label} placeholder={placeholder} w={w} data={data} autoFocus={reached} {...select} />;
  const chosen = data.map((d) => (typeof d === 'string' ? { value: d, label: d } : d)).find((d) => d.value === select.value);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      w={w}
      value={chosen?.label ?? ''}
      readOnly
      rightSection={<Combobox.Chevron />}
      rightSectionPointerEvents="none"
      onFocus={() => setReached(true)}
    />
  );
}

/** The portfolio's filter: the same rule (shared/portfolioFilter.ts) as the export and the CLI. */
export function PortfolioFilters({ filter, onChange, facets }: { filter: PortfolioFilter; onChange: (patch: Partial<PortfolioFilter>) => void; facets: PortfolioFacets | null }) {
  const { t } = useTranslation();
  const armed = useAfterFirstPaint(facets !== null);
  const dates: [DateKey, string][] = [
    ['runningFrom', t('portfolio.runningFrom')],
    ['runningTo', t('portfolio.runningTo')],
    ['evaluatedFrom', t('portfolio.evaluatedFrom')],
    ['evaluatedTo', t('portfolio.evaluatedTo')],
  ];
  return (
    <Paper withBorder p="sm">
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('portfolio.search')}
          placeholder={t('portfolio.searchPlaceholder')}
          leftSection={<IconSearch size={14} />}
          value={filter.search ?? ''}
          onChange={(e) => onChange({ search: e.currentTarget.value })}
          w={220}
        />
        <FilterSelect armed={armed} label={t('facts.fundingSource')} data={facets?.fundingSources ?? []} value={filter.fundingSource ?? null} clearable placeholder={t('common.all')} onChange={(v) => onChange({ fundingSource: v })} w={210} />
        <FilterSelect armed={armed} label={t('facts.caseOfficer')} data={facets?.caseOfficers ?? []} value={filter.caseOfficer ?? null} clearable placeholder={t('common.all')} onChange={(v) => onChange({ caseOfficer: v })} w={170} />
        <FilterSelect
          armed={armed}
          label={t('evaluation.type')}
          data={[
            { value: 'midterm', label: t('evaluationType.midterm') },
            { value: 'final', label: t('evaluationType.final') },
          ]}
          value={filter.evaluationType ?? null}
          clearable
          placeholder={t('common.all')}
          onChange={(v) => onChange({ evaluationType: v as EvaluationType | null })}
          w={170}
        />
        <FilterSelect
          armed={armed}
          label={t('portfolio.lightKind')}
          data={LIGHT_KINDS.map((k) => ({ value: k, label: t(`lightKind.${k}`) }))}
          value={filter.lightKind ?? null}
          clearable
          placeholder={t('portfolio.anyLightKind')}
          onChange={(v) => onChange({ lightKind: v as LightKind | null })}
          w={170}
        />
        <FilterSelect
          armed={armed}
          label={t('portfolio.lightColour')}
          data={[...LIGHTS, 'none' as const].map((l) => ({ value: l, label: t(`light.${l}`) }))}
          value={filter.light ?? null}
          clearable
          placeholder={t('common.all')}
          onChange={(v) => onChange({ light: v as LightChoice | null })}
          w={130}
        />
        {dates.map(([key, label]) => (
          <DateFilter key={key} label={label} value={filter[key]} onChange={(iso) => onChange({ [key]: iso })} w={130} />
        ))}
      </Group>
    </Paper>
  );
}
