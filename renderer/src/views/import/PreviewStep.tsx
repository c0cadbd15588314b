import { Alert, Badge, Button, Checkbox, Group, Paper, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail } from '../../../../shared/contracts';
import type { EvaluationType } from '../../../../shared/domain';
import { GOAL_CODE, GOAL_CODE_MAX, type ImportIssue, type ImportItem, type ImportItemType, type ImportPreview, type ItemDiff } from '../../../../shared/import/items';
import { fill, NOTES_DA, type Msg } from '../../../../shared/import/notes';
import { isReaderMsg, placeText, readerText } from '../../../../shared/import/readerNotes';
import { shownDecimals } from '../../../../shared/numbers/danish';
import { roundHalfUp } from '../../../../shared/methodology/rounding';
import { useFormatter, type Formatter } from '../../format';

export const ITEM_TYPE_ORDER: readonly ImportItemType[] = ['fact', 'goal', 'status', 'progress', 'scoreAverage', 'budgetLine', 'financing', 'survey'];

type FieldKind = 'number' | 'int' | 'date' | 'text' | 'code';

interface FieldDef {
  key: string;
  kind: FieldKind;
  /** i18n key of the label. */
  label: string;
  /** Missing is not allowed (a status needs its date). */
  required?: boolean;
  get: (item: ImportItem) => string | number | null;
  set: (item: ImportItem, value: string | number | null) => ImportItem;
  width?: number;
}

function field(key: string, kind: FieldKind, label: string, extra: Partial<FieldDef> = {}): FieldDef {
  return {
    key,
    kind,
    label,
    get: (item) => ((item as unknown as Record<string, unknown>)[key] as string | number | null) ?? null,
    set: (item, value) => ({ ...item, [key]: value }) as ImportItem,
    ...extra,
  };
}

/** The values of an item the user can correct before importing. */
export function editableFields(item: ImportItem): FieldDef[] {
  switch (item.type) {
    case 'fact': {
      const kind: FieldKind = item.field === 'totalBudgetKr' ? 'number' : item.field === 'periodStart' || item.field === 'periodEnd' ? 'date' : 'text';
      return [field('value', kind, `facts.${item.field}`, { width: kind === 'text' ? 320 : 150, required: item.field === 'name' })];
    }
    case 'goal': {
      const fields = [field('description', 'text', 'goals.description', { width: 320 }), field('targetInPeriod', 'number', 'goals.targetInPeriod', { width: 120 })];
      // A code the importer proposed (prose goals of an application) can be corrected; its letter is the level.
      if (item.codeSuggested)
        fields.unshift(
          field('code', 'code', 'goals.code', {
            width: 80,
            required: true,
            set: (goal, value) => ({ ...goal, code: String(value), level: String(value)[0] as 'A' | 'B' | 'C' }) as ImportItem,
          }),
        );
      return fields;
    }
    case 'status':
      return [field('value', 'number', 'goals.value', { width: 110, required: true }), field('reportedAt', 'date', 'goals.reportedAt', { width: 140, required: true })];
    case 'progress':
      return [
        field('budgetSpentKr', 'number', 'budget.spent', { width: 150 }),
        field('budgetTotalKr', 'number', 'budget.totalReported', { width: 150 }),
        field('monthsElapsed', 'number', 'budget.monthsElapsed', { width: 110 }),
        field('monthsTotal', 'number', 'budget.monthsTotal', { width: 110 }),
        field('reportedAt', 'date', 'budget.progressReportedAt', { width: 140 }),
      ];
    case 'budgetLine':
      return [
        field('costType', 'text', 'budget.costType', { width: 240, required: true }),
        field('year', 'int', 'budget.year', { width: 90, required: true }),
        field('amountKr', 'number', 'budget.amount', { width: 150, required: true }),
      ];
    case 'financing':
      return [field('name', 'text', 'budget.source', { width: 240, required: true }), field('amountKr', 'number', 'budget.amount', { width: 150, required: true })];
    case 'survey':
      return [field('positive', 'int', 'effect.positive', { width: 100, required: true }), field('n', 'int', 'effect.n', { width: 100, required: true })];
    case 'scoreAverage':
      return [];
  }
}

function showValue(fmt: Formatter, def: FieldDef, value: string | number | null): string {
  if (value === null) return '';
  if (def.kind === 'date') return typeof value === 'string' ? fmt.dateInput(value) : String(value);
  if (def.kind === 'int') return String(value);
  if (def.kind === 'number' && typeof value === 'number') return fmt.number(value, shownDecimals(value, 4));
  return String(value);
}

type Parsed = { ok: true; value: string | number | null } | { ok: false; message: string };

function parseValue(fmt: Formatter, t: (key: string, options?: Record<string, unknown>) => string, def: FieldDef, text: string): Parsed {
  try {
    let value: string | number | null;
    if (def.kind === 'date') value = fmt.parseDate(text);
    else if (def.kind === 'text') value = text.trim() === '' ? null : text;
    else if (def.kind === 'code') {
      const code = text.trim().toUpperCase();
      if (!GOAL_CODE.test(code) || code.length > GOAL_CODE_MAX) return { ok: false, message: t('validation.goalCode') };
      value = code;
    }
    else {
      value = fmt.parseNumber(text);
      if (def.kind === 'int' && value !== null && (!Number.isInteger(value) || value < 0)) return { ok: false, message: t('validation.nonNegativeInt') };
    }
    if (value === null && def.required) return { ok: false, message: def.kind === 'date' ? t('import.needsDate') : t('validation.required') };
    if (value === null && def.kind === 'text') value = '';
    return { ok: true, value };
  } catch {
    if (def.kind === 'date') return { ok: false, message: t('validation.dateFormat', { format: fmt.datePlaceholder }) };
    return { ok: false, message: t('validation.number', { example: `${fmt.number(19037)} / ${fmt.number(3.8, 1)}` }) };
  }
}

/** Where the import goes: this project, another one, or a new project with a name. */
export type TargetMode = 'this' | 'other' | 'new';
export interface ImportTarget {
  mode: TargetMode;
  projectId: number | null;
  newName: string;
}

/** What the wizard sends to importApply (without the request id). */
export interface ApplyRequest {
  projectId: number | null;
  newProjectName?: string;
  evaluationId?: number | null;
  newEvaluation?: { type: EvaluationType; date: string };
  items: ImportItem[];
}

export interface PreviewStepProps {
  preview: ImportPreview;
  /** The project the diff is against, for the attainment before the import. */
  project?: ProjectDetail | null;
  target: ImportTarget;
  /** The project the wizard was opened from (offers "this project"). */
  thisProject?: { id: number; name: string } | null;
  projects: { id: number; name: string }[];
  onTargetChange: (target: ImportTarget) => void;
  /** Called with the confirmed, corrected items; the wizard sends them. */
  onApply: (request: ApplyRequest) => void;
  busy?: boolean;
  /** Buttons beside Importér (Back, Cancel). */
  actions?: ReactNode;
}

/** A note of main's diff in the UI's language, numbers and dates in its format. */
function sayNote(english: boolean, getEnglish: (key: string) => unknown, fmt: Formatter, msgs: Msg[] | null, danishText: string | null, separator: string): string | null {
  if (msgs === null) return danishText;
  return msgs
    .map((m) => {
      const translated = english ? getEnglish(`import.notes.${m.key}`) : undefined;
      const template = typeof translated === 'string' ? translated : NOTES_DA[m.key];
      // A place inside a note ("a.csv (linje 3)") is stored in Danish; shown in the UI's language.
      const params = english && m.params ? Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, /location$/i.test(k) && typeof v === 'string' ? placeText(v, 'en') : v])) : m.params;
      return fill(template, params, (n) => fmt.number(n, shownDecimals(n)), fmt.date);
    })
    .join(separator);
}

function changeColor(change: ItemDiff['change']): string {
  return { new: 'green', changed: 'blue', unchanged: 'gray', blocked: 'red', info: 'grape' }[change];
}

/** The default selection the diff proposes: new and changed items, blocked ones (fix or deselect), not changes that need a choice. */
function defaultSelection(preview: ImportPreview): Set<string> {
  return new Set(preview.diff.filter((d) => d.selectedByDefault).map((d) => d.itemId));
}

function attainment(value: number | null, target: number | null, direction: 'higher' | 'lower' = 'higher', baseline: number | null = null): number | null {
  if (value === null || target === null) return null;
  if (direction === 'lower') return baseline === null || baseline === target ? null : roundHalfUp(((baseline - value) / (baseline - target)) * 100);
  return target === 0 ? null : roundHalfUp((value / target) * 100);
}

/** Step 2 of the import wizard: every item found, where, and what it changes; nothing is written here. */
export function PreviewStep({ preview, project, target, thisProject, projects, onTargetChange, onApply, busy, actions }: PreviewStepProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(() => defaultSelection(preview));
  const [drafts, setDrafts] = useState<Record<string, Record<string, string>>>({});
  const [shownPreview, setShownPreview] = useState(preview);
  const [evalType, setEvalType] = useState<EvaluationType>('midterm');
  const [evalDate, setEvalDate] = useState(fmt.dateInput(new Date().toISOString().slice(0, 10)));
  if (shownPreview !== preview) {
    // A new preview (another target project): its own default selection; corrections are kept.
    setShownPreview(preview);
    setSelected(defaultSelection(preview));
  }

  const diffOf = useMemo(() => new Map(preview.diff.map((d) => [d.itemId, d])), [preview]);
  const issuesOf = useMemo(() => {
    const m = new Map<string, ImportIssue[]>();
    for (const i of preview.issues) if (i.itemId) m.set(i.itemId, [...(m.get(i.itemId) ?? []), i]);
    return m;
  }, [preview]);

  // Each item with the user's corrections applied, and the problems of its fields.
  const { effective, fieldErrors } = useMemo(() => {
    const effective = new Map<string, ImportItem>();
    const fieldErrors = new Map<string, Record<string, string>>();
    for (const item of preview.items) {
      let next = item;
      const errors: Record<string, string> = {};
      for (const def of editableFields(item)) {
        const draft = drafts[item.id]?.[def.key];
        const parsed: Parsed = draft === undefined ? { ok: true, value: def.get(item) } : parseValue(fmt, t, def, draft);
        if (!parsed.ok) errors[def.key] = parsed.message;
        else {
          if (draft !== undefined) next = def.set(next, parsed.value);
          if (def.required && parsed.value === null && diffOf.get(item.id)?.change === 'blocked')
            errors[def.key] = def.kind === 'date' ? t('import.needsDate') : t('validation.required');
        }
      }
      effective.set(item.id, next);
      if (Object.keys(errors).length) fieldErrors.set(item.id, errors);
    }
    return { effective, fieldErrors };
  }, [preview, drafts, fmt, t, diffOf]);

  /** A blocked item stays blocked until its missing date is filled in. */
  const stillBlocked = (id: string): boolean => {
    if (diffOf.get(id)?.change !== 'blocked') return false;
    const item = effective.get(id)!;
    if (item.type === 'status' || item.type === 'progress') return item.reportedAt === null;
    return true;
  };

  const chosen = preview.items.filter((i) => selected.has(i.id));
  const fileErrors = preview.issues.filter((i) => i.severity === 'error' && (!i.itemId || selected.has(i.itemId)));
  const blockedCount = chosen.filter((i) => stillBlocked(i.id)).length;
  const invalidCount = chosen.filter((i) => fieldErrors.has(i.id)).length;
  const needsEvaluation = preview.evaluationId === null && chosen.some((i) => i.type === 'progress' || i.type === 'survey');
  let evalIso: string | null = null;
  let evalDateError: string | null = null;
  if (needsEvaluation) {
    try {
      evalIso = fmt.parseDate(evalDate);
      if (!evalIso) evalDateError = t('validation.required');
    } catch {
      evalDateError = t('validation.dateFormat', { format: fmt.datePlaceholder });
    }
  }
  const nameMissing = target.mode === 'new' && target.newName.trim() === '';
  const projectMissing = target.mode === 'other' && target.projectId === null;
  const blockers: string[] = [];
  // Errors of a cell or line that gave no item can only be fixed in the file; errors of an item can be deselected.
  const inFile = fileErrors.filter((e) => !e.itemId).length;
  const ofItems = fileErrors.length - inFile;
  if (inFile) blockers.push(t('import.blockFileErrors', { count: inFile }));
  if (ofItems) blockers.push(t('import.blockErrors', { count: ofItems }));
  if (blockedCount) blockers.push(t('import.blockBlocked', { count: blockedCount }));
  if (invalidCount) blockers.push(t('import.blockInvalid', { count: invalidCount }));
  if (nameMissing) blockers.push(t('import.blockName'));
  if (projectMissing) blockers.push(t('import.blockProject'));
  if (evalDateError) blockers.push(t('import.blockEvaluation'));
  if (chosen.length === 0) blockers.push(t('import.blockNothing'));

  const apply = () => {
    if (blockers.length) return;
    onApply({
      projectId: target.mode === 'new' ? null : target.projectId,
      ...(target.mode === 'new' ? { newProjectName: target.newName.trim() } : {}),
      ...(preview.evaluationId !== null && target.mode !== 'new' ? { evaluationId: preview.evaluationId } : {}),
      ...(needsEvaluation && evalIso ? { newEvaluation: { type: evalType, date: evalIso } } : {}),
      items: chosen.map((i) => effective.get(i.id)!),
    });
  };

  const toggle = (ids: string[], on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const setDraft = (id: string, key: string, text: string) => setDrafts((d) => ({ ...d, [id]: { ...d[id], [key]: text } }));

  const goalByCode = (code: string) => project?.goals.find((g) => g.code.toUpperCase() === code.toUpperCase()) ?? null;
  const percentBefore = (code: string): number | null => {
    const goal = goalByCode(code);
    if (!goal || !project) return null;
    const latest = project.statusReports
      .filter((r) => r.goalId === goal.id)
      .reduce<(typeof project.statusReports)[number] | null>((best, r) => (!best || r.reportedAt >= best.reportedAt ? r : best), null);
    return latest ? attainment(latest.value, goal.targetInPeriod, goal.direction, goal.baseline) : null;
  };
  const percentAfter = (item: Extract<ImportItem, { type: 'status' }>): number | null => {
    const goalItem = preview.items.find((i) => i.type === 'goal' && i.code.toUpperCase() === item.code.toUpperCase() && selected.has(i.id));
    const stored = goalByCode(item.code);
    const targetValue = goalItem && goalItem.type === 'goal' ? (effective.get(goalItem.id) as typeof goalItem).targetInPeriod : stored?.targetInPeriod ?? null;
    if (targetValue === null && stored === null) return item.computedPercent;
    return attainment(item.value, targetValue, stored?.direction, stored?.baseline ?? null);
  };

  const itemLabel = (item: ImportItem): string => {
    switch (item.type) {
      case 'fact':
        return t(`facts.${item.field}`);
      case 'goal':
        return `${item.code} ${item.description}`.trim();
      case 'status':
        return `${t('goals.status')} ${item.code}`;
      case 'progress':
        return t('import.types.progress');
      case 'scoreAverage':
        return `${t('resume.averageScore')}: ${fmt.number(item.value, 1)}`;
      case 'budgetLine':
        return `${item.costType} ${item.year}`;
      case 'financing':
        return item.name;
      case 'survey':
        return `${item.group ? `${item.group}: ` : ''}${item.statement}`;
    }
  };

  const say = (msgs: Msg[] | null, danishText: string | null, separator: string) =>
    sayNote(i18n.language === 'en', (key) => i18n.getResource('en', 'translation', key), fmt, msgs, danishText, separator);

  const language = i18n.language === 'en' ? 'en' : 'da';
  // A file reader's message has both languages in shared/ (readerNotes.ts); places are stored in Danish.
  const issueText = (issue: ImportIssue) =>
    issue.msg && isReaderMsg(issue.msg)
      ? readerText(issue.msg, language, { number: (n) => fmt.number(n, shownDecimals(n)), date: fmt.date })
      : issue.msg
        ? say([issue.msg], issue.message, ' ')
        : issue.message;
  const place = (location: string) => placeText(location, language);

  const changeCell = (item: ImportItem) => {
    const d = diffOf.get(item.id);
    if (!d) return null;
    const blocked = d.change === 'blocked' && stillBlocked(item.id);
    const change = d.change === 'blocked' && !blocked ? 'new' : d.change;
    let detail: ReactNode = null;
    if (item.type === 'status') {
      const eff = effective.get(item.id) as typeof item;
      const before = percentBefore(item.code);
      const after = percentAfter(eff);
      const evaluationDate = project?.evaluations.find((e) => e.id === preview.evaluationId)?.date ?? null;
      detail = (
        <>
          {evaluationDate && eff.reportedAt && eff.reportedAt > evaluationDate ? (
            // Not in force in this round: the round keeps its figure.
            <Text size="xs" data-testid={`import-percent-${item.id}`}>
              {t('import.percentLater', { before: before === null ? '–' : fmt.percent(before), after: after === null ? '–' : fmt.percent(after) })}
            </Text>
          ) : (
            <Text size="xs" data-testid={`import-percent-${item.id}`}>
              {t('goals.percent')}: {before === null ? '–' : fmt.percent(before)} <IconArrowRight size={11} aria-label={t('import.to')} /> {after === null ? '–' : fmt.percent(after)}
            </Text>
          )}
          {evaluationDate && eff.reportedAt && eff.reportedAt > evaluationDate && (
            <Text size="xs" c="orange.9">
              {t('import.afterEvaluation', { date: fmt.date(evaluationDate) })}
            </Text>
          )}
        </>
      );
    } else if (d.before !== null && d.after !== null) {
      detail = (
        <Text size="xs">
          {say(d.beforeMsgs, d.before, '; ')} <IconArrowRight size={11} aria-label={t('import.to')} /> {say(d.afterMsgs, d.after, '; ')}
        </Text>
      );
    } else if (d.after !== null || d.before !== null) {
      detail = <Text size="xs">{d.after !== null ? say(d.afterMsgs, d.after, '; ') : say(d.beforeMsgs, d.before, '; ')}</Text>;
    }
    // A status dated after the round says so above, in the UI's words.
    const note = say(
      d.noteMsgs.filter((m) => m.key !== 'statusAfterRound'),
      d.note,
      ' ',
    );
    return (
      <Stack gap={2}>
        <Group gap={4}>
          <Badge size="sm" variant="light" color={changeColor(change)} data-testid={`import-change-${item.id}`}>
            {t(`import.change.${change}`)}
          </Badge>
          {d.overwrites && (
            <Badge size="sm" variant="outline" color="orange">
              {t('import.overwrites')}
            </Badge>
          )}
        </Group>
        {detail}
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    );
  };

  const itemRow = (item: ImportItem) => {
    const label = itemLabel(item);
    const errors = fieldErrors.get(item.id) ?? {};
    const isSelected = selected.has(item.id);
    const d = diffOf.get(item.id);
    return (
      <Table.Tr key={item.id} data-testid={`import-item-${item.id}`} bg={isSelected && stillBlocked(item.id) ? 'red.0' : undefined}>
        <Table.Td w={36}>
          <Checkbox
            aria-label={t('import.selectItem', { item: label, place: place(item.source.location) })}
            checked={isSelected}
            disabled={d?.change === 'info'}
            onChange={(e) => toggle([item.id], e.currentTarget.checked)}
          />
        </Table.Td>
        <Table.Td w={170}>
          <Text size="xs" data-testid={`import-place-${item.id}`}>
            {place(item.source.location) || '–'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" fw={600} mb={4}>
            {label}
          </Text>
          <Group gap="xs" align="flex-start" wrap="wrap">
            {editableFields(item).map((def) => {
              const draft = drafts[item.id]?.[def.key];
              const text = draft ?? showValue(fmt, def, def.get(item));
              return (
                <TextInput
                  key={def.key}
                  size="xs"
                  w={def.width}
                  label={t(def.label)}
                  aria-label={`${label} ${t(def.label)}`}
                  value={text}
                  placeholder={def.kind === 'date' ? fmt.datePlaceholder : undefined}
                  inputMode={def.kind === 'number' || def.kind === 'int' ? 'decimal' : undefined}
                  error={isSelected ? errors[def.key] : undefined}
                  disabled={!isSelected}
                  onChange={(e) => setDraft(item.id, def.key, e.currentTarget.value)}
                />
              );
            })}
          </Group>
          {(issuesOf.get(item.id) ?? []).map((issue, i) => (
            <Text key={i} size="xs" c={issue.severity === 'error' ? 'red.8' : 'orange.8'} mt={2}>
              {issueText(issue)}
            </Text>
          ))}
        </Table.Td>
        <Table.Td w={300}>{changeCell(item)}</Table.Td>
      </Table.Tr>
    );
  };

  const projectOptions = projects.filter((p) => p.id !== thisProject?.id).map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Radio.Group
            label={t('import.target')}
            value={target.mode}
            onChange={(v) => {
              const mode = v as TargetMode;
              onTargetChange({
                mode,
                projectId: mode === 'this' ? thisProject?.id ?? null : mode === 'other' ? (target.mode === 'other' ? target.projectId : null) : null,
                newName: target.newName || (mode === 'new' ? preview.projectName : ''),
              });
            }}
          >
            <Group gap="md" mt={6} mb={6}>
              {thisProject && <Radio value="this" label={t('import.targetThis', { name: thisProject.name })} />}
              <Radio value="other" label={t('import.targetOther')} />
              <Radio value="new" label={t('import.targetNew')} />
            </Group>
          </Radio.Group>
          {target.mode === 'other' && (
            <Select
              label={t('import.chooseProject')}
              w={380}
              searchable
              data={projectOptions}
              value={target.projectId !== null ? String(target.projectId) : null}
              placeholder={t('import.chooseProject')}
              onChange={(v) => onTargetChange({ ...target, projectId: v ? Number(v) : null })}
            />
          )}
          {target.mode === 'new' && (
            <TextInput
              label={t('import.newProjectName')}
              w={380}
              required
              value={target.newName}
              onChange={(e) => onTargetChange({ ...target, newName: e.currentTarget.value })}
            />
          )}
        </Group>
        {needsEvaluation && (
          <Group align="flex-end" gap="md" mt="sm" data-testid="import-new-evaluation">
            <Select
              label={t('import.newEvaluationType')}
              w={220}
              allowDeselect={false}
              value={evalType}
              data={[
                { value: 'midterm', label: t('evaluationType.midterm') },
                { value: 'final', label: t('evaluationType.final') },
              ]}
              onChange={(v) => setEvalType((v as EvaluationType) ?? 'midterm')}
            />
            <TextInput
              label={t('evaluation.date')}
              w={160}
              required
              placeholder={fmt.datePlaceholder}
              value={evalDate}
              error={evalDateError}
              onChange={(e) => setEvalDate(e.currentTarget.value)}
            />
            <Text size="xs" c="dimmed" maw={420}>
              {t('import.newEvaluationHelp')}
            </Text>
          </Group>
        )}
      </Paper>

      {preview.issues.length > 0 && (
        <Alert
          color={preview.issues.some((i) => i.severity === 'error') ? 'red' : 'orange'}
          icon={<IconAlertTriangle />}
          title={t('import.issues', { count: preview.issues.length })}
          data-testid="import-issues"
        >
          <Stack gap={4}>
            {preview.issues.map((issue, i) => (
              <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="sm" color={issue.severity === 'error' ? 'red' : 'orange'} variant="filled" style={{ flexShrink: 0 }}>
                  {t(`import.severity.${issue.severity}`)}
                </Badge>
                <Text size="sm">
                  <b>
                    {issue.file}
                    {issue.location ? `, ${place(issue.location)}` : ''}
                  </b>
                  : {issueText(issue)}
                </Text>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}

      {preview.files.map((file) => {
        const items = preview.items.filter((i) => file.itemIds.includes(i.id));
        return (
          <Stack key={file.file} gap="xs" data-testid={`import-file-${file.file}`}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {file.file}
              </Title>
              <Badge variant="light" color={file.kind === 'unknown' ? 'red' : 'blue'}>
                {t(`import.kinds.${file.kind}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('import.itemCount', { count: items.length })}
              </Text>
            </Group>
            {items.length === 0 && (
              <Text size="sm" c={preview.issues.some((i) => i.file === file.file && i.severity === 'error') ? 'red.8' : 'dimmed'}>
                {preview.issues
                  .filter((i) => i.file === file.file && i.severity === 'error' && !i.itemId)
                  .map((i) => `${i.location ? `${place(i.location)}: ` : ''}${issueText(i)}`)
                  .join(' ') || t('import.noItems')}
              </Text>
            )}
            {ITEM_TYPE_ORDER.map((type) => {
              const group = items.filter((i) => i.type === type);
              if (group.length === 0) return null;
              const selectable = group.filter((i) => diffOf.get(i.id)?.change !== 'info').map((i) => i.id);
              const on = selectable.filter((id) => selected.has(id)).length;
              const groupLabel = `${t(`import.types.${type}`)} · ${file.file}`;
              return (
                <Paper key={type} withBorder p={0} data-testid={`import-group-${type}`}>
                  <Table verticalSpacing={6} fz="sm" layout="fixed">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={36}>
                          <Checkbox
                            aria-label={t('import.selectGroup', { group: groupLabel })}
                            checked={selectable.length > 0 && on === selectable.length}
                            indeterminate={on > 0 && on < selectable.length}
                            disabled={selectable.length === 0}
                            onChange={(e) => toggle(selectable, e.currentTarget.checked)}
                          />
                        </Table.Th>
                        <Table.Th w={170}>{t('import.place')}</Table.Th>
                        <Table.Th>
                          {t(`import.types.${type}`)} ({group.length})
                        </Table.Th>
                        <Table.Th w={300}>{t('import.changeHeader')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>{group.map(itemRow)}</Table.Tbody>
                  </Table>
                </Paper>
              );
            })}
          </Stack>
        );
      })}

      <Paper withBorder p="sm" pos="sticky" bottom={0} style={{ zIndex: 2 }}>
        <Group justify="space-between" wrap="nowrap" align="center">
          <div>
            <Text size="sm" fw={600} data-testid="import-selected-count">
              {t('import.selected', { selected: chosen.length, total: preview.items.length })}
            </Text>
            {blockers.length > 0 ? (
              <Text size="xs" c="red.8" data-testid="import-blockers">
                {blockers.join(' ')}
              </Text>
            ) : (
              <Text size="xs" c="dimmed">
                {t('import.nothingWritten')}
              </Text>
            )}
          </div>
          <Group gap="sm" wrap="nowrap">
            {actions}
            <Button disabled={blockers.length > 0} loading={!!busy} onClick={apply} data-testid="import-apply">
              {t('import.apply')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}
