import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PredictData } from '../content/tree';

/** Formats a measured number as the prediction's unit reads: 3.7×, 2.1 %, 3. */
export function formatMeasured(value: number, unit: PredictData['unit'], lang: string): string {
  if (unit === 'count') return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
  if (unit === 'ratio') return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)}×`;
  const digits = value !== 0 && Math.abs(value) < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(value);
}

/**
 * What the engine measured for a predict quiz (computed when the course was built, with the
 * quiz's seed), and the same scenario running in place so the student can watch it happen.
 */
export function PredictRun({ predict, children }: { predict: PredictData; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="quiz__run">
      <p className="quiz__run-result">
        <strong>{t(`predict.measure.${predict.measure}` as 'predict.measure.imbalance')}:</strong>{' '}
        <span data-measured={predict.value}>{formatMeasured(predict.value, predict.unit, i18n.language)}</span>
      </p>
      <p className="quiz__run-note">{t('predict.how', { seconds: predict.durationMs / 1000, seed: predict.seed })}</p>
      {children}
    </div>
  );
}
