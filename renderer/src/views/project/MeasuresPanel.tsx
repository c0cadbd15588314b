import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCaseView } from '../../../../shared/contracts';
import type { Goal } from '../../../../shared/domain';
import { BUSINESS_CASE_FORMULAS, BUSINESS_CASE_INPUT_LABELS, type BusinessCaseResultKey } from '../../../../shared/methodology/businessCase';
import { statusInForce } from '../../../../shared/methodology/statusInForce';
import {
  BUSINESS_CASE_INPUT_KEYS,
  BUSINESS_CASE_RESULT_KEYS,
  BUSINESS_CASE_SOURCE_FIELD,
  businessCaseRemark,
  measureLabels,
} from '../../../../shared/report/measureText';
import { safeCall, useApi } from '../../api';
import { useFormatter, type Formatter } from '../../format';
import { comparisonReached, comparisonText, shareText } from './goalMeasureText';
import { useProjectData } from './ProjectData';

/**
 * The Resumé's statements of a project's shares, comparisons and business case (issue 14), with
 * the statuses in force on the round's date (the latest ones when the project has no round yet).
 * The sentences are the Goals tab's (goalMeasureText.ts); the business case's labels, formulas
 * and remarks are the report's and the workbook's (shared/), so all three say the same.
 */

const byPosition = (a: Goal, b: Goal) => a.position - b.position || a.id - b.id;

function resultText(fmt: Formatter, key: BusinessCaseResultKey, value: number | null): string {
  if (value === null) return '–';
  return key === 'paybackYears' ? fmt.number(value, 2) : fmt.kr(value);
}

export function MeasuresPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'da';
  const api = useApi();
  const fmt = useFormatter();
  const { project, evaluation } = useProjectData();
  const projectId = project.project.id;
  const [businessCase, setBusinessCase] = useState<BusinessCaseView | null>(null);
  useEffect(() => {
    let live = true;
    void safeCall(() => api.businessCaseGet({ projectId })).then((r) => {
      if (live) setBusinessCase(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [api, projectId]);

  const date = evaluation?.evaluation.date ?? null;
  const goals = [...project.goals].sort(byPosition);
  const status = (g: Goal) => statusInForce(project.statusReports, g.id, date);
  const shares = goals.filter((g) => g.measure === 'share');
  const comparisons = goals.filter((g) => g.comparisonValue !== null && g.comparisonValue !== undefined);
  if (shares.length === 0 && comparisons.length === 0 && !businessCase) return null;
  const M = measureLabels(lang);

  return (
    <Paper withBorder p="md" data-testid="resume-measures">
      <Stack gap="sm">
        <Title order={4}>{M.heading}</Title>
        <Text size="xs" c="dimmed">
          {date ? t('resumeMeasures.asOf', { date: fmt.date(date) }) : t('resumeMeasures.latest')}
        </Text>
        {shares.length > 0 && (
          <Stack gap={2}>
            <Text fw={700} size="sm">
              {M.sharesHeading}
            </Text>
            {shares.map((g) => {
              const s = status(g);
              return (
                <Text size="sm" key={g.id} data-testid={`resume-share-${g.code}`}>
                  {g.code}: {g.description}: {shareText(t, fmt, s?.value ?? null, s?.denominator) ?? t('resumeMeasures.notReported')}
                </Text>
              );
            })}
          </Stack>
        )}
        {comparisons.length > 0 && (
          <Stack gap={2}>
            <Text fw={700} size="sm">
              {M.comparisonsHeading}
            </Text>
            {comparisons.map((g) => {
              return (
                <Text size="sm" key={g.id} data-testid={`resume-comparison-${g.code}`}>
                  {g.code}: {g.description}: {comparisonText(t, fmt, g, comparisonReached(g, status(g)))}
                  {g.comparisonLabel ? ` (${g.comparisonLabel})` : ''}
                </Text>
              );
            })}
          </Stack>
        )}
        {businessCase && (
          <Stack gap={4}>
            <Text fw={700} size="sm">
              {M.businessCaseHeading}
            </Text>
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="resume-business-case-inputs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{M.columns.input}</Table.Th>
                  <Table.Th ta="right">{M.columns.value}</Table.Th>
                  <Table.Th>{M.columns.source}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {BUSINESS_CASE_INPUT_KEYS.map((key) => {
                  const v = businessCase.businessCase[key];
                  return (
                    <Table.Tr key={key}>
                      <Table.Td>{BUSINESS_CASE_INPUT_LABELS[key][lang]}</Table.Td>
                      <Table.Td ta="right">{v === null ? '–' : key === 'costPerParticipantKr' || key === 'savingPerCitizenYearKr' ? fmt.kr(v) : fmt.number(v, Number.isInteger(v) ? 0 : 2)}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{businessCase.businessCase[BUSINESS_CASE_SOURCE_FIELD[key]]}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="resume-business-case-results">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{M.columns.result}</Table.Th>
                  <Table.Th ta="right">{M.columns.value}</Table.Th>
                  <Table.Th>{M.columns.formula}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {BUSINESS_CASE_RESULT_KEYS.map((key) => {
                  const remark = businessCaseRemark(businessCase.result, key, lang);
                  return (
                    <Table.Tr key={key} data-testid={`resume-business-case-${key}`}>
                      <Table.Td fw={700}>{M.resultLabel[key]}</Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {resultText(fmt, key, businessCase.result[key])}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{BUSINESS_CASE_FORMULAS[key][lang]}</Text>
                        {remark && (
                          <Text size="xs" c="orange.8">
                            {remark}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {businessCase.businessCase.note.trim() && (
              <Text size="xs" c="dimmed">
                {M.note}: {businessCase.businessCase.note}
              </Text>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
