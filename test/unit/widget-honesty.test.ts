import { describe, expect, it } from 'vitest';
import { createSimulation, runScenario, SCENARIOS } from '../../src/engine';
import { STEP_SIM_MS } from '../../src/widgets/clock';
import { KNOBS } from '../../src/widgets/knobs';
import { applyWidgetState, parseWidgetState, serializeWidgetState } from '../../src/widgets/url-state';
import { widgetConfig } from '../../src/widgets/widget-config';

describe('widgets show honest numbers', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))(
    '%s: the widget path equals a headless runScenario',
    (_id, scenario) => {
      const durationMs = 2000;
      const widget = createSimulation(widgetConfig(scenario.config), { seed: 1 });
      // Frame-sized steps, as the animation clock makes them, plus some single steps.
      for (let t = 0; t < durationMs - 100; t += 16.7) widget.advanceTo(t);
      for (let i = 0; i < 3; i++) widget.advanceBy(STEP_SIM_MS);
      widget.advanceTo(durationMs);
      const headless = runScenario(scenario.config, { seed: 1, durationMs });
      expect(widget.metrics()).toEqual(headless);
    },
  );
});

describe('shareable widget settings', () => {
  it('round-trips knob values through the URL form', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'what-the-lb-sees')!;
    const sim = createSimulation(scenario.config, { seed: 1 });
    const mode = KNOBS.mode;
    if (mode.type === 'select') mode.apply(sim, 'l4');
    const text = serializeWidgetState(scenario.id, sim, 1);
    expect(text).toBe('seed:1,mode:l4,tls:passthrough');
    const copy = createSimulation(scenario.config, { seed: 1 });
    applyWidgetState(scenario.id, copy, parseWidgetState(scenario.id, text));
    expect(copy.config.balancer).toEqual(sim.config.balancer);
  });

  it('ignores unknown knobs and bad values from a link', () => {
    expect(
      parseWidgetState('content-routing-canary', 'canary:250,rate:abc,mode:l4,nope:1,canary:30,seed:-1,x:../a').knobs,
    ).toEqual([['canary', '30']]);
    expect(parseWidgetState('content-routing-canary', null)).toEqual({ knobs: [], backends: [] });
    const flood = Array.from({ length: 100 }, () => 'add:web').join(',');
    expect(parseWidgetState('hash-churn', flood).backends).toHaveLength(32);
  });

  it('round-trips the seed and crashed, removed and added servers', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'crash-memory-sessions')!;
    const sim = createSimulation(scenario.config, { seed: 7 });
    sim.setBackendState('web-2', 'crashed');
    sim.removeBackend('web-3');
    sim.addBackend('web');
    const text = serializeWidgetState(scenario.id, sim, 7);
    const state = parseWidgetState(scenario.id, text);
    expect(state.seed).toBe(7);
    const copy = createSimulation(scenario.config, { seed: state.seed ?? 1 });
    applyWidgetState(scenario.id, copy, state);
    const shape = (h: typeof sim) => h.metrics().backends.map((b) => [b.id, b.state]);
    expect(shape(copy)).toEqual(shape(sim));
    // A link naming servers that do not exist changes nothing and throws nothing.
    const other = createSimulation(scenario.config, { seed: 1 });
    applyWidgetState(scenario.id, other, parseWidgetState(scenario.id, 'x:web-99,rm:nope,add:nopool'));
    expect(shape(other)).toEqual(shape(createSimulation(scenario.config, { seed: 1 })));
  });
});
