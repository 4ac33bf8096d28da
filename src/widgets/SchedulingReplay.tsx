/**
 * A predict quiz's replay of a scheduling experiment: the Gantt chart for a schedule, the
 * histograms for balls into bins. Chosen here, inside the lazy chunk, so the lesson page never
 * loads the scheduling model just to decide which widget to show.
 */
import { getExperiment, isExperimentId } from '../engine/scheduling/index.ts';
import BallsWidget from './BallsWidget';
import GanttWidget, { type SchedulingReplaySpec } from './GanttWidget';

export default function SchedulingReplay({
  widgetId,
  experimentId,
  reducedMotion,
  replay,
}: {
  widgetId: string;
  experimentId: string;
  reducedMotion: boolean;
  replay: SchedulingReplaySpec;
}) {
  if (!isExperimentId(experimentId)) throw new Error(`unknown experiment "${experimentId}"`);
  return getExperiment(experimentId).setup.model === 'balls' ? (
    <BallsWidget widgetId={widgetId} experimentId={experimentId} reducedMotion={reducedMotion} replay={replay} />
  ) : (
    <GanttWidget
      widgetId={widgetId}
      experimentId={experimentId}
      reducedMotion={reducedMotion}
      goalReached={false}
      onGoal={() => undefined}
      replay={replay}
      withGoal={false}
    />
  );
}
