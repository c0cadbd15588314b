import { Button, CopyButton, Group, Loader, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, type SelectProps } from '@mantine/core';
import { IconCheck, IconCloudOff } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcResult } from '../../../shared/contracts';
import { NumberParseError, shownDecimals } from '../../../shared/numbers/danish';
import { useFormatter } from '../format';
import { LockMark, useLock } from './lock';
import { useSave, type SaveState } from './useSave';

export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  if (state === 'saving') return <Loader size={14} aria-label={t('common.saving')} />;
  if (state === 'retrying')
    return <IconCloudOff size={16} color="var(--mantine-color-orange-7)" aria-label={t('common.waiting')} role="img" data-testid="save-waiting" />;
  if (state === 'saved')
    return <IconCheck size={16} color="var(--mantine-color-green-7)" aria-label={t('common.saved')} role="img" />;
  return null;
}

/**
 * Inside a locked round (LockContext) every editable field is read-only and shows a padlock
 * saying why; nothing is sent. Main would refuse the write anyway.
 */
function useLockedField() {
  const reason = useLock();
  return { locked: reason !== null, readOnly: reason !== null, mark: reason !== null ? <LockMark reason={reason} /> : null };
}

/**
 * Keeps a local draft of a saved value: the prop wins while the user has not changed the field,
 * the draft wins once they have (and after a failed save, so their input is never lost).
 */
function useDraft<T>(value: T) {
  const [draft, setDraft] = useState<T>(value);
  const [dirty, setDirty] = useState(false);
  const [last, setLast] = useState<T>(value);
  // Set by `follow`: the next render shows the prop, whatever the draft was.
  const [following, setFollowing] = useState(false);
  if (!Object.is(last, value)) {
    // Adjusting state while rendering (React's pattern for "reset when a prop changes").
    setLast(value);
    if (!dirty) setDraft(value);
  }
  if (following) {
    setFollowing(false);
    setDraft(value);
  }
  /** Drops the draft for the saved value (after reloading it). */
  const follow = () => {
    setDirty(false);
    setFollowing(true);
  };
  return { draft, setDraft, dirty, setDirty, follow };
}

interface BaseProps {
  label: ReactNode;
  description?: ReactNode;
  /** Accessible name when the visible label is elsewhere (table cells). */
  ariaLabel?: string;
  disabled?: boolean;
  placeholder?: string;
  w?: number | string;
  size?: 'xs' | 'sm' | 'md';
  required?: boolean;
}

export interface EditableTextProps extends BaseProps {
  value: string;
  /** Returns an error message to show inline (nothing is sent), or null. */
  validate?: (value: string) => string | null;
  onSave: (value: string) => Promise<IpcResult<unknown>>;
  multiline?: boolean;
  minRows?: number;
  maxRows?: number;
  /**
   * Reloads what the field shows. Given, a save refused because someone else saved the row
   * since it was read (STALE_WRITE) offers "Genindlæs": the field then shows the other's text
   * and keeps the user's own beside it ("Din tekst"), to save over it or copy. Until then the
   * field keeps what the user typed, with the message (who and when) as its error.
   */
  onReload?: () => unknown;
}

/**
 * The user's own text kept beside a field after reloading over a refused (stale) save: "Din
 * tekst", to use (save over the other's on purpose, or put back in the field), copy or dismiss.
 */
export function KeptText({ text, useLabel, onUse, disabled, onDismiss }: { text: string; useLabel: string; onUse: () => void; disabled: boolean; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" data-testid="stale-mine">
      <Stack gap={4}>
        <Text size="xs" fw={700}>
          {t('stale.yourText')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('stale.yourTextHelp')}
        </Text>
        <Textarea readOnly value={text} aria-label={t('stale.yourText')} autosize minRows={1} maxRows={8} size="xs" />
        <Group gap="xs">
          <Button size="compact-xs" onClick={onUse} disabled={disabled}>
            {useLabel}
          </Button>
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="light" onClick={copy}>
                {copied ? t('stale.copied') : t('stale.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onDismiss}>
            {t('stale.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A text field that saves on blur (and on Enter in one-line fields). */
export function EditableText({ label, description, ariaLabel, value, validate, onSave, multiline, minRows = 3, maxRows = 16, disabled, placeholder, w, size = 'sm', required, onReload }: EditableTextProps) {
  const { t } = useTranslation();
  const { draft, setDraft, dirty, setDirty, follow } = useDraft(value);
  const [invalid, setInvalid] = useState<string | null>(null);
  // The user's text, kept after reloading over a refused (stale) save.
  const [mine, setMine] = useState<string | null>(null);
  const save = useSave();
  const lock = useLockedField();
  const send = async (text: string) => {
    const result = await save.run(() => onSave(text));
    if (result.ok) setDirty(false);
    return result;
  };
  const commit = async () => {
    if (lock.locked) return;
    if (!dirty || draft === value) {
      setDirty(false);
      setInvalid(null);
      return;
    }
    const problem = validate?.(draft) ?? null;
    setInvalid(problem);
    if (problem) return;
    await send(draft);
  };
  const stale = save.error?.code === 'STALE_WRITE';
  const reloadOverMine = async () => {
    if (!onReload) return;
    const kept = draft;
    await onReload();
    setMine(kept);
    follow();
    save.reset();
  };
  const saveMine = async () => {
    if (mine === null) return;
    setDraft(mine);
    setDirty(true);
    const result = await send(mine);
    if (result.ok) setMine(null);
  };
  const common = {
    label,
    description,
    'aria-label': ariaLabel,
    value: draft,
    disabled,
    placeholder,
    w,
    size,
    // The app validates (its own message, in the UI language), never the browser: no `required`.
    withAsterisk: required,
    'aria-required': required || undefined,
    readOnly: lock.readOnly,
    error: invalid ?? save.errorMessage ?? undefined,
    rightSection: lock.mark ?? <SaveIndicator state={dirty && save.state === 'saved' ? 'idle' : save.state} />,
    onBlur: () => void commit(),
  };
  const onChange = (next: string) => {
    setDraft(next);
    setDirty(true);
    if (invalid) setInvalid(validate?.(next) ?? null);
  };
  const field = multiline ? (
    <Textarea {...common} autosize minRows={minRows} maxRows={maxRows} onChange={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <TextInput
      {...common}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void commit();
      }}
    />
  );
  if (!(stale && onReload) && mine === null) return field;
  return (
    <Stack gap={4}>
      {field}
      {stale && onReload ? (
        <Group gap="xs">
          <Button size="compact-xs" variant="light" onClick={() => void reloadOverMine()} data-testid="stale-reload">
            {t('stale.reload')}
          </Button>
        </Group>
      ) : null}
      {mine !== null ? <KeptText text={mine} useLabel={t('stale.useMine')} onUse={() => void saveMine()} disabled={lock.locked} onDismiss={() => setMine(null)} /> : null}
    </Stack>
  );
}

export interface EditableNumberProps extends BaseProps {
  value: number | null;
  /** Decimals shown when formatting the saved value. */
  decimals?: number;
  /** Allow clearing the field (null = missing). */
  nullable?: boolean;
  validate?: (value: number | null) => string | null;
  onSave: (value: number | null) => Promise<IpcResult<unknown>>;
  suffix?: string;
  /** Group thousands when showing the value (off for years). */
  grouping?: boolean;
  /**
   * An amount of kr: typed as documents write amounts ("20,0 mio.", "1.000 kr.", "t.kr."), shown
   * with its øre when it has them (5,50, never 6).
   */
  money?: boolean;
}

/**
 * A number field typed as text in the user's language ("19.037" / "19,037"). Text that is not a
 * number is an inline error and nothing is sent.
 */
export function EditableNumber({ label, description, ariaLabel, value, decimals, nullable = true, validate, onSave, disabled, placeholder, w, size = 'sm', suffix, required, grouping = true, money = false }: EditableNumberProps) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const show = (v: number | null) =>
    v === null ? '' : money ? fmt.amountInput(v) : !grouping ? String(v) : fmt.number(v, decimals ?? shownDecimals(v, 4));
  const shown = show(value);
  const { draft, setDraft, dirty, setDirty } = useDraft(shown);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSave();
  const lock = useLockedField();
  const id = useId();

  const parse = (text: string): { ok: true; value: number | null } | { ok: false; message: string } => {
    try {
      const v = money ? fmt.parseAmount(text) : fmt.parseNumber(text);
      if (v === null && !nullable) return { ok: false, message: t('validation.required') };
      return { ok: true, value: v };
    } catch (e) {
      if (money && e instanceof NumberParseError && (e.code === 'ambiguousComma' || e.code === 'finerThanOre'))
        return { ok: false, message: t(`budgetRules.${e.code}`, { text: text.trim() }) };
      if (money) return { ok: false, message: t('validation.amount', { example: `${fmt.amountInput(7_019_053)} / ${fmt.amountInput(5.5)} / ${t('validation.amountMillions')}` }) };
      return { ok: false, message: t('validation.number', { example: fmt.number(19037) + ' / ' + fmt.number(3.8, 1) }) };
    }
  };

  const commit = async () => {
    if (!dirty || lock.locked) return;
    const parsed = parse(draft);
    if (!parsed.ok) {
      setInvalid(parsed.message);
      return;
    }
    const problem = validate?.(parsed.value) ?? null;
    setInvalid(problem);
    if (problem) return;
    if (parsed.value === value) {
      setDirty(false);
      setDraft(show(value));
      return;
    }
    const result = await save.run(() => onSave(parsed.value));
    if (result.ok) {
      setDirty(false);
      setDraft(show(parsed.value));
    }
  };

  // A typed amount is echoed as understood ("= 20.000.000 kr.") before it is saved.
  const understood = money && dirty && !invalid && draft.trim() !== '' ? parse(draft) : null;
  const echo = understood?.ok && understood.value !== null ? t('budgetRules.echo', { amount: fmt.kr(understood.value) }) : null;
  return (
    <TextInput
      id={id}
      label={label}
      description={echo ? <span data-testid="amount-echo">{echo}</span> : description}
      inputWrapperOrder={money ? ['label', 'input', 'description', 'error'] : undefined}
      aria-label={ariaLabel}
      value={draft}
      inputMode="decimal"
      readOnly={lock.readOnly}
      disabled={disabled}
      placeholder={placeholder}
      w={w}
      size={size}
      withAsterisk={required}
      aria-required={required || undefined}
      error={invalid ?? save.errorMessage ?? undefined}
      rightSection={lock.mark ?? (suffix ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{suffix}</span> : <SaveIndicator state={dirty && save.state === 'saved' ? 'idle' : save.state} />)}
      rightSectionWidth={suffix && !lock.mark ? 40 : undefined}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        setDirty(true);
        if (invalid) setInvalid(null);
      }}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void commit();
      }}
    />
  );
}

export interface EditableDateProps extends BaseProps {
  value: string | null;
  /** Checks the parsed ISO date (or null) before anything is sent. */
  validate?: (iso: string | null) => string | null;
  onSave: (iso: string | null) => Promise<IpcResult<unknown>>;
  nullable?: boolean;
}

/** A date typed the way the language writes it (02.12.2022 / 02/12/2022); saves on blur. */
export function EditableDate({ label, description, ariaLabel, value, validate, onSave, nullable = true, disabled, w, size = 'sm', required }: EditableDateProps) {
  const { t } = useTranslation();
  const fmt = useFormatter();
  const shown = fmt.dateInput(value);
  const { draft, setDraft, dirty, setDirty } = useDraft(shown);
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useSave();
  const lock = useLockedField();
  const commit = async () => {
    if (!dirty || lock.locked) return;
    let iso: string | null;
    try {
      iso = fmt.parseDate(draft);
    } catch {
      setInvalid(t('validation.dateFormat', { format: fmt.datePlaceholder }));
      return;
    }
    if (iso === null && !nullable) {
      setInvalid(t('validation.required'));
      return;
    }
    const problem = validate?.(iso) ?? null;
    setInvalid(problem);
    if (problem) return;
    if (iso === value) {
      setDirty(false);
      setDraft(shown);
      return;
    }
    const result = await save.run(() => onSave(iso));
    if (result.ok) {
      setDirty(false);
      setDraft(fmt.dateInput(iso));
    }
  };
  return (
    <TextInput
      label={label}
      description={description}
      aria-label={ariaLabel}
      value={draft}
      placeholder={fmt.datePlaceholder}
      readOnly={lock.readOnly}
      disabled={disabled}
      w={w}
      size={size}
      withAsterisk={required}
      aria-required={required || undefined}
      error={invalid ?? save.errorMessage ?? undefined}
      rightSection={lock.mark ?? <SaveIndicator state={dirty && save.state === 'saved' ? 'idle' : save.state} />}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        setDirty(true);
        if (invalid) setInvalid(null);
      }}
      onBlur={() => void commit()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void commit();
      }}
    />
  );
}

export interface EditableSelectProps extends BaseProps {
  value: string | null;
  data: SelectProps['data'];
  onSave: (value: string | null) => Promise<IpcResult<unknown>>;
  clearable?: boolean;
}

/** A choice that saves as soon as it changes; a refused save puts the old value back and says why. */
export function EditableSelect({ label, description, ariaLabel, value, data, onSave, clearable, disabled, w, size = 'sm' }: EditableSelectProps) {
  const [current, setCurrent] = useState(value);
  const [last, setLast] = useState(value);
  const save = useSave();
  const lock = useLockedField();
  if (last !== value) {
    setLast(value);
    setCurrent(value);
  }
  return (
    <Select
      label={label}
      description={description}
      aria-label={ariaLabel}
      data={data}
      value={current}
      clearable={clearable}
      allowDeselect={clearable}
      readOnly={lock.readOnly}
      rightSection={lock.mark ?? undefined}
      disabled={disabled}
      w={w}
      size={size}
      error={save.errorMessage ?? undefined}
      onChange={(next) => {
        if (lock.locked) return;
        setCurrent(next);
        void save.run(() => onSave(next));
      }}
    />
  );
}

/** Mantine's NumberInput re-exported for plain (not inline-saved) forms. */
export { NumberInput };
