import { describe, expect, it } from 'vitest';
import {
  configWith,
  createSimulation,
  EngineParamError,
  getScenario,
  pool,
  runScenario,
  SCENARIOS,
} from '../../src/engine';
import { runConfig } from '../helpers/engine';

describe('engine API', () => {
  it('names the parameter and its valid range in a typed error', () => {
    const bad = () => createSimulation(configWith({ clients: { natShare: 1.5 } }), { seed: 1 });
    expect(bad).toThrow(EngineParamError);
    try {
      bad();
    } catch (error) {
      expect(error).toMatchObject({ param: 'clients.natShare', range: 'a number from 0 to 1', value: 1.5 });
    }
    expect(() => createSimulation(configWith({ balancer: { mode: 'l7', tls: 'passthrough' } }), { seed: 1 })).toThrow(
      /balancer\.tls/,
    );
    expect(() => createSimulation(configWith({ balancer: { maglevTableSize: 100 } }), { seed: 1 })).toThrow(/prime/);
  });

  it('rejects a bad live change without touching the running simulation', () => {
    const sim = createSimulation(configWith({}), { seed: 1 });
    sim.advanceTo(100);
    expect(() => sim.update({ clients: { ratePerSecond: -1 } })).toThrow(/clients\.ratePerSecond/);
    expect(sim.config.clients.ratePerSecond).toBe(400);
    expect(() => sim.setBackendState('nope', 'crashed')).toThrow(/backendId/);
  });

  it('models an empty pool as 503s, not an exception', () => {
    const m = runConfig(configWith({ pools: [pool('web', 0)] }), { seed: 1, durationMs: 1000 });
    expect(m.requests.sent).toBeGreaterThan(100);
    expect(m.requests.status503).toBe(m.requests.sent);
    expect(m.requests.failed).toBe(m.requests.sent);
  });

  it('fails open when every backend is unhealthy: requests go to all of them and fail on the crashed ones', () => {
    const sim = createSimulation(
      configWith({
        health: { active: { intervalMs: 50, healthyThreshold: 2, unhealthyThreshold: 2 } },
        pools: [pool('web', 3)],
      }),
      { seed: 2 },
    );
    sim.advanceTo(200);
    for (const id of ['web-1', 'web-2', 'web-3']) sim.setBackendState(id, 'crashed');
    sim.advanceTo(1000);
    const before = sim.metrics();
    expect(before.backends.every((b) => !b.healthy)).toBe(true);
    sim.advanceTo(3000);
    const after = sim.metrics();
    for (const b of after.backends)
      expect(b.requests).toBeGreaterThan(before.backends.find((x) => x.id === b.id)!.requests);
    expect(after.requests.failed - before.requests.failed).toBeGreaterThan(500);
  });

  it('shifts traffic live: a weight change shows in the recent window at once', () => {
    const sim = createSimulation(
      configWith({
        clients: { ratePerSecond: 2000 },
        balancer: { algorithm: 'weighted-round-robin' },
        pools: [pool('web', 2)],
      }),
      { seed: 3 },
    );
    sim.advanceTo(5000);
    sim.setWeight('web-2', 3);
    sim.advanceTo(6000);
    const share = sim.metrics().backends.find((b) => b.id === 'web-2')!.window.share;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });

  it('applies algorithm, rate and TLS changes mid-run', () => {
    const sim = createSimulation(configWith({}), { seed: 4 });
    sim.advanceTo(1000);
    sim.update({ balancer: { algorithm: 'p2c', tls: 'reencrypt' }, clients: { ratePerSecond: 1000, natShare: 0.5 } });
    sim.advanceTo(3000);
    const m = sim.metrics();
    expect(m.window.requestsPerSecond).toBeGreaterThan(800);
    expect(m.balancer.backendHandshakes).toBe(0); // pooled backend connections: re-encryption reuses them
  });

  it('reports remapped users when a backend is added or removed', () => {
    const sim = createSimulation(
      configWith({
        clients: { count: 3000 },
        balancer: { algorithm: 'maglev', mode: 'l4', tls: 'passthrough' },
        pools: [pool('web', 4)],
      }),
      { seed: 5 },
    );
    sim.advanceTo(500);
    const added = sim.addBackend('web');
    expect(added.keys).toBe(3000);
    expect(added.fraction).toBeGreaterThan(0.15);
    expect(added.fraction).toBeLessThan(0.25);
    expect(sim.metrics().remap).toEqual(added);
    const removed = sim.removeBackend('web-5');
    expect(removed.fraction).toBeGreaterThan(0.15);
    expect(sim.topology().pools[0]!.backends).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
  });

  it('keeps the trace bounded however long it runs, and serves new hops incrementally', () => {
    const sim = createSimulation(configWith({ traceCapacity: 100, clients: { ratePerSecond: 1000 } }), { seed: 6 });
    sim.advanceTo(1000);
    const first = sim.traceSince(0);
    expect(first.length).toBe(100);
    const seq = sim.lastTraceSeq;
    sim.advanceTo(60_000);
    expect(sim.traceSince(0).length).toBe(100);
    const fresh = sim.traceSince(sim.lastTraceSeq - 10);
    expect(fresh.map((h) => h.seq)).toEqual(Array.from({ length: 10 }, (_, i) => sim.lastTraceSeq - 9 + i));
    expect(sim.lastTraceSeq).toBeGreaterThan(seq);
    for (const hop of fresh) {
      expect(hop.arriveMs).toBeGreaterThanOrEqual(hop.departMs);
      expect(['syn', 'tls', 'request', 'response', 'health']).toContain(hop.kind);
    }
  });

  it('describes the topology as data', () => {
    const sim = createSimulation(getScenario('layered-tiers').config, { seed: 1 });
    const topology = sim.topology();
    expect(topology.nodes.map((n) => n.kind)).toEqual(['clients', 'l4-tier', 'balancer', ...Array(6).fill('backend')]);
    expect(topology.links).toContainEqual({ from: 'l4-tier', to: 'lb' });
  });

  it('exposes every preset by id', () => {
    for (const [id, scenario] of Object.entries(SCENARIOS)) {
      expect(getScenario(id)).toBe(scenario);
      expect(scenario.id).toBe(id);
    }
    expect(() => getScenario('nope')).toThrow(/Unknown scenario/);
    expect(runScenario(getScenario('nat-vs-dsr'), { durationMs: 1000 }).metrics.requests.sent).toBeGreaterThan(0);
  });
});
