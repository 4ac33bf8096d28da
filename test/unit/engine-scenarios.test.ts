import { describe, expect, it } from 'vitest';
import { checkExpectations, MEASURES, PREDICTIONS, resolvePrediction, runPreset, SCENARIOS } from '../../src/engine';

/** Every preset a lesson can embed runs headless and produces the outcome it promises. */
describe('scenario presets', () => {
  it('have unique ids and JSON-serialisable configs', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS) {
      expect(JSON.parse(JSON.stringify(scenario.config))).toEqual(scenario.config);
      expect(scenario.expect.length).toBeGreaterThan(0);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s produces its expected outcome', (_id, scenario) => {
    const results = checkExpectations(runPreset(scenario));
    for (const result of results) {
      expect(result.ok, `${result.measure} = ${result.value} not in ${result.range}: ${result.why}`).toBe(true);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s holds with another seed too', (_id, scenario) => {
    const results = checkExpectations(runPreset(scenario, 1234));
    expect(results.filter((r) => !r.ok).map((r) => `${r.measure} = ${r.value} (${r.range})`)).toEqual([]);
  });
});

/** Predict-then-run answers come from these runs, so they must be well-formed and robust. */
describe('predictions', () => {
  it.each(PREDICTIONS.map((p) => [p.id, p] as const))(
    '%s: outcomes tile the number line and the answer does not hang on one seed',
    (_id, prediction) => {
      expect(MEASURES[prediction.measure], prediction.measure).toBeTypeOf('function');
      expect(SCENARIOS.some((s) => s.id === prediction.scenario)).toBe(true);
      const { outcomes } = prediction;
      expect(outcomes[0]?.min).toBeUndefined();
      expect(outcomes[outcomes.length - 1]?.max).toBeUndefined();
      for (let i = 1; i < outcomes.length; i++) expect(outcomes[i]?.min).toBe(outcomes[i - 1]?.max);
      const answer = resolvePrediction(prediction);
      expect(answer.outcome).toBeDefined();
      // A lesson teaches the outcome, not a lucky draw: other seeds must agree.
      for (const seed of [7, 1234]) expect(resolvePrediction(prediction, seed).outcome).toBe(answer.outcome);
    },
  );
});
