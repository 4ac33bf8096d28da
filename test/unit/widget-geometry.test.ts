import { describe, expect, it } from 'vitest';
import { configWith, createSimulation, getScenario, pool, SCENARIOS, type TopologyNode } from '../../src/engine';
import { resources } from '../../src/i18n';
import { layoutTopology, packetPosition } from '../../src/viz/layout';
import { MAX_FRAME_MS, pauseClock, SIM_MS_PER_SECOND, startClock, tick } from '../../src/widgets/clock';
import { KNOBS } from '../../src/widgets/knobs';

describe('widget clock', () => {
  it('maps wall time to simulated time at the chosen speed, capping long gaps', () => {
    const clock = startClock();
    expect(tick(clock, 1000, 1)).toBe(0);
    expect(tick(clock, 1050, 2)).toBeCloseTo((50 / 1000) * SIM_MS_PER_SECOND * 2);
    const before = clock.simMs;
    tick(clock, 60_000, 1); // the tab slept for a minute
    expect(clock.simMs - before).toBeCloseTo((MAX_FRAME_MS / 1000) * SIM_MS_PER_SECOND);
    pauseClock(clock);
    const paused = clock.simMs;
    expect(tick(clock, 120_000, 1)).toBe(paused);
  });
});

describe('packet-flow layout', () => {
  it('places every node inside the picture, balancer in the middle', () => {
    const sim = createSimulation(getScenario('layered-tiers').config, { seed: 1 });
    const placed = layoutTopology(sim.topology(), { width: 600, height: 300 });
    for (const node of placed.values()) {
      expect(node.x).toBeGreaterThan(0);
      expect(node.x).toBeLessThan(600);
      expect(node.y).toBeGreaterThan(0);
      expect(node.y).toBeLessThan(300);
    }
    expect(placed.get('lb')?.y).toBe(150);
  });

  it.each([
    ['en', 294],
    ['ru', 294],
    ['en', 700],
    ['ru', 700],
  ] as const)('%s at %d px: no two boxes touch, and every box stays inside the picture', (lang, width) => {
    const w = resources[lang].translation.widget;
    for (const scenario of Object.values(SCENARIOS)) {
      const sim = createSimulation(scenario.config, { seed: 1 });
      const topology = sim.topology();
      const labels = (node: TopologyNode) =>
        node.kind === 'balancer'
          ? [topology.mode.toUpperCase(), w.tls[topology.tls as keyof typeof w.tls]]
          : node.kind === 'clients'
            ? [w.node.clients]
            : node.kind === 'nat'
              ? [w.node.nat]
              : node.kind === 'store'
                ? [w.node.store]
                : node.kind === 'l4-tier'
                  ? [w.node.l4Tier]
                  : [node.label];
      const boxes = [...layoutTopology(topology, { width, height: 320 }, labels).values()];
      for (const b of boxes) {
        expect(b.x - b.width / 2, `${scenario.id} ${b.id}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width / 2, `${scenario.id} ${b.id}`).toBeLessThanOrEqual(width);
        expect(b.y - b.height / 2).toBeGreaterThanOrEqual(0);
        // Below each backend, its load bar (6 px) must stay in the picture too.
        expect(b.y + b.height / 2 + 6).toBeLessThanOrEqual(320);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const apart =
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 + 2 ||
            Math.abs(a.y - b.y) >= (a.height + b.height) / 2 + (a.kind === 'backend' ? 6 : 2);
          expect(apart, `${lang} ${width}px ${scenario.id}: ${a.id} × ${b.id}`).toBe(true);
        }
    }
  });

  it('moves a packet along its hop and bends DSR responses around the balancer', () => {
    const from = { x: 0, y: 100 };
    const to = { x: 100, y: 100 };
    expect(packetPosition({ from, to, departMs: 0, arriveMs: 10, t: 5, bypass: null })).toEqual({ x: 50, y: 100 });
    expect(packetPosition({ from, to, departMs: 0, arriveMs: 10, t: 99, bypass: null })).toEqual(to);
    expect(packetPosition({ from, to, departMs: 0, arriveMs: 10, t: 5, bypass: { x: 50, y: 300 } }).y).toBeGreaterThan(
      150,
    );
  });
});

describe('widget knobs', () => {
  it('exist for every scenario preset and keep the configuration valid at every option and extreme', () => {
    for (const [scenarioId, { widget }] of Object.entries(SCENARIOS)) {
      for (const id of widget.knobs) {
        const knob = KNOBS[id];
        const values = knob.type === 'select' ? [...knob.options] : [knob.min, knob.max];
        for (const value of values) {
          const sim = createSimulation(getScenario(scenarioId).config, { seed: 1 });
          sim.advanceTo(50);
          expect(
            () => (knob.type === 'select' ? knob.apply(sim, value as string) : knob.apply(sim, value as number)),
            `${scenarioId} ${id}=${value}`,
          ).not.toThrow();
          sim.advanceTo(100);
          expect(knob.type === 'select' ? knob.read(sim.config) : typeof knob.read(sim.config)).toBe(
            knob.type === 'select' ? value : 'number',
          );
        }
      }
    }
  });

  it('handles an empty pool after removing every backend but one', () => {
    const sim = createSimulation(configWith({ pools: [pool('web', 1)] }), { seed: 1 });
    sim.advanceTo(100);
    expect(sim.metrics().backends).toHaveLength(1);
  });
});

describe('"Try this" goals', () => {
  it('have text in both languages for every scenario a lesson plays by hand', async () => {
    const en = (await import('../../src/i18n/locales/en')).default;
    const ru = (await import('../../src/i18n/locales/ru')).default;
    // Replays run inside predict quizzes, which show no goal.
    for (const scenario of Object.values(SCENARIOS).filter((s) => !s.id.endsWith('-replay'))) {
      expect((en.widget.goal as Record<string, string>)[scenario.id], scenario.id).toBeTruthy();
      expect((ru.widget.goal as Record<string, string>)[scenario.id], scenario.id).toBeTruthy();
    }
  });

  it('are reachable with the widget’s own controls (a sample)', () => {
    const goal = (id: Parameters<typeof getScenario>[0]) => getScenario(id).widget.goal;
    const sim = createSimulation(getScenario('content-routing-canary').config, { seed: 1 });
    sim.advanceTo(1000);
    expect(goal('content-routing-canary')(sim.metrics(), sim.config)).toBe(false);
    const canary = KNOBS.canary;
    if (canary.type === 'range') canary.apply(sim, 25);
    sim.advanceTo(3000);
    expect(goal('content-routing-canary')(sim.metrics(), sim.config)).toBe(true);
    const tls = createSimulation(getScenario('tls-modes').config, { seed: 1 });
    const knob = KNOBS.tls;
    if (knob.type === 'select') knob.apply(tls, 'passthrough');
    expect(goal('tls-modes')(tls.metrics(), tls.config)).toBe(true);
  });
});
