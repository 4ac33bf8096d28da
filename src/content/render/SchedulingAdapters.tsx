/**
 * `::gantt{id experiment}` and `::balls{id experiment}`: lazy slots (./WidgetSlot) holding the
 * scheduling widgets' chunks (the scheduling model, d3-selection, widget code; no packet engine).
 * A predict quiz about a scheduling experiment replays it through the same components.
 */
import { lazy } from 'react';
import type { ExperimentId } from '../../engine/scheduling/index.ts';
import type { SchedulingReplaySpec } from '../../widgets/GanttWidget';
import type { BlockDirectiveNode } from '../tree';
import { useReducedMotion, useWidgetGoal, WidgetSlot } from './WidgetSlot';

const GanttWidget = lazy(() => import('../../widgets/GanttWidget'));
const BallsWidget = lazy(() => import('../../widgets/BallsWidget'));
const SchedulingReplay = lazy(() => import('../../widgets/SchedulingReplay'));

export function GanttAdapter({ node }: { node: BlockDirectiveNode }) {
  const widgetId = node.attrs.id ?? 'widget';
  const reducedMotion = useReducedMotion();
  const { goalReached, onGoal } = useWidgetGoal(widgetId);
  // Checked against the model's experiments at build time; an unknown id fails inside the boundary.
  const experimentId = (node.attrs.experiment ?? '') as ExperimentId;
  return (
    <WidgetSlot widgetId={widgetId}>
      <GanttWidget
        widgetId={widgetId}
        experimentId={experimentId}
        reducedMotion={reducedMotion}
        goalReached={goalReached}
        onGoal={onGoal}
      />
    </WidgetSlot>
  );
}

export function BallsAdapter({ node }: { node: BlockDirectiveNode }) {
  const widgetId = node.attrs.id ?? 'widget';
  const reducedMotion = useReducedMotion();
  const experimentId = (node.attrs.experiment ?? '') as ExperimentId;
  return (
    <WidgetSlot widgetId={widgetId}>
      <BallsWidget widgetId={widgetId} experimentId={experimentId} reducedMotion={reducedMotion} />
    </WidgetSlot>
  );
}

/** A predict quiz's replay of a scheduling experiment (the chunk picks the widget by the model). */
export function SchedulingReplayAdapter({
  widgetId,
  experimentId,
  replay,
}: {
  widgetId: string;
  experimentId: string;
  replay: SchedulingReplaySpec;
}) {
  const reducedMotion = useReducedMotion();
  return (
    <WidgetSlot widgetId={widgetId}>
      <SchedulingReplay widgetId={widgetId} experimentId={experimentId} reducedMotion={reducedMotion} replay={replay} />
    </WidgetSlot>
  );
}
