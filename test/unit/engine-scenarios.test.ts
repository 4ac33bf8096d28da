import { describe, expect, it } from 'vitest';
import { checkExpectations, runPreset, SCENARIOS } from '../../src/engine';

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
