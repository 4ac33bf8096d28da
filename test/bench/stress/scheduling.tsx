/**
 * Benchmark-only page: the real scheduling widgets at their largest. `?widget=gantt` plays the
 * exploring chart at 64 servers and 400 jobs (the model's limits); `?widget=balls` shows the
 * balls-into-bins widget, which the bench moves to a million balls. Not part of the course:
 * `npm run bench` builds it into dist-bench/.
 */
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { LIMITS } from '../../../src/engine/scheduling';
import { i18n } from '../../../src/i18n';
import BallsWidget from '../../../src/widgets/BallsWidget';
import GanttWidget from '../../../src/widgets/GanttWidget';
import '../../../src/styles/index.css';

const widget = new URLSearchParams(window.location.search).get('widget');
if (widget === 'gantt') {
  // The widget reads its settings from the link, as a student's shared link would set them.
  window.history.replaceState(null, '', `?widget=gantt&w-stress=m:${LIMITS.servers},n:${LIMITS.jobs}`);
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <I18nextProvider i18n={i18n}>
    {widget === 'gantt' ? (
      <GanttWidget
        widgetId="stress"
        experimentId="greedy-jobs"
        reducedMotion={false}
        goalReached={false}
        onGoal={() => undefined}
        withGoal={false}
      />
    ) : (
      <BallsWidget widgetId="stress" experimentId="balls-widget" reducedMotion={false} />
    )}
  </I18nextProvider>,
);
