import { describe, expect, it } from 'vitest';
import {
  getScenario,
  measure,
  PREDICTIONS,
  type PacketPrediction,
  resolvePrediction,
  runScenario,
  SCENARIOS,
  startRun,
  type ScenarioRecord,
} from '../../src/engine';
import { formatMeasure } from '../../src/lib/format-measure';
import { SIM_MS_PER_SECOND, STEP_SIM_MS } from '../../src/widgets/clock';
import { KNOBS } from '../../src/widgets/knobs';
import { LoopHandles } from '../../src/widgets/use-simulation-loop';
import { WIDGET_TRACE_CAPACITY } from '../../src/widgets/use-widget-run';
import { applyKnobs, parseWidgetState, serializeWidgetState } from '../../src/widgets/url-state';

/** Plays a record the way a widget does: trace on, one frame's worth of simulated time per step. */
function playLikeAWidget(record: ScenarioRecord, endMs = record.durationMs) {
  const run = startRun(record, { traceCapacity: WIDGET_TRACE_CAPACITY });
  const loop = new LoopHandles(run, endMs);
  const frameMs = ((record.widget.timeScale ?? SIM_MS_PER_SECOND) * 16.7) / 1000;
  // Frame-sized steps with some jitter, as requestAnimationFrame delivers them, plus single steps.
  for (let i = 0; !loop.ended; i++) {
    if (i % 50 === 7) loop.stepBy(STEP_SIM_MS);
    else loop.advanceTo(loop.clock.simMs + frameMs * (0.5 + (i % 3) * 0.5));
  }
  return run;
}

describe('widgets show honest numbers', () => {
  it.each(Object.values(SCENARIOS).map((s) => [s.id, s] as const))(
    '%s: the widget path, script included, ends where the headless run does',
    (_id, record) => {
      const headless = runScenario(record);
      const widget = playLikeAWidget(record);
      expect(widget.timeMs).toBe(record.durationMs);
      expect(widget.view().metrics).toEqual(headless.metrics);
      expect(widget.remaps).toEqual(headless.remaps);
      expect(widget.events.map((e) => [e.atMs, e.source, e.step])).toEqual(
        record.script.map((step) => [step.atMs, 'script', step]),
      );
    },
  );

  it.each(PREDICTIONS.filter((p) => 'scenario' in p).map((p) => [p.id, p as PacketPrediction] as const))(
    '%s: the replay’s Result row reads exactly what the quiz states, in both languages',
    (_id, prediction) => {
      const built = resolvePrediction(prediction);
      const replay = playLikeAWidget(getScenario(prediction.scenario));
      const live = measure(prediction.measure, replay.view());
      for (const lang of ['en', 'ru'])
        expect(formatMeasure(live, prediction.format, lang)).toBe(formatMeasure(built.value, prediction.format, lang));
      expect(live).toBe(built.value);
    },
  );
});

describe('shareable widget settings', () => {
  it('round-trips knob values through the URL form', () => {
    const record = getScenario('what-the-lb-sees');
    const run = startRun(record);
    const mode = KNOBS.mode;
    if (mode.type === 'select') mode.apply(run.sim, 'l4');
    const text = serializeWidgetState(record.id, run);
    expect(text).toBe('seed:42,mode:l4,tls:passthrough');
    const copy = startRun(record);
    applyKnobs(copy, parseWidgetState(record.id, text));
    expect(copy.sim.config.balancer).toEqual(run.sim.config.balancer);
  });

  it('ignores unknown knobs, bad values and floods from a link', () => {
    expect(
      parseWidgetState('content-routing-canary', 'canary:250,rate:abc,mode:l4,nope:1,canary:30,seed:-1,x:../a').knobs,
    ).toEqual([['canary', '30']]);
    expect(parseWidgetState('content-routing-canary', null)).toEqual({ knobs: [], actions: [] });
    const flood = Array.from({ length: 100 }, () => 'add:web@1.0').join(',');
    expect(parseWidgetState('hash-churn', flood).actions).toHaveLength(64);
    expect(parseWidgetState('hash-churn', 'x:web-1@-1,x:web-1@abc,x:web-1@,x:web-1@1e12').actions).toEqual([]);
  });

  it('records the student’s actions with their times, and replays them at those times', () => {
    const record = getScenario('crash-memory-sessions');
    const run = startRun(record, { seed: 7 });
    run.advanceTo(2500);
    run.act({ action: 'crash', backend: 'web-2' });
    run.advanceTo(4000);
    run.act({ action: 'remove', backend: 'web-3' });
    run.act({ action: 'add', pool: 'web' });
    run.advanceTo(6000);
    const text = serializeWidgetState(record.id, run);
    expect(text).toBe('seed:7,sessions:memory,affinity:cookie,x:web-2@2.5,rm:web-3@4.0,add:web@4.0');
    const state = parseWidgetState(record.id, text);
    const copy = startRun(record, { seed: state.seed!, actions: state.actions });
    copy.advanceTo(6000);
    expect(copy.view().metrics).toEqual(run.view().metrics);
    // Replayed link actions are the student's, never the scenario's script.
    expect(copy.events.every((e) => e.source === 'student')).toBe(true);
  });

  it('never writes a scenario’s script into a link', () => {
    const record = getScenario('crash-memory-sessions-replay');
    const run = startRun(record);
    run.advanceTo(record.durationMs);
    expect(serializeWidgetState(record.id, run)).toBe('seed:42,sessions:memory,affinity:cookie');
  });

  it('keeps going when a link names servers that do not exist', () => {
    const record = getScenario('crash-memory-sessions');
    const state = parseWidgetState(record.id, 'x:web-99@1.0,rm:nope@1.0,add:nopool@1.0');
    const run = startRun(record, { actions: state.actions });
    run.advanceTo(3000);
    expect(run.events.map((e) => e.refused !== undefined)).toEqual([true, true, true]);
    expect(run.view().metrics).toEqual(runScenario(record, { durationMs: 3000 }).metrics);
  });
});
