import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PredictData } from './model';
import { formatMeasure } from '../lib/format-measure';

/**
 * What the engine measured for a predict quiz (computed when the course was built, with the
 * quiz's seed), and the same scenario running in place so the student can watch it happen.
 */
export function PredictRun({ predict, children }: { predict: PredictData; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="quiz__run">
      <p className="quiz__run-result">
        <strong>{t(`predict.measure.${predict.measure}`)}:</strong>{' '}
        <span data-measured={predict.value}>{formatMeasure(predict.value, predict.format, i18n.language)}</span>
      </p>
      <p className="quiz__run-note">
        {predict.experiment
          ? t('predict.howScheduling', { seed: predict.seed })
          : t('predict.how', { seconds: predict.durationMs / 1000, seed: predict.seed })}
      </p>
      {children}
    </div>
  );
}
