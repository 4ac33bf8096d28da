import { describe, expect, it } from 'vitest';
import {
  checkExpectations,
  MEASUREMENTS,
  cellRun,
  evaluate,
  isExperimentId,
  isMeasureId,
  isScenarioId,
  PREDICTIONS,
  resolvePrediction,
  runScenario,
  SCENARIOS,
} from '../../src/engine';
import { SCHEDULING_MEASURES } from '../../src/engine/scheduling';

const records = Object.values(SCENARIOS);

/** Every scenario a lesson can embed runs headless and produces the outcome it promises. */
describe('scenario records', () => {
  it('have JSON-serialisable configs and scripts, and something to check', () => {
    for (const scenario of records) {
      expect(JSON.parse(JSON.stringify(scenario.config))).toEqual(scenario.config);
      expect(JSON.parse(JSON.stringify(scenario.script))).toEqual(scenario.script);
      expect(scenario.expect.length).toBeGreaterThan(0);
      for (const step of scenario.script) expect(step.atMs).toBeLessThan(scenario.durationMs);
    }
  });

  it.each(records.map((s) => [s.id, s] as const))('%s produces its expected outcome', (_id, scenario) => {
    const results = checkExpectations(scenario.expect, runScenario(scenario));
    for (const result of results) {
      expect(result.ok, `${result.measure} = ${result.value} not in ${result.range}: ${result.why}`).toBe(true);
    }
  });

  it.each(records.map((s) => [s.id, s] as const))('%s holds with another seed too', (_id, scenario) => {
    const results = checkExpectations(scenario.expect, runScenario(scenario, { seed: 1234 }));
    expect(results.filter((r) => !r.ok).map((r) => `${r.measure} = ${r.value} (${r.range})`)).toEqual([]);
  });

  it('play their script: a scripted change happens in the run, at its time', () => {
    const run = runScenario(SCENARIOS['crash-memory-sessions-replay']);
    expect(run.events.map((e) => [e.atMs, e.source, e.step.action])).toEqual([[5000, 'script', 'crash']]);
    expect(run.metrics.backends.find((b) => b.id === 'web-2')?.state).toBe('crashed');
  });
});

/** Predict-then-run answers come from these runs, so they must be well-formed and robust. */
describe('predictions', () => {
  it.each(PREDICTIONS.map((p) => [p.id, p] as const))(
    '%s: outcomes tile the number line and the answer does not hang on one seed',
    (_id, prediction) => {
      if ('experiment' in prediction) {
        expect(isExperimentId(prediction.experiment)).toBe(true);
        expect(SCHEDULING_MEASURES).toContain(prediction.measure);
      } else {
        expect(isMeasureId(prediction.measure)).toBe(true);
        expect(isScenarioId(prediction.scenario)).toBe(true);
      }
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

/** Every number a lesson can state comes from one of these runs. */
describe('measurements', () => {
  it('have unique ids and a finite value in every cell', () => {
    expect(new Set(MEASUREMENTS.map((m) => m.id)).size).toBe(MEASUREMENTS.length);
    for (const m of MEASUREMENTS) {
      const rows = m.rows ? Object.keys(m.rows) : [undefined];
      const cols = m.cols ? Object.keys(m.cols) : [undefined];
      for (const row of rows)
        for (const col of cols) {
          const run = cellRun(m, row, col);
          expect(run, `${m.id} ${row} ${col}`).toBeDefined();
          expect(Number.isFinite(evaluate(run!)), `${m.id} ${row} ${col}`).toBe(true);
        }
      // A cell must be named exactly: a table needs its row and column, a single value neither.
      if (m.rows) expect(cellRun(m)).toBeUndefined();
      else expect(cellRun(m, 'x')).toBeUndefined();
    }
  });
});
