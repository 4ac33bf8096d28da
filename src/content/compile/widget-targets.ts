/**
 * What a widget directive runs must exist in the engine, and be of the widget's kind: a packet-flow
 * widget plays a scenario, a Gantt chart a schedule, the balls widget balls into bins.
 */
import { EXPERIMENT_IDS, getExperiment, isExperimentId, isScenarioId, SCENARIO_IDS } from '../../engine/index.ts';

const EXPERIMENT_MODEL: Record<string, string> = { gantt: 'schedule', balls: 'balls' };

/** Why the directive's target is wrong, or undefined when it is fine (or the directive has none). */
export function widgetTargetError(name: string, attrs: Record<string, string>): string | undefined {
  if (name === 'packet-flow' && attrs.scenario && !isScenarioId(attrs.scenario))
    return `unknown scenario "${attrs.scenario}" (known: ${SCENARIO_IDS.join(', ')})`;
  const model = EXPERIMENT_MODEL[name];
  if (!model || !attrs.experiment) return undefined;
  const known = EXPERIMENT_IDS.filter((id) => getExperiment(id).setup.model === model);
  if (!isExperimentId(attrs.experiment) || getExperiment(attrs.experiment).setup.model !== model)
    return `"${attrs.experiment}" is not a ${model} experiment (known: ${known.join(', ')})`;
  return undefined;
}
