import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasGoalText } from '../i18n/keys';

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
  if (!hasGoalText(scenarioId)) return null;
  return <GoalPanel goal={t(`widget.goal.${scenarioId}`)} reached={reached} announce={announce} />;
}

/** A goal's text and state, for any widget (the scheduling widgets word theirs with numbers). */
export function GoalPanel({
  goal,
  reached,
  announce,
  children,
}: {
  goal: string;
  reached: boolean;
  announce: boolean;
  /** How close the student is, below the goal. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={`goal${reached ? ' goal--reached' : ''}`} data-goal={reached ? 'reached' : 'open'}>
      <p className="goal__text">
        <strong>{t('widget.goalTitle')}:</strong> {goal}{' '}
        <span className="goal__status">
          <span aria-hidden="true">{reached ? '✓ ' : '○ '}</span>
          {reached ? t('widget.goalReached') : t('widget.goalOpen')}
        </span>
      </p>
      {children}
      <p className="visually-hidden" role="status">
        {announce ? t('widget.goalAnnounce', { goal }) : ''}
      </p>
    </div>
  );
}
