import { useTranslation } from 'react-i18next';

/**
 * The Result row at the end of a predict quiz's replay: the same measure and formatter as the quiz,
 * in one markup (`[data-result] .timeline__result-value`) for every kind of replay, so the e2e
 * check that a replay ends on the quiz's number reads them all alike.
 */
export function ReplayResult({ result }: { result: { label: string; value: string } | null }) {
  const { t } = useTranslation();
  if (!result) return null;
  return (
    <p className="timeline__result" data-result role="status">
      <strong>{t('widget.timeline.result')}:</strong> {result.label}:{' '}
      <span className="timeline__result-value">{result.value}</span>
    </p>
  );
}
