import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/engine/pure';
import {
  ALGORITHMS,
  backend,
  configWith,
  createSimulation,
  defaultConfig,
  EngineParamError,
  getScenario,
  measure,
  pool,
  runScenario,
  startRun,
  TIER_ALGORITHMS,
  type DeepPartial,
  type Metrics,
  type ScriptStep,
  type SimConfig,
} from '../../src/engine';

/** The Lab's engine features (issue #16): panic threshold, slow start, the slow state, flow hashing. */

const TIMEOUT = 120_000;

/** Requests each backend got between consecutive marks (ms) of a scripted run. */
function requestsPerInterval(config: SimConfig, script: ScriptStep[], marks: number[], seed = 7) {
  const run = startRun({ config, script, seed, durationMs: marks[marks.length - 1]! });
  let previous = new Map<string, number>();
  return marks.map((t) => {
    run.advanceTo(t);
    const metrics = run.sim.metrics();
    const now = new Map(metrics.backends.map((b) => [b.id, b.requests]));
    const delta = new Map([...now].map(([id, n]) => [id, n - (previous.get(id) ?? 0)]));
    previous = now;
    return { t, delta, metrics };
  });
}

/** A backend's share of an interval's requests, over the fair share 1/n. */
function shareOfFair(delta: Map<string, number>, id: string): number {
  const total = [...delta.values()].reduce((a, b) => a + b, 0);
  return ((delta.get(id) ?? 0) / total) * delta.size;
}

const byId = (m: Metrics, id: string) => m.backends.find((b) => b.id === id)!;

describe('defaults keep every figure as it was', () => {
  it('defaults the new fields to off', () => {
    const config = defaultConfig();
    expect(config.balancer.panicThresholdPercent).toBe(0);
    expect(config.balancer.slowStartMs).toBe(0);
    expect(backend('x').slowdownFactor).toBe(5);
    expect(ALGORITHMS).not.toContain('flow-hash');
    expect(TIER_ALGORITHMS).toEqual([...ALGORITHMS, 'flow-hash']);
  });

  /**
   * Fingerprints of the metrics these runs gave before issue #16 (the new metrics fields left out):
   * adds, crashes, revives, gray failures, removals and passive ejection, over every algorithm
   * family. Update them only for a change that is meant to move the engine's figures.
   */
  const BEFORE: Record<string, [DeepPartial<SimConfig>, number]> = {
    'round-robin': [{ balancer: { algorithm: 'round-robin' } }, 2661593148],
    'weighted-round-robin': [{ balancer: { algorithm: 'weighted-round-robin' } }, 2546163048],
    random: [{ balancer: { algorithm: 'random' } }, 64974816],
    'least-outstanding': [{ balancer: { algorithm: 'least-outstanding' } }, 955821632],
    p2c: [{ balancer: { algorithm: 'p2c' } }, 2031707152],
    maglev: [{ balancer: { algorithm: 'maglev' } }, 191923032],
    'l4-least-connections': [
      { balancer: { mode: 'l4', tls: 'passthrough', algorithm: 'least-connections' } },
      705156100,
    ],
  };
  const NEW_FIELDS = new Set(['slowStartFactor', 'healthyPercent', 'panic']);
  const fingerprint = (m: Metrics) => fnv1a(JSON.stringify(m, (k, v: unknown) => (NEW_FIELDS.has(k) ? undefined : v)));
  const script: ScriptStep[] = [
    { atMs: 2000, action: 'add', pool: 'web' },
    { atMs: 3000, action: 'crash', backend: 'web-2' },
    { atMs: 8000, action: 'revive', backend: 'web-2' },
    { atMs: 9000, action: 'gray', backend: 'web-3' },
    { atMs: 12000, action: 'remove', backend: 'web-1' },
  ];

  it.each(Object.entries(BEFORE))('%s: the same metrics as before, bit for bit', (_name, [patch, before]) => {
    const config = configWith({
      ...patch,
      health: { passive: { consecutiveErrors: 3, ejectionMs: 2000 } },
      balancer: { ...patch.balancer, panicThresholdPercent: 0, slowStartMs: 0 },
    });
    const { metrics } = runScenario({ config, script, seed: 11, durationMs: 15000 });
    expect(fingerprint(metrics)).toBe(before);
    expect(metrics.pools.every((p) => !p.panic)).toBe(true);
    expect(metrics.backends.every((b) => b.slowStartFactor === 1)).toBe(true);
  });
});

describe('panic threshold', () => {
  /** Five servers; `crashed` of them crash at 1 s (the checks notice by about 7 s). */
  function crashRun(crashed: number, threshold: number) {
    const config = configWith({ balancer: { panicThresholdPercent: threshold }, pools: [pool('web', 5)] });
    const script = Array.from({ length: crashed }, (_, i): ScriptStep => ({
      atMs: 1000,
      action: 'crash',
      backend: `web-${i + 1}`,
    }));
    return requestsPerInterval(config, script, [10_000, 20_000], 3);
  }

  it('5 servers at 50%: with 3 crashed the pool panics, the crashed ones get requests that fail', () => {
    const [before, after] = crashRun(3, 50);
    const m = after!.metrics;
    expect(m.pools[0]!.panic).toBe(true);
    expect(m.pools[0]!.healthyPercent).toBe(40);
    const survivors = ['web-4', 'web-5'].reduce((sum, id) => sum + after!.delta.get(id)!, 0);
    const total = [...after!.delta.values()].reduce((a, b) => a + b, 0);
    // Balanced over all five again: the two survivors get about 2/5 instead of all of it.
    expect(survivors / total).toBeGreaterThan(0.37);
    expect(survivors / total).toBeLessThan(0.43);
    for (const id of ['web-1', 'web-2', 'web-3']) {
      const sent = after!.delta.get(id)!;
      expect(sent).toBeGreaterThan(0);
      expect(byId(m, id).errors - byId(before!.metrics, id).errors).toBe(sent);
      expect(byId(m, id).healthy).toBe(false);
    }
  });

  it('5 servers at 50%: with 2 crashed (60% healthy) it does not panic', () => {
    const [, after] = crashRun(2, 50);
    expect(after!.metrics.pools[0]!.panic).toBe(false);
    expect(after!.metrics.pools[0]!.healthyPercent).toBe(60);
    expect(after!.delta.get('web-1')).toBe(0);
    expect(after!.delta.get('web-2')).toBe(0);
  });

  it('threshold 0 never panics', () => {
    for (const crashed of [0, 2, 3, 4]) {
      const [, after] = crashRun(crashed, 0);
      expect(after!.metrics.pools[0]!.panic).toBe(false);
      for (let i = 1; i <= crashed; i++) expect(after!.delta.get(`web-${i}`)).toBe(0);
    }
  });

  it('a live change of the threshold takes effect at once (the candidate cache refreshes)', () => {
    const config = configWith({ pools: [pool('web', 5)] });
    const sim = createSimulation(config, { seed: 4 });
    sim.advanceTo(1000);
    for (const id of ['web-1', 'web-2', 'web-3']) sim.setBackendState(id, 'crashed');
    sim.advanceTo(10_000);
    const crashedRequests = () => byId(sim.metrics(), 'web-1').requests;
    const before = crashedRequests();
    sim.advanceTo(11_000);
    expect(crashedRequests()).toBe(before);
    sim.update({ balancer: { panicThresholdPercent: 50 } });
    expect(sim.metrics().pools[0]!.panic).toBe(true);
    sim.advanceTo(12_000);
    expect(crashedRequests()).toBeGreaterThan(before);
    sim.update({ balancer: { panicThresholdPercent: 0 } });
    const off = crashedRequests();
    sim.advanceTo(13_000);
    expect(sim.metrics().pools[0]!.panic).toBe(false);
    expect(crashedRequests()).toBe(off);
  });

  it('draining servers count on neither side: a drain does not tip the pool into panic', () => {
    const config = configWith({
      balancer: { panicThresholdPercent: 50, drainMs: 30_000 },
      clients: { protocol: 'websocket' },
      pools: [pool('web', 5)],
    });
    const sim = createSimulation(config, { seed: 5 });
    sim.advanceTo(1000);
    for (const id of ['web-1', 'web-2', 'web-3']) sim.removeBackend(id);
    sim.advanceTo(2000);
    const m = sim.metrics();
    expect(m.backends.filter((b) => b.draining)).toHaveLength(3);
    expect(m.pools[0]!.healthyPercent).toBe(100);
    expect(m.pools[0]!.panic).toBe(false);
  });

  it('rejects a threshold outside 0–100', () => {
    for (const bad of [-1, 101, Number.NaN])
      expect(() => createSimulation(configWith({ balancer: { panicThresholdPercent: bad } }), { seed: 1 })).toThrow(
        EngineParamError,
      );
  });

  it(
    'property: no panic while the healthy share is at or above the threshold, and then no unhealthy server gets new work',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 8 }),
          fc.oneof(fc.constant(0), fc.constant(100), fc.double({ min: 0, max: 100, noNaN: true })),
          fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), who: fc.nat() }), { maxLength: 8 }),
          fc.constantFrom(...ALGORITHMS),
          fc.constantFrom('l4' as const, 'l7' as const),
          fc.integer({ min: 1, max: 99 }),
          (n, threshold, crashes, algorithm, mode, seed) => {
            const config = configWith({
              clients: { count: 60, ratePerSecond: 400 },
              balancer: {
                mode,
                algorithm,
                tls: mode === 'l4' ? 'passthrough' : 'terminate',
                panicThresholdPercent: threshold,
              },
              health: { active: { intervalMs: 100, healthyThreshold: 2, unhealthyThreshold: 2 } },
              pools: [pool('web', n)],
            });
            // Crashes only: health and the panic state move one way, so a step's ends bound its middle.
            const script = crashes.map((c): ScriptStep => ({
              atMs: c.at,
              action: 'crash',
              backend: `web-${(c.who % n) + 1}`,
            }));
            const run = startRun({ config, script, seed, durationMs: 4000 });
            let previous = run.sim.metrics();
            for (let t = 250; t <= 4000; t += 250) {
              run.advanceTo(t);
              const m = run.sim.metrics();
              const healthy = m.backends.filter((b) => b.healthy).length;
              const percent = (healthy / n) * 100;
              expect(m.pools[0]!.healthyPercent).toBeCloseTo(percent, 9);
              expect(m.pools[0]!.panic).toBe(threshold > 0 && healthy * 100 < threshold * n);
              if (!m.pools[0]!.panic && healthy > 0)
                for (const b of previous.backends) if (!b.healthy) expect(byId(m, b.id).requests).toBe(b.requests);
              previous = m;
            }
          },
        ),
        { numRuns: 300, seed: 20260416 },
      );
    },
    TIMEOUT,
  );
});

describe('slow start', () => {
  const marks = [5000, 6000, 7000, 8000, 9000, 10_000, 11_000, 12_000, 13_000, 14_000, 15_000, 20_000];
  const addAt5s: ScriptStep[] = [{ atMs: 5000, action: 'add', pool: 'web' }];

  it('round robin: a server added with a 10 s window gets about 10% of its fair share at first, all of it by the end', () => {
    const config = configWith({ balancer: { algorithm: 'round-robin', slowStartMs: 10_000 }, pools: [pool('web', 4)] });
    const slices = requestsPerInterval(config, addAt5s, marks);
    const shares = slices.slice(1).map((s) => shareOfFair(s.delta, 'web-5'));
    // 5–6 s: weight 0.1 against four servers at 1 gives 0.1 / 4.1 of the requests, 0.12 of a fair fifth.
    expect(shares[0]).toBeGreaterThan(0.08);
    expect(shares[0]).toBeLessThan(0.17);
    // Linear in between (Envoy: max(0.1, t / window)), each second's share above the one before but one.
    for (let i = 2; i < 10; i++) expect(shares[i]!).toBeGreaterThan(shares[i - 1]! - 0.02);
    expect(shares[4]).toBeGreaterThan(0.35); // 9–10 s: factor 0.4–0.5
    expect(shares[4]).toBeLessThan(0.55);
    expect(shares[9]).toBeGreaterThan(0.85); // 14–15 s: factor 0.9–1
    // After the window: the plain round robin, exactly even again.
    expect(shares[10]).toBeGreaterThan(0.97);
    expect(shares[10]).toBeLessThan(1.03);
    const factor = (t: number) => byId(slices.find((s) => s.t === t)!.metrics, 'web-5').slowStartFactor;
    expect(factor(6000)).toBeCloseTo(0.1, 9);
    expect(factor(10_000)).toBeCloseTo(0.5, 9);
    expect(factor(15_000)).toBe(1);
  });

  it('least outstanding: the same ramp (Envoy weighs factor / (load + 1)), near 10% at first under light load', () => {
    const light = configWith({
      clients: { ratePerSecond: 100 },
      network: { clientRttMs: 1 },
      balancer: { algorithm: 'least-outstanding', slowStartMs: 10_000 },
      pools: [pool('web', 4, { serviceMs: 5 })],
    });
    const slices = requestsPerInterval(light, addAt5s, [5000, 7000, 11_000, 13_000, 15_000, 30_000]);
    const shares = slices.slice(1).map((s) => shareOfFair(s.delta, 'web-5'));
    expect(shares[0]).toBeGreaterThan(0.05); // 5–7 s: factor 0.1–0.2
    expect(shares[0]).toBeLessThan(0.25);
    expect(shares[1]).toBeGreaterThan(shares[0]!);
    expect(shares[2]).toBeGreaterThan(shares[1]!);
    expect(shares[3]).toBeGreaterThan(0.75);
    expect(shares[4]).toBeGreaterThan(0.95); // after the window
    expect(shares[4]).toBeLessThan(1.05);

    // At the default load the busier old servers weigh less, so the newcomer starts higher, still well below fair.
    const busy = configWith({
      balancer: { algorithm: 'least-outstanding', slowStartMs: 10_000 },
      pools: [pool('web', 4)],
    });
    const busyShares = requestsPerInterval(busy, addAt5s, marks)
      .slice(1)
      .map((s) => shareOfFair(s.delta, 'web-5'));
    expect(busyShares[0]).toBeLessThan(0.45);
    expect(busyShares[4]).toBeGreaterThan(busyShares[0]!);
    expect(busyShares[10]).toBeGreaterThan(0.95);
  });

  it('window 0 is the engine as before: the same metrics as a run that never heard of slow start', () => {
    const script: ScriptStep[] = [
      { atMs: 1000, action: 'add', pool: 'web' },
      { atMs: 2000, action: 'crash', backend: 'web-1' },
      { atMs: 9000, action: 'revive', backend: 'web-1' },
    ];
    for (const algorithm of ['round-robin', 'least-outstanding', 'random'] as const) {
      const config = configWith({ balancer: { algorithm, slowStartMs: 0 } });
      const { metrics } = runScenario({ config, script, seed: 9, durationMs: 15_000 });
      expect(metrics.backends.every((b) => b.slowStartFactor === 1)).toBe(true);
      // With the window on, the same run differs (so the comparison above can fail).
      const ramped = runScenario({
        config: configWith({ balancer: { algorithm, slowStartMs: 5000 } }),
        script,
        seed: 9,
        durationMs: 15_000,
      }).metrics;
      expect(ramped.backends.map((b) => b.requests)).not.toEqual(metrics.backends.map((b) => b.requests));
    }
  });

  it('starts on recovery: a revive the checks missed at once, one they noticed at the first passed checks', () => {
    const config = configWith({ balancer: { slowStartMs: 10_000 }, pools: [pool('web', 4)] });
    const sim = createSimulation(config, { seed: 2 });
    sim.advanceTo(1000);
    sim.setBackendState('web-1', 'crashed');
    sim.advanceTo(1500);
    sim.setBackendState('web-1', 'up'); // before any check failed: still healthy, so the ramp starts now
    expect(byId(sim.metrics(), 'web-1').slowStartFactor).toBeCloseTo(0.1, 9);
    sim.advanceTo(11_600);
    expect(byId(sim.metrics(), 'web-1').slowStartFactor).toBe(1);

    sim.setBackendState('web-2', 'crashed');
    sim.advanceTo(20_000); // three failed checks 2 s apart took it out
    expect(byId(sim.metrics(), 'web-2').healthy).toBe(false);
    sim.setBackendState('web-2', 'up');
    expect(byId(sim.metrics(), 'web-2').slowStartFactor).toBe(1); // not in service yet
    let t = 20_000;
    while (!byId(sim.metrics(), 'web-2').healthy) sim.advanceTo((t += 100));
    expect(byId(sim.metrics(), 'web-2').slowStartFactor).toBeCloseTo(0.1, 9);
    sim.advanceTo(t + 10_100);
    expect(byId(sim.metrics(), 'web-2').slowStartFactor).toBe(1);
  });

  it('a live change of the window applies to ramps under way; 0 ends them at once', () => {
    const config = configWith({ balancer: { slowStartMs: 10_000 }, pools: [pool('web', 3)] });
    const sim = createSimulation(config, { seed: 3 });
    sim.advanceTo(1000);
    sim.addBackend('web');
    sim.advanceTo(3000);
    expect(byId(sim.metrics(), 'web-4').slowStartFactor).toBeCloseTo(0.2, 9);
    sim.update({ balancer: { slowStartMs: 4000 } });
    expect(byId(sim.metrics(), 'web-4').slowStartFactor).toBeCloseTo(0.5, 9);
    sim.advanceTo(4000);
    expect(byId(sim.metrics(), 'web-4').slowStartFactor).toBeCloseTo(0.75, 9);
    sim.update({ balancer: { slowStartMs: 0 } });
    expect(byId(sim.metrics(), 'web-4').slowStartFactor).toBe(1);
    // Plain round robin again: counts from here on stay within one of each other.
    const at = sim.metrics().backends.map((b) => b.requests);
    sim.advanceTo(6000);
    const added = sim.metrics().backends.map((b, i) => b.requests - at[i]!);
    expect(Math.max(...added) - Math.min(...added)).toBeLessThanOrEqual(1);
  });

  it('hashing algorithms ignore it (as in Envoy): the same picks with or without a window', () => {
    for (const algorithm of ['maglev', 'ring-hash', 'ip-hash'] as const) {
      const run = (slowStartMs: number) =>
        runScenario({
          config: configWith({ balancer: { algorithm, slowStartMs } }),
          script: [{ atMs: 1000, action: 'add', pool: 'web' }],
          seed: 5,
          durationMs: 6000,
        }).metrics.backends.map((b) => b.requests);
      expect(run(10_000)).toEqual(run(0));
    }
  });

  it('rejects a negative or over-long window', () => {
    for (const bad of [-1, 900_001])
      expect(() => createSimulation(configWith({ balancer: { slowStartMs: bad } }), { seed: 1 })).toThrow(
        EngineParamError,
      );
  });
});

describe("the 'slow' state", () => {
  /** No network delay and room to serve everything at once: latency is the service time alone. */
  const bare = (patch: DeepPartial<SimConfig>) =>
    configWith({
      network: { clientRttMs: 0, backendRttMs: 0, l7HopMs: 0 },
      pools: [pool('web', 4, { concurrency: 64 })],
      ...patch,
    });
  const slowFirst: ScriptStep[] = [{ atMs: 0, action: 'slow', backend: 'web-1' }];

  it('multiplies each service time by the factor; the server stays healthy and answers', () => {
    for (const factor of [5, 3]) {
      const config = bare({ pools: [pool('web', 4, { concurrency: 64, slowdownFactor: factor })] });
      const { metrics } = runScenario({ config, script: slowFirst, seed: 6, durationMs: 20_000 });
      const slow = byId(metrics, 'web-1');
      const others = metrics.backends.filter((b) => b.id !== 'web-1');
      const othersMean = others.reduce((sum, b) => sum + b.latencyMs.mean, 0) / others.length;
      expect(slow.state).toBe('slow');
      expect(slow.latencyMs.mean / othersMean).toBeGreaterThan(factor * 0.9);
      expect(slow.latencyMs.mean / othersMean).toBeLessThan(factor * 1.1);
      expect(slow.errors).toBe(0);
    }
  });

  it('passes active health checks', () => {
    const config = bare({ health: { active: { intervalMs: 100, healthyThreshold: 2, unhealthyThreshold: 2 } } });
    const run = startRun({ config, script: slowFirst, seed: 6, durationMs: 5000 }, { traceCapacity: 5000 });
    for (let t = 500; t <= 5000; t += 500) {
      run.advanceTo(t);
      expect(byId(run.sim.metrics(), 'web-1').healthy).toBe(true);
    }
    const checks = run.sim.traceSince(0).filter((h) => h.kind === 'health' && h.to === 'web-1');
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((h) => h.ok === true)).toBe(true);
  });

  it('least outstanding steers away from it; round robin does not', () => {
    const share = (algorithm: 'round-robin' | 'least-outstanding') =>
      byId(
        runScenario({ config: bare({ balancer: { algorithm } }), script: slowFirst, seed: 6, durationMs: 20_000 })
          .metrics,
        'web-1',
      ).share;
    expect(share('round-robin')).toBeCloseTo(0.25, 2);
    expect(share('least-outstanding')).toBeLessThan(0.15);
  });

  it('draws no extra random numbers: under round robin the other servers see exactly the same requests', () => {
    const run = (script: ScriptStep[]) =>
      runScenario({ config: bare({}), script, seed: 8, durationMs: 10_000 }).metrics.backends.map((b) =>
        b.id === 'web-1' ? b.requests : [b.requests, b.latencyMs],
      );
    expect(run(slowFirst)).toEqual(run([]));
  });

  it('validates the factor (1–100) and accepts a server configured slow', () => {
    for (const bad of [0.5, 101])
      expect(() =>
        createSimulation(configWith({ pools: [pool('web', 2, { slowdownFactor: bad })] }), { seed: 1 }),
      ).toThrow(EngineParamError);
    const sim = createSimulation(configWith({ pools: [pool('web', 2, { state: 'slow' })] }), { seed: 1 });
    sim.advanceTo(100);
    expect(sim.metrics().backends.map((b) => b.state)).toEqual(['slow', 'slow']);
  });

  it(
    'property: scripts of crash, revive, gray, slow, add and remove replay identically',
    () => {
      const step = fc.record({
        at: fc.integer({ min: 0, max: 3000 }),
        action: fc.constantFrom(
          'crash' as const,
          'revive' as const,
          'gray' as const,
          'slow' as const,
          'remove' as const,
          'add' as const,
        ),
        who: fc.integer({ min: 1, max: 5 }),
      });
      fc.assert(
        fc.property(
          fc.array(step, { maxLength: 10 }),
          fc.constantFrom(...ALGORITHMS),
          fc.constantFrom(0, 30, 50, 100),
          fc.constantFrom(0, 500, 2000),
          fc.integer({ min: 1, max: 99 }),
          (steps, algorithm, panicThresholdPercent, slowStartMs, seed) => {
            const config = configWith({
              clients: { count: 80, ratePerSecond: 500 },
              // A small Maglev table: panic and ramps change the candidates, and each change rebuilds it.
              balancer: { algorithm, panicThresholdPercent, slowStartMs, maglevTableSize: 251 },
              health: {
                active: { intervalMs: 200, healthyThreshold: 2, unhealthyThreshold: 2 },
                passive: { consecutiveErrors: 3, ejectionMs: 300 },
              },
              pools: [pool('web', 4, { slowdownFactor: 4 })],
            });
            const script = steps.map((s): ScriptStep =>
              s.action === 'add'
                ? { atMs: s.at, action: 'add', pool: 'web' }
                : { atMs: s.at, action: s.action, backend: `web-${s.who}` },
            );
            const play = () => {
              const r = runScenario({ config: { ...config, traceCapacity: 100 }, script, seed, durationMs: 4000 });
              const { sent, completed, failed, inFlight } = r.metrics.requests;
              expect(completed + failed + inFlight).toBe(sent);
              const hops = r.hops.map((h) => [h.seq, h.kind, h.from, h.to, h.departMs, h.arriveMs, h.ok]);
              return JSON.stringify([r.metrics, r.events, hops]);
            };
            expect(fnv1a(play())).toBe(fnv1a(play()));
          },
        ),
        { numRuns: 200, seed: 20260417 },
      );
    },
    TIMEOUT,
  );
});

describe("'flow-hash' at the L4 tier: the 5-tuple's hash modulo the proxies", () => {
  it('spreads flows over the proxies', () => {
    const scenario = getScenario('layered-tiers');
    const config = {
      ...scenario.config,
      frontTier: { ...scenario.config.frontTier!, algorithm: 'flow-hash' as const },
    };
    const { metrics } = runScenario({ ...scenario, config });
    const shares = metrics.frontTier!.proxies.map((p) => p.share);
    for (const share of shares) expect(Math.abs(share - 1 / 3)).toBeLessThan(0.06);
  });

  it('every L4 node computes the same pick, so an ECMP change breaks no flow (round robin breaks many)', () => {
    const scenario = getScenario('ecmp-rehash');
    const broken = (algorithm: 'flow-hash' | 'round-robin') => {
      const config = { ...scenario.config, frontTier: { ...scenario.config.frontTier!, algorithm } };
      return measure('ecmpBrokenShare', runScenario({ ...scenario, config }));
    };
    expect(broken('flow-hash')).toBe(0);
    expect(broken('round-robin')).toBeGreaterThan(0.3);
  });

  it('is a tier algorithm only: the balancer and unknown names are refused', () => {
    const tier = (algorithm: string) =>
      configWith({ frontTier: { proxies: 2, algorithm: algorithm as 'maglev', forwarding: 'nat' } });
    expect(() => createSimulation(tier('flow-hash'), { seed: 1 })).not.toThrow();
    expect(() => createSimulation(tier('5-tuple'), { seed: 1 })).toThrow(EngineParamError);
    expect(() =>
      createSimulation(configWith({ balancer: { algorithm: 'flow-hash' as 'maglev' } }), { seed: 1 }),
    ).toThrow(EngineParamError);
  });
});
