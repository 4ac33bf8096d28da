import { runScenario, type Metrics, type SimConfig } from '../../src/engine';

/** A bare config run headless through the one run function, for tests that need only metrics. */
export function runConfig(config: SimConfig, options: { seed: number; durationMs: number }): Metrics {
  return runScenario({ config, script: [], ...options }).metrics;
}
