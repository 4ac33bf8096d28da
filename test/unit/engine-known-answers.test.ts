import { describe, expect, it } from 'vitest';
import { runConfig } from '../helpers/engine';
import {
  configWith,
  createSimulation,
  pool,
  viewAtL4,
  viewAtL7,
  type Algorithm,
  type SimConfig,
} from '../../src/engine';

/** Answers worked out independently (fact base §1.3, §4, §6), with the tolerances of the issue. */
describe('engine known answers', () => {
  const users10k = (patch: Parameters<typeof configWith>[0]) =>
    configWith({
      clients: { count: 10_000, ratePerSecond: 5000 },
      pools: [pool('web', 10, { concurrency: 64, serviceMs: 5 })],
      ...patch,
    });

  it('30% of 10,000 users behind one NAT give its server 3.7× ± 0.4 its fair share under source-IP hash', () => {
    const m = runConfig(
      users10k({
        clients: { count: 10_000, ratePerSecond: 5000, natShare: 0.3 },
        balancer: { stickiness: 'source-ip' },
      }),
      { seed: 1, durationMs: 20_000 },
    );
    expect(m.imbalance).toBeGreaterThan(3.3);
    expect(m.imbalance).toBeLessThan(4.1);
  });

  it('cookie stickiness keeps max/mean ≤ 1.2 with the same NAT', () => {
    const m = runConfig(
      users10k({ clients: { count: 10_000, ratePerSecond: 5000, natShare: 0.3 }, balancer: { stickiness: 'cookie' } }),
      { seed: 1, durationMs: 20_000 },
    );
    expect(m.imbalance).toBeLessThanOrEqual(1.2);
  });

  const churn = (algorithm: Algorithm) => {
    const sim = createSimulation(
      configWith({
        clients: { count: 10_000, ratePerSecond: 10 },
        balancer: { mode: 'l4', tls: 'passthrough', algorithm },
        pools: [pool('web', 5)],
      }),
      { seed: 3 },
    );
    sim.advanceTo(100);
    return sim.addBackend('web').fraction;
  };

  it('5 → 6 servers remaps 5/6 ± 0.05 of keys with modulo hashing', () => {
    expect(Math.abs(churn('ip-hash') - 5 / 6)).toBeLessThanOrEqual(0.05);
  });

  it.each(['ring-hash', 'maglev'] as const)('5 → 6 servers remaps 1/6 ± 0.05 of keys with %s', (algorithm) => {
    expect(Math.abs(churn(algorithm) - 1 / 6)).toBeLessThanOrEqual(0.05);
  });

  it('DSR leaves the balancer the client’s packets: requests, ACKs and handshakes (≈ 4%, ± 0.5 pp); NAT carries everything', () => {
    const base = { clients: { count: 500, ratePerSecond: 1000 }, pools: [pool('web', 4)] };
    const dsr = runConfig(configWith({ ...base, balancer: { mode: 'l4', tls: 'passthrough', forwarding: 'dsr' } }), {
      seed: 2,
      durationMs: 10_000,
    });
    const nat = runConfig(configWith({ ...base, balancer: { mode: 'l4', tls: 'passthrough', forwarding: 'nat' } }), {
      seed: 2,
      durationMs: 10_000,
    });
    // By hand, MSS 1,448 and 52-byte headers and ACKs, one ACK per two segments, 6 requests per
    // TLS 1.3 connection. Client → server per request: the 800 B request in one segment (852 B),
    // 13 ACKs for the 26 segments of a 37,600 B response (676 B), and a sixth of the client's
    // handshake (SYN 60 + ACK 52 + ClientHello 569 + Finished 126 + 2 ACKs 104 = 911 B).
    // Server → client: the response (37,600 + 26 × 52 = 38,952 B), one ACK (52 B) and a sixth of
    // SYN-ACK 60 + a 4,000 B flight in 3 segments (4,156 B) + an ACK (52 B).
    const toServer = 852 + 676 + 911 / 6;
    const toClient = 38_952 + 52 + (60 + 4156 + 52) / 6;
    expect(Math.abs(dsr.balancer.bytesShare - toServer / (toServer + toClient))).toBeLessThanOrEqual(0.005);
    expect(nat.balancer.bytesShare).toBeCloseTo(1, 5);
  });

  it('a 10% canary weight gets 10% ± 1% of requests over a long run', () => {
    const m = runConfig(
      configWith({
        clients: { count: 2000, ratePerSecond: 2000 },
        pools: [pool('stable', 3), pool('canary', 1)],
        balancer: {
          defaultPool: 'stable',
          rules: [
            {
              id: 'all',
              match: { pathPrefix: '/' },
              forward: [
                { pool: 'stable', weight: 90 },
                { pool: 'canary', weight: 10 },
              ],
            },
          ],
        },
      }),
      { seed: 4, durationMs: 30_000 },
    );
    const canary = m.pools.find((p) => p.id === 'canary')!.share;
    expect(Math.abs(canary - 0.1)).toBeLessThanOrEqual(0.01);
  });

  it('HTTP/2 pins every stream of a connection to one backend under L4, and spreads them under L7', () => {
    const base = { clients: { count: 3, ratePerSecond: 600, protocol: 'http2' as const }, pools: [pool('web', 8)] };
    const l4 = runConfig(configWith({ ...base, balancer: { mode: 'l4', tls: 'passthrough' } }), {
      seed: 5,
      durationMs: 10_000,
    });
    const l7 = runConfig(configWith({ ...base, balancer: { mode: 'l7', tls: 'terminate' } }), {
      seed: 5,
      durationMs: 10_000,
    });
    expect(l4.backends.filter((b) => b.requests > 0).length).toBeLessThanOrEqual(3);
    expect(l7.backends.filter((b) => b.requests > 0).length).toBe(8);
    expect(l7.imbalance).toBeLessThan(1.1);
  });

  it('a crash loses in-memory sessions, and loses none with the shared store', () => {
    const run = (sessions: SimConfig['sessions']) => {
      const sim = createSimulation(
        configWith({
          clients: { count: 1000, ratePerSecond: 1000 },
          balancer: { stickiness: 'cookie' },
          sessions,
          pools: [pool('web', 4)],
        }),
        { seed: 6 },
      );
      sim.advanceTo(5000);
      sim.setBackendState('web-2', 'crashed');
      sim.advanceTo(15_000);
      return sim.metrics().sessionsLost;
    };
    expect(run('memory')).toBeGreaterThan(150);
    expect(run('shared')).toBe(0);
  });

  describe('TLS modes', () => {
    const hops = (tls: SimConfig['balancer']['tls'], mode: 'l4' | 'l7') => {
      const sim = createSimulation(
        configWith({ traceCapacity: 500, clients: { count: 10, ratePerSecond: 50 }, balancer: { mode, tls } }),
        { seed: 7 },
      );
      sim.advanceTo(2000);
      return sim.traceSince(0).filter((h) => h.kind === 'request');
    };

    it('under passthrough no L7 field is readable, so no L7 rule can match', () => {
      const requests = hops('passthrough', 'l4');
      expect(requests.length).toBeGreaterThan(10);
      for (const hop of requests) {
        const view = viewAtL7(hop.facts);
        for (const field of ['path', 'host', 'headers', 'cookies', 'method'] as const)
          expect(view[field].readable).toBe(false);
        expect(viewAtL4(hop.facts).sni.readable).toBe(true);
      }
    });

    it('under termination the backend hop is plaintext', () => {
      const backendHops = hops('terminate', 'l7').filter((h) => h.from === 'lb');
      expect(backendHops.length).toBeGreaterThan(10);
      for (const hop of backendHops) expect(hop.encrypted).toBe(false);
    });

    it('under re-encryption the backend hop is encrypted, but the balancer saw the plaintext', () => {
      const backendHops = hops('reencrypt', 'l7').filter((h) => h.from === 'lb');
      for (const hop of backendHops) {
        expect(hop.encrypted).toBe(true);
        expect(viewAtL7(hop.facts).path.readable).toBe(true);
        expect(viewAtL4(hop.facts).path).toEqual({ readable: false, reason: 'encrypted' });
      }
    });

    it('ECH hides the SNI from an L4 balancer', () => {
      const sim = createSimulation(
        configWith({
          traceCapacity: 100,
          clients: { count: 5, ratePerSecond: 50, ech: true },
          balancer: { mode: 'l4', tls: 'passthrough' },
        }),
        { seed: 8 },
      );
      sim.advanceTo(1000);
      const hop = sim.traceSince(0).find((h) => h.kind === 'request')!;
      expect(viewAtL4(hop.facts).sni).toEqual({ readable: false, reason: 'encrypted' });
    });

    it('TLS 1.2 costs one more round trip than TLS 1.3 before the first request byte', () => {
      const latency = (tlsVersion: '1.2' | '1.3') =>
        runConfig(
          configWith({
            clients: { count: 50, ratePerSecond: 50, tlsVersion, requestsPerConnection: 1 },
            pools: [pool('web', 2, { serviceMs: 1, distribution: 'constant' })],
          }),
          { seed: 9, durationMs: 5000 },
        ).latencyMs.p50;
      expect(latency('1.2') - latency('1.3')).toBeGreaterThan(17);
      expect(latency('1.2') - latency('1.3')).toBeLessThan(23);
    });
  });
});
