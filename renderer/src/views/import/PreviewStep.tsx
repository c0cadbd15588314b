import { Alert, Badge, Button, Checkbox, Group, Paper, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationType } from '../../../../shared/domain';
import { GOAL_CODE, GOAL_CODE_MAX, type ImportIssue, type ImportItem, type ImportItemType, type ImportPreview, type ItemDiff } from '../../../../shared/import/items';
import { EFFECT_NOTE_KEYS, effectNote, statusEffects, type StatusEffect } from '../../../../shared/import/attainment';
import { placeErrors } from '../../../../shared/import/leftOut';
import { fill, labelDa, NOTES_DA, type LabelParam, type Msg } from '../../../../shared/import/notes';
import { isFigureIssue, validateItems } from '../../../../shared/import/validate';
import { PARAMETER_NAMES } from '../../../../shared/methodology/legend';
import { isReaderMsg, placeText, readerText } from '../../../../shared/import/readerNotes';
import { shownDecimals } from '../../../../shared/numbers/danish';
import { useFormatter, type Formatter } from '../../format';

export const ITEM_TYPE_ORDER: readonly ImportItemType[] = [
  'fact',
  'evaluation',
  'goal',
  'status',
  'progress',
  'scoreAverage',
  'score',
  'light',
  'budgetLine',
  'financing',
  'survey',
  'learning',
  'effectChain',
];

/** Types stored on an evaluation round: a project without one needs a new round for them. */
const ROUND_TYPES: ReadonlySet<ImportItemType> = new Set(['progress', 'survey', 'score', 'light', 'learning']);

/** Why main blocked an item that no correction in the preview can fix (only leaving it out helps). */
const UNFIXABLE: ReadonlySet<string> = new Set(['goalDuplicate', 'goalUnknownCode', 'statusGoalBlocked', 'statusUnknownCode']);

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
    case 'score':
      return [field('score', 'int', 'implementation.score', { width: 90 })];
    case 'scoreAverage':
    case 'evaluation':
    case 'light':
    case 'learning':
    case 'effectChain':
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
    } else {
      value = fmt.parseNumber(text);
      if (def.kind === 'int' && value !== null && (!Number.isInteger(value) || value < 0)) return { ok: false, message: t('validation.nonNegativeInt') };
    }
    if (value === null && def.required && def.kind !== 'date') return { ok: false, message: t('validation.required') };
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
  files: { file: string; kind: ImportPreview['files'][number]['kind']; sha256?: string }[];
}

export interface PreviewStepProps {
  preview: ImportPreview;
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

/** Main's keyed messages in the UI's language, numbers, percents, dates and labels in its format. */
export function useSayNote() {
  const { i18n } = useTranslation();
  const fmt = useFormatter();
  const english = i18n.language === 'en';
  const label = (param: LabelParam, value: string): string => {
    const translated = english ? i18n.getResource('en', 'translation', `import.labels.${param}.${value}`) : undefined;
    return typeof translated === 'string' ? translated : labelDa(param, value);
  };
  const say = (msgs: readonly Msg[] | null, danishText: string | null, separator = ' '): string | null => {
    if (msgs === null) return danishText;
    return msgs
      .map((m) => {
        const translated = english ? i18n.getResource('en', 'translation', `import.notes.${m.key}`) : undefined;
        const template = typeof translated === 'string' ? translated : NOTES_DA[m.key];
        // A place inside a note ("a.csv (linje 3)") is stored in Danish; shown in the UI's language.
        const params = english && m.params ? Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, /location$/i.test(k) && typeof v === 'string' ? placeText(v, 'en') : v])) : m.params;
        return fill(template, params, (n) => fmt.number(n, shownDecimals(n)), fmt.date, { percent: (n) => fmt.percent(n), label });
      })
      .join(separator);
  };
  return { say, label };
}

/** The project name the files give (a fact), or the name main proposed for a new project. */
function filesProjectName(preview: ImportPreview): string {
  const fact = preview.items.find((i) => i.type === 'fact' && i.field === 'name' && typeof i.value === 'string' && i.value.trim());
  if (fact?.type === 'fact') return String(fact.value).trim();
  return preview.projectId === null ? preview.projectName : '';
}

function changeColor(change: ItemDiff['change'] | 'error'): string {
  return { new: 'green', changed: 'blue', unchanged: 'gray', blocked: 'red', error: 'red', info: 'grape' }[change];
}

/** The default selection the diff proposes: new and changed items, blocked ones (fix or deselect), not changes that need a choice. */
function defaultSelection(preview: ImportPreview): Set<string> {
  return new Set(preview.diff.filter((d) => d.selectedByDefault).map((d) => d.itemId));
}

/** Step 2 of the import wizard: every item found, where, and what it changes; nothing is written here. */
export function PreviewStep({ preview, target, thisProject, projects, onTargetChange, onApply, busy, actions }: PreviewStepProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatter();
  const { say, label } = useSayNote();
  const [selected, setSelected] = useState<Set<string>>(() => defaultSelection(preview));
  const [drafts, setDrafts] = useState<Record<string, Record<string, string>>>({});
  const [fileDates, setFileDates] = useState<Record<string, string>>({});
  const [skipPlaceErrors, setSkipPlaceErrors] = useState(false);
  const [shownPreview, setShownPreview] = useState(preview);
  // The new round's type and date are asked, never assumed (null = not chosen or typed yet).
  const [evalType, setEvalType] = useState<EvaluationType | null>(null);
  const [evalDate, setEvalDate] = useState<string | null>(null);
  if (shownPreview !== preview) {
    // A new preview (another target project): its own default selection; corrections are kept.
    setShownPreview(preview);
    setSelected(defaultSelection(preview));
  }

  const diffOf = useMemo(() => new Map(preview.diff.map((d) => [d.itemId, d])), [preview]);
  /** Main's problems of each item; a figure's are replaced by the live check of the selected items. */
  const mainIssuesOf = useMemo(() => {
    const m = new Map<string, ImportIssue[]>();
    for (const i of preview.issues) if (i.itemId) m.set(i.itemId, [...(m.get(i.itemId) ?? []), i]);
    return m;
  }, [preview]);

  /** The date given for the undated statuses of each file, read. */
  const { fileDateIso, fileDateErrors } = useMemo(() => {
    const fileDateIso: Record<string, string> = {};
    const fileDateErrors: Record<string, string> = {};
    for (const [file, text] of Object.entries(fileDates)) {
      try {
        const iso = fmt.parseDate(text);
        if (iso) fileDateIso[file] = iso;
      } catch {
        fileDateErrors[file] = t('validation.dateFormat', { format: fmt.datePlaceholder });
      }
    }
    return { fileDateIso, fileDateErrors };
  }, [fileDates, fmt, t]);

  // Each item with the user's corrections applied, and the problems of its fields.
  const { effective, fieldErrors } = useMemo(() => {
    const effective = new Map<string, ImportItem>();
    const fieldErrors = new Map<string, Record<string, string>>();
    for (const item of preview.items) {
      let next = item;
      const errors: Record<string, string> = {};
      const defs = editableFields(item);
      for (const def of defs) {
        const draft = drafts[item.id]?.[def.key];
        if (draft === undefined) continue;
        const parsed = parseValue(fmt, t, def, draft);
        if (!parsed.ok) errors[def.key] = parsed.message;
        else next = def.set(next, parsed.value);
      }
      // A status the file gives no date gets the date given for the file, unless typed on the item.
      if (next.type === 'status' && next.reportedAt === null && fileDateIso[item.source.file]) next = { ...next, reportedAt: fileDateIso[item.source.file] };
      for (const def of defs)
        if (!errors[def.key] && def.required && def.get(next) === null && diffOf.get(item.id)?.change === 'blocked')
          errors[def.key] = def.kind === 'date' ? t('import.needsDate') : t('validation.required');
      effective.set(item.id, next);
      if (Object.keys(errors).length) fieldErrors.set(item.id, errors);
    }
    return { effective, fieldErrors };
  }, [preview, drafts, fileDateIso, fmt, t, diffOf]);

  const chosen = useMemo(() => preview.items.filter((i) => selected.has(i.id)), [preview, selected]);
  const chosenEffective = useMemo(() => chosen.map((i) => effective.get(i.id)!), [chosen, effective]);
  /** The same checks main makes before it writes, on what would be sent. */
  const liveIssues = useMemo(() => {
    const m = new Map<string, ImportIssue[]>();
    for (const i of validateItems(chosenEffective, preview.basis)) m.set(i.itemId!, [...(m.get(i.itemId!) ?? []), i]);
    return m;
  }, [chosenEffective, preview.basis]);
  const issuesOf = (id: string): ImportIssue[] => {
    const main = mainIssuesOf.get(id) ?? [];
    return selected.has(id) ? [...main.filter((i) => !isFigureIssue(i)), ...(liveIssues.get(id) ?? [])] : main;
  };
  const hasError = (id: string) => issuesOf(id).some((i) => i.severity === 'error');

  /** Blocked for a reason no correction here can fix (only leaving it out helps). */
  const unfixable = (id: string): boolean => {
    const d = diffOf.get(id);
    return d?.change === 'blocked' && d.noteMsgs.some((m) => UNFIXABLE.has(m.key));
  };
  /** A blocked item stays blocked until what it lacks is given (a date), unless only leaving it out can help. */
  const stillBlocked = (id: string): boolean => {
    const d = diffOf.get(id);
    if (d?.change !== 'blocked') return false;
    const keys = d.noteMsgs.map((m) => m.key as string);
    if (unfixable(id)) return true;
    const item = effective.get(id)!;
    return keys.includes('statusNoDate') && item.type === 'status' && item.reportedAt === null;
  };

  /** What each status would do to its goal's attainment, with the user's selection and corrections. */
  const effects = useMemo(() => statusEffects(chosenEffective, preview.basis), [chosenEffective, preview.basis]);
  const effectOf = (item: ImportItem): StatusEffect | undefined =>
    selected.has(item.id) ? effects.get(item.id) : statusEffects([...chosenEffective, effective.get(item.id)!], preview.basis).get(item.id);

  const places = placeErrors(preview);
  const withErrors = chosen.filter((i) => hasError(i.id)).length;
  const blockedCount = chosen.filter((i) => stillBlocked(i.id) && !hasError(i.id) && !unfixable(i.id)).length;
  const unfixableCount = chosen.filter((i) => unfixable(i.id) && !hasError(i.id)).length;
  // What can't be read: whole files, and places (cells, lines) that gave no item.
  const unreadableFiles = new Set(places.filter((e) => (preview.files.find((f) => f.file === e.file)?.itemIds.length ?? 0) === 0).map((e) => e.file));
  const placeCount = places.filter((e) => !unreadableFiles.has(e.file)).length;
  const unreadable = [
    unreadableFiles.size ? t('import.unreadableFiles', { count: unreadableFiles.size }) : '',
    placeCount ? t('import.unreadablePlaces', { count: placeCount }) : '',
  ]
    .filter(Boolean)
    .join(t('import.and'));
  const invalidCount = chosen.filter((i) => fieldErrors.has(i.id)).length + Object.keys(fileDateErrors).length;
  const needsEvaluation =
    preview.evaluationId === null && !chosenEffective.some((i) => i.type === 'evaluation') && chosenEffective.some((i) => ROUND_TYPES.has(i.type));
  // The round's date: as typed; otherwise the date of the budget and time figures, or the date
  // given for the file's statuses (shown in the field, so nothing is assumed unseen).
  const progress = chosenEffective.find((i): i is Extract<ImportItem, { type: 'progress' }> => i.type === 'progress' && i.reportedAt !== null);
  const suggestedDate = progress?.reportedAt ?? Object.values(fileDateIso)[0] ?? null;
  const evalDateText = evalDate ?? (suggestedDate ? fmt.dateInput(suggestedDate) : '');
  let evalIso: string | null = null;
  let evalDateError: string | null = null;
  if (needsEvaluation) {
    try {
      evalIso = fmt.parseDate(evalDateText);
      if (!evalIso) evalDateError = t('validation.required');
    } catch {
      evalDateError = t('validation.dateFormat', { format: fmt.datePlaceholder });
    }
  }
  const newName = target.newName.trim();
  const nameMissing = target.mode === 'new' && newName === '';
  const nameTaken = target.mode === 'new' && newName !== '' && projects.some((p) => p.name.trim().toLowerCase() === newName.toLowerCase());
  const projectMissing = target.mode === 'other' && target.projectId === null;
  const blockers: string[] = [];
  // A place that gave no item (a cell that can't be read, a file that can't be opened) is left out
  // only when the user says so; an item with an error is deselected (or corrected).
  if (places.length && !skipPlaceErrors) blockers.push(t('import.blockFileErrors', { what: unreadable }));
  if (withErrors) blockers.push(t('import.blockErrors', { count: withErrors }));
  if (blockedCount) blockers.push(t('import.blockBlocked', { count: blockedCount }));
  if (unfixableCount) blockers.push(t('import.blockUnfixable', { count: unfixableCount }));
  if (invalidCount) blockers.push(t('import.blockInvalid', { count: invalidCount }));
  if (nameMissing) blockers.push(t('import.blockName'));
  if (nameTaken) blockers.push(t('import.blockNameTaken', { name: newName }));
  if (projectMissing) blockers.push(t('import.blockProject'));
  if (needsEvaluation && !evalType) blockers.push(t('import.blockEvaluationType'));
  if (evalDateError) blockers.push(t('import.blockEvaluation'));
  if (chosen.length === 0) blockers.push(t('import.blockNothing'));

  const apply = () => {
    if (blockers.length) return;
    onApply({
      projectId: target.mode === 'new' ? null : target.projectId,
      ...(target.mode === 'new' ? { newProjectName: newName } : {}),
      ...(preview.evaluationId !== null && target.mode !== 'new' ? { evaluationId: preview.evaluationId } : {}),
      ...(needsEvaluation && evalIso && evalType ? { newEvaluation: { type: evalType, date: evalIso } } : {}),
      items: chosenEffective,
      files: preview.files.map((f) => ({ file: f.file, kind: f.kind, sha256: f.sha256 })),
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
      case 'evaluation':
        return `${t(`evaluationType.${item.evaluationType}`)} ${fmt.date(item.date)}${item.evaluator ? ` · ${item.evaluator}` : ''}`;
      case 'score':
        return `${item.parameter}. ${PARAMETER_NAMES[item.parameter][i18n.language === 'en' ? 'en' : 'da']}`;
      case 'light':
        return `${t('implementation.light')}: ${label('kind', item.kind)}`;
      case 'learning':
        return `${t(item.kind === 'learning' ? 'learning.title' : 'learning.recommendations')}: ${item.title}`;
      case 'effectChain':
        return item.text;
    }
  };

  const language = i18n.language === 'en' ? 'en' : 'da';
  // A file reader's message has both languages in shared/ (readerNotes.ts); places are stored in Danish.
  const issueText = (issue: ImportIssue) =>
    issue.msg && isReaderMsg(issue.msg)
      ? readerText(issue.msg, language, { number: (n) => fmt.number(n, shownDecimals(n)), date: fmt.date })
      : issue.msg
        ? say([issue.msg], issue.message)
        : issue.message;
  const place = (location: string) => placeText(location, language);

  const changeCell = (item: ImportItem) => {
    const d = diffOf.get(item.id);
    if (!d) return null;
    const fixed = d.change === 'blocked' && !stillBlocked(item.id) && !hasError(item.id);
    const failing = d.change === 'blocked' && !fixed && (hasError(item.id) || unfixable(item.id));
    const change = fixed ? (d.overwrites ? 'changed' : 'new') : failing ? 'error' : d.change;
    let detail: ReactNode = null;
    if (item.type === 'status') {
      const effect = effectOf(item);
      const note = effect ? effectNote(effect) : null;
      if (note)
        detail = (
          <Text size="xs" c={effect?.kind === 'inForce' ? undefined : 'orange.9'} data-testid={`import-percent-${item.id}`}>
            {effect?.kind === 'inForce' && (
              <>
                {t('goals.percent')}: {fmt.percent(effect.before)} <IconArrowRight size={11} aria-label={t('import.to')} /> {fmt.percent(effect.after)}
              </>
            )}
            {effect?.kind !== 'inForce' && say([note], null)}
          </Text>
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
    // What a status does to the attainment is said above, live; a fixed figure is no longer invalid.
    const note = say(
      d.noteMsgs.filter((m) => !EFFECT_NOTE_KEYS.has(m.key) && !(fixed && m.key === 'itemInvalid')),
      d.note,
    );
    return (
      <Stack gap={2}>
        <Group gap={4}>
          <Badge size="sm" variant="light" color={changeColor(change)} data-testid={`import-change-${item.id}`}>
            {t(`import.change.${change}`)}
          </Badge>
          {d.overwrites && change !== 'blocked' && (
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
    const itemText = itemLabel(item);
    const errors = fieldErrors.get(item.id) ?? {};
    const isSelected = selected.has(item.id);
    const d = diffOf.get(item.id);
    const flagged = isSelected && (stillBlocked(item.id) || hasError(item.id));
    const fileDate = item.type === 'status' && item.reportedAt === null ? fileDateIso[item.source.file] : undefined;
    return (
      <Table.Tr key={item.id} data-testid={`import-item-${item.id}`} bg={flagged ? 'red.0' : undefined}>
        <Table.Td w={36}>
          <Checkbox
            aria-label={t('import.selectItem', { item: itemText, place: place(item.source.location) })}
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
          <Text size="sm" fw={600} mb={4} style={{ overflowWrap: 'anywhere' }}>
            {itemText}
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
                  aria-label={`${itemText} ${t(def.label)}`}
                  value={text}
                  placeholder={def.kind === 'date' ? (def.key === 'reportedAt' && fileDate ? fmt.dateInput(fileDate) : fmt.datePlaceholder) : undefined}
                  inputMode={def.kind === 'number' || def.kind === 'int' ? 'decimal' : undefined}
                  error={isSelected ? errors[def.key] : undefined}
                  disabled={!isSelected}
                  onChange={(e) => setDraft(item.id, def.key, e.currentTarget.value)}
                />
              );
            })}
          </Group>
          {issuesOf(item.id).map((issue, i) => (
            <Text key={i} size="xs" c={issue.severity === 'error' ? 'red.8' : 'orange.8'} mt={2} data-testid={`import-item-issue-${item.id}`}>
              {issueText(issue)}
            </Text>
          ))}
        </Table.Td>
        <Table.Td w={300}>{changeCell(item)}</Table.Td>
      </Table.Tr>
    );
  };

  const projectOptions = projects.filter((p) => p.id !== thisProject?.id).map((p) => ({ value: String(p.id), label: p.name }));
  const hasErrors = preview.issues.some((i) => i.severity === 'error');

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
                projectId: mode === 'this' ? (thisProject?.id ?? null) : mode === 'other' ? (target.mode === 'other' ? target.projectId : null) : null,
                // The files' own name for the new project, not the name of the project compared with.
                newName: target.newName || (mode === 'new' ? filesProjectName(preview) : ''),
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
              withAsterisk
              aria-required
              value={target.newName}
              error={nameTaken ? t('import.nameTaken') : undefined}
              onChange={(e) => onTargetChange({ ...target, newName: e.currentTarget.value })}
            />
          )}
        </Group>
        {needsEvaluation && (
          <Group align="flex-start" gap="md" mt="sm" data-testid="import-new-evaluation">
            <Select
              label={t('import.newEvaluationType')}
              w={220}
              withAsterisk
              aria-required
              allowDeselect={false}
              placeholder={t('import.newEvaluationTypePlaceholder')}
              value={evalType}
              data={[
                { value: 'midterm', label: t('evaluationType.midterm') },
                { value: 'final', label: t('evaluationType.final') },
              ]}
              onChange={(v) => setEvalType((v as EvaluationType | null) ?? null)}
            />
            <TextInput
              label={t('evaluation.date')}
              w={160}
              withAsterisk
              aria-required
              placeholder={fmt.datePlaceholder}
              value={evalDateText}
              error={evalDateError}
              onChange={(e) => setEvalDate(e.currentTarget.value)}
            />
            <Text size="xs" c="dimmed" maw={420} mt={24}>
              {t('import.newEvaluationHelp')}
            </Text>
          </Group>
        )}
      </Paper>

      {preview.issues.length > 0 && (
        <Alert color={hasErrors ? 'red' : 'orange'} icon={<IconAlertTriangle />} title={t('import.issues', { count: preview.issues.length })} data-testid="import-issues">
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
            {places.length > 0 && (
              <Checkbox
                mt="xs"
                data-testid="import-skip-errors"
                label={t('import.skipPlaceErrors', { what: unreadable })}
                checked={skipPlaceErrors}
                onChange={(e) => setSkipPlaceErrors(e.currentTarget.checked)}
              />
            )}
          </Stack>
        </Alert>
      )}

      {preview.files.map((file) => {
        const items = preview.items.filter((i) => file.itemIds.includes(i.id));
        const undated = items.filter((i) => i.type === 'status' && i.reportedAt === null).length;
        return (
          <Stack key={file.file} gap="xs" data-testid={`import-file-${file.file}`}>
            <Group gap="xs" align="flex-end" wrap="wrap">
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
            {undated > 0 && (
              <Paper withBorder p="xs" bg="yellow.0" data-testid={`import-file-date-${file.file}`}>
                <Group gap="md" align="flex-start" wrap="nowrap">
                  <TextInput
                    size="xs"
                    w={230}
                    label={t('import.fileDate')}
                    placeholder={fmt.datePlaceholder}
                    value={fileDates[file.file] ?? ''}
                    error={fileDateErrors[file.file]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setFileDates((d) => ({ ...d, [file.file]: value }));
                    }}
                  />
                  <Text size="xs" mt={22}>
                    {t('import.fileDateHelp', { count: undated })}
                  </Text>
                </Group>
              </Paper>
            )}
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
