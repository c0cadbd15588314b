import { useTranslation } from 'react-i18next';
import type { EvaluationTextKey } from '../../../../shared/domain';
import { useApi } from '../../api';
import { EditableText } from '../../components/Editable';
import { useEvaluation, useProjectData } from './ProjectData';
import { RoundLock, useRoundLabel } from './SignOff';

/**
 * The evaluator's prose for one section of the written report, in the tab where the section's
 * figures are. Saved on blur like every other field, per round; read-only in a final round.
 */
export function EvaluationTextField({ textKey, minRows = 4 }: { textKey: EvaluationTextKey; minRows?: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const label = useRoundLabel();
  const { reload } = useProjectData();
  const detail = useEvaluation();
  return (
    <div data-testid={`evaluation-text-${textKey}`}>
      <RoundLock>
        <EditableText
          label={t(`texts.labels.${textKey}`)}
          description={t('texts.help', { round: label(detail.evaluation) })}
          value={detail.texts[textKey]}
          multiline
          minRows={minRows}
          maxRows={20}
          onSave={async (text) => {
            // The version read with the round: a save over someone else's newer text is refused (STALE_WRITE).
            const r = await api.evaluationTextSet({ evaluationId: detail.evaluation.id, key: textKey, text, expectedVersion: detail.textVersions[textKey] });
            if (r.ok) await reload();
            return r;
          }}
          onReload={reload}
        />
      </RoundLock>
    </div>
  );
}
