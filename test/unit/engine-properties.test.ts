import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/engine/pure';
import { ALGORITHMS, configWith, createSimulation, pool, type Metrics, type SimConfig } from '../../src/engine';

const RUNS = { numRuns: 1000, seed: 20261126 };

/** Small, valid configs that reach every parameter's extremes. */
const configArb: fc.Arbitrary<SimConfig> = fc
  .record({
    mode: fc.constantFrom('l4' as const, 'l7' as const),
    algorithm: fc.constantFrom(...ALGORITHMS),
    tls: fc.constantFrom('none' as const, 'terminate' as const, 'passthrough' as const, 'reencrypt' as const),
    forwarding: fc.constantFrom('nat' as const, 'dsr' as const),
    stickiness: fc.constantFrom('none' as const, 'cookie' as const, 'source-ip' as const),
    protocol: fc.constantFrom('http1' as const, 'http2' as const, 'websocket' as const, 'quic' as const),
    // QUIC migration: off, now and then, and the valid maximum (100 moves per connection per second).
    migration: fc.constantFrom(0, 2, 100),
    quicRouting: fc.constantFrom('5-tuple' as const, 'connection-id' as const),
    clients: fc.oneof(fc.constant(1), fc.constant(100_000), fc.integer({ min: 1, max: 300 })),
    rate: fc.oneof(fc.constant(0), fc.constant(2_000_000), fc.double({ min: 0, max: 5000, noNaN: true })),
    natShare: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
    usersPerIp: fc.oneof(fc.constant(1), fc.constant(5000), fc.integer({ min: 1, max: 50 })),
    backends: fc.integer({ min: 0, max: 6 }),
    concurrency: fc.oneof(fc.constant(1), fc.constant(10_000), fc.integer({ min: 1, max: 16 })),
    serviceMs: fc.oneof(fc.constant(0.001), fc.constant(600_000), fc.double({ min: 0.01, max: 200, noNaN: true })),
    distribution: fc.constantFrom('exponential' as const, 'bimodal' as const, 'constant' as const),
    weight: fc.oneof(fc.constant(0), fc.constant(999), fc.integer({ min: 1, max: 5 })),
    rtt: fc.oneof(fc.constant(0), fc.constant(1000), fc.double({ min: 0, max: 100, noNaN: true })),
    sessions: fc.constantFrom('none' as const, 'memory' as const, 'shared' as const),
    refresh: fc.constantFrom(0, 5, 600_000),
    passive: fc.boolean(),
  })
  .map((p) => {
    const mode = p.mode;
    const tls0 = mode === 'l7' && p.tls === 'passthrough' ? 'terminate' : p.tls;
    // QUIC is always encrypted: 'none' becomes the mode's own default.
    const tls = p.protocol === 'quic' && tls0 === 'none' ? (mode === 'l4' ? 'passthrough' : 'terminate') : tls0;
    return configWith({
      clients: {
        count: p.clients,
        ratePerSecond: p.rate,
        protocol: p.protocol,
        migrationPerSecond: p.migration,
        natShare: p.natShare,
        usersPerIp: p.usersPerIp,
      },
      balancer: {
        mode,
        algorithm: p.algorithm,
        tls,
        forwarding: mode === 'l7' ? 'nat' : p.forwarding,
        stickiness: mode === 'l4' && p.stickiness === 'cookie' ? 'none' : p.stickiness,
        statsRefreshMs: p.refresh,
        quicRouting: p.quicRouting,
      },
      health: { passive: p.passive ? { consecutiveErrors: 2, ejectionMs: 100 } : null },
      sessions: p.sessions,
      network: { clientRttMs: p.rtt, backendRttMs: Math.min(p.rtt, 100) },
      pools: [
        pool('web', p.backends, {
          concurrency: p.concurrency,
          serviceMs: p.serviceMs,
          distribution: p.distribution,
          weight: p.weight,
        }),
      ],
    });
  });

/** Long enough to matter, short enough that a 2,000,000 req/s extreme stays a few hundred requests. */
const durationFor = (config: SimConfig, requests = 600) =>
  Math.min(500, config.clients.ratePerSecond > 0 ? (requests / config.clients.ratePerSecond) * 1000 : 500);
const TIMEOUT = 120_000;

function everyNumber(value: unknown, visit: (path: string, n: number) => void, path = ''): void {
  if (typeof value === 'number') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => everyNumber(v, visit, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) everyNumber(v, visit, path ? `${path}.${k}` : k);
}

describe('engine properties (fast-check, 1,000 runs each)', () => {
  it(
    'conserves requests: sent = completed + failed + in flight (counted on its own)',
    () => {
      fc.assert(
        fc.property(configArb, fc.integer({ min: 1, max: 9 }), (config, seed) => {
          const sim = createSimulation(config, { seed });
          const step = durationFor(config) / 4;
          for (let i = 1; i <= 4; i++) {
            sim.advanceTo(step * i);
            const { sent, completed, failed, inFlight } = sim.metrics().requests;
            expect(completed + failed + inFlight).toBe(sent);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'never reports NaN, Infinity or a negative number, even at parameter extremes',
    () => {
      fc.assert(
        fc.property(configArb, (config) => {
          const sim = createSimulation(config, { seed: 1 });
          sim.advanceTo(durationFor(config));
          everyNumber(sim.metrics(), (path, n) => {
            if (!Number.isFinite(n) || n < 0) throw new Error(`${path} = ${n}`);
          });
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'never moves simulated time backwards, whatever the steps',
    () => {
      fc.assert(
        fc.property(
          configArb,
          fc.array(fc.double({ min: -0.2, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 8 }),
          (config, steps) => {
            const sim = createSimulation({ ...config, traceCapacity: 50 }, { seed: 2 });
            const span = durationFor(config, 300);
            let last = 0;
            let lastDepart = 0;
            for (const step of steps) {
              // Negative steps ask to go back in time: the clock must refuse.
              sim.advanceTo(last + step * span);
              expect(sim.timeMs).toBeGreaterThanOrEqual(last);
              last = sim.timeMs;
              for (const hop of sim.traceSince(0).filter((h) => h.kind === 'health')) {
                expect(hop.departMs).toBeGreaterThanOrEqual(0);
                lastDepart = Math.max(lastDepart, hop.departMs);
              }
              expect(lastDepart).toBeLessThanOrEqual(last);
            }
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'round robin keeps per-backend counts within 1 of each other',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 1, max: 2000 }),
          fc.integer({ min: 1, max: 99 }),
          (n, rate, seed) => {
            const sim = createSimulation(
              configWith({
                clients: { count: 50, ratePerSecond: rate },
                balancer: { algorithm: 'round-robin' },
                pools: [pool('web', n)],
              }),
              { seed },
            );
            sim.advanceTo(300);
            const counts = sim.metrics().backends.map((b) => b.requests);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'sends no new requests to a backend marked down while another is healthy',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom('l4' as const, 'l7' as const),
          fc.constantFrom(...ALGORITHMS),
          fc.integer({ min: 2, max: 6 }),
          fc.integer({ min: 1, max: 99 }),
          (mode, algorithm, n, seed) => {
            const config = configWith({
              clients: { count: 40, ratePerSecond: 400 },
              balancer: { mode, algorithm, tls: mode === 'l4' ? 'passthrough' : 'terminate' },
              health: { active: { intervalMs: 20, healthyThreshold: 2, unhealthyThreshold: 2 } },
              pools: [pool('web', n)],
            });
            const sim = createSimulation(config, { seed });
            sim.advanceTo(100);
            sim.setBackendState('web-1', 'crashed');
            sim.advanceTo(200); // two failed checks 20 ms apart mark it down
            const down = (m: Metrics) => m.backends.find((b) => b.id === 'web-1')!;
            expect(down(sim.metrics()).healthy).toBe(false);
            const before = down(sim.metrics()).requests;
            sim.advanceTo(400);
            expect(down(sim.metrics()).requests).toBe(before);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'is deterministic: the same seed gives the same metrics and trace, in one run or many steps',
    () => {
      fc.assert(
        fc.property(
          configArb,
          fc.integer({ min: 1, max: 1000 }),
          fc.array(fc.double({ min: 0.1, max: 80, noNaN: true }), { minLength: 1, maxLength: 10 }),
          (config, seed, steps) => {
            const traced = { ...config, traceCapacity: 200 };
            const end = Math.min(
              durationFor(config, 300),
              steps.reduce((a, b) => a + b, 0),
            );
            const whole = createSimulation(traced, { seed });
            whole.advanceTo(end);
            const stepped = createSimulation(traced, { seed });
            let t = 0;
            for (const step of steps) {
              t = Math.min(end, t + step);
              stepped.advanceTo(t);
            }
            stepped.advanceTo(end);
            expect(stepped.metrics()).toEqual(whole.metrics());
            expect(hash(stepped.traceSince(0))).toBe(hash(whole.traceSince(0)));
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

function hash(value: unknown): string {
  const text = JSON.stringify(value);
  return `${text.length}:${fnv1a(text)}`;
}

describe('engine under live changes (fast-check, 1,000 runs)', () => {
  const change = fc.oneof(
    fc.record({
      kind: fc.constant('rate' as const),
      value: fc.oneof(fc.constant(0), fc.constant(2_000_000), fc.double({ min: 0, max: 3000, noNaN: true })),
    }),
    fc.record({ kind: fc.constant('nat' as const), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('algorithm' as const), value: fc.constantFrom(...ALGORITHMS) }),
    fc.record({
      kind: fc.constant('tls' as const),
      value: fc.constantFrom('none' as const, 'terminate' as const, 'reencrypt' as const),
    }),
    fc.record({
      kind: fc.constant('weight' as const),
      value: fc.oneof(fc.constant(0), fc.constant(999), fc.integer({ min: 1, max: 9 })),
    }),
    fc.record({
      kind: fc.constant('state' as const),
      value: fc.constantFrom('up' as const, 'crashed' as const, 'gray' as const),
    }),
    fc.record({ kind: fc.constant('add' as const), value: fc.constant(0) }),
    fc.record({ kind: fc.constant('remove' as const), value: fc.constant(0) }),
    fc.record({ kind: fc.constant('tier' as const), value: fc.boolean() }),
    fc.record({ kind: fc.constant('drain' as const), value: fc.constantFrom(0, 20, 200, 60_000) }),
    fc.record({ kind: fc.constant('l4nodes' as const), value: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('ecmp' as const), value: fc.constantFrom('modulo' as const, 'resilient' as const) }),
    fc.record({
      kind: fc.constant('protocol' as const),
      value: fc.constantFrom('http1' as const, 'http2' as const, 'websocket' as const),
    }),
    fc.record({ kind: fc.constant('quic' as const), value: fc.constantFrom(0, 1, 50) }),
    fc.record({ kind: fc.constant('quicRouting' as const), value: fc.constantFrom('5-tuple', 'connection-id') }),
  );

  it(
    'stays consistent and deterministic whatever the sliders do mid-run',
    () => {
      fc.assert(
        fc.property(
          fc.array(change, { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 1, max: 99 }),
          (changes, seed) => {
            // Played twice: the same changes at the same times give the same run (determinism).
            expect(play(changes, seed)).toBe(play(changes, seed));
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  /** Plays `changes` on a small pool, checking the invariants after each; returns the run's hash. */
  function play(changes: readonly (typeof change extends fc.Arbitrary<infer C> ? C : never)[], seed: number): string {
    const sim = createSimulation(
      configWith({
        clients: { count: 60, ratePerSecond: 500 },
        sessions: 'memory',
        balancer: { cache: { enabled: true, hitRatio: 0.5 } },
        pools: [pool('web', 3)],
      }),
      { seed },
    );
    let t = 0;
    for (const c of changes) {
      const live = sim.topology().pools[0]!.backends;
      const target = live[seed % Math.max(live.length, 1)];
      switch (c.kind) {
        case 'rate':
          sim.update({ clients: { ratePerSecond: c.value } });
          break;
        case 'nat':
          sim.update({ clients: { natShare: c.value } });
          break;
        case 'algorithm':
          sim.update({ balancer: { algorithm: c.value } });
          break;
        case 'tls':
          // QUIC has no plaintext mode: the engine rejects it, so the slider would not offer it.
          if (!(c.value === 'none' && sim.config.clients.protocol === 'quic'))
            sim.update({ balancer: { tls: c.value } });
          break;
        case 'weight':
          if (target) sim.setWeight(target, c.value);
          break;
        case 'state':
          if (target) sim.setBackendState(target, c.value);
          break;
        case 'add':
          if (live.length < 8) sim.addBackend('web');
          break;
        case 'remove':
          if (target) sim.removeBackend(target);
          break;
        case 'tier':
          sim.update({ frontTier: c.value ? { proxies: 2, algorithm: 'maglev', forwarding: 'dsr' } : null });
          break;
        case 'drain':
          sim.update({ balancer: { drainMs: c.value } });
          break;
        case 'l4nodes':
          if (sim.config.frontTier) sim.update({ frontTier: { l4Nodes: c.value } });
          break;
        case 'ecmp':
          if (sim.config.frontTier) sim.update({ frontTier: { ecmp: c.value } });
          break;
        case 'protocol':
          sim.update({ clients: { protocol: c.value } });
          break;
        case 'quic':
          // QUIC at L4 (passthrough) or L7, its clients moving at c.value per second.
          sim.update({
            clients: { protocol: 'quic', migrationPerSecond: c.value },
            balancer: { tls: sim.config.balancer.tls === 'none' ? 'terminate' : sim.config.balancer.tls },
          });
          break;
        case 'quicRouting':
          sim.update({ balancer: { quicRouting: c.value } });
          break;
      }
      const rate = sim.config.clients.ratePerSecond;
      t += rate > 0 ? Math.min(100, (300 / rate) * 1000) : 100;
      sim.advanceTo(t);
      const m = sim.metrics();
      expect(m.requests.completed + m.requests.failed + m.requests.inFlight).toBe(m.requests.sent);
      // Only a move can lose a QUIC connection, and each loss is one reconnect.
      expect(m.migration.lost).toBeLessThanOrEqual(m.migration.moves);
      expect(m.migration.reconnects).toBe(m.migration.lost);
      // A removed server leaves by its deadline at the latest, and what it cuts fails.
      for (const d of m.drains) if (d.leftMs !== null) expect(d.leftMs).toBeLessThanOrEqual(d.deadlineMs);
      // (Cut requests still on the wire fail when they arrive, so count those in flight too.)
      const cut = m.drains.reduce((sum, d) => sum + d.cutRequests, 0);
      expect(cut).toBeLessThanOrEqual(m.requests.failed + m.requests.inFlight);
      everyNumber(m, (path, n) => {
        if (!Number.isFinite(n) || n < 0) throw new Error(`${path} = ${n}`);
      });
    }
    return hash([sim.metrics(), sim.traceSince(0)]);
  }
});
