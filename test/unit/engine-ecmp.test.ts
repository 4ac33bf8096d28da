/**
 * Known answers for ECMP in front of the L4 tier: modulo hashing over N → N + 1 nodes moves about
 * N/(N + 1) of the open flows, a resilient table about 1/(N + 1); Maglev at the nodes keeps moved
 * flows on their proxy, round robin resets about (P − 1)/P of them.
 */
import { describe, expect, it } from 'vitest';
import { configWith, createSimulation, pool, type Algorithm } from '../../src/engine';

function change(ecmp: 'modulo' | 'resilient', algorithm: Algorithm, from: number, to: number, seed = 42) {
  const sim = createSimulation(
    configWith({
      clients: { count: 20_000, ratePerSecond: 20_000, protocol: 'http2' },
      frontTier: { proxies: 4, algorithm, forwarding: 'dsr', l4Nodes: from, ecmp },
      pools: [pool('web', 4)],
    }),
    { seed },
  );
  sim.advanceTo(2000);
  sim.update({ frontTier: { l4Nodes: to } });
  const report = sim.metrics().frontTier!.lastChange!;
  sim.advanceTo(2500);
  const m = sim.metrics();
  expect(m.requests.completed + m.requests.failed + m.requests.inFlight).toBe(m.requests.sent);
  return { moved: report.moved / report.flows, broken: report.broken / report.flows, flows: report.flows };
}

describe('ECMP in front of the L4 tier (20,000 long-lived flows)', () => {
  it.each([1, 2, 4, 8, 15])('modulo over %i → N + 1 nodes moves about N/(N + 1) of the flows', (n) => {
    const { moved, flows } = change('modulo', 'maglev', n, n + 1);
    expect(flows).toBeGreaterThan(10_000);
    expect(moved).toBeCloseTo(n / (n + 1), 1);
  });

  it.each([2, 4, 8, 15])('a resilient table over %i → N + 1 nodes moves about 1/(N + 1)', (n) => {
    const { moved } = change('resilient', 'maglev', n, n + 1);
    expect(Math.abs(moved - 1 / (n + 1))).toBeLessThan(0.03);
  });

  it.each([5, 9])('removing one of %i nodes: modulo moves most flows, resilient only the leaver’s share', (n) => {
    expect(change('modulo', 'maglev', n, n - 1).moved).toBeGreaterThan(0.7);
    expect(Math.abs(change('resilient', 'maglev', n, n - 1).moved - 1 / n)).toBeLessThan(0.03);
  });

  it('consistent hashing at the nodes breaks no moved flow; round robin breaks about (P − 1)/P of them', () => {
    expect(change('modulo', 'maglev', 4, 5).broken).toBe(0);
    const rr = change('modulo', 'round-robin', 4, 5);
    expect(rr.broken / rr.moved).toBeCloseTo(3 / 4, 1);
  });

  it('one L4 node (the default) keeps every flow where it was, bit for bit', () => {
    const base = { clients: { count: 500, ratePerSecond: 1000 }, pools: [pool('web', 3)] };
    const a = createSimulation(
      configWith({ ...base, frontTier: { proxies: 3, algorithm: 'round-robin', forwarding: 'dsr' } }),
      { seed: 5 },
    );
    const b = createSimulation(
      configWith({ ...base, frontTier: { proxies: 3, algorithm: 'round-robin', forwarding: 'dsr', l4Nodes: 1 } }),
      { seed: 5 },
    );
    a.advanceTo(1000);
    b.advanceTo(1000);
    expect(JSON.stringify(b.metrics().frontTier?.proxies)).toBe(JSON.stringify(a.metrics().frontTier?.proxies));
  });
});
