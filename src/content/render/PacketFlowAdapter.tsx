/**
 * `::packet-flow{id scenario}`: a lazy slot (./WidgetSlot) holding the packet-flow widget chunk
 * (engine, D3, widget code).
 */
import { lazy } from 'react';
import type { ScenarioId } from '../../engine';
import type { ReplaySpec } from '../../widgets/PacketFlowWidget';
import type { BlockDirectiveNode } from '../tree';
import { useReducedMotion, useWidgetGoal, WidgetSlot } from './WidgetSlot';

const PacketFlowWidget = lazy(() => import('../../widgets/PacketFlowWidget'));

export function PacketFlowAdapter({
  node,
  replay,
  withGoal = true,
}: {
  node: BlockDirectiveNode;
  /** A predict quiz replays its scenario to the end and shows the quantity it measured. */
  replay?: ReplaySpec;
  withGoal?: boolean;
}) {
  const widgetId = node.attrs.id ?? 'widget';
  const reducedMotion = useReducedMotion();
  const { goalReached, onGoal } = useWidgetGoal(widgetId);
  // Checked against the engine's scenarios at build time; an unknown id fails inside the boundary.
  const scenarioId = (node.attrs.scenario ?? '') as ScenarioId;
  return (
    <WidgetSlot widgetId={widgetId}>
      <PacketFlowWidget
        widgetId={widgetId}
        scenarioId={scenarioId}
        reducedMotion={reducedMotion}
        goalReached={goalReached}
        onGoal={onGoal}
        {...(replay === undefined ? {} : { replay })}
        withGoal={withGoal}
      />
    </WidgetSlot>
  );
}
