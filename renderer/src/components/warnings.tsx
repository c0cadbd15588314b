import { Alert, List, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_BAND_MEANINGS } from '../../../shared/methodology/legend';
import type { IpcError } from '../../../shared/contracts';
import type { DateWarning } from '../../../shared/methodology/reportDates';
import type { Warning } from '../../../shared/methodology/types';
import { useFormatter } from '../format';

/** A warning of the engine in the UI language, its figures formatted for the locale. */
export function useWarningText(): (w: Warning) => string {
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  return useCallback(
    (w: Warning) => {
      const key = `warning.${w.code}`;
      if (!i18n.exists(key)) return w.message;
      const p = w.params;
      const num = (v: unknown, d = 0) => (typeof v === 'number' ? fmt.number(v, d) : '–');
      const months = (v: unknown) => (typeof v === 'number' ? fmt.number(v, Number.isInteger(v) ? 0 : 1) : '–');
      const kr = (v: unknown) => (typeof v === 'number' ? fmt.kr(v) : '–');
      const pct = (v: unknown) => (typeof v === 'number' ? fmt.percent(v) : '–');
      const light = (v: unknown) => (typeof v === 'string' ? t(`light.${v}`) : '–');
      return t(key, {
        goal: p.goal ?? '',
        printed: pct(p.printed),
        computed: pct(p.computed),
        scored: p.scored,
        required: p.required,
        budget: kr(p.budgetKr),
        financing: kr(p.financingKr),
        difference: kr(p.differenceKr),
        year: p.year,
        costType: p.costType,
        claimed: pct(p.claimedPercent),
        expected: kr(p.expectedKr),
        actual: kr(p.actualKr),
        ratio: num(p.ratio, 2),
        bound: num(p.bound, 1),
        reportedElapsed: months(p.reportedElapsed),
        reportedTotal: months(p.reportedTotal),
        computedElapsed: months(p.computedElapsed),
        computedTotal: months(p.computedTotal),
        reported: kr(p.reportedKr),
        project: kr(p.projectKr),
        level: typeof p.level === 'string' ? t(`level.${p.level}`) : '',
        light: light(p.light),
        alternativeLight: light(p.alternativeLight),
        capped: pct(p.cappedPercent),
        uncapped: pct(p.uncappedPercent),
        kind: typeof p.kind === 'string' ? t(`lightKind.${p.kind}`) : '',
        override: light(p.override),
      });
    },
    [t, i18n, fmt],
  );
}

/** A warning icon whose reason is both a tooltip and the accessible name. */
export function WarningIcon({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  const text = reasons.join('\n');
  return (
    <Tooltip label={<span className="tl-pre">{text}</span>}>
      <ThemeIcon variant="light" color="orange" size="sm" radius="xl" role="img" aria-label={text} tabIndex={0} data-testid="warning-icon">
        <IconAlertTriangle size={14} />
      </ThemeIcon>
    </Tooltip>
  );
}

export function WarningList({ warnings, title }: { warnings: Warning[]; title?: string }) {
  const { t } = useTranslation();
  const text = useWarningText();
  if (warnings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('warnings.none')}
      </Text>
    );
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={title ?? t('warnings.title', { count: warnings.length })}>
      <List size="sm" spacing={4}>
        {warnings.map((w, i) => (
          <List.Item key={i}>{text(w)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** A rule's outcome with a stable code, its figures and the engine's Danish words. */
interface EngineText {
  code: string;
  params: Record<string, unknown>;
  message: string;
}

/**
 * The words of an engine explanation or a date warning in the UI language. In Danish the
 * engine's own message is shown, so the screen, the workbook and the CLI say exactly the same;
 * in English `<group>.<code>` is translated with the figures in the English formats.
 */
export function useEngineText(group: 'explanation' | 'dateWarning'): (e: EngineText) => string {
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  return useCallback(
    (e: EngineText) => {
      const key = `${group}.${e.code}`;
      const p = e.params;
      // A warning main sent back carries only its words (no figures to format): show those.
      if (i18n.language === 'da' || !i18n.exists(key) || (group === 'dateWarning' && !p.date)) return e.message;
      const date = (v: unknown) => (typeof v === 'string' ? fmt.date(v) : '–');
      const pct = (v: unknown) => (typeof v === 'number' ? fmt.percent(v) : '–');
      const light = (v: unknown) => (typeof v === 'string' ? t(`light.${v}`).toLowerCase() : '–');
      const meaning = typeof p.bandMeaning === 'string' ? (GOAL_BAND_MEANINGS as Record<string, { en: string }>)[p.bandMeaning]?.en ?? '' : '';
      return t(key, {
        date: date(p.date),
        today: date(p.today),
        periodStart: date(p.periodStart),
        periodEnd: date(p.periodEnd),
        previous: date(p.previous),
        percent: pct(p.percent),
        yellowMin: pct(p.yellowMin),
        bandLight: light(p.bandLight),
        suggested: light(p.suggested),
        meaning,
      });
    },
    [group, t, i18n, fmt],
  );
}

/**
 * The warnings of a save main answered with NEEDS_CONFIRMATION (it knew more than the screen:
 * another window's round, a later clock). Only their Danish words come back, so they are shown
 * as such rather than translated with figures that are not there.
 */
export function warningsFromMain(error: IpcError): DateWarning[] {
  return (error.issues ?? []).map((i) => ({ code: i.path as DateWarning['code'], params: { date: '' }, message: i.message }));
}
