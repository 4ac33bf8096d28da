import { useTranslation } from 'react-i18next';

/** "Try this": the scenario's small goal, whether it was reached, and an announcement when it is. */
export function GoalBox({
  scenarioId,
  reached,
  announce,
}: {
  scenarioId: string;
  reached: boolean;
  announce: boolean;
}) {
  const { t } = useTranslation();
  const goal = t(`widget.goal.${scenarioId}` as 'widget.goal.what-the-lb-sees', { defaultValue: '' });
  if (!goal) return null;
  return (
    <div className={`goal${reached ? ' goal--reached' : ''}`} data-goal={reached ? 'reached' : 'open'}>
      <p className="goal__text">
        <strong>{t('widget.goalTitle')}:</strong> {goal}{' '}
        <span className="goal__status">
          <span aria-hidden="true">{reached ? '✓ ' : '○ '}</span>
          {reached ? t('widget.goalReached') : t('widget.goalOpen')}
        </span>
      </p>
      <p className="visually-hidden" role="status">
        {announce ? t('widget.goalAnnounce', { goal }) : ''}
      </p>
    </div>
  );
}
