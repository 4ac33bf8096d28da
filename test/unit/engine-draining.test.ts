/**
 * Known answers for connection draining: a removal without draining fails what the server holds,
 * a drained one fails nothing and leaves when idle, a WebSocket holds a drain open to its deadline,
 * and a draining server gets no new work.
 */
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  defaultConfig,
  getScenario,
  mergeConfig,
  runScenario,
  type DeepPartial,
  type SimConfig,
} from '../../src/engine';

const deploy = getScenario('rolling-deploy');
const run = (patch: DeepPartial<SimConfig>, durationMs = deploy.durationMs, seed = deploy.seed) =>
  runScenario({ ...deploy, config: mergeConfig(deploy.config, patch), durationMs, seed });

describe('connection draining (rolling deploy of four servers, seeds 1–5)', () => {
  it.each([1, 2, 3, 4, 5])('without draining, every request an old server holds fails (seed %i)', (seed) => {
    const { metrics } = run({ balancer: { drainMs: 0 } }, deploy.durationMs, seed);
    expect(metrics.drains).toHaveLength(4);
    const cut = metrics.drains.reduce((sum, d) => sum + d.cutRequests, 0);
    // Each removal happens at once, with requests in flight: nothing else fails in this scenario.
    for (const d of metrics.drains) expect(d.leftMs).toBe(d.startedMs);
    expect(cut).toBeGreaterThan(0);
    expect(metrics.requests.failed).toBe(cut);
  });

  it.each([1, 2, 3, 4, 5])('with draining, no request fails and each server leaves when idle (seed %i)', (seed) => {
    const { metrics } = run({ balancer: { drainMs: 30_000 } }, deploy.durationMs, seed);
    expect(metrics.requests.failed).toBe(0);
    expect(metrics.drains).toHaveLength(4);
    for (const d of metrics.drains) {
      expect(d.leftMs).not.toBeNull();
      // 100 ms requests: an idle server long before the 30 s deadline.
      expect(d.leftMs! - d.startedMs).toBeLessThan(2000);
      expect(d.cutRequests + d.cutConnections).toBe(0);
    }
  });

  it('a WebSocket holds the drain open until the deadline, which then cuts it', () => {
    const { metrics } = run({ balancer: { drainMs: 10_000 }, clients: { protocol: 'websocket' } }, 30_000);
    for (const d of metrics.drains) {
      expect(d.leftMs).toBe(d.deadlineMs);
      expect(d.cutConnections).toBeGreaterThan(0);
    }
  });

  it('a draining server takes no new requests, and the default (no draining) removes at once', () => {
    const config: SimConfig = mergeConfig(deploy.config, { balancer: { drainMs: 5000 } });
    const sim = createSimulation(config, { seed: 7 });
    sim.advanceTo(1000);
    sim.removeBackend('web-1');
    const before = sim.metrics().backends.find((b) => b.id === 'web-1')!;
    expect(before.draining).toBe(true);
    sim.advanceTo(1001);
    // Requests already on their way may still arrive; none is sent after the drain began.
    const requestsThen = sim.metrics().backends.find((b) => b.id === 'web-1')?.requests ?? before.requests;
    expect(requestsThen).toBe(before.requests);
    expect(defaultConfig().balancer.drainMs).toBe(0);
  });

  it('removing a draining server again cuts it at once', () => {
    const sim = createSimulation(mergeConfig(deploy.config, { balancer: { drainMs: 60_000 } }), { seed: 3 });
    sim.update({ clients: { protocol: 'websocket' } });
    sim.advanceTo(1000);
    sim.removeBackend('web-2');
    sim.advanceTo(1500);
    sim.removeBackend('web-2');
    const d = sim.metrics().drains[0]!;
    expect(d.leftMs).toBe(1500);
    expect(sim.backendIds()).not.toContain('web-2');
  });
});
