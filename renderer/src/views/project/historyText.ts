import type { TFunction } from 'i18next';
import type { AuditEntity, AuditEntry, Goal, Indicator, StatusReport } from '../../../../shared/domain';
import { PARAMETER_NAMES } from '../../../../shared/methodology';
import { shownDecimals } from '../../../../shared/numbers/danish';
import type { Formatter } from '../../format';

/**
 * The audit log in words: field names in the user's language ("2. Organisering: Score" rather
 * than "score.2") and values as the rest of the app shows them (Danish numbers and dates, light
 * colours), a created or deleted row as its main fields rather than its JSON.
 */

/** Where each entity's field names are translated. */
const SECTIONS: Record<AuditEntity, string[]> = {
  project: ['facts'],
  goal: ['goals'],
  indicator: ['indicators'],
  status: ['goals'],
  score: ['implementation'],
  light: ['decision'],
  evaluation: ['evaluation', 'budget'],
  budgetLine: ['budget'],
  spendingYear: ['spendingByYear', 'budget'],
  financing: ['budget'],
  survey: ['effect'],
  learning: ['learning'],
  effectChain: ['facts'],
  businessCase: ['businessCase'],
  settings: [],
};

/** Extra names for stored keys whose label lives under another word in the UI. */
const ALIASES: Record<string, string> = {
  level: 'history.keys.level',
  kind: 'history.keys.kind',
  amountKr: 'budget.amount',
  name: 'facts.name',
  type: 'evaluation.type',
  date: 'evaluation.date',
  evaluator: 'evaluation.evaluator',
  budgetSpentKr: 'budget.spent',
  budgetTotalReportedKr: 'budget.totalReported',
  monthsElapsedReported: 'budget.monthsElapsed',
  monthsTotalReported: 'budget.monthsTotal',
  override: 'decision.override',
  reason: 'decision.reason',
  suggested: 'decision.suggested',
  positive: 'effect.positive',
};

/** Keys of a stored row that say nothing to a reader. */
// A status's or round's approval has audit rows of its own (field "approval", issue 13).
const HIDDEN = /^(id|.*Id|position|createdAt|updatedAt|deletedAt|source|approval|progressApproval)$/;

/** Stored codes shown in words: key -> the i18n group of its values. */
const ENUMS: Record<string, (value: string) => string> = {
  level: (v) => `level.${v}`,
  type: (v) => `evaluationType.${v}`,
  column: (v) => `facts.column.${v}`,
  direction: (v) => `goals.${v}`,
  kind: (v) => (v === 'recommendation' ? 'learning.recommendations' : 'learning.title'),
};
const LIGHTS = new Set(['green', 'yellow', 'red']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type T = TFunction;

/** Keys whose name means something else in the entity's own section ("title" of a learning point). */
const ENTITY_ALIASES: Record<string, string> = {
  'learning:title': 'learning.itemTitle',
  'learning:text': 'learning.itemText',
  'financing:name': 'budget.source',
  'effectChain:text': 'learning.itemText',
  'effectChain:column': 'history.keys.column',
  'status:printedPercent': 'history.keys.printedPercent',
};

function keyLabel(t: T, exists: (k: string) => boolean, entity: AuditEntity, key: string): string {
  const own = ENTITY_ALIASES[`${entity}:${key}`];
  if (own && exists(own)) return t(own);
  for (const section of SECTIONS[entity]) if (exists(`${section}.${key}`)) return t(`${section}.${key}`);
  if (ALIASES[key] && exists(ALIASES[key])) return t(ALIASES[key]);
  return key;
}

export function auditFieldLabel(t: T, exists: (k: string) => boolean, lang: 'da' | 'en', entity: AuditEntity, field: string): string {
  if (exists(`history.fields.${field}`)) return t(`history.fields.${field}`);
  // The evaluator's prose per report section (field "texts.outputGoals").
  const text = /^texts\.(\w+)$/.exec(field);
  if (text && exists(`texts.labels.${text[1]}`)) return `${t('texts.historyLabel')}: ${t(`texts.labels.${text[1]}`)}`;
  const score = /^(score|headline|text)\.([1-6])$/.exec(field);
  if (score) {
    const n = Number(score[2]) as keyof typeof PARAMETER_NAMES;
    return `${n}. ${PARAMETER_NAMES[n][lang]}: ${t(`implementation.${score[1]}`).toLowerCase()}`;
  }
  const light = /^(text|override|reason|suggested)\.(implementation|goals|effect)$/.exec(field);
  if (light) {
    const part = light[1] === 'text' ? t('implementation.text') : t(ALIASES[light[1]]);
    return `${t(`lightKind.${light[2]}`)}: ${part.toLowerCase()}`;
  }
  return keyLabel(t, exists, entity, field);
}

function enumText(t: T, exists: (k: string) => boolean, key: string, value: unknown): string | null {
  const keyOf = ENUMS[key];
  if (!keyOf || typeof value !== 'string' || !exists(keyOf(value))) return null;
  return t(keyOf(value));
}

function scalar(t: T, fmt: Formatter, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'number') return fmt.number(value, shownDecimals(value));
  if (typeof value === 'boolean') return value ? '✓' : '–';
  if (typeof value === 'string') {
    if (LIGHTS.has(value)) return t(`light.${value}`);
    if (ISO_DATE.test(value)) return fmt.date(value);
    if (/^-?\d+(\.\d+)?$/.test(value)) return scalar(t, fmt, Number(value));
    return value;
  }
  return JSON.stringify(value);
}

/** A value of the log as the user reads it; `full` is for the cell's title (never shortened). */
export function auditValueText(
  t: T,
  exists: (k: string) => boolean,
  fmt: Formatter,
  entity: AuditEntity,
  value: string | null,
  field?: string,
): { short: string; full: string } {
  if (value === null) return { short: '–', full: '' };
  // A round's sign-off is stored as its state ("draft", "final").
  if (field === 'signOff' && exists(`signOff.state.${value}`)) return { short: t(`signOff.state.${value}`), full: t(`signOff.state.${value}`) };
  // A reported figure's approval is stored as its state ("reported", "approved", "returned").
  if ((field === 'approval' || field === 'progressApproval') && exists(`approval.state.${value}`)) return { short: t(`approval.state.${value}`), full: t(`approval.state.${value}`) };
  let parsed: unknown = value;
  if (value.startsWith('{') || value.startsWith('[')) {
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = value;
    }
  }
  let full: string;
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    full = Object.entries(parsed as Record<string, unknown>)
      .filter(([k, v]) => !HIDDEN.test(k) && v !== null && v !== '' && v !== undefined)
      .map(([k, v]) => `${keyLabel(t, exists, entity, k)}: ${enumText(t, exists, k, v) ?? (k === 'year' ? String(v) : scalar(t, fmt, v))}`)
      .join('; ');
  } else full = scalar(t, fmt, parsed);
  return { short: full.length > 160 ? `${full.slice(0, 160)}…` : full, full };
}

function jsonField(value: string | null, key: string): unknown {
  if (!value?.startsWith('{')) return undefined;
  try {
    return (JSON.parse(value) as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/**
 * The goal a goal or status row is about ("B1"), from the project's goals and reports, or from
 * the logged row itself when it has been deleted since.
 */
export function auditGoalCode(entry: AuditEntry, goals: readonly Goal[], reports: readonly StatusReport[]): string | null {
  const codeOf = (id: unknown) => goals.find((g) => g.id === id)?.code ?? null;
  if (entry.entity === 'goal') {
    const code = codeOf(entry.entityId) ?? jsonField(entry.newValue, 'code') ?? jsonField(entry.oldValue, 'code');
    return typeof code === 'string' ? code : null;
  }
  if (entry.entity === 'status') {
    const goalId = reports.find((r) => r.id === entry.entityId)?.goalId ?? jsonField(entry.newValue, 'goalId') ?? jsonField(entry.oldValue, 'goalId');
    return codeOf(goalId);
  }
  return null;
}

/**
 * A goal's link to an indicator is logged as the indicator's id; the reader sees its code and
 * name ("EECO01 Deltagere i alt"), or that it has been deleted since.
 */
export function auditIndicatorText(t: T, value: string | null, indicators: readonly Pick<Indicator, 'id' | 'code' | 'name'>[]): { short: string; full: string } | null {
  if (value === null || value === '') return { short: t('indicators.none'), full: '' };
  const id = Number(value);
  if (!Number.isInteger(id)) return null;
  const i = indicators.find((x) => x.id === id);
  const text = i ? `${i.code ? `${i.code} ` : ''}${i.name}` : t('indicators.deletedSince', { id });
  return { short: text, full: text };
}
