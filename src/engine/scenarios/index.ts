/**
 * Every scenario, keyed by its id. `ScenarioId` is the union of those ids, so anything keyed by
 * scenario (a lesson's widget, a prediction, a measurement) is checked by the compiler.
 */
import { ALGORITHM_SCENARIOS } from './algorithms.ts';
import { DRAINING_SCENARIOS } from './draining.ts';
import { HEALTH_SCENARIOS } from './health.ts';
import { QUIC_SCENARIOS } from './quic.ts';
import { ROUTING_SCENARIOS } from './routing.ts';
import { SESSION_SCENARIOS } from './sessions.ts';
import { TRANSPORT_SCENARIOS } from './transport.ts';
import type { ScenarioRecord } from './types.ts';

export const SCENARIOS = {
  ...TRANSPORT_SCENARIOS,
  ...ROUTING_SCENARIOS,
  ...SESSION_SCENARIOS,
  ...ALGORITHM_SCENARIOS,
  ...HEALTH_SCENARIOS,
  ...DRAINING_SCENARIOS,
  ...QUIC_SCENARIOS,
} as const;

export type ScenarioId = keyof typeof SCENARIOS;

export const SCENARIO_IDS = Object.keys(SCENARIOS) as ScenarioId[];

export function isScenarioId(id: string): id is ScenarioId {
  return Object.prototype.hasOwnProperty.call(SCENARIOS, id);
}

export function getScenario(id: ScenarioId): ScenarioRecord<ScenarioId>;
export function getScenario(id: string): ScenarioRecord<ScenarioId>;
export function getScenario(id: string): ScenarioRecord<ScenarioId> {
  if (!isScenarioId(id)) throw new Error(`Unknown scenario "${id}". Known: ${SCENARIO_IDS.join(', ')}`);
  return SCENARIOS[id];
}

export { DEFAULT_SEED, scenarioConfig } from './build.ts';
export type * from './types.ts';
