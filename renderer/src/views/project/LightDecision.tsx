import { Button, Group, Loader, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Light, LightKind } from '../../../../shared/domain';
import { useApi } from '../../api';
import { KeptText } from '../../components/Editable';
import { LightLabel } from '../../components/Light';
import { useEngineText } from '../../components/warnings';
import { LockMark, useLock } from '../../components/lock';
import { useSave } from '../../components/useSave';
import { useFormatter, type Formatter } from '../../format';
import type { TFunction } from 'i18next';
import type { ProjectDetail } from '../../../../shared/contracts';
import { statusInForce } from '../../../../shared/methodology/statusInForce';
import { comparisonReached, comparisonText } from './goalMeasureText';
import { useEvaluation, useProjectData } from './ProjectData';

/**
 * The comparisons the effect light's reason can cite (issue 14): one sentence per goal with a
 * baseline or comparison group, with the status in force on the round's date, in the words the
 * Goals tab and the Resumé use ("C1: 68 % mod 31 % (+37 procentpoint), kilde: ...").
 */
export function comparisonCitations(t: TFunction, fmt: Formatter, project: ProjectDetail, date: string): { code: string; text: string }[] {
  return [...project.goals]
    .filter((g) => g.comparisonValue !== null && g.comparisonValue !== undefined)
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .flatMap((g) => {
      const text = comparisonText(t, fmt, g, comparisonReached(g, statusInForce(project.statusReports, g.id, date)));
      return text ? [{ code: g.code, text: `${g.code}: ${text}.` }] : [];
    });
}

/**
 * The evaluator's decision on one light: the suggestion (and what it rests on), an override and
 * the written reason an override needs. Main refuses an override without a reason
 * (REASON_REQUIRED); the refusal is shown and the user's input is kept.
 */
export function LightDecisionEditor({ kind }: { kind: LightKind }) {
  const { t } = useTranslation();
  const api = useApi();
  const fmt = useFormatter();
  const { reload, project } = useProjectData();
  const detail = useEvaluation();
  const citations = kind === 'effect' ? comparisonCitations(t, fmt, project, detail.evaluation.date) : [];
  const outcome = detail.summary.lights[kind];
  const [override, setOverride] = useState<Light | null>(outcome.override);
  const [reason, setReason] = useState(outcome.reason);
  const save = useSave();
  const explain = useEngineText('explanation');
  const lockReason = useLock();
  const locked = lockReason !== null;
  const lockMark = lockReason !== null ? <LockMark reason={lockReason} /> : undefined;
  const dirty = override !== outcome.override || reason !== outcome.reason;
  // The decision's version as read (0 = not saved yet): a save over someone else's newer one is
  // refused (STALE_WRITE); "Genindlæs" then shows theirs and keeps the user's reason beside it.
  const expectedVersion = detail.lights.find((l) => l.kind === kind)?.version ?? 0;
  const stale = save.error?.code === 'STALE_WRITE';
  const [mine, setMine] = useState<string | null>(null);
  const [following, setFollowing] = useState(false);
  if (following) {
    setFollowing(false);
    setOverride(outcome.override);
    setReason(outcome.reason);
  }
  const reloadOverMine = async () => {
    const kept = reason;
    await reload();
    setMine(kept);
    setFollowing(true);
    save.reset();
  };

  const saving = save.state === 'saving';
  const submit = async () => {
    // Nothing to save (or a save under way): the button stays focusable but does nothing.
    if (!dirty || locked || saving) return;
    const result = await save.run(() =>
      api.lightSet({ evaluationId: detail.evaluation.id, kind, override, reason, expectedVersion }),
    );
    if (result.ok) await reload();
  };

  const basis = outcome.basis;
  return (
    <Paper withBorder p="md" data-testid={`light-decision-${kind}`}>
      <Stack gap="sm">
        <Text fw={700}>{t('decision.title', { kind: t(`lightKind.${kind}`) })}</Text>
        <Group gap="xl" wrap="wrap">
          <div>
            <Text size="xs" c="dimmed">
              {t('decision.suggested')}
            </Text>
            <LightLabel light={outcome.suggested} />
            {basis && basis.level && (
              <Text size="xs" c="dimmed">
                {t('decision.basis', { level: t(`level.${basis.level}`), percent: fmt.percent(basis.displayPercent) })}
              </Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('decision.final')}
            </Text>
            <LightLabel light={outcome.final} />
            {outcome.overridden ? (
              <Text size="xs" c="dimmed">
                {t('decision.overridden')}
              </Text>
            ) : (
              outcome.override && (
                <Text size="xs" c="dimmed">
                  {t('decision.chosenSame')}
                </Text>
              )
            )}
          </div>
        </Group>
        {outcome.explanation && (
          <Text size="sm" c="blue.9" maw={720} data-testid={`light-explanation-${kind}`}>
            {explain(outcome.explanation)}
          </Text>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Select
              label={t('decision.override')}
              data={[
                { value: 'none', label: t('decision.followSuggestion') },
                ...(['green', 'yellow', 'red'] as Light[]).map((l) => ({ value: l, label: t(`light.${l}`) })),
              ]}
              value={override ?? 'none'}
              allowDeselect={false}
              readOnly={locked}
              rightSection={lockMark}
              onChange={(v) => setOverride(!v || v === 'none' ? null : (v as Light))}
              w={260}
            />
            <Textarea
              label={t('decision.reason')}
              description={t('decision.reasonHelp')}
              value={reason}
              autosize
              minRows={2}
              readOnly={locked}
              rightSection={lockMark}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={save.errorMessage ?? undefined}
            />
            {stale && (
              <Group gap="xs">
                <Button size="compact-xs" variant="light" onClick={() => void reloadOverMine()} data-testid="stale-reload">
                  {t('stale.reload')}
                </Button>
              </Group>
            )}
            {mine !== null && (
              <KeptText
                text={mine}
                useLabel={t('stale.putBack')}
                disabled={locked}
                onUse={() => {
                  setReason(mine);
                  setMine(null);
                }}
                onDismiss={() => setMine(null)}
              />
            )}
            {citations.length > 0 && !locked && (
              <Group gap="xs" data-testid="light-citations-effect">
                <Text size="xs" c="dimmed">
                  {t('decision.citeHeading')}
                </Text>
                {citations.map((c) => (
                  <Button
                    key={c.code}
                    size="compact-xs"
                    variant="default"
                    aria-label={t('decision.citeLabel', { code: c.code })}
                    title={c.text}
                    onClick={() => setReason((r) => (r.trim() ? `${r.trimEnd()} ${c.text}` : c.text))}
                  >
                    {t('decision.cite', { code: c.code })}
                  </Button>
                ))}
              </Group>
            )}
            <Group>
              {/*
                Not `disabled` (nor `loading`, which disables) while there is nothing to save: a
                disabled button drops the keyboard focus to the page the moment the decision is
                saved. It is marked disabled and keeps the focus.
              */}
              <Button
                type="submit"
                disabled={locked}
                data-disabled={!dirty || saving || undefined}
                aria-disabled={!dirty || saving || undefined}
                leftSection={saving ? <Loader size={14} color="currentColor" aria-hidden /> : undefined}
              >
                {t('decision.save')}
              </Button>
              {save.state === 'saved' && !dirty && (
                <Text size="sm" c="green.8">
                  {t('common.saved')}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
